import { ApplicationFailure, Context } from '@temporalio/activity';
import type { ProviderCacheManager } from '../cache/provider-cache-manager.js';
import { isRefreshDue } from '../cache/refresh-rules.js';
import type { Database } from '../db/client.js';
import { ProviderRefreshRepository, type CachedTitle } from '../db/repositories/provider-refresh-repository.js';
import type { ProviderRepository } from '../db/repositories/provider-repository.js';
import { createConcurrencyLimit } from '../concurrency/concurrency-limit.js';
import { ProcessingContext } from '../providers/processing-context.js';
import { TmdbProcessor } from '../providers/processors/tmdb-processor.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { ChangesWindow, ProviderRefreshPlan, RefreshEntityType, RefreshTarget } from '../contracts/provider-refresh.js';
import { asTemporalFailure, runLogger as activityLogger } from './providers.js';
import { heartbeatWhile } from './heartbeat-while.js';
import type { TitlePipelineStarter } from '../library/temporal-title-pipeline-starter.js';
import { PROVIDER_DELETED, PROVIDER_NOT_TMDB } from '../contracts/failures.js';

export interface ProviderRefreshActivityDeps {
  db: Database;
  providers: ProviderRepository;
  registry: ProviderRegistry;
  cache: ProviderCacheManager;
  /** Hands a title whose provider data changed to its pipeline. */
  pipelines: TitlePipelineStarter;
  now?: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** TMDB's change list reaches back at most 14 days. */
const MAX_CHANGES_DAYS = 14;
const DEFAULT_MIN_CHANGES_INTERVAL_MINUTES = 60;
/** Refreshes in flight at once; the TMDB task queue's rate is what really paces them. */
const REFRESH_CONCURRENCY = 20;
const ENTITY_TYPES: RefreshEntityType[] = ['movie', 'tv'];

/**
 * Activities of the provider refresh: plan which change-list windows to read, read one page (on the TMDB
 * queue), find titles due by the release-status rules, and refresh titles through the provider cache at
 * background priority.
 */
export function createProviderRefreshActivities(deps: ProviderRefreshActivityDeps) {
  const repository = new ProviderRefreshRepository(deps.db);
  const now = deps.now ?? (() => new Date());

  return {
    /**
     * The windows of TMDB's change list not yet read: from where the last run stopped (at most 14 days
     * back) to now — none when that was less than `minChangesIntervalMinutes` ago, so a run right after
     * another asks TMDB nothing.
     */
    async planProviderRefresh(input: { minChangesIntervalMinutes?: number }): Promise<ProviderRefreshPlan> {
      const checkedAt = now();
      const tmdb = (await deps.providers.listEnabled()).find((provider) => provider.kind === 'tmdb');
      const minInterval = (input.minChangesIntervalMinutes ?? DEFAULT_MIN_CHANGES_INTERVAL_MINUTES) * 60_000;
      const windows: ChangesWindow[] = [];
      if (tmdb) {
        for (const entityType of ENTITY_TYPES) {
          const last = await repository.changesCheckedAt(entityType);
          if (last && checkedAt.getTime() - last.getTime() < minInterval) continue;
          const earliest = new Date(checkedAt.getTime() - MAX_CHANGES_DAYS * DAY_MS);
          const start = last && last > earliest ? last : earliest;
          windows.push({ entityType, startDate: isoDay(start), endDate: isoDay(checkedAt) });
        }
      }
      return { tmdb: tmdb ? { providerId: tmdb.id, timeoutMs: tmdb.timeoutMs } : null, windows, checkedAt: checkedAt.toISOString() };
    },

    /** One page of TMDB's change list, answered with only the library titles in it (runs on the TMDB queue). */
    async fetchChangedTitles(input: {
      providerId: string;
      window: ChangesWindow;
      page: number;
    }): Promise<{ changedIds: number; totalPages: number; titles: RefreshTarget[] }> {
      const config = await deps.providers.get(input.providerId).catch(asTemporalFailure);
      if (!config) throw ApplicationFailure.nonRetryable(`Provider ${input.providerId} was deleted`, PROVIDER_DELETED);
      const processor = deps.registry.update(config);
      if (!(processor instanceof TmdbProcessor))
        throw ApplicationFailure.nonRetryable(`Provider ${input.providerId} is not TMDB`, PROVIDER_NOT_TMDB);
      const context = new ProcessingContext(config.id, config, activityLogger);
      try {
        const { startDate, endDate, entityType } = input.window;
        const page = await processor.changes(context, entityType, { startDate, endDate, page: input.page }).catch(asTemporalFailure);
        const titles = await repository.cachedTitlesWithTmdbIds(entityType, page.ids);
        return { changedIds: page.ids.length, totalPages: page.totalPages, titles: titles.map(toTarget) };
      } finally {
        context.reset();
      }
    },

    async saveChangesCheckedAt(input: { entityType: RefreshEntityType; checkedAt: string }): Promise<void> {
      await repository.saveChangesCheckedAt(input.entityType, new Date(input.checkedAt));
    },

    /** Of the next `limit` cached titles, those the release-status rules say are due. */
    async findDueTitles(input: {
      entityTypeIndex: number;
      afterId: string | null;
      limit: number;
    }): Promise<{ titles: RefreshTarget[]; nextAfterId: string | null }> {
      const entityType = ENTITY_TYPES[input.entityTypeIndex];
      if (!entityType) return { titles: [], nextAfterId: null };
      const page = await repository.cachedTitlesPage(entityType, input.afterId, input.limit);
      const at = now();
      return {
        titles: page.filter((title) => isRefreshDue(title, at)).map(toTarget),
        nextAfterId: page.length < input.limit ? null : page.at(-1)!.entityId,
      };
    },

    /**
     * Re-fetches these titles through the provider cache at background priority, heartbeating as it goes.
     * A changed answer is saved with a change of the title (in one transaction), which is then handed to
     * its pipeline: a retried attempt whose fetch finds nothing new still hands on what the first saved.
     */
    async refreshTitles(input: { titles: RefreshTarget[] }): Promise<{ refreshed: number; failed: number; republished: number }> {
      const limit = createConcurrencyLimit(REFRESH_CONCURRENCY, 'newest-first');
      const result = { refreshed: 0, failed: 0, republished: 0 };
      // A fetch can wait long behind the provider's rate limit: a timer heartbeats between answers.
      await heartbeatWhile(
        () =>
          Promise.all(
            input.titles.map((title) =>
              limit(async () => {
                const answer = await deps.cache.fetchAssets({
                  entityType: title.entityType,
                  entityId: title.entityId,
                  externalIds: {
                    ...(title.tmdbId !== null ? { tmdb: title.tmdbId } : {}),
                    ...(title.imdbId ? { imdb: title.imdbId } : {}),
                  },
                  force: true,
                  priority: 'background',
                  publishChanges: true,
                });
                if (answer.metadata.completedProviders.length > 0) result.refreshed++;
                else result.failed++;
                const handedOn = await deps.pipelines.ensure({
                  kind: title.entityType === 'movie' ? 'movie' : 'show',
                  titleId: title.entityId,
                  priority: 'background',
                  reason: 'provider data changed',
                });
                if (handedOn.seq !== undefined) result.republished++;
                Context.current().heartbeat(result);
              }),
            ),
          ),
        () => result,
      );
      return result;
    },
  };
}

export type ProviderRefreshActivities = ReturnType<typeof createProviderRefreshActivities>;

function toTarget(title: CachedTitle): RefreshTarget {
  return { entityType: title.entityType, entityId: title.entityId, tmdbId: title.tmdbId, imdbId: title.imdbId };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
