import { describe, expect, it } from 'vitest';
import { fileIsEpisode, parseReleaseName } from '../../../src/requests/release-name.js';

describe('parseReleaseName', () => {
  it('reads a single-episode scene name', () => {
    expect(parseReleaseName('Breaking.Bad.S01E02.1080p.WEB-DL.x264-NTb')).toEqual({
      resolution: 1080,
      source: 'web-dl',
      codec: 'x264',
      group: 'NTb',
      season: 1,
      episodes: [2],
      seasonPack: false,
    });
  });

  it('reads multi-episode runs in both spellings', () => {
    expect(parseReleaseName('Show.S02E03E04.720p.HDTV.x265-GRP').episodes).toEqual([3, 4]);
    expect(parseReleaseName('Show S02E03-E05 720p HDTV').episodes).toEqual([3, 4, 5]);
    expect(parseReleaseName('Show 2x07 480p DVDRip XviD').episodes).toEqual([7]);
  });

  it('recognises season packs', () => {
    const pack = parseReleaseName('Breaking Bad S01 720p BluRay HEVC-DEMAND');
    expect(pack).toMatchObject({
      season: 1,
      seasonPack: true,
      episodes: [],
      resolution: 720,
      source: 'bluray',
      codec: 'x265',
      group: 'DEMAND',
    });
    expect(parseReleaseName('Show.Season.3.1080p.WEB').toString()).toBeTruthy();
    expect(parseReleaseName('Show.Season.3.1080p.WEB')).toMatchObject({ season: 3, seasonPack: true });
  });

  it('reads movies: year, 2160p, remux; no season', () => {
    const movie = parseReleaseName('Heat.1995.2160p.UHD.BluRay.REMUX.HEVC-FGT.mkv');
    expect(movie).toMatchObject({ year: 1995, resolution: 2160, source: 'remux', codec: 'x265', group: 'FGT', seasonPack: false });
    expect(movie.season).toBeUndefined();
  });

  it('leaves unknown parts undefined', () => {
    const parsed = parseReleaseName('some random file');
    expect(parsed.resolution).toBeUndefined();
    expect(parsed.source).toBeUndefined();
    expect(parsed.group).toBeUndefined();
  });

  it('matches a file inside a pack to its episode', () => {
    expect(fileIsEpisode('Show.S01.720p/Show.S01E03.720p.mkv', 1, 3)).toBe(true);
    expect(fileIsEpisode('Show.S01.720p/Show.S01E03.720p.mkv', 1, 4)).toBe(false);
    expect(fileIsEpisode('Show.S01.720p/Show.S02E03.720p.mkv', 1, 3)).toBe(false);
  });
});
