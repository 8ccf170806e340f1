import type { ProviderMetadata, ProviderSearchResult, ProviderSeason } from '../providers/types.js';
import type { ProviderAssetType } from '../contracts/artwork-types.js';
import type { ExternalIds } from '../contracts/external-ids.js';
import type { FetchPriority } from '../contracts/providers.js';

export interface FetchAssetsRequest {
  entityType: 'movie' | 'tv';
  entityId: string;
  externalIds: ExternalIds;
  /** Only these types in the answer; all when omitted. */
  assetTypes?: ProviderAssetType[];
  /** Fetch even when the cache is fresh. */
  force?: boolean;
  /** Answer from the cache only when it is younger than this (and than the cache's TTL). */
  maxAgeMs?: number;
  /** 'user' for a person's click (runs first), 'background' for refreshes and automation. */
  priority?: FetchPriority;
  language?: string;
  /** A changed answer becomes a change of the library title with this id (ProviderFetchInput.publishChanges). */
  publishChanges?: boolean;
}

export interface CachedImage {
  url: string;
  width: number | null;
  height: number | null;
  language: string | null;
  voteAverage: number | null;
  voteCount: number | null;
  season: number | null;
}

export interface ProviderAnswer {
  images: Partial<Record<string, CachedImage[]>>;
  metadata: ProviderMetadata | null;
}

/** Who answered a fetch, and when; from the cache only completed providers appear. */
export interface FetchSummary {
  fetchedAt: string;
  completedProviders: string[];
  failedProviders: { provider: string; error: string }[];
  timedOutProviders: string[];
}

export interface FetchAssetsResult {
  /** True when answered from the cache without any network call. */
  cached: boolean;
  /** Age in days of the oldest provider answer used; 0 for a fresh fetch. */
  cacheAge: number;
  providers: Record<string, ProviderAnswer>;
  metadata: FetchSummary;
}

export interface FetchSeasonRequest {
  entityType: 'tv';
  /** The show's cache entity; the season is cached under it with its number. */
  entityId: string;
  externalIds: ExternalIds;
  seasonNumber: number;
  /** Fetch even when the cache is fresh. */
  force?: boolean;
  /** Answer from the cache only when it is younger than this (and than the cache's TTL): a watched request's cadence. */
  maxAgeMs?: number;
  /** 'user' for a person's request (runs first), 'background' for refreshes and automation. */
  priority?: FetchPriority;
  language?: string;
}

export interface FetchSeasonResult {
  /** True when answered from the cache without any network call. */
  cached: boolean;
  /** Age in days of the oldest provider answer used; 0 for a fresh fetch. */
  cacheAge: number;
  /** The season as each provider that knows it listed it, by provider kind. */
  seasons: Partial<Record<string, ProviderSeason>>;
  /**
   * Provider kinds, highest priority first: every provider asked (a fetch) or every one cached (the cache,
   * in the current priority order). The first one in `seasons` is the one to trust.
   */
  providerOrder: string[];
  metadata: FetchSummary;
}

export interface SearchRequest {
  entityType: 'movie' | 'tv';
  query: string;
  year?: number;
  limit?: number;
}

export interface MergedSearchResult extends Omit<ProviderSearchResult, 'provider'> {
  providers: string[];
}
