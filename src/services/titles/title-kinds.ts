import type { TitleKind } from '../../db/repositories/title-repository.js';

/** How answers name a title of each kind ("Movie not found"). */
export const TITLE_NOUN: Record<TitleKind, string> = { movie: 'Movie', show: 'Show' };

/** provider_assets and the provider cache name shows 'tv'. */
export const CACHE_ENTITY_TYPE: Record<TitleKind, 'movie' | 'tv'> = { movie: 'movie', show: 'tv' };
