import { ApplicationFailure, log } from '@temporalio/activity';
import type { Database } from '../db/client.js';
import { ProviderCacheRepository } from '../db/repositories/provider-cache-repository.js';
import type { ProviderRepository } from '../db/repositories/provider-repository.js';
import { CredentialsDecryptError } from '../security/credentials-cipher.js';
import { ProviderError, ProviderRateLimitError, ProviderUnavailableError } from '../providers/http/errors.js';
import { ProviderCalls, ProviderDeletedError, type EnabledProvider } from '../providers/provider-calls.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { ProviderSearchResult, ProviderSeason } from '../providers/types.js';
import type { ExternalIds } from '../contracts/external-ids.js';
import {
  type ProviderFetchResultEntry,
  type ProviderSearchInput,
  type ProviderSeasonRequest,
  type ProviderSeasonResultEntry,
  type ProviderTitleRequest,
} from '../contracts/providers.js';
import { CREDENTIALS_DECRYPT_ERROR, PROVIDER_DELETED, PROVIDER_TIMEOUT_FAILURE } from '../contracts/failures.js';

export interface ProviderActivityDeps {
  db: Database;
  providers: ProviderRepository;
  registry: ProviderRegistry;
}

export type { EnabledProvider };

/**
 * Activities that talk to metadata providers, on each provider kind's queue: thin adapters over
 * ProviderCalls (configuration read afresh, a fresh ProcessingContext per run) that turn provider errors
 * into failures Temporal's retry policy reads.
 */
export function createProviderActivities({ db, providers, registry }: ProviderActivityDeps) {
  const cache = new ProviderCacheRepository(db);
  const calls = new ProviderCalls(providers, registry);

  return {
    /** The enabled providers that can say something about this entity, in priority order. */
    async listEnabledProviders(input: { entityType: 'movie' | 'tv'; externalIds: ExternalIds }): Promise<EnabledProvider[]> {
      return calls.listEnabled(input);
    },

    /** The enabled providers that can list this season's episodes for these ids, in priority order. */
    async listEnabledSeasonProviders(input: { externalIds: ExternalIds; seasonNumber: number }): Promise<EnabledProvider[]> {
      return calls.listEnabledForSeason(input);
    },

    async fetchFromProvider(input: {
      providerId: string;
      request: ProviderTitleRequest;
    }): Promise<Pick<ProviderFetchResultEntry, 'metadata' | 'images'>> {
      const answer = await calls.fetchTitle(input.providerId, input.request, runLogger).catch(asTemporalFailure);
      return { metadata: answer.metadata, images: answer.images };
    },

    async fetchSeasonFromProvider(input: { providerId: string; request: ProviderSeasonRequest }): Promise<{ season?: ProviderSeason }> {
      const season = await calls.fetchSeason(input.providerId, input.request, runLogger).catch(asTemporalFailure);
      return season ? { season } : {};
    },

    async searchProvider(input: { providerId: string; search: ProviderSearchInput }): Promise<ProviderSearchResult[]> {
      return calls.search(input.providerId, input.search, runLogger).catch(asTemporalFailure);
    },

    async saveProviderAnswers(input: {
      request: ProviderTitleRequest;
      fetchedAt: string;
      results: ProviderFetchResultEntry[];
      publishChanges?: boolean;
    }): Promise<void> {
      await cache.save(
        input.request.entityType,
        input.request.entityId,
        { at: new Date(input.fetchedAt), language: input.request.language, publishChanges: input.publishChanges ?? false },
        input.results.map((r) => ({ provider: r.provider, metadata: r.metadata, images: r.images })),
      );
    },

    async saveSeasonAnswers(input: {
      request: ProviderSeasonRequest;
      fetchedAt: string;
      results: ProviderSeasonResultEntry[];
    }): Promise<void> {
      await cache.saveSeasons(
        { entityType: input.request.entityType, entityId: input.request.entityId, seasonNumber: input.request.seasonNumber },
        { at: new Date(input.fetchedAt), language: input.request.language },
        input.results.map((r) => ({ provider: r.provider, season: r.season })),
      );
    },
  };
}

export type ProviderActivities = ReturnType<typeof createProviderActivities>;

export const runLogger = {
  info: (message: string, fields?: Record<string, unknown>) => log.info(message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => log.warn(message, fields),
  error: (message: string, fields?: Record<string, unknown>) => log.error(message, fields),
};

/**
 * Provider errors become Temporal failures the retry policy understands: auth and bad requests are final,
 * a 429 waits as long as the provider asked, outages retry with backoff.
 */
export function asTemporalFailure(err: unknown): never {
  // Credentials encrypted with another key do not get better by retrying.
  if (err instanceof CredentialsDecryptError) throw ApplicationFailure.nonRetryable(err.message, CREDENTIALS_DECRYPT_ERROR);
  if (err instanceof ProviderDeletedError) throw ApplicationFailure.nonRetryable(err.message, PROVIDER_DELETED);
  if (!(err instanceof ProviderError)) throw err;
  if (err instanceof ProviderUnavailableError && err.timedOut) {
    throw ApplicationFailure.create({ message: err.message, type: PROVIDER_TIMEOUT_FAILURE, nonRetryable: false });
  }
  if (err instanceof ProviderRateLimitError || err instanceof ProviderUnavailableError) {
    throw ApplicationFailure.create({ message: err.message, type: err.name, nonRetryable: false, nextRetryDelay: err.retryAfterMs });
  }
  throw ApplicationFailure.create({ message: err.message, type: err.name, nonRetryable: err.nonRetryable });
}
