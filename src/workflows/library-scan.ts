import { CancellationScope, continueAsNew, isCancellation, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { FolderBatchResult, ScanActivities } from '../activities/scan.js';
import {
  emptyCounters,
  scanProgressQuery,
  type FolderBatchRange,
  type LibraryScanInput,
  type ScanCounters,
  type ScanProgress,
} from '../contracts/scan.js';
import { checkWorkflowInput, libraryIdInput } from '../contracts/workflow-input.js';
import { rootMessage } from '../contracts/failures.js';
import { historyIsLong } from './history.js';

const DEFAULT_BATCH_SIZE = 100;
/** Save the running counters to scan_runs every this many batches (the query is always live). */
const SAVE_EVERY_BATCHES = 5;
/**
 * Batches scheduled at once. The second waits on the worker for the folder slots the first frees, so the
 * slots go from one batch's last folders to the next's first without waiting for this workflow to hear of
 * the first's end and schedule the next (a round trip through the server: ~40 ms of idle slots a batch).
 */
const BATCHES_IN_FLIGHT = 2;
/** Batches planned by one planFolderBatches call. */
const BATCHES_PER_PLAN = 10;
/** Runs that began before batches were planned ahead keep scanning one batch at a time when replayed. */
const PLANNED_BATCHES_PATCH = 'planned-overlapping-scan-batches';

// Row reads and writes: a worker that dies in one is noticed at this short timeout.
const { beginScanRun, saveScanCounters, finishScanRun, planFolderBatches } = proxyActivities<ScanActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 },
});

// One statement each over the whole library (10,000 titles take seconds); they heartbeat meanwhile.
const { markVanishedTitles, summarizeScan } = proxyActivities<ScanActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 },
});

// Walking a large library takes minutes; it heartbeats every few seconds.
const { discoverLibraryFolders } = proxyActivities<ScanActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 },
});

const { scanFolderBatch } = proxyActivities<ScanActivities>({
  startToCloseTimeout: '2 hours',
  // The batch heartbeats every few seconds, so a worker that dies mid-batch is noticed within this; the
  // retry scans only the folders not yet done.
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
});

/**
 * Scans one library: discover its title folders → scan the changed ones in batches, two at a time → mark
 * vanished titles removed → record exact counters. Folder lists live in Postgres; the workflow carries a
 * cursor.
 */
export async function libraryScan(input: LibraryScanInput): Promise<ScanProgress> {
  checkWorkflowInput('libraryScan', libraryIdInput, input);
  const { workflowId, firstExecutionRunId } = workflowInfo();
  const { libraryId } = input;
  const scanId = input.scanId ?? firstExecutionRunId;
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const progress: ScanProgress = input.resume?.progress ?? {
    scanId,
    libraryId,
    phase: 'starting',
    directoriesToScan: 0,
    ...emptyCounters(),
  };
  setHandler(scanProgressQuery, () => progress);

  try {
    let afterKey: string | null = null;
    if (input.resume) {
      afterKey = input.resume.afterKey;
    } else {
      await beginScanRun({ scanId, libraryId, workflowId });

      progress.phase = 'discovering';
      const discovered = await discoverLibraryFolders({ scanId, libraryId });
      progress.titlesFound = progress.directoriesTotal = discovered.titlesFound;
      progress.directoriesToScan = discovered.toScan;
      progress.errors += discovered.issues;
      await saveScanCounters({ scanId, counters: countersOf(progress) });
    }

    progress.phase = 'scanning';
    const continueFrom = (resumeAfterKey: string | null) =>
      continueAsNew<typeof libraryScan>({ ...input, scanId, resume: { afterKey: resumeAfterKey, progress } });

    if (patched(PLANNED_BATCHES_PATCH)) {
      await scanPlannedBatches(
        { scanId, libraryId, afterKey, batchSize, maxHistoryEvents: input.maxHistoryEvents },
        progress,
        continueFrom,
      );
    } else {
      for (let batches = 1; ; batches++) {
        const batch = await scanFolderBatch({ scanId, libraryId, afterKey, limit: batchSize });
        addBatch(progress, batch);
        if (batch.nextAfterKey === null) break;
        afterKey = batch.nextAfterKey;
        if (batches % SAVE_EVERY_BATCHES === 0) await saveScanCounters({ scanId, counters: countersOf(progress) });
        if (historyIsLong(input.maxHistoryEvents)) await continueFrom(afterKey);
      }
    }

    progress.phase = 'removing';
    await markVanishedTitles({ scanId, libraryId });

    Object.assign(progress, await summarizeScan({ scanId, libraryId }), { phase: 'completed' });
    await finishScanRun({ scanId, status: 'completed', counters: countersOf(progress) });
    return progress;
  } catch (err) {
    const status = isCancellation(err) ? 'cancelled' : 'failed';
    progress.phase = status;
    // Record the outcome even when cancelled: the row must not stay "running" forever.
    await CancellationScope.nonCancellable(() =>
      finishScanRun({ scanId, status, counters: countersOf(progress), errorMessage: rootMessage(err) }),
    );
    throw err;
  }
}

/**
 * Scans the folders left after `afterKey` in the batches planFolderBatches plans, BATCHES_IN_FLIGHT at a
 * time: whichever ends first (the worker may start either's folders first), the next takes its place. The
 * last batch, which also hands on what the library has outstanding, starts once every other has ended; so
 * does a continue-as-new, which then resumes after the last batch planned.
 */
async function scanPlannedBatches(
  scan: { scanId: string; libraryId: string; afterKey: string | null; batchSize: number; maxHistoryEvents?: number },
  progress: ScanProgress,
  continueFrom: (afterKey: string | null) => Promise<never>,
): Promise<void> {
  const { scanId, libraryId, batchSize } = scan;
  const inFlight = new Map<number, Promise<number>>();
  let planned: FolderBatchRange[] = [];
  let plannedThrough = scan.afterKey;
  for (let batches = 1; ; batches++) {
    if (planned.length === 0) {
      planned = await planFolderBatches({ libraryId, afterKey: plannedThrough, batchSize, count: BATCHES_PER_PLAN });
    }
    const range = planned.shift()!;
    if (range.throughKey === null) {
      await Promise.all(inFlight.values());
      addBatch(progress, await scanFolderBatch({ scanId, libraryId, ...range }));
      return;
    }
    plannedThrough = range.throughKey;
    const batch = scanFolderBatch({ scanId, libraryId, ...range }).then((result) => {
      addBatch(progress, result);
      return batches;
    });
    // Awaited below; until then a failure of this one must not count as unhandled.
    batch.catch(() => undefined);
    inFlight.set(batches, batch);
    if (inFlight.size >= BATCHES_IN_FLIGHT) inFlight.delete(await Promise.race(inFlight.values()));
    if (batches % SAVE_EVERY_BATCHES === 0) await saveScanCounters({ scanId, counters: countersOf(progress) });
    if (historyIsLong(scan.maxHistoryEvents)) {
      await Promise.all(inFlight.values());
      await continueFrom(plannedThrough);
    }
  }
}

function addBatch(progress: ScanProgress, batch: FolderBatchResult) {
  progress.directoriesScanned += batch.scanned;
  progress.titlesNew += batch.titlesNew;
  progress.titlesUpdated += batch.titlesUpdated;
  progress.assetsCached += batch.assetsCached;
  progress.errors += batch.errors;
}

function countersOf(p: ScanProgress): ScanCounters {
  return {
    directoriesTotal: p.directoriesTotal,
    directoriesScanned: p.directoriesScanned,
    titlesFound: p.titlesFound,
    titlesNew: p.titlesNew,
    titlesUpdated: p.titlesUpdated,
    titlesRemoved: p.titlesRemoved,
    assetsCached: p.assetsCached,
    errors: p.errors,
  };
}
