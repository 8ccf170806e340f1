import type { TmdbLookup, TmdbSearchHit, TmdbTitle } from '../providers/iptv/title-matcher.js';
import { TmdbLookupFailedError } from '../providers/iptv/title-matcher.js';
import { ProviderError } from '../providers/http/errors.js';
import type { ProviderCacheManager } from './provider-cache-manager.js';
import { stableEntityId } from './stable-entity-id.js';

/**
 * TMDB lookups for catalogue matching, through the provider cache: an id lookup is a cached fetch (7 days)
 * keyed by the id itself, so it is asked once however many syncs and providers list the title; searches
 * are never cached (by the cache's design) and run only for titles that are new or changed.
 */
export class CachedTmdbLookup implements TmdbLookup {
  constructor(private readonly cache: ProviderCacheManager) {}

  async byIds(type: 'movie' | 'tv', ids: { tmdb?: number; imdb?: string }): Promise<TmdbTitle | null> {
    const key = ids.tmdb !== undefined ? `tmdb/${type}/${ids.tmdb}` : `imdb/${type}/${ids.imdb ?? ''}`;
    const answer = await lookupFailure(() =>
      this.cache.fetchAssets({ entityType: type, entityId: stableEntityId(key), externalIds: ids, priority: 'background' }),
    );
    const metadata = answer.providers.tmdb?.metadata;
    const tmdbId = metadata?.externalIds.tmdb ?? ids.tmdb;
    if (metadata && tmdbId !== undefined) return { tmdbId, title: metadata.title };
    const failure = answer.metadata.failedProviders.find((failed) => failed.provider === 'tmdb');
    // TMDB answering 404 for the id is an answer ("no such title"); anything else means it was not asked.
    if (failure && !/\b404\b|not found/i.test(failure.error)) throw new TmdbLookupFailedError(`TMDB: ${failure.error}`);
    if (answer.metadata.timedOutProviders.includes('tmdb')) throw new TmdbLookupFailedError('TMDB did not answer in time');
    if (!answer.metadata.completedProviders.includes('tmdb') && !failure) throw new TmdbLookupFailedError('no TMDB provider is enabled');
    return null;
  }

  async search(type: 'movie' | 'tv', query: string, year?: number): Promise<TmdbSearchHit[]> {
    const { results, failedProviders } = await lookupFailure(() =>
      this.cache.search({ entityType: type, query, ...(year !== undefined ? { year } : {}), limit: 5 }),
    );
    const failure = failedProviders.find((failed) => failed.provider === 'tmdb');
    if (failure) throw new TmdbLookupFailedError(`TMDB search: ${failure.error}`);
    return results
      .filter((result) => result.providers.includes('tmdb') && result.externalIds.tmdb !== undefined)
      .map((result) => ({ tmdbId: result.externalIds.tmdb!, title: result.title, confidence: result.confidence }));
  }
}

/**
 * A provider's passing failure (a 429, an outage) thrown by the fetch is a lookup that could not be made:
 * the title stays pending and the sync asks again after the provider's Retry-After.
 */
async function lookupFailure<T>(lookup: () => Promise<T>): Promise<T> {
  try {
    return await lookup();
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    throw new TmdbLookupFailedError(`TMDB: ${err.message}`, { retryAfterMs: err.retryAfterMs, cause: err });
  }
}
