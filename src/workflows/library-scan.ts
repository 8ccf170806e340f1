import {
  ApplicationFailure,
  CancellationScope,
  isCancellation,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ScanActivities } from '../activities/scan.js';
import { emptyCounters, scanProgressQuery, type LibraryScanInput, type ScanCounters, type ScanProgress } from './scan-definitions.js';

const { beginScanRun, discoverLibraryFolders, finishScanRun } = proxyActivities<ScanActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * Scans one library: discover its title folders → (scan changed folders in batches) → record counters.
 * The scan_runs row mirrors the counters for listings; the `progress` query serves live state.
 */
export async function libraryScan(input: LibraryScanInput): Promise<ScanProgress> {
  const { workflowId, firstExecutionRunId } = workflowInfo();
  const scanId = input.scanId ?? firstExecutionRunId;
  const progress: ScanProgress = input.progress ?? { scanId, libraryId: input.libraryId, phase: 'starting', ...emptyCounters() };
  setHandler(scanProgressQuery, () => progress);

  try {
    await beginScanRun({ scanId, libraryId: input.libraryId, workflowId });

    progress.phase = 'discovering';
    const discovered = await discoverLibraryFolders({ scanId, libraryId: input.libraryId });
    progress.directoriesTotal = discovered.directoriesTotal;
    progress.errors += discovered.issues;

    progress.phase = 'completed';
    await finishScanRun({ scanId, status: 'completed', counters: countersOf(progress) });
    return progress;
  } catch (err) {
    const status = isCancellation(err) ? 'cancelled' : 'failed';
    progress.phase = status;
    // Record the outcome even when cancelled: the row must not stay "running" forever.
    await CancellationScope.nonCancellable(() =>
      finishScanRun({ scanId, status, counters: countersOf(progress), errorMessage: messageOf(err) }),
    );
    throw err;
  }
}

function countersOf(p: ScanProgress): ScanCounters {
  const { scanId: _s, libraryId: _l, phase: _p, ...counters } = p;
  return counters;
}

function messageOf(err: unknown): string {
  if (err instanceof ApplicationFailure || err instanceof Error) return err.cause instanceof Error ? err.cause.message : err.message;
  return String(err);
}
