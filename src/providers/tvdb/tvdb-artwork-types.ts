import type { ProviderAssetType } from '../../contracts/artwork-types.js';

/**
 * TVDB artwork type ids (GET /artwork/types) for series and seasons, as Kodi artwork names.
 * Type 5 is deliberately absent: it is the series "icon", a square badge, not a clearlogo; clearlogos are 23.
 * Episode screencaps (11, 12) arrive on episodes as `image`, not through the artwork lists.
 */
export const TVDB_ARTWORK_TYPES: Readonly<Record<number, ProviderAssetType>> = {
  1: 'banner',
  2: 'poster',
  3: 'fanart',
  6: 'season-banner',
  7: 'season-poster',
  8: 'season-fanart',
  22: 'clearart',
  23: 'clearlogo',
};

export const SEASON_SCOPED_TYPES: ReadonlySet<ProviderAssetType> = new Set(['season-banner', 'season-poster', 'season-fanart']);
