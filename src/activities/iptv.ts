import { ApplicationFailure, Context } from '@temporalio/activity';
import { CachedTmdbLookup } from '../cache/cached-tmdb-lookup.js';
import type { ProviderCacheManager } from '../cache/provider-cache-manager.js';
import type { Database } from '../db/client.js';
import type { IptvProviderRecord, IptvProviderRepository } from '../db/repositories/iptv-provider-repository.js';
import { IptvProviderGoneError, ProviderTitleRepository, type MatchResult } from '../db/repositories/provider-title-repository.js';
import { IptvSyncRunRepository } from '../db/repositories/iptv-sync-run-repository.js';
import type { IptvKind } from '../db/schema/iptv.js';
import type { ProviderTitleRow } from '../db/schema/index.js';
import { createConcurrencyLimit } from '../concurrency/concurrency-limit.js';
import type { IptvContext, IptvProcessor } from '../providers/iptv/catalogue.js';
import type { IptvProviderConfig } from '../contracts/iptv-providers.js';
import { toListedTitles } from '../providers/iptv/listed-titles.js';
import { matchTitle, TmdbLookupFailedError } from '../providers/iptv/title-matcher.js';
import { ProcessingContext } from '../providers/processing-context.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { type CatalogueFetchResult, type IptvSyncRunRecord, type MatchBatchResult } from '../contracts/iptv.js';
import { IPTV_PROVIDER_DELETED } from '../contracts/failures.js';
import { asTemporalFailure, runLogger } from './providers.js';
import { heartbeatWhile } from './heartbeat-while.js';

export interface IptvActivityDeps {
  db: Database;
  iptvProviders: IptvProviderRepository;
  registry: ProviderRegistry;
  cache: ProviderCacheManager;
}

/**
 * Titles matched at once in a batch: enough to keep the provider pacer booked up to its background lead
 * (36 requests/s × up to 2 s ahead) while each waits for its slot. More only queue their cache reads on the
 * database pool ahead of the first slots' bookings: at 100, a sync's first TMDB request went out 0.9 s after
 * its start, at 50, 0.65 s.
 */
const MATCH_CONCURRENCY = 50;

/**
 * The iptvSync activities. Each run reads the provider afresh (an edit applies to the next run), makes a
 * fresh ProcessingContext (run caches, ignored titles with reasons, progress) and resets it in `finally`.
 * A provider that is gone ends the sync cleanly (IptvProviderDeleted, never retried).
 */
export function createIptvActivities(deps: IptvActivityDeps) {
  const titles = new ProviderTitleRepository(deps.db);
  const syncRuns = new IptvSyncRunRepository(deps.db);
  const lookup = new CachedTmdbLookup(deps.cache);

  async function withContext<T>(
    providerId: string,
    run: (processor: IptvProcessor, context: IptvContext, config: IptvProviderRecord) => Promise<T>,
  ): Promise<T> {
    const config = await deps.iptvProviders.get(providerId).catch(asTemporalFailure);
    if (!config) {
      deps.registry.removeIptv(providerId);
      throw deleted(providerId);
    }
    const processor = deps.registry.updateIptv(config);
    const context = new ProcessingContext<IptvProviderConfig>(providerId, config, runLogger);
    try {
      return await run(processor, context, config).catch((err: unknown) => {
        if (err instanceof IptvProviderGoneError) throw deleted(providerId);
        return asTemporalFailure(err);
      });
    } finally {
      context.reset();
    }
  }

  return {
    /** Which kind the provider is (its calls run on that kind's queue); IptvProviderDeleted when it is gone. */
    async describeIptvProvider(input: { providerId: string }): Promise<{ kind: IptvKind; name: string }> {
      const config = await deps.iptvProviders.get(input.providerId).catch(asTemporalFailure);
      if (!config) throw deleted(input.providerId);
      return { kind: config.kind, name: config.name };
    },

    /** Lists the catalogue and stores it: unchanged titles keep their match, new or changed ones wait for one. */
    async fetchIptvCatalogue(input: { providerId: string; syncId: string }): Promise<CatalogueFetchResult> {
      return withContext(input.providerId, async (processor, context, config) => {
        // A panel may take long to list a large catalogue: the heartbeat goes on meanwhile.
        const listing = await heartbeatWhile(() => processor.listCatalogue(context));
        Context.current().heartbeat({ listed: listing.entries.length });
        const rows = toListedTitles(listing, config.nameCleanup);
        const stored = await titles.upsertListing(input.providerId, input.syncId, rows);
        if (context.ignored.length > 0)
          context.logger.info('catalogue entries ignored', { count: context.ignored.length, first: context.ignored.slice(0, 5) });
        return { listed: rows.length, malformed: listing.malformed.length, inserted: stored.inserted, toMatch: stored.pending };
      });
    },

    /**
     * The next pending titles: what the listing lacks from the provider (episodes, ids), then a match to
     * TMDB through the provider cache. A title TMDB could not be asked about stays pending, with the error.
     */
    async matchIptvTitles(input: {
      providerId: string;
      syncId: string;
      afterKey: string | null;
      limit: number;
    }): Promise<MatchBatchResult> {
      return withContext(input.providerId, async (processor, context) => {
        const batch = await titles.pendingBatch(input.providerId, input.syncId, input.afterKey, input.limit);
        const result: MatchBatchResult = {
          processed: 0,
          matched: 0,
          ignored: 0,
          errors: 0,
          nextAfterKey: batch.length < input.limit ? null : batch.at(-1)!.titleKey,
        };
        context.progress.total = batch.length;
        const limit = createConcurrencyLimit(Math.min(MATCH_CONCURRENCY, Math.max(1, input.limit)), 'newest-first');
        // One match can wait long behind TMDB's rate limit: a timer heartbeats between matches.
        await heartbeatWhile(
          () =>
            Promise.all(
              batch.map((row) =>
                limit(async () => {
                  const outcome = await matchOne(processor, context, row);
                  if (outcome.kind === 'matched') result.matched++;
                  else if (outcome.kind === 'ignored') {
                    result.ignored++;
                    context.ignore(row.titleKey, outcome.reason);
                  } else {
                    result.errors++;
                    const retryAfterMs = 'retryAfterMs' in outcome ? outcome.retryAfterMs : undefined;
                    if (retryAfterMs !== undefined) result.retryAfterMs = Math.max(result.retryAfterMs ?? 0, retryAfterMs);
                  }
                  result.processed++;
                  context.progress.done++;
                  Context.current().heartbeat({ done: context.progress.done });
                }),
              ),
            ),
          () => ({ done: context.progress.done }),
        );
        return result;
      });
    },

    /** The sync's row for the sync list; nothing when the provider is gone (its rows went with it). */
    async recordIptvSyncRun({ workflowId, status, progress, errorMessage }: IptvSyncRunRecord): Promise<void> {
      const { syncId, providerId, phase, listed, malformed, toMatch, matched, ignored, matchErrors, added, removed } = progress;
      await syncRuns.record({
        id: syncId,
        providerId,
        workflowId,
        status,
        phase,
        listed,
        malformed,
        toMatch,
        matched,
        ignored,
        matchErrors,
        added,
        removed,
        errorMessage,
      });
    },

    /** The monitor step: what this sync added and removed. */
    async recordIptvChanges(input: { providerId: string; syncId: string }): Promise<{ added: number; removed: number }> {
      if (!(await deps.iptvProviders.exists(input.providerId))) throw deleted(input.providerId);
      return titles.recordChanges(input.providerId, input.syncId).catch((err: unknown) => {
        if (err instanceof IptvProviderGoneError) throw deleted(input.providerId);
        throw err;
      });
    },
  };

  async function matchOne(
    processor: IptvProcessor,
    context: IptvContext,
    row: ProviderTitleRow,
  ): Promise<MatchResult | { kind: 'failed'; error: string; retryAfterMs?: number }> {
    let tmdbId = row.providerTmdbId ?? undefined;
    let imdbId = row.providerImdbId ?? undefined;
    if (row.detailsFromProvider) {
      // Panel errors fail the batch (and after its retries the sync): a panel that stops answering is the run's problem.
      const details = await processor.details(context, { type: row.type, sourceId: row.sourceId, tmdbId, detailsFromProvider: true });
      tmdbId ??= details.tmdbId;
      imdbId ??= details.imdbId;
      await titles.saveDetails(row.id, {
        ...(details.episodes ? { streams: { episodes: details.episodes } } : {}),
        ...(details.tmdbId !== undefined ? { providerTmdbId: details.tmdbId } : {}),
        ...(details.imdbId !== undefined ? { providerImdbId: details.imdbId } : {}),
      });
    }
    let result: MatchResult;
    try {
      const outcome = await matchTitle(lookup, {
        type: row.type,
        cleanedTitle: row.cleanedTitle,
        ...(row.year !== null ? { year: row.year } : {}),
        ...(tmdbId !== undefined ? { tmdbId } : {}),
        ...(imdbId !== undefined ? { imdbId } : {}),
      });
      result = outcome.matched
        ? { kind: 'matched', tmdbId: outcome.tmdbId, matchedBy: outcome.matchedBy, matchedTitle: outcome.title }
        : { kind: 'ignored', reason: outcome.reason };
    } catch (err) {
      if (!(err instanceof TmdbLookupFailedError)) throw err;
      result = { kind: 'failed', error: err.message };
      await titles.saveMatch(row.id, result);
      return err.retryAfterMs === undefined ? result : { ...result, retryAfterMs: err.retryAfterMs };
    }
    await titles.saveMatch(row.id, result);
    return result;
  }
}

export type IptvActivities = ReturnType<typeof createIptvActivities>;

function deleted(providerId: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`IPTV provider ${providerId} was deleted`, IPTV_PROVIDER_DELETED);
}
