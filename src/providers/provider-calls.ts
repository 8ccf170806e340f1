import type { ProviderRepository } from '../db/repositories/provider-repository.js';
import type { ExternalIds } from '../contracts/external-ids.js';
import type { ProviderSearchInput, ProviderSeasonRequest, ProviderTitleRequest } from '../contracts/providers.js';
import { ProcessingContext, type RunLogger } from './processing-context.js';
import type { MetadataProcessor, TitleFetchResult } from './processor.js';
import type { ProviderRegistry } from './registry.js';
import type { ProviderId, ProviderSearchResult, ProviderSeason } from './types.js';

export interface EnabledProvider {
  id: string;
  kind: ProviderId;
  timeoutMs: number;
}

/** The provider row was deleted between listing it and calling it: no retry can bring it back. */
export class ProviderDeletedError extends Error {
  override readonly name = 'ProviderDeletedError';
  constructor(readonly providerId: string) {
    super(`Provider ${providerId} was deleted`);
  }
}

/**
 * One call to one configured metadata provider, wherever it runs (a provider-queue activity or a worker's
 * in-process fetch): the provider's configuration read afresh (an edit through the API applies to the next
 * call without a restart), a fresh ProcessingContext, the processor from the registry, and the context
 * dropped afterwards whatever happened. Failures are the providers' own ProviderErrors.
 */
export class ProviderCalls {
  constructor(
    private readonly providers: ProviderRepository,
    private readonly registry: ProviderRegistry,
  ) {}

  /** The enabled providers that can say something about this entity, in priority order. */
  async listEnabled(input: { entityType: 'movie' | 'tv'; externalIds: ExternalIds }): Promise<EnabledProvider[]> {
    const enabled = await this.providers.listEnabled();
    return enabled
      .filter((config) => {
        const processor = this.registry.update(config);
        const request = { entityType: input.entityType, externalIds: input.externalIds, language: 'en' };
        return Object.keys(input.externalIds).length === 0 || processor.canFetch(request);
      })
      .map(enabledProvider);
  }

  /** The enabled providers that can list this season's episodes for these ids, in priority order. */
  async listEnabledForSeason(input: { externalIds: ExternalIds; seasonNumber: number }): Promise<EnabledProvider[]> {
    const enabled = await this.providers.listEnabled();
    return enabled
      .filter((config) =>
        this.registry.update(config).canFetchSeason({ externalIds: input.externalIds, seasonNumber: input.seasonNumber, language: 'en' }),
      )
      .map(enabledProvider);
  }

  fetchTitle(providerId: string, request: ProviderTitleRequest, logger: RunLogger): Promise<TitleFetchResult> {
    return this.withContext(providerId, logger, (processor, context) => processor.fetchTitle(context, request));
  }

  /** Undefined when the provider does not list that season (an answer, not a failure). */
  fetchSeason(providerId: string, request: ProviderSeasonRequest, logger: RunLogger): Promise<ProviderSeason | undefined> {
    return this.withContext(providerId, logger, (processor, context) => processor.fetchSeason(context, request));
  }

  search(providerId: string, search: ProviderSearchInput, logger: RunLogger): Promise<ProviderSearchResult[]> {
    return this.withContext(providerId, logger, (processor, context) => processor.search(context, search));
  }

  private async withContext<T>(
    providerId: string,
    logger: RunLogger,
    run: (processor: MetadataProcessor, context: ProcessingContext) => Promise<T>,
  ): Promise<T> {
    const config = await this.providers.get(providerId);
    if (!config) {
      this.registry.remove(providerId);
      throw new ProviderDeletedError(providerId);
    }
    const processor = this.registry.update(config);
    const context = new ProcessingContext(providerId, config, logger);
    try {
      return await run(processor, context);
    } finally {
      // The processor keeps nothing of the run; the run's state is dropped whatever happened.
      context.reset();
    }
  }
}

function enabledProvider(config: { id: string; kind: ProviderId; timeoutMs: number }): EnabledProvider {
  return { id: config.id, kind: config.kind, timeoutMs: config.timeoutMs };
}
