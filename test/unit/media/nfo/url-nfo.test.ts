import { describe, expect, it } from 'vitest';
import { findUrls, parseNfo, readProviderUrl } from '../../../../src/media/nfo/index.js';

describe('parseNfo on URL-only NFOs', () => {
  it.each([
    ['https://www.themoviedb.org/movie/603-the-matrix', { type: 'tmdb', value: '603' }],
    ['https://www.themoviedb.org/tv/1396-breaking-bad', { type: 'tmdb', value: '1396' }],
    ['https://www.imdb.com/title/tt0133093/', { type: 'imdb', value: 'tt0133093' }],
    ['https://m.imdb.com/de/title/tt0133093/?ref_=nv_sr_1', { type: 'imdb', value: 'tt0133093' }],
    ['https://thetvdb.com/?tab=series&id=81189', { type: 'tvdb', value: '81189' }],
    ['http://thetvdb.com/index.php?tab=series&id=81189&lid=7', { type: 'tvdb', value: '81189' }],
    ['https://thetvdb.com/dereferrer/series/81189', { type: 'tvdb', value: '81189' }],
  ])('takes the id from %s', (url, id) => {
    expect(parseNfo(`${url}\n`, 'movie.nfo')).toStrictEqual({
      kind: 'url-only',
      uniqueIds: [{ ...id, isDefault: true }],
      urls: [url],
    });
  });

  it('reads several URLs, one id per provider, the first being the default', () => {
    const parsed = parseNfo(
      'https://www.imdb.com/title/tt0133093/\nhttps://www.themoviedb.org/movie/603\nhttps://www.imdb.com/title/tt0234215/',
      'movie.nfo',
    );
    expect(parsed.kind === 'url-only' && parsed.uniqueIds).toEqual([
      { type: 'imdb', value: 'tt0133093', isDefault: true },
      { type: 'tmdb', value: '603', isDefault: false },
    ]);
  });

  it('finds the IMDb link in a scene release NFO full of ASCII art', () => {
    const sceneNfo = [
      '  ██████  ▄████▄  ▓█████  ███▄    █ ▓█████ ',
      ' <<< The.Matrix.1999.1080p.BluRay.x264-GROUP >>>',
      '',
      ' IMDb ........: https://www.imdb.com/title/tt0133093/.',
      ' Rating ......: 8.7/10 (1,900,000 votes)',
    ].join('\r\n');
    const parsed = parseNfo(sceneNfo, 'group-thematrix.nfo');
    expect(parsed).toStrictEqual({
      kind: 'url-only',
      uniqueIds: [{ type: 'imdb', value: 'tt0133093', isDefault: true }],
      urls: ['https://www.imdb.com/title/tt0133093/'],
    });
  });

  it('returns the URL without ids when it names no provider id', () => {
    expect(parseNfo('https://thetvdb.com/series/breaking-bad', 'tvshow.nfo')).toStrictEqual({
      kind: 'url-only',
      uniqueIds: [],
      urls: ['https://thetvdb.com/series/breaking-bad'],
    });
  });

  it('reads a file whose XML holds only a comment and the URL after it', () => {
    const parsed = parseNfo('<!-- written by hand -->\nhttps://www.themoviedb.org/movie/603', 'movie.nfo');
    expect(parsed.kind).toBe('url-only');
    expect(parsed.kind === 'url-only' && parsed.uniqueIds).toEqual([{ type: 'tmdb', value: '603', isDefault: true }]);
  });
});

describe('parseNfo on combination NFOs (XML followed by a URL)', () => {
  it('merges the URL id into a movie that has no id of that provider', () => {
    const parsed = parseNfo(
      '<movie>\n  <title>The Matrix</title>\n  <uniqueid type="imdb" default="true">tt0133093</uniqueid>\n</movie>\nhttps://www.themoviedb.org/movie/603-the-matrix\n',
      'movie.nfo',
    );
    expect(parsed.kind).toBe('movie');
    expect(parsed.urls).toEqual(['https://www.themoviedb.org/movie/603-the-matrix']);
    expect(parsed.kind === 'movie' && parsed.movie.uniqueIds).toEqual([
      { type: 'imdb', value: 'tt0133093', isDefault: true },
      { type: 'tmdb', value: '603', isDefault: false },
    ]);
  });

  it('keeps the file’s own id when the URL names the same provider', () => {
    const parsed = parseNfo('<movie><uniqueid type="tmdb">603</uniqueid></movie>\nhttps://www.themoviedb.org/movie/604', 'movie.nfo');
    expect(parsed.kind === 'movie' && parsed.movie.uniqueIds).toEqual([{ type: 'tmdb', value: '603', isDefault: false }]);
  });

  it('accepts a TVDB URL with a bare & after a tvshow, making its id the default when the XML has none', () => {
    const parsed = parseNfo('<tvshow><title>Breaking Bad</title></tvshow>\nhttps://thetvdb.com/?tab=series&id=81189', 'tvshow.nfo');
    expect(parsed.kind === 'tvshow' && parsed.tvShow.uniqueIds).toEqual([{ type: 'tvdb', value: '81189', isDefault: true }]);
  });

  it('ignores URL ids of another kind of title: a movie URL does not describe a show', () => {
    const parsed = parseNfo('<tvshow><title>X</title></tvshow>\nhttps://www.themoviedb.org/movie/603', 'tvshow.nfo');
    expect(parsed.urls).toEqual(['https://www.themoviedb.org/movie/603']);
    expect(parsed.kind === 'tvshow' && parsed.tvShow.uniqueIds).toEqual([]);
  });

  it('adds a URL id to a single episode but not to a multi-episode file, where it is ambiguous', () => {
    const url = 'https://thetvdb.com/?tab=episode&seriesid=81189&id=349232';
    const single = parseNfo(`<episodedetails><title>Pilot</title></episodedetails>\n${url}`, 'e.nfo');
    const multi = parseNfo(`<episodedetails/><episodedetails/>\n${url}`, 'e.nfo');
    expect(single.kind === 'episodedetails' && single.episodes[0]?.uniqueIds).toEqual([{ type: 'tvdb', value: '349232', isDefault: true }]);
    expect(multi.kind === 'episodedetails' && multi.episodes.map((episode) => episode.uniqueIds)).toEqual([[], []]);
    expect(multi.urls).toEqual([url]);
  });
});

describe('readProviderUrl', () => {
  it('tells movies, shows and episodes apart', () => {
    expect(readProviderUrl('https://www.themoviedb.org/movie/603').entity).toBe('movie');
    expect(readProviderUrl('https://www.themoviedb.org/tv/1396').entity).toBe('tvshow');
    expect(readProviderUrl('https://thetvdb.com/?tab=episode&seriesid=81189&id=349232').entity).toBe('episode');
    expect(readProviderUrl('https://thetvdb.com/dereferrer/episode/349232')).toStrictEqual({
      url: 'https://thetvdb.com/dereferrer/episode/349232',
      entity: 'episode',
      uniqueId: { type: 'tvdb', value: '349232' },
    });
  });

  it('does not take a show id from a TMDB episode page as the episode id', () => {
    expect(readProviderUrl('https://www.themoviedb.org/tv/1396-breaking-bad/season/1/episode/1')).toStrictEqual({
      url: 'https://www.themoviedb.org/tv/1396-breaking-bad/season/1/episode/1',
      entity: 'episode',
    });
  });

  it('reads the TMDB API form with its version segment', () => {
    expect(readProviderUrl('https://api.themoviedb.org/3/movie/603?api_key=x').uniqueId).toEqual({ type: 'tmdb', value: '603' });
  });

  it('returns unknown for other sites and look-alike hosts', () => {
    expect(readProviderUrl('https://example.org/title/tt0133093/')).toStrictEqual({
      url: 'https://example.org/title/tt0133093/',
      entity: 'unknown',
    });
    expect(readProviderUrl('https://notimdb.com/title/tt0133093/').uniqueId).toBeUndefined();
  });
});

describe('findUrls', () => {
  it('finds http and https URLs in running text without trailing punctuation', () => {
    expect(findUrls('See https://www.imdb.com/title/tt0133093/, or (http://www.themoviedb.org/movie/603).')).toEqual([
      'https://www.imdb.com/title/tt0133093/',
      'http://www.themoviedb.org/movie/603',
    ]);
  });
});
