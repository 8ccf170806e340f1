import { toIso6391 } from '../../language/language-codes.js';
import type { ProviderImage } from '../types.js';
import { SEASON_SCOPED_TYPES, TVDB_ARTWORK_TYPES } from './tvdb-artwork-types.js';
import { tvdbImageUrl } from './tvdb-image-url.js';
import type { TvdbArtwork, TvdbSeasonBase } from './tvdb-schemas.js';

/**
 * Artwork records as ProviderImages. Season artwork names its season by TVDB id, so `seasonNumberOf`
 * resolves it; season artwork whose season cannot be resolved is dropped, as it could not be placed.
 * Types we have no Kodi name for are dropped too.
 */
export function mapTvdbArtworks(
  artworks: readonly TvdbArtwork[],
  seasonNumberOf: (seasonId: number | null | undefined) => number | undefined,
): ProviderImage[] {
  return artworks.flatMap((artwork): ProviderImage[] => {
    const assetType = TVDB_ARTWORK_TYPES[artwork.type];
    if (!assetType || !artwork.image) return [];
    const image: ProviderImage = {
      provider: 'tvdb',
      assetType,
      url: tvdbImageUrl(artwork.image),
      ...(artwork.width ? { width: artwork.width } : {}),
      ...(artwork.height ? { height: artwork.height } : {}),
      language: toIso6391(artwork.language),
      // TVDB's score is its own popularity measure, the closest it has to a vote average.
      ...(artwork.score !== null && artwork.score !== undefined ? { voteAverage: artwork.score } : {}),
    };
    if (!SEASON_SCOPED_TYPES.has(assetType)) return [image];
    const season = seasonNumberOf(artwork.seasonId);
    return season === undefined ? [] : [{ ...image, season }];
  });
}

/** Looks up season numbers in the season list that came with the same response. */
export function seasonNumberLookup(seasons: readonly TvdbSeasonBase[]) {
  const numbers = new Map(seasons.map((season) => [season.id, season.number]));
  return (seasonId: number | null | undefined) => (seasonId ? numbers.get(seasonId) : undefined);
}

/** Aired order is what Kodi, Sonarr and file names number seasons by. */
export function isAiredOrder(season: TvdbSeasonBase): boolean {
  return !season.type?.type || season.type.type === 'official';
}

/** Each aired-order season's main image, which TVDB keeps on the season record rather than in artworks. */
export function seasonMainPosters(seasons: readonly TvdbSeasonBase[]): ProviderImage[] {
  return seasons
    .filter(isAiredOrder)
    .flatMap((season): ProviderImage[] =>
      season.image
        ? [{ provider: 'tvdb', assetType: 'season-poster', url: tvdbImageUrl(season.image), language: null, season: season.number }]
        : [],
    );
}

/** Drops later images whose URL an earlier one already has, keeping the richer (first) record. */
export function uniqueByUrl(images: readonly ProviderImage[]): ProviderImage[] {
  const seen = new Set<string>();
  return images.filter((image) => {
    const key = `${image.assetType}|${image.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
