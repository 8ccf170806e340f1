import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ProviderRefreshActivities } from '../activities/provider-refresh.js';
import { priorityKeys } from '../contracts/providers.js';
import { providerTaskQueue } from '../contracts/task-queues.js';
import {
  providerRefreshProgressQuery,
  type ProviderRefreshInput,
  type ProviderRefreshResume,
  type ProviderRefreshSummary,
  type RefreshTarget,
} from '../contracts/provider-refresh.js';
import {
  PROVIDER_AUTH_ERROR,
  PROVIDER_DELETED,
  PROVIDER_NOT_TMDB,
  PROVIDER_REQUEST_ERROR,
  PROVIDER_RESPONSE_ERROR,
} from '../contracts/failures.js';
import { historyIsLong } from './history.js';

const DEFAULT_BATCH_SIZE = 200;
const DUE_ENTITY_TYPES = 2; // movie, tv

const { planProviderRefresh, saveChangesCheckedAt, findDueTitles } = proxyActivities<ProviderRefreshActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 },
});

const { refreshTitles } = proxyActivities<ProviderRefreshActivities>({
  startToCloseTimeout: '2 hours',
  // Heartbeats every few seconds: a worker that dies mid-batch is noticed within this.
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 5 },
});

/** Reading the change list is a TMDB call: on TMDB's rate-limited queue, behind a person's requests. */
function tmdbCalls(timeoutMs: number) {
  return proxyActivities<ProviderRefreshActivities>({
    taskQueue: providerTaskQueue(workflowInfo().taskQueue, 'tmdb'),
    startToCloseTimeout: timeoutMs + 5_000,
    priority: { priorityKey: priorityKeys.background },
    retry: {
      initialInterval: '1 second',
      maximumInterval: '1 minute',
      maximumAttempts: 8,
      nonRetryableErrorTypes: [PROVIDER_AUTH_ERROR, PROVIDER_REQUEST_ERROR, PROVIDER_RESPONSE_ERROR, PROVIDER_DELETED, PROVIDER_NOT_TMDB],
    },
  });
}

/**
 * Refreshes provider data that is stale, asking providers only about what changed: read TMDB's change
 * lists since the last run (≤ 14 days) and refresh the library titles in them → refresh the titles the
 * release-status rules say are due (upcoming and recent often, old rarely) → done. A refreshed title whose
 * provider data changed runs its pipeline (background priority), so the change reaches its NFO, its
 * players and, when they asked for updates, people. A run right after another finds nothing to read and
 * nothing due, so it makes no provider call.
 */
export async function providerRefresh(input: ProviderRefreshInput = {}): Promise<ProviderRefreshSummary> {
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const resume: ProviderRefreshResume = input.resume ?? {
    plan: await planProviderRefresh({ minChangesIntervalMinutes: input.minChangesIntervalMinutes }),
    windowIndex: 0,
    page: 1,
    totalPages: 1,
    dueIndex: 0,
    afterId: null,
    summary: { phase: 'changes', changePages: 0, changedIds: 0, refreshedChanged: 0, refreshedDue: 0, failed: 0, republished: 0 },
  };
  const { plan, summary } = resume;
  setHandler(providerRefreshProgressQuery, () => summary);

  const refresh = async (titles: RefreshTarget[], counter: 'refreshedChanged' | 'refreshedDue') => {
    if (titles.length === 0) return;
    const result = await refreshTitles({ titles });
    summary[counter] += result.refreshed;
    summary.failed += result.failed;
    summary.republished = (summary.republished ?? 0) + (result.republished ?? 0);
  };
  const checkpoint = async () => {
    if (historyIsLong(input.maxHistoryEvents)) await continueAsNew<typeof providerRefresh>({ ...input, resume });
  };

  // 1. What TMDB says changed since the last run.
  if (plan.tmdb) {
    const { fetchChangedTitles } = tmdbCalls(plan.tmdb.timeoutMs);
    for (; resume.windowIndex < plan.windows.length; resume.windowIndex++, resume.page = 1, resume.totalPages = 1) {
      const window = plan.windows[resume.windowIndex]!;
      while (resume.page <= resume.totalPages) {
        const changed = await fetchChangedTitles({ providerId: plan.tmdb.providerId, window, page: resume.page });
        resume.totalPages = changed.totalPages;
        summary.changePages++;
        summary.changedIds += changed.changedIds;
        await refresh(changed.titles, 'refreshedChanged');
        resume.page++;
        await checkpoint();
      }
      await saveChangesCheckedAt({ entityType: window.entityType, checkedAt: plan.checkedAt });
    }
  }

  // 2. Release-status rules over every cached title.
  summary.phase = 'status-rules';
  for (; resume.dueIndex < DUE_ENTITY_TYPES; resume.dueIndex++, resume.afterId = null) {
    do {
      const due = await findDueTitles({ entityTypeIndex: resume.dueIndex, afterId: resume.afterId, limit: batchSize });
      await refresh(due.titles, 'refreshedDue');
      resume.afterId = due.nextAfterId;
      if (resume.afterId !== null) await checkpoint();
    } while (resume.afterId !== null);
  }

  summary.phase = 'completed';
  return summary;
}
