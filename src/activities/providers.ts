import { ApplicationFailure, log } from '@temporalio/activity';
import type { Database } from '../db/client.js';
import { ProviderCacheRepository } from '../db/repositories/provider-cache-repository.js';
import type { ProviderRepository } from '../db/repositories/provider-repository.js';
import { CredentialsDecryptError } from '../security/credentials-cipher.js';
import { ProviderError, ProviderRateLimitError, ProviderUnavailableError } from '../providers/http/errors.js';
import { ProcessingContext } from '../providers/processing-context.js';
import type { MetadataProcessor } from '../providers/processor.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { ProviderId, ProviderSearchResult, ProviderSeason } from '../providers/types.js';
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

export interface EnabledProvider {
  id: string;
  kind: ProviderId;
  timeoutMs: number;
}

/**
 * Activities that talk to metadata providers. Each run reads the provider's configuration afresh (so an
 * edit through the API applies to the next run without a restart), makes a fresh ProcessingContext, and
 * hands both to the provider's processor from the registry.
 */
export function createProviderActivities({ db, providers, registry }: ProviderActivityDeps) {
  const cache = new ProviderCacheRepository(db);

  async function withContext<T>(
    providerId: string,
    run: (processor: MetadataProcessor, context: ProcessingContext) => Promise<T>,
  ): Promise<T> {
    const config = await providers.get(providerId).catch(asTemporalFailure);
    if (!config) {
      registry.remove(providerId);
      throw ApplicationFailure.nonRetryable(`Provider ${providerId} was deleted`, PROVIDER_DELETED);
    }
    const processor = registry.update(config);
    const context = new ProcessingContext(providerId, config, runLogger);
    try {
      return await run(processor, context).catch(asTemporalFailure);
    } finally {
      // The processor keeps nothing of the run; the run's state is dropped whatever happened.
      context.reset();
    }
  }

  return {
    /** The enabled providers that can say something about this entity, in priority order. */
    async listEnabledProviders(input: { entityType: 'movie' | 'tv'; externalIds: ExternalIds }): Promise<EnabledProvider[]> {
      const enabled = await providers.listEnabled();
      return enabled
        .filter((config) => {
          const processor = registry.update(config);
          const request = { entityType: input.entityType, externalIds: input.externalIds, language: 'en' };
          return Object.keys(input.externalIds).length === 0 || processor.canFetch(request);
        })
        .map((config) => ({ id: config.id, kind: config.kind, timeoutMs: config.timeoutMs }));
    },

    /** The enabled providers that can list this season's episodes for these ids, in priority order. */
    async listEnabledSeasonProviders(input: { externalIds: ExternalIds; seasonNumber: number }): Promise<EnabledProvider[]> {
      const enabled = await providers.listEnabled();
      return enabled
        .filter((config) =>
          registry.update(config).canFetchSeason({ externalIds: input.externalIds, seasonNumber: input.seasonNumber, language: 'en' }),
        )
        .map((config) => ({ id: config.id, kind: config.kind, timeoutMs: config.timeoutMs }));
    },

    async fetchFromProvider(input: {
      providerId: string;
      request: ProviderTitleRequest;
    }): Promise<Pick<ProviderFetchResultEntry, 'metadata' | 'images'>> {
      return withContext(input.providerId, async (processor, context) => {
        const answer = await processor.fetchTitle(context, input.request);
        return { metadata: answer.metadata, images: answer.images };
      });
    },

    async fetchSeasonFromProvider(input: { providerId: string; request: ProviderSeasonRequest }): Promise<{ season?: ProviderSeason }> {
      return withContext(input.providerId, async (processor, context) => {
        const season = await processor.fetchSeason(context, input.request);
        return season ? { season } : {};
      });
    },

    async searchProvider(input: { providerId: string; search: ProviderSearchInput }): Promise<ProviderSearchResult[]> {
      return withContext(input.providerId, (processor, context) => processor.search(context, input.search));
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
  if (!(err instanceof ProviderError)) throw err;
  if (err instanceof ProviderUnavailableError && err.timedOut) {
    throw ApplicationFailure.create({ message: err.message, type: PROVIDER_TIMEOUT_FAILURE, nonRetryable: false });
  }
  if (err instanceof ProviderRateLimitError || err instanceof ProviderUnavailableError) {
    throw ApplicationFailure.create({ message: err.message, type: err.name, nonRetryable: false, nextRetryDelay: err.retryAfterMs });
  }
  throw ApplicationFailure.create({ message: err.message, type: err.name, nonRetryable: err.nonRetryable });
}
