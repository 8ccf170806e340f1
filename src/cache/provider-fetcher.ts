import type {
  ProviderFetchInput,
  ProviderFetchOutcome,
  ProviderSearchInput,
  ProviderSearchOutcome,
  ProviderSeasonFetchInput,
  ProviderSeasonFetchOutcome,
} from '../contracts/providers.js';

/**
 * How the cache manager reaches providers when the cache cannot answer. In Reelflow it is Temporal
 * (TemporalProviderFetcher): one workflow per entity (and per show season), provider calls on rate-limited
 * task queues.
 */
export interface ProviderFetcher {
  fetchTitle(input: ProviderFetchInput): Promise<ProviderFetchOutcome>;
  fetchSeason(input: ProviderSeasonFetchInput): Promise<ProviderSeasonFetchOutcome>;
  search(input: ProviderSearchInput): Promise<ProviderSearchOutcome>;
}
