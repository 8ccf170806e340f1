import type { ProcessingContext } from './processing-context.js';
import type { ProviderId, ProviderImage, ProviderMetadata, ProviderSearchResult, ProviderSeason } from './types.js';
import type { ExternalIds } from '../contracts/external-ids.js';

export type EntityKind = 'movie' | 'tv';

export interface TitleFetchRequest {
  entityType: EntityKind;
  externalIds: ExternalIds;
  /** ISO 639-1, e.g. 'en'. */
  language: string;
}

export interface TitleFetchResult {
  /** Absent for art-only providers (Fanart.tv). */
  metadata?: ProviderMetadata;
  images: ProviderImage[];
}

/** One season of a show, in the provider's aired order. */
export interface SeasonFetchRequest {
  externalIds: ExternalIds;
  seasonNumber: number;
  /** ISO 639-1, e.g. 'en'. */
  language: string;
}

export interface SearchRequest {
  entityType: EntityKind;
  query: string;
  year?: number;
}

/**
 * One per configured provider, created once when a worker starts and kept in the registry. Holds only its
 * dependencies (HTTP clients keyed by configuration); everything about a run comes in the context.
 */
export interface MetadataProcessor {
  readonly kind: ProviderId;
  /** Whether this provider can say anything about the title with these ids (Fanart.tv TV needs a tvdb id, …). */
  canFetch(request: TitleFetchRequest): boolean;
  fetchTitle(context: ProcessingContext, request: TitleFetchRequest): Promise<TitleFetchResult>;
  /** Whether this provider can list a season's episodes for a show with these ids. */
  canFetchSeason(request: SeasonFetchRequest): boolean;
  /**
   * The season with its episodes; undefined when the provider does not know the show or has no such season,
   * which is an answer (a later season may simply not be listed yet), not a failure.
   */
  fetchSeason(context: ProcessingContext, request: SeasonFetchRequest): Promise<ProviderSeason | undefined>;
  /** Providers that cannot search (Fanart.tv) return []. */
  search(context: ProcessingContext, request: SearchRequest): Promise<ProviderSearchResult[]>;
  /** Throws ProviderAuthError when the credentials are refused. */
  testCredentials(context: ProcessingContext): Promise<void>;
}
