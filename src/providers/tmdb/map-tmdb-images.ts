import { toIso6391 } from '../../language/language-codes.js';
import type { ProviderImage } from '../types.js';
import type { ProviderAssetType } from '../../contracts/artwork-types.js';
import { tmdbImageUrl } from './tmdb-image-url.js';
import type { TmdbImages } from './tmdb-schemas.js';

type TmdbImage = TmdbImages['posters'][number];

/** Posters, backdrops and logos from an appended `images` block, as poster, fanart and clearlogo. */
export function mapTmdbImages(images: TmdbImages | null | undefined, secureBaseUrl: string): ProviderImage[] {
  if (!images) return [];
  return [
    ...images.posters.map((image) => mapTmdbImage(image, 'poster', secureBaseUrl)),
    ...images.backdrops.map((image) => mapTmdbImage(image, 'fanart', secureBaseUrl)),
    ...images.logos.map((image) => mapTmdbImage(image, 'clearlogo', secureBaseUrl)),
  ];
}

export function mapTmdbImage(image: TmdbImage, assetType: ProviderAssetType, secureBaseUrl: string): ProviderImage {
  return {
    provider: 'tmdb',
    assetType,
    url: tmdbImageUrl(secureBaseUrl, image.file_path),
    ...(image.width ? { width: image.width } : {}),
    ...(image.height ? { height: image.height } : {}),
    language: toIso6391(image.iso_639_1),
    ...(image.vote_average !== null && image.vote_average !== undefined ? { voteAverage: image.vote_average } : {}),
    ...(image.vote_count !== null && image.vote_count !== undefined ? { voteCount: image.vote_count } : {}),
  };
}
