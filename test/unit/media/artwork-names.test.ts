import { describe, expect, it } from 'vitest';
import {
  KODI_SEASON_ARTWORK_TYPES,
  KODI_TITLE_ARTWORK_FILE_NAMES,
  classifyArtwork,
  kodiExtraFanartPath,
  kodiSeasonArtworkFileName,
  kodiVideoThumbFileName,
  type ArtworkMatch,
} from '../../../src/media/artwork-names.js';

const videos = ['The Matrix (1999)', 'Show S01E01'];

describe('classifyArtwork', () => {
  it.each<[string, ArtworkMatch]>([
    ['poster.jpg', { assetType: 'poster' }],
    ['folder.jpg', { assetType: 'poster' }],
    ['cover.jpg', { assetType: 'poster' }],
    ['POSTER.JPG', { assetType: 'poster' }],
    ['poster.webp', { assetType: 'poster' }],
    ['The Matrix (1999)-poster.jpg', { assetType: 'poster' }],
    ['the matrix (1999)-POSTER.png', { assetType: 'poster' }],
    ['movie-poster.jpg', { assetType: 'poster' }],
    ['fanart.jpg', { assetType: 'fanart' }],
    ['backdrop.jpg', { assetType: 'fanart' }],
    ['background.jpeg', { assetType: 'fanart' }],
    ['The Matrix (1999)-fanart.jpg', { assetType: 'fanart' }],
    ['banner.jpg', { assetType: 'banner' }],
    ['clearlogo.png', { assetType: 'clearlogo' }],
    ['logo.png', { assetType: 'clearlogo' }],
    ['clearart.png', { assetType: 'clearart' }],
    ['discart.png', { assetType: 'discart' }],
    ['disc.png', { assetType: 'discart' }],
    ['cdart.png', { assetType: 'discart' }],
    ['landscape.jpg', { assetType: 'landscape' }],
    ['keyart.jpg', { assetType: 'keyart' }],
    ['thumb.jpg', { assetType: 'thumb' }],
    ['The Matrix (1999).tbn', { assetType: 'thumb' }],
    ['Show S01E01-thumb.jpg', { assetType: 'thumb' }],
    ['backdrop2.jpg', { assetType: 'extrafanart' }],
    ['extrafanart/fanart1.jpg', { assetType: 'extrafanart' }],
    ['ExtraFanart/anything.png', { assetType: 'extrafanart' }],
    ['extrathumbs/thumb1.jpg', { assetType: 'extrathumbs' }],
    ['season01-poster.jpg', { assetType: 'poster', season: 1 }],
    ['season1-banner.jpg', { assetType: 'banner', season: 1 }],
    ['season12-fanart.jpg', { assetType: 'fanart', season: 12 }],
    ['Season01-Landscape.JPG', { assetType: 'landscape', season: 1 }],
    ['season-all-poster.jpg', { assetType: 'poster', season: 'all' }],
    ['season-specials-poster.jpg', { assetType: 'poster', season: 'specials' }],
    ['season00-poster.jpg', { assetType: 'poster', season: 'specials' }],
    ['season02.tbn', { assetType: 'poster', season: 2 }],
    ['Season 3/poster.jpg', { assetType: 'poster', season: 3 }],
    ['Season 01/folder.jpg', { assetType: 'poster', season: 1 }],
    ['Specials/banner.jpg', { assetType: 'banner', season: 'specials' }],
    ['Season 1/Show S01E01-thumb.jpg', { assetType: 'thumb' }],
    ['Season 1\\Show S01E01.jpg', { assetType: 'thumb' }],
  ])('%s', (relativePath, expected) => {
    expect(classifyArtwork(relativePath, videos)).toEqual(expected);
  });

  it.each([
    'The Matrix (1999).mkv',
    'movie.nfo',
    'poster.gif',
    'poster',
    'random.jpg',
    'movie.jpg',
    'Other Movie-poster.jpg',
    'The Matrix (1999)-cover-art.jpg',
    'extras/poster.jpg',
    'Season 1/clearlogo.png',
    'extrafanart/deeper/fanart1.jpg',
    'season01-clearlogo.png',
    '.jpg',
  ])('%s is not artwork', (relativePath) => {
    expect(classifyArtwork(relativePath, videos)).toBeNull();
  });
});

describe('Kodi output names', () => {
  it('reads back every title artwork name a publisher writes as its own type', () => {
    for (const [assetType, fileName] of Object.entries(KODI_TITLE_ARTWORK_FILE_NAMES)) {
      expect(classifyArtwork(fileName, []), fileName).toEqual({ assetType });
    }
  });

  it('names season artwork the way Kodi does and reads it back', () => {
    expect(kodiSeasonArtworkFileName(1, 'poster')).toBe('season01-poster.jpg');
    expect(kodiSeasonArtworkFileName(0, 'banner')).toBe('season-specials-banner.jpg');
    expect(kodiSeasonArtworkFileName('all', 'fanart', '.png')).toBe('season-all-fanart.png');
    for (const season of [1, 9, 10, 123, 'all', 'specials'] as const) {
      for (const assetType of KODI_SEASON_ARTWORK_TYPES) {
        expect(classifyArtwork(kodiSeasonArtworkFileName(season, assetType), [])).toEqual({ assetType, season });
      }
    }
  });

  it('names video thumbs and extra fanart so the reader finds them', () => {
    expect(kodiVideoThumbFileName('Show S01E01')).toBe('Show S01E01-thumb.jpg');
    expect(classifyArtwork(kodiVideoThumbFileName('Show S01E01'), videos)).toEqual({ assetType: 'thumb' });
    expect(kodiExtraFanartPath(3)).toBe('extrafanart/fanart3.jpg');
    expect(classifyArtwork(kodiExtraFanartPath(3), [])).toEqual({ assetType: 'extrafanart' });
  });
});
