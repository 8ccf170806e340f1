import { describe, expect, it } from 'vitest';
import { readEpisodeNumbering } from '../../../../src/media/title-scan/episode-numbering.js';

describe('readEpisodeNumbering', () => {
  it.each([
    ['Show - S01E02.mkv', { season: 1, episodes: [2] }],
    ['Season 03/Show - S01E02.mkv', { season: 1, episodes: [2] }],
    ['Season 01/Show - S01E01E02.mkv', { season: 1, episodes: [1, 2] }],
    ['Specials/Show - 0x05.mkv', { season: 0, episodes: [5] }],
  ])('takes the season the name gives: %s', (relativePath, expected) => {
    expect(readEpisodeNumbering(relativePath)).toEqual(expected);
  });

  it.each([
    ['Season 02/Episode 5.mkv', { season: 2, episodes: [5] }],
    ['Season 02/Ep.07 - The Other One.mkv', { season: 2, episodes: [7] }],
    ['Season 02/E03E04.mkv', { season: 2, episodes: [3, 4] }],
    ['Season 02/E03-E05 - Finale.mkv', { season: 2, episodes: [3, 4, 5] }],
    ['Season 02/E08-720p.mkv', { season: 2, episodes: [8] }],
    ['Season 02/05 - Pilot.mkv', { season: 2, episodes: [5] }],
    ['Specials/Episode 1.mkv', { season: 0, episodes: [1] }],
    ['S3/12.mkv', { season: 3, episodes: [12] }],
  ])('takes the season from the season folder when the name gives only the episode: %s', (relativePath, expected) => {
    expect(readEpisodeNumbering(relativePath)).toEqual(expected);
  });

  it.each(['Episode 5.mkv', 'Season 01/Making of.mkv', 'Season 01/1080p Remux.mkv', 'Season 01/Se7en.mkv', 'Extras/Episode 5.mkv'])(
    'is null when neither name nor folder tells: %s',
    (relativePath) => {
      expect(readEpisodeNumbering(relativePath)).toBeNull();
    },
  );
});
