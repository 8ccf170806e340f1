import type { ProviderCacheRepository } from '../db/repositories/provider-cache-repository.js';
import { ProviderError, ProviderRateLimitError, ProviderUnavailableError } from '../providers/http/errors.js';
import type { RunLogger } from '../providers/processing-context.js';
import { ProviderDeletedError, type EnabledProvider, type ProviderCalls } from '../providers/provider-calls.js';
import type {
  ProviderFetchInput,
  ProviderFetchOutcome,
  ProviderFetchResultEntry,
  ProviderSearchInput,
  ProviderSearchOutcome,
  ProviderSeasonFetchInput,
  ProviderSeasonFetchOutcome,
  ProviderSeasonResultEntry,
} from '../contracts/providers.js';
import type { ProviderFetcher } from './provider-fetcher.js';

export interface InProcessProviderFetcherDeps {
  calls: ProviderCalls;
  cache: ProviderCacheRepository;
  logger: RunLogger;
  /**
   * Whether a passing failure (429, 5xx, a timeout, no connection) is thrown, for the calling activity's
   * retry policy to try again after its back-off (or the provider's Retry-After), rather than reported as
   * that provider's failure. The workers throw on an activity's first attempts and report on its last ones,
   * so a provider that stays down costs a title that provider's part, not the whole enrichment.
   */
  retryPassingFailures: () => boolean;
}

/**
 * Fetches in the calling process: what the providerFetch workflows do (every enabled provider in parallel,
 * the answers saved to the cache in one transaction), without a workflow, its three activities and their
 * history per title. The workers use it, inside activities that Temporal already retries; the rate limit
 * holds all the same because every request a provider client sends takes a slot of that provider's
 * schedule in Postgres, whichever process sends it. Concurrent callers in this process share one fetch per
 * entity (and per season); the API keeps the workflows, whose ids join callers across processes.
 */
export class InProcessProviderFetcher implements ProviderFetcher {
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: InProcessProviderFetcherDeps) {}

  fetchTitle(input: ProviderFetchInput): Promise<ProviderFetchOutcome> {
    const { request } = input;
    return this.once(`title/${request.entityType}/${request.entityId}/${request.language}`, async () => {
      const { calls, logger } = this.deps;
      const providers = await calls.listEnabled({ entityType: request.entityType, externalIds: request.externalIds });
      const fetchedAt = new Date();
      const results: ProviderFetchResultEntry[] = await this.askEach(providers, async (provider) => {
        const answer = await calls.fetchTitle(provider.id, request, logger);
        return { metadata: answer.metadata, images: answer.images };
      }).then((parts) => parts.map((part) => (part.status === 'completed' ? part : { ...part, images: [] })));
      const cacheWritten = await this.saved(() =>
        this.deps.cache.save(
          request.entityType,
          request.entityId,
          { at: fetchedAt, language: request.language, publishChanges: input.publishChanges ?? false },
          results.filter((r) => r.status === 'completed').map((r) => ({ provider: r.provider, metadata: r.metadata, images: r.images })),
        ),
      );
      return { fetchedAt: fetchedAt.toISOString(), results, cacheWritten };
    });
  }

  fetchSeason(input: ProviderSeasonFetchInput): Promise<ProviderSeasonFetchOutcome> {
    const { request } = input;
    const { entityType, entityId, seasonNumber, externalIds, language } = request;
    return this.once(`season/${entityType}/${entityId}/${seasonNumber}/${language}`, async () => {
      const { calls, logger } = this.deps;
      const providers = await calls.listEnabledForSeason({ externalIds, seasonNumber });
      const fetchedAt = new Date();
      const results: ProviderSeasonResultEntry[] = await this.askEach(providers, async (provider) => {
        const season = await calls.fetchSeason(provider.id, request, logger);
        return season ? { season } : {};
      });
      const cacheWritten = await this.saved(() =>
        this.deps.cache.saveSeasons(
          { entityType, entityId, seasonNumber },
          { at: fetchedAt, language },
          results.filter((r) => r.status === 'completed').map((r) => ({ provider: r.provider, season: r.season })),
        ),
      );
      return { fetchedAt: fetchedAt.toISOString(), results, cacheWritten };
    });
  }

  /** Never cached, never shared: a search is what the providers say now. */
  async search(input: ProviderSearchInput): Promise<ProviderSearchOutcome> {
    const { calls, logger } = this.deps;
    const providers = await calls.listEnabled({ entityType: input.entityType, externalIds: {} });
    const parts = await this.askEach(providers, async (provider) => ({ found: await calls.search(provider.id, input, logger) }));
    return {
      results: parts.flatMap((part) => (part.status === 'completed' ? part.found : [])),
      failedProviders: parts.flatMap((part) => (part.status === 'completed' ? [] : [{ provider: part.provider, error: part.error }])),
    };
  }

  /**
   * Asks every provider in parallel and waits for all of them. A provider's lasting failure is its part of
   * the answer; a passing one, while the caller's retries are not spent, is thrown once every provider has
   * answered (the longest Retry-After first, so the retry waits as long as the strictest provider asked).
   */
  private async askEach<T extends object>(
    providers: EnabledProvider[],
    ask: (provider: EnabledProvider) => Promise<T>,
  ): Promise<Array<{ provider: EnabledProvider['kind']; providerId: string } & (({ status: 'completed' } & T) | Failed)>> {
    const retrying = this.deps.retryPassingFailures();
    const passing: ProviderError[] = [];
    const parts = await Promise.all(
      providers.map(async (provider) => {
        const base = { provider: provider.kind, providerId: provider.id };
        try {
          return { ...base, status: 'completed' as const, ...(await ask(provider)) };
        } catch (err) {
          if (retrying && isPassing(err)) passing.push(err);
          return { ...base, ...failedPart(err) };
        }
      }),
    );
    if (passing.length > 0) throw passing.sort((a, b) => retryAfterOf(b) - retryAfterOf(a))[0];
    return parts;
  }

  /** One run per key at a time in this process: a second caller gets the first one's answer. */
  private once<T>(key: string, run: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) return existing as Promise<T>;
    const started = run().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }

  /** False when the cache could not take the answers: that must not cost the caller the data just fetched. */
  private async saved(save: () => Promise<unknown>): Promise<boolean> {
    try {
      await save();
      return true;
    } catch (err) {
      this.deps.logger.warn('provider answers could not be written to the cache', { error: (err as Error).message });
      return false;
    }
  }
}

type Failed = { status: 'failed' | 'timed-out'; error: string };

function isPassing(err: unknown): err is ProviderRateLimitError | ProviderUnavailableError {
  return err instanceof ProviderRateLimitError || err instanceof ProviderUnavailableError;
}

function retryAfterOf(err: ProviderError): number {
  return err.retryAfterMs ?? 0;
}

/** What a provider's failure says in the answer; anything that is not a provider's failure is a bug, thrown. */
function failedPart(err: unknown): Failed {
  if (err instanceof ProviderUnavailableError && err.timedOut) return { status: 'timed-out', error: err.message };
  if (err instanceof ProviderError || err instanceof ProviderDeletedError) return { status: 'failed', error: err.message };
  throw err;
}
