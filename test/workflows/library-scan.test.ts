import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { FolderBatchResult, ScanActivities } from '../../src/activities/scan.js';
import { libraryScanWorkflowId, type FolderBatchRange, type ScanProgress } from '../../src/contracts/scan.js';
import type { ScanRunCounters } from '../../src/db/repositories/scan-run-repository.js';
import type { libraryScan } from '../../src/workflows/library-scan.js';
import { ActivityCalls, eventually } from './support/activity-calls.js';
import { useTierWorkers } from './support/environment.js';

type Activities = Pick<
  ScanActivities,
  | 'beginScanRun'
  | 'discoverLibraryFolders'
  | 'saveScanCounters'
  | 'planFolderBatches'
  | 'scanFolderBatch'
  | 'markVanishedTitles'
  | 'summarizeScan'
  | 'finishScanRun'
>;

const workers = useTierWorkers();

/** A library whose folders left to scan end batches at these keys; the batch after the last key runs to the end. */
function plannedLibrary(batchEnds: string[]) {
  return async ({ afterKey, count }: { afterKey: string | null; count: number }): Promise<FolderBatchRange[]> => {
    const ends = batchEnds.filter((key) => afterKey === null || key > afterKey).slice(0, count);
    const ranges: FolderBatchRange[] = [];
    let from = afterKey;
    for (const end of ends) {
      ranges.push({ afterKey: from, throughKey: end });
      from = end;
    }
    if (ranges.length < count) ranges.push({ afterKey: from, throughKey: null });
    return ranges;
  };
}

/** Batches that each scan 10 folders and end only when the test lets them. */
class HeldBatches {
  readonly started: FolderBatchRange[] = [];
  private readonly release = new Map<string, () => void>();

  readonly scan = async (input: FolderBatchRange): Promise<FolderBatchResult> => {
    const range = { afterKey: input.afterKey, throughKey: input.throughKey };
    this.started.push(range);
    await new Promise<void>((resolve) => this.release.set(String(range.throughKey), resolve));
    return { scanned: 10, titlesNew: 10, titlesUpdated: 0, assetsCached: 20, errors: 0, nextAfterKey: range.throughKey };
  };

  async end(throughKey: string | null) {
    await eventually(() => this.release.has(String(throughKey)), `the batch through ${throughKey} to start`);
    this.release.get(String(throughKey))!();
  }

  /** The ranges started, in key order (two scheduled in one workflow task may start in either order). */
  inKeyOrder = () =>
    [...this.started].sort((a, b) => (a.throughKey === null ? 1 : b.throughKey === null ? -1 : a.throughKey.localeCompare(b.throughKey)));
}

const counters: ScanRunCounters = {
  directoriesTotal: 50,
  directoriesScanned: 50,
  titlesFound: 50,
  titlesNew: 50,
  titlesUpdated: 0,
  titlesRemoved: 0,
  assetsCached: 100,
  errors: 0,
};

function scanOf(batches: HeldBatches, batchEnds: string[]) {
  return new ActivityCalls<Activities>({
    beginScanRun: async () => undefined,
    discoverLibraryFolders: async () => ({ titlesFound: 50, toScan: 50, issues: 0 }),
    saveScanCounters: async () => undefined,
    planFolderBatches: plannedLibrary(batchEnds),
    scanFolderBatch: batches.scan as Activities['scanFolderBatch'],
    markVanishedTitles: async () => undefined,
    summarizeScan: async () => counters,
    finishScanRun: async () => undefined,
  });
}

function startScan(calls: ActivityCalls<Activities>, input: { maxHistoryEvents?: number } = {}) {
  const libraryId = randomUUID();
  workers.serve(calls.activities, libraryId);
  return workers.client.workflow.start<typeof libraryScan>('libraryScan', {
    taskQueue: workers.taskQueue,
    workflowId: libraryScanWorkflowId(libraryId),
    args: [{ libraryId, ...input }],
  });
}

describe.concurrent('libraryScan', () => {
  test('keeps the next batch scheduled while one runs, and starts the last once every other has ended', async () => {
    const batches = new HeldBatches();
    const calls = scanOf(batches, ['b', 'd', 'f', 'h']);
    const handle = await startScan(calls);

    // Two batches at once: the worker already holds the second while the first scans.
    await eventually(() => batches.started.length === 2, 'two batches in flight');
    expect(batches.inKeyOrder()).toEqual([
      { afterKey: null, throughKey: 'b' },
      { afterKey: 'b', throughKey: 'd' },
    ]);
    await batches.end('b');
    await eventually(() => batches.started.length === 3, 'the third batch');
    expect(batches.inKeyOrder().map((range) => range.throughKey)).toEqual(['b', 'd', 'f']);
    await batches.end('d');
    await batches.end('f');
    await eventually(() => batches.started.length === 4, 'the fourth batch');
    // The last batch hands on what the library has outstanding: not while the fourth still scans.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(batches.inKeyOrder().map((range) => range.throughKey)).toEqual(['b', 'd', 'f', 'h']);
    await batches.end('h');
    await batches.end(null);

    const result: ScanProgress = await handle.result();
    expect(result).toMatchObject({ phase: 'completed', directoriesScanned: 50, titlesNew: 50 });
    expect(batches.started.at(-1)).toEqual({ afterKey: 'h', throughKey: null });
    expect(calls.sequence('scanFolderBatch', 'saveScanCounters')).toEqual([
      'beginScanRun',
      'discoverLibraryFolders',
      'planFolderBatches',
      'markVanishedTitles',
      'summarizeScan',
      'finishScanRun',
    ]);
  });

  test('replaces whichever batch ends first, even the later one', async () => {
    const batches = new HeldBatches();
    const calls = scanOf(batches, ['b', 'd', 'f']);
    const handle = await startScan(calls);
    await eventually(() => batches.started.length === 2, 'two batches in flight');
    // The worker took the second batch's folders first: it ends while the first still scans.
    await batches.end('d');
    await eventually(() => batches.started.length === 3, 'a third batch while the first still scans');
    expect(batches.inKeyOrder().map((range) => range.throughKey)).toEqual(['b', 'd', 'f']);
    for (const end of ['b', 'f', null]) await batches.end(end);
    expect(await handle.result()).toMatchObject({ phase: 'completed' });
  });

  test('counts every batch while scanning, and plans the next batches where the last plan ended', async () => {
    const batches = new HeldBatches();
    const ends = Array.from({ length: 12 }, (_, i) => `k${String(i + 1).padStart(2, '0')}`);
    const calls = scanOf(batches, ends);
    const handle = await startScan(calls);
    for (const end of [...ends, null]) await batches.end(end);
    const result: ScanProgress = await handle.result();
    expect(result.phase).toBe('completed');
    expect(batches.inKeyOrder().map((range) => range.throughKey)).toEqual([...ends, null]);
    // Ten batches a plan: the second plan starts after the tenth batch's end.
    expect(calls.of('planFolderBatches').map((plan) => plan.afterKey)).toEqual([null, 'k10']);
    // Saved after discovery, then every fifth batch: what the batches that ended had scanned by then.
    const saved = calls.of('saveScanCounters').map((save) => save.counters.directoriesScanned);
    expect(saved).toHaveLength(3);
    expect(saved[0]).toBe(0);
    expect(saved[1]).toBeGreaterThanOrEqual(40);
    expect(saved[2]).toBeGreaterThanOrEqual(90);
    expect(saved[2]).toBeGreaterThan(saved[1]!);
  });

  test('continues as new after the batches in flight end, and scans every range once across runs', async () => {
    const batches = new HeldBatches();
    const ends = Array.from({ length: 8 }, (_, i) => `k${i + 1}`);
    const calls = scanOf(batches, ends);
    const handle = await startScan(calls, { maxHistoryEvents: 30 });
    for (const end of [...ends, null]) await batches.end(end);
    const result: ScanProgress = await handle.result();
    expect(result).toMatchObject({ phase: 'completed' });
    expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);
    // Each range once, each beginning where the one before it ended, across the runs of the chain.
    expect(batches.inKeyOrder()).toEqual([...ends, null].map((throughKey, i) => ({ afterKey: i === 0 ? null : ends[i - 1], throughKey })));
    expect(calls.count('beginScanRun')).toBe(1);
  });
});
