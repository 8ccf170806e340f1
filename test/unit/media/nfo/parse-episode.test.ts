import { describe, expect, it } from 'vitest';
import { parseNfo } from '../../../../src/media/nfo/index.js';
import type { EpisodeNfo } from '../../../../src/media/nfo/index.js';
import { readFixture } from './fixtures/read-fixture.js';

function parseEpisodes(xml: string): EpisodeNfo[] {
  const parsed = parseNfo(xml, 'episode.nfo');
  if (parsed.kind !== 'episodedetails') throw new Error(`expected episodes, got ${parsed.kind}`);
  return parsed.episodes;
}

describe('parseNfo on an episode NFO', () => {
  const episodes = parseEpisodes(readFixture('pilot.episode.nfo'));
  const [pilot] = episodes;

  it('returns a list with the one episode', () => {
    expect(episodes).toHaveLength(1);
  });

  it('reads the episode-specific fields', () => {
    expect(pilot?.title).toBe('Pilot');
    expect(pilot?.showTitle).toBe('Breaking Bad');
    expect(pilot?.season).toBe(1);
    expect(pilot?.episode).toBe(1);
    expect(pilot?.displaySeason).toBe(-1);
    expect(pilot?.displayEpisode).toBe(-1);
    expect(pilot?.aired).toBe('2008-01-20');
  });

  it('reads ids, ratings, people, artwork and stream details', () => {
    expect(pilot?.uniqueIds).toEqual([
      { type: 'tvdb', value: '349232', isDefault: true },
      { type: 'tmdb', value: '62085', isDefault: false },
      { type: 'imdb', value: 'tt0959621', isDefault: false },
    ]);
    expect(pilot?.ratings).toEqual([{ name: 'tmdb', value: 8.2, votes: 318, max: 10, isDefault: true }]);
    expect(pilot?.credits).toEqual(['Vince Gilligan']);
    expect(pilot?.directors).toEqual(['Vince Gilligan']);
    expect(pilot?.actors).toEqual([{ name: 'Bryan Cranston', role: 'Walter White', order: 0 }]);
    expect(pilot?.thumbs).toEqual([{ url: 'https://image.tmdb.org/t/p/original/pilot-still.jpg' }]);
    expect(pilot?.runtime).toBe(58);
    expect(pilot?.fileInfo).toEqual({
      video: [{ codec: 'h264', aspect: 1.778, width: 1920, height: 1080, durationInSeconds: 3489 }],
      audio: [{ codec: 'eac3', language: 'eng', channels: 6 }],
      subtitles: [],
    });
  });

  it('keeps unmodelled elements as extra', () => {
    expect(pilot?.extra.map((element) => element.name)).toEqual(['top250', 'playcount', 'dateadded']);
  });
});

describe('parseNfo on a multi-episode NFO', () => {
  const episodes = parseEpisodes(readFixture('lost-s01e01e02.multi-episode.nfo'));

  it('returns one episode per <episodedetails> root, in file order', () => {
    expect(episodes.map(({ title, season, episode, aired }) => ({ title, season, episode, aired }))).toEqual([
      { title: 'Pilot (1)', season: 1, episode: 1, aired: '2004-09-22' },
      { title: 'Pilot (2)', season: 1, episode: 2, aired: '2004-09-29' },
    ]);
  });

  it('keeps each episode’s own ids', () => {
    expect(episodes.map((episode) => episode.uniqueIds[0]?.value)).toEqual(['127131', '127132']);
  });

  it('reads roots separated by comments and blank lines', () => {
    const parsed = parseEpisodes(
      '<episodedetails><title>A</title></episodedetails>\n\n<!-- second part -->\n<episodedetails><title>B</title></episodedetails>',
    );
    expect(parsed.map((episode) => episode.title)).toEqual(['A', 'B']);
  });
});
