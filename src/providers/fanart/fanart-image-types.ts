import type { ProviderAssetType } from '../../contracts/artwork-types.js';

export interface FanartImageType {
  assetType: ProviderAssetType;
  /**
   * Fanart.tv accepts logos, clear art and disc art only at these exact sizes, so the size is known without
   * downloading; it is what tells an HD logo from an SD one. Other types vary and are left unsized.
   */
  width?: number;
  height?: number;
}

export const FANART_MOVIE_TYPES = {
  hdmovielogo: { assetType: 'clearlogo', width: 800, height: 310 },
  movielogo: { assetType: 'clearlogo', width: 400, height: 155 },
  hdmovieclearart: { assetType: 'clearart', width: 1000, height: 562 },
  movieart: { assetType: 'clearart', width: 500, height: 281 },
  moviedisc: { assetType: 'discart', width: 1000, height: 1000 },
  moviethumb: { assetType: 'landscape' },
  moviebackground: { assetType: 'fanart' },
  movieposter: { assetType: 'poster' },
  moviebanner: { assetType: 'banner' },
} as const satisfies Record<string, FanartImageType>;

export const FANART_TV_TYPES = {
  hdtvlogo: { assetType: 'clearlogo', width: 800, height: 310 },
  clearlogo: { assetType: 'clearlogo', width: 400, height: 155 },
  hdclearart: { assetType: 'clearart', width: 1000, height: 562 },
  clearart: { assetType: 'clearart', width: 500, height: 281 },
  showbackground: { assetType: 'fanart' },
  tvposter: { assetType: 'poster' },
  tvbanner: { assetType: 'banner' },
  tvthumb: { assetType: 'landscape' },
  characterart: { assetType: 'characterart' },
  seasonposter: { assetType: 'season-poster' },
  seasonbanner: { assetType: 'season-banner' },
  seasonthumb: { assetType: 'season-landscape' },
} as const satisfies Record<string, FanartImageType>;

export type FanartMovieKey = keyof typeof FANART_MOVIE_TYPES;
export type FanartTvKey = keyof typeof FANART_TV_TYPES;
