import type { ProviderId, ProviderImage, ProviderMetadata, ProviderSearchResult, ProviderSeason } from '../providers/types.js';
import type { ExternalIds } from './external-ids.js';

export type { ProviderId };

/** Shared by the provider workflows and their callers. Types only, beyond these small pure helpers. */

export type FetchPriority = 'user' | 'background';

export interface ProviderTitleRequest {
  entityType: 'movie' | 'tv';
  entityId: string;
  externalIds: ExternalIds;
  language: string;
}

export interface ProviderFetchInput {
  request: ProviderTitleRequest;
  priority: FetchPriority;
  /**
   * When what the providers say differs from the cache, the title (a library movie or show with this id)
   * records a change in the same transaction, for its pipeline to publish: a scheduled refresh's fetches.
   */
  publishChanges?: boolean;
}

export interface ProviderFetchResultEntry {
  provider: ProviderId;
  providerId: string;
  status: 'completed' | 'failed' | 'timed-out';
  error?: string;
  metadata?: ProviderMetadata;
  images: ProviderImage[];
}

export interface ProviderFetchOutcome {
  fetchedAt: string;
  results: ProviderFetchResultEntry[];
  /** False when the answers could not be written to the cache (they are still returned). */
  cacheWritten: boolean;
}

/** One season of a show, fetched and cached apart from the show: a request needs only its own seasons. */
export interface ProviderSeasonRequest {
  entityType: 'tv';
  entityId: string;
  externalIds: ExternalIds;
  seasonNumber: number;
  language: string;
}

export interface ProviderSeasonFetchInput {
  request: ProviderSeasonRequest;
  priority: FetchPriority;
}

export interface ProviderSeasonResultEntry {
  provider: ProviderId;
  providerId: string;
  status: 'completed' | 'failed' | 'timed-out';
  error?: string;
  /** Absent when the provider completed but does not know this season. */
  season?: ProviderSeason;
}

export interface ProviderSeasonFetchOutcome {
  fetchedAt: string;
  /** In the providers' priority order. */
  results: ProviderSeasonResultEntry[];
  /** False when the answers could not be written to the cache (they are still returned). */
  cacheWritten: boolean;
}

export interface ProviderSearchInput {
  entityType: 'movie' | 'tv';
  query: string;
  year?: number;
}

export interface ProviderSearchOutcome {
  results: ProviderSearchResult[];
  failedProviders: { provider: ProviderId; error: string }[];
}

/** One fetch per entity at a time, whoever asks: concurrent callers attach to the running one. */
export const providerFetchWorkflowId = (entityType: string, entityId: string) => `provider-fetch/${entityType}/${entityId}`;

/** One fetch per season at a time, beside (not blocking) a fetch of the show itself. */
export const providerSeasonFetchWorkflowId = (entityType: string, entityId: string, seasonNumber: number) =>
  `${providerFetchWorkflowId(entityType, entityId)}/season/${seasonNumber}`;

/** Temporal priority keys: lower runs first. A person's click must not wait behind a background refresh. */
export const priorityKeys: Record<FetchPriority, number> = { user: 1, background: 5 };
