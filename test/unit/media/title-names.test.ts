import { describe, expect, it } from 'vitest';
import {
  isExtrasFolderName,
  isSampleFile,
  isSeasonFolderName,
  isTrailerFile,
  parseEpisodeFileName,
  parseFolderName,
  type ParsedFolderName,
} from '../../../src/media/title-names.js';

describe('parseFolderName', () => {
  it.each<[string, ParsedFolderName]>([
    ['The Matrix (1999)', { title: 'The Matrix', year: 1999, ids: {} }],
    ['The.Matrix.1999.1080p.BluRay.x264-GROUP', { title: 'The Matrix', year: 1999, ids: {} }],
    ['Amélie (2001) {tmdb-194}', { title: 'Amélie', year: 2001, ids: { tmdb: 194 } }],
    ['Heat (1995) [imdbid-tt0113277]', { title: 'Heat', year: 1995, ids: { imdb: 'tt0113277' } }],
    ['Show Name (2010) [tvdbid-12345]', { title: 'Show Name', year: 2010, ids: { tvdb: 12345 } }],
    ['{imdb-tt0133093}', { title: '', ids: { imdb: 'tt0133093' } }],
    ['The Matrix [tmdbid=603]', { title: 'The Matrix', ids: { tmdb: 603 } }],
    ['Blade Runner 2049 (2017)', { title: 'Blade Runner 2049', year: 2017, ids: {} }],
    ['1917 (2019)', { title: '1917', year: 2019, ids: {} }],
    ['2001 A Space Odyssey (1968)', { title: '2001 A Space Odyssey', year: 1968, ids: {} }],
    ['2001.A.Space.Odyssey.1968.REMASTERED.2160p.UHD.BluRay.x265-GRP', { title: '2001 A Space Odyssey', year: 1968, ids: {} }],
    ['Blade.Runner.2049.2017.2160p.WEB-DL.DDP5.1.HDR.HEVC-GRP', { title: 'Blade Runner 2049', year: 2017, ids: {} }],
    ['1917.2019.1080p.WEBRip.x264', { title: '1917', year: 2019, ids: {} }],
    ['1917.1080p.BluRay', { title: '1917', ids: {} }],
    ['Blade.Runner.2049.1080p.BluRay', { title: 'Blade Runner 2049', ids: {} }],
    ['The_Big_Lebowski_1998_720p', { title: 'The Big Lebowski', year: 1998, ids: {} }],
    ['Mr. Robot (2015)', { title: 'Mr. Robot', year: 2015, ids: {} }],
    ['S.W.A.T.2017.S01.1080p.AMZN.WEB-DL', { title: 'S.W.A.T.', year: 2017, ids: {} }],
    ['E.T.the.Extra-Terrestrial.1982.1080p.BluRay', { title: 'E.T. the Extra-Terrestrial', year: 1982, ids: {} }],
    ['Spider-Man.No.Way.Home.2021.2160p', { title: 'Spider-Man No Way Home', year: 2021, ids: {} }],
    ['Charlottes.Web.2006.DVDRip', { title: 'Charlottes Web', year: 2006, ids: {} }],
    ["The Movie (2010) {edition-Director's Cut} {tmdb-42}", { title: 'The Movie', year: 2010, ids: { tmdb: 42 } }],
    ['Leon [1080p] (1994)', { title: 'Leon', year: 1994, ids: {} }],
    ['Some Movie', { title: 'Some Movie', ids: {} }],
  ])('%s', (name, expected) => {
    expect(parseFolderName(name)).toEqual(expected);
  });

  it('ignores ids that are not well formed', () => {
    expect(parseFolderName('Heat (1995) [imdbid-113277] {tmdb-abc}')).toEqual({ title: 'Heat', year: 1995, ids: {} });
  });

  it('does not take a number beyond next year for a year', () => {
    expect(parseFolderName('Movie (2999)')).toEqual({ title: 'Movie (2999)', ids: {} });
  });
});

describe('parseEpisodeFileName', () => {
  it.each([
    ['Show.S01E02.1080p.mkv', 1, [2]],
    ['show s1e2.mkv', 1, [2]],
    ['Show.S01E02E03.mkv', 1, [2, 3]],
    ['Show.S01E02-E03.mkv', 1, [2, 3]],
    ['Show.S01E01-E04.mkv', 1, [1, 2, 3, 4]],
    ['Show.S01E05-06.mkv', 1, [5, 6]],
    ['Show S00E01 Pilot.mkv', 0, [1]],
    ['Show.S01.E02.mkv', 1, [2]],
    ['Show.S2010E105.mkv', 2010, [105]],
    ['Show - 1x02.mkv', 1, [2]],
    ['Show - 1x02-1x03.mkv', 1, [2, 3]],
    ['Show.1x02x03.mkv', 1, [2, 3]],
    ['Show.12x101.mkv', 12, [101]],
  ])('%s → season %i, episodes %j', (name, season, episodes) => {
    expect(parseEpisodeFileName(name)).toEqual({ season, episodes });
  });

  it.each([
    'Movie.2010.1080p.x264-GROUP.mkv',
    'Movie.1920x1080.mkv',
    'Movie 1280x720 h264.mkv',
    'Movie (2010).mkv',
    'Season 1.mkv',
    'Shows.E01.mkv',
  ])('%s is not an episode', (name) => {
    expect(parseEpisodeFileName(name)).toBeNull();
  });

  it('stops at a range that runs backwards, too far, or into another season', () => {
    expect(parseEpisodeFileName('Show.S01E05-E03.mkv')).toEqual({ season: 1, episodes: [5] });
    expect(parseEpisodeFileName('Show.S01E01-999.mkv')).toEqual({ season: 1, episodes: [1] });
    expect(parseEpisodeFileName('Show - 1x24-2x01.mkv')).toEqual({ season: 1, episodes: [24] });
    expect(parseEpisodeFileName('Show.S01E01-2019.mkv')).toEqual({ season: 1, episodes: [1] });
  });
});

describe('isSeasonFolderName', () => {
  it.each([
    ['Season 1', 1],
    ['Season 01', 1],
    ['season 10', 10],
    ['Season1', 1],
    ['S01', 1],
    ['s2', 2],
    ['Specials', 0],
    ['Season 0', 0],
    ['Staffel 2', 2],
    ['Saison 3', 3],
    ['Temporada 4', 4],
  ])('%s → %i', (name, season) => {
    expect(isSeasonFolderName(name)).toBe(season);
  });

  it.each(['Seasons', 'Season', 'Extras', 'Show (2010)', 'S01E01', 'Season One'])('%s is not a season', (name) => {
    expect(isSeasonFolderName(name)).toBeNull();
  });
});

describe('extras, samples and trailers', () => {
  it.each([
    'extras',
    'Featurettes',
    'trailers',
    'Behind The Scenes',
    'deleted scenes',
    'Interviews',
    'scenes',
    'shorts',
    'other',
    'samples',
    'clips',
  ])('%s is an extras folder', (name) => {
    expect(isExtrasFolderName(name)).toBe(true);
  });

  it.each(['Season 1', 'extrafanart', 'Subs', 'The Others'])('%s is not an extras folder', (name) => {
    expect(isExtrasFolderName(name)).toBe(false);
  });

  it.each([
    ['sample.mkv', true],
    ['Movie-sample.mkv', true],
    ['Movie.sample.mkv', true],
    ['SAMPLE.MKV', true],
    ['Sampler (2020).mkv', false],
    ['Free Sample.mkv', false],
    ['Movie.mkv', false],
  ])('isSampleFile(%s) is %s', (name, expected) => {
    expect(isSampleFile(name)).toBe(expected);
  });

  it.each([
    ['Movie-trailer.mkv', true],
    ['trailer.mp4', true],
    ['Movie.trailer.mkv', true],
    ['Movie-Trailer2.mkv', true],
    ['Trailer Park Boys (2001).mkv', false],
    ['The Trailer.mkv', false],
    ['Movie.mkv', false],
  ])('isTrailerFile(%s) is %s', (name, expected) => {
    expect(isTrailerFile(name)).toBe(expected);
  });
});
