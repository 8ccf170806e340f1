import { describe, expect, it } from 'vitest';
import {
  isExtraVideoFileName,
  isExtrasFolderName,
  isSampleFile,
  isSeasonFolderName,
  parseEpisodeFileName,
} from '../../../src/media/title-names.js';

describe('isSeasonFolderName', () => {
  it.each([
    ['Season 1', 1],
    ['Season 01', 1],
    ['season 12', 12],
    ['Season.03', 3],
    ['S01', 1],
    ['s2', 2],
    ['Specials', 0],
    ['specials', 0],
  ])('reads %s as season %i', (name, season) => {
    expect(isSeasonFolderName(name)).toBe(season);
  });

  it.each(['Seasons', 'Season One', 'Show S01', 'Subs', 'Extras', 'S01E01'])('does not read %s as a season', (name) => {
    expect(isSeasonFolderName(name)).toBeNull();
  });
});

describe('parseEpisodeFileName', () => {
  it.each([
    ['Show - S01E02 - Title.mkv', 1, [2]],
    ['show.s03e10.720p.mkv', 3, [10]],
    ['Show S01.E05.mkv', 1, [5]],
    ['Show - S01E01E02.mkv', 1, [1, 2]],
    ['Show - S01E01-E03.mkv', 1, [1, 2, 3]],
    ['Show - S01E01-03.mkv', 1, [1, 2, 3]],
    ['Show - 1x02 - Title.mkv', 1, [2]],
    ['Show 10x05.mkv', 10, [5]],
    ['Show - S00E01 - Pilot.mkv', 0, [1]],
  ])('reads %s', (name, season, episodes) => {
    expect(parseEpisodeFileName(name)).toEqual({ season, episodes });
  });

  it('does not read a resolution or an episode number followed by a quality as a range', () => {
    expect(parseEpisodeFileName('Movie (2010) 1920x1080.mkv')).toBeNull();
    expect(parseEpisodeFileName('Show - S01E05-720p.mkv')).toEqual({ season: 1, episodes: [5] });
  });

  it.each(['Movie (2010).mkv', 'Amélie (2001).mkv', 'Season 1.mkv'])('finds no episode in %s', (name) => {
    expect(parseEpisodeFileName(name)).toBeNull();
  });
});

describe('isSampleFile', () => {
  it.each(['sample.mkv', 'SAMPLE.mkv', 'Movie (2010)-sample.mkv', 'movie.sample.mkv'])('%s is a sample', (name) => {
    expect(isSampleFile(name)).toBe(true);
  });

  it.each(['Movie (2010).mkv', 'Samples.mkv', 'The Sample Man (2004).mkv', 'movie-samplex.mkv'])('%s is not a sample', (name) => {
    expect(isSampleFile(name)).toBe(false);
  });
});

describe('isExtrasFolderName', () => {
  it.each([
    'Extras',
    'featurettes',
    'Trailers',
    'Behind The Scenes',
    'deleted scenes',
    'Interviews',
    'Scenes',
    'Shorts',
    'Other',
    'Samples',
  ])('%s is an extras folder', (name) => {
    expect(isExtrasFolderName(name)).toBe(true);
  });

  it.each(['Extras (2010)', 'Season 01', 'Movie (2010)', 'behind-the-scenes'])('%s is not an extras folder', (name) => {
    expect(isExtrasFolderName(name)).toBe(false);
  });
});

describe('isExtraVideoFileName', () => {
  it.each(['Movie (2010)-trailer.mkv', 'Movie (2010)-Featurette.mp4', 'movie-behindthescenes.mkv', 'movie-deleted.mkv'])(
    '%s is an extra',
    (name) => {
      expect(isExtraVideoFileName(name)).toBe(true);
    },
  );

  it.each(['Movie (2010).mkv', 'Movie (2010) - 2160p.mkv', 'The.Big.Short.mkv', 'Trailer Park Boys (2006).mkv'])(
    '%s is not an extra',
    (name) => {
      expect(isExtraVideoFileName(name)).toBe(false);
    },
  );
});
