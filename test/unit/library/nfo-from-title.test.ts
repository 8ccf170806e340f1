import { describe, expect, it } from 'vitest';
import type { Movie, MediaStream } from '../../../src/db/schema/index.js';
import { fileInfoFromStreams, movieNfoFromTitle, trailerUrl } from '../../../src/library/publish/nfo-from-title.js';
import { parseNfo, writeMovieNfo } from '../../../src/media/nfo/index.js';

const movie = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'The Matrix',
  originalTitle: 'The Matrix',
  sortTitle: null,
  year: 1999,
  premiered: '1999-03-31',
  plot: 'A hacker learns the truth.',
  outline: null,
  tagline: 'Welcome to the Real World.',
  runtime: 136,
  mpaa: 'R',
  tmdbId: 603,
  imdbId: 'tt0133093',
  tvdbId: null,
  ratings: [
    { name: 'themoviedb', value: 8.2, votes: 26012, max: 10, isDefault: true },
    { name: 'imdb', value: 8.7, votes: 2000000, isDefault: false },
  ],
  genres: ['Action', 'Science Fiction'],
  countries: ['United States of America'],
  studios: ['Warner Bros. Pictures'],
  tags: ['cyberpunk'],
  directors: ['Lana Wachowski', 'Lilly Wachowski'],
  credits: ['Lilly Wachowski'],
  setName: 'The Matrix Collection',
  setOverview: null,
  trailer: null,
  nfoExtra: [],
} as unknown as Movie;

const stream = (s: Partial<MediaStream>): MediaStream =>
  ({ codec: null, language: null, width: null, height: null, hdr: null, channels: null, ...s }) as MediaStream;

describe('movieNfoFromTitle', () => {
  it('writes uniqueids, ratings, actors, set and fileinfo that read back as the same model', () => {
    const nfo = movieNfoFromTitle(movie, {
      actors: [
        { name: 'Carrie-Anne Moss', role: 'Trinity', sortOrder: 1, thumbUrl: null },
        { name: 'Keanu Reeves', role: 'Neo', sortOrder: 0, thumbUrl: 'https://image.tmdb.org/t/p/original/k.jpg' },
      ],
      thumbs: [{ url: 'https://image.tmdb.org/t/p/original/poster.jpg', aspect: 'poster' }],
      extra: [{ name: 'kodiextension', attributes: { source: 'me' }, children: ['kept'] }],
      fileInfo: fileInfoFromStreams({ durationSeconds: 8160.4 }, [
        stream({ streamType: 'video', codec: 'hevc', width: 1920, height: 800, hdr: 'hdr10' }),
        stream({ streamType: 'audio', codec: 'eac3', language: 'eng', channels: 6 }),
        stream({ streamType: 'subtitle', language: 'ger' }),
      ]),
      trailer: trailerUrl({ site: 'YouTube', key: 'm8e-FF8MsqU', url: 'https://www.youtube.com/watch?v=m8e-FF8MsqU' }),
    });
    const xml = writeMovieNfo(nfo);
    const parsed = parseNfo(xml, 'movie.nfo');
    expect(parsed.kind).toBe('movie');
    if (parsed.kind !== 'movie') return;
    expect(parsed.movie).toEqual(nfo);
    expect(parsed.movie.uniqueIds).toEqual([
      { type: 'tmdb', value: '603', isDefault: true },
      { type: 'imdb', value: 'tt0133093', isDefault: false },
    ]);
    expect(parsed.movie.actors.map((a) => a.name)).toEqual(['Keanu Reeves', 'Carrie-Anne Moss']);
    expect(parsed.movie.fileInfo?.video[0]).toEqual({
      codec: 'hevc',
      aspect: 2.4,
      width: 1920,
      height: 800,
      durationInSeconds: 8160,
      hdrType: 'hdr10',
    });
    expect(parsed.movie.trailer).toBe('plugin://plugin.video.youtube/play/?video_id=m8e-FF8MsqU');
    expect(xml).toContain('<kodiextension source="me">kept</kodiextension>');
    // Same model in, same bytes out: publishing twice writes nothing the second time.
    expect(writeMovieNfo(parsed.movie)).toBe(xml);
  });
});
