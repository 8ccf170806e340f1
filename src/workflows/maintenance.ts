import { continueAsNew, patched, proxyActivities } from '@temporalio/workflow';
import type { MaintenanceActivities } from '../activities/maintenance.js';
import type { MaintenanceInput, MaintenanceSummary } from '../contracts/maintenance.js';
import { historyIsLong } from './history.js';

const DEFAULT_BATCH_SIZE = 500;

const { removeUnreferencedCacheFiles, verifyCacheFiles, pruneNotificationSends, pruneEvents } = proxyActivities<MaintenanceActivities>({
  startToCloseTimeout: '30 minutes',
  // Heartbeats every few seconds: a worker that dies mid-batch is noticed within this.
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 5 },
});

/**
 * Upkeep: remove cache files no asset references → verify every cache file's sha256 (re-copy or flag)
 * → prune the notification send ledger → prune old history and live events.
 */
export async function maintenance(input: MaintenanceInput = {}): Promise<MaintenanceSummary> {
  const limit = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const summary = input.resume?.summary ?? { removed: 0, freedBytes: 0, checked: 0, repaired: 0, flagged: 0 };
  let phase = input.resume?.phase ?? 'remove';
  let afterId = input.resume?.afterId ?? null;

  if (phase === 'remove') {
    do {
      const batch = await removeUnreferencedCacheFiles({ afterId, limit });
      summary.removed += batch.removed;
      summary.freedBytes += batch.freedBytes;
      afterId = batch.nextAfterId;
      if (afterId !== null && historyIsLong(input.maxHistoryEvents))
        await continueAsNew<typeof maintenance>({ ...input, resume: { phase, afterId, summary } });
    } while (afterId !== null);
    phase = 'verify';
  }

  do {
    const batch = await verifyCacheFiles({ afterId, limit });
    summary.checked += batch.checked;
    summary.repaired += batch.repaired;
    summary.flagged += batch.flagged;
    afterId = batch.nextAfterId;
    if (afterId !== null && historyIsLong(input.maxHistoryEvents))
      await continueAsNew<typeof maintenance>({ ...input, resume: { phase, afterId, summary } });
  } while (afterId !== null);
  // Runs recorded before the ledger existed ended here.
  if (patched('prune-notification-sends')) summary.sendsPruned = await pruneNotificationSends();
  if (patched('prune-events')) summary.eventsPruned = await pruneEvents();
  return summary;
}
