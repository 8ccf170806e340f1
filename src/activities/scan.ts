import { ApplicationFailure, Context } from '@temporalio/activity';
import { CancelledFailure } from '@temporalio/common';
import type { ScanConfig } from '../config/phase-config.js';
import type { PhaseConfigService } from '../config/phase-config-service.js';
import type { Database } from '../db/client.js';
import { LibraryFolderRepository } from '../db/repositories/library-folder-repository.js';
import { LibraryRepository } from '../db/repositories/library-repository.js';
import { StoredScanRepository } from '../db/repositories/stored-scan-repository.js';
import { ScanIssueRepository } from '../db/repositories/scan-issue-repository.js';
import { ScanRunRepository, type ScanRunCounters, type ScanRunStatus } from '../db/repositories/scan-run-repository.js';
import { summarizeScan } from '../db/repositories/scan-summary.js';
import { TitleChangeRepository, type TitleAwaitingPipeline } from '../db/repositories/title-change-repository.js';
import type { LibraryFolder } from '../db/schema/index.js';
import { ScannedTitleWriter, type FolderToSave, type SavedFolder } from '../library/scanned-title-writer.js';
import { createFolderSaveBatcher } from '../library/folder-save-batcher.js';
import type { ContentStore } from '../media/content-store.js';
import type { MediaInfoPlace } from '../media/probe-for-scan.js';
import { discoverLibrary, LibraryRootUnreadableError } from '../media/discovery/index.js';
import { scanTitleFolder } from '../media/title-scan/index.js';
import { createConcurrencyLimit, type ConcurrencyLimit } from '../concurrency/concurrency-limit.js';
import { EventRepository } from '../db/repositories/event-repository.js';
import { activityKey, EventRecorder } from '../events/event-recorder.js';
import { heartbeatWhile } from './heartbeat-while.js';
import type { TitlePipelineStarter } from '../library/temporal-title-pipeline-starter.js';
import type { TitleImportStarter } from '../library/temporal-title-import-starter.js';
import { TITLE_IMPORT_MIN_TITLES } from '../contracts/title-pipeline.js';
import { LIBRARY_NOT_FOUND, LIBRARY_ROOT_UNREADABLE, UNSUPPORTED_LIBRARY_KIND } from '../contracts/failures.js';
import type { FolderBatchRange } from '../contracts/scan.js';

export interface ScanActivityDeps {
  db: Database;
  phaseConfig: PhaseConfigService;
  contentStore: ContentStore;
  /**
   * Folders this worker scans at once, whichever batch they belong to. Each waits on the disk, MediaInfo and
   * Postgres in turn; eight keep both cores busy on a first import while the batch's titles are enriched
   * beside them.
   */
  folderConcurrency?: number;
  /** Starts the pipeline of every title a batch found new or changed; none are started without it. */
  pipelines?: TitlePipelineStarter;
  /** With pipelines: a batch's new titles, when there are many, go through one titleImport. */
  imports?: TitleImportStarter;
}

/**
 * Folders a batch must have for MediaInfo to parse on its own thread. A thread that is not up costs about
 * 250 ms to start (and ends after 30 s with nothing to do), a parse on this thread 7 ms once warm: a
 * webhook's one folder, a few changed folders, parse here; a first import's batches of a hundred parse
 * beside the scan's own work (docs/architecture.md).
 */
const MEDIAINFO_THREAD_MIN_FOLDERS = 8;

/** Pipeline starts in flight at once at the end of a batch (each is one call to the Temporal server). */
const PIPELINE_START_CONCURRENCY = 8;

const HEARTBEAT_EVERY_MS = 3_000;

/** What the folders of one scanFolderBatch share. */
interface FolderBatch {
  libraryId: string;
  scanId: string;
  scanConfig: ScanConfig;
  /** The worker's folder slots, shared by every batch it runs: a folder is scanned in one. */
  slot: ConcurrencyLimit;
  save: (folder: FolderToSave) => Promise<SavedFolder>;
  cancelled: AbortSignal;
  /** Where MediaInfo parses the batch's videos. */
  mediaInfoOn: MediaInfoPlace;
}

interface FolderOutcome {
  isNew: boolean;
  assetsCached: number;
  errors: number;
  failed: boolean;
}

/**
 * Which folders a batch scans: a range the scan planned, or (from a scan started before batches were
 * planned) the next `limit` folders after `afterKey`.
 */
type BatchFolders = { throughKey: string | null } | { limit: number };

export interface FolderBatchResult {
  /** Folders this batch finished. */
  scanned: number;
  titlesNew: number;
  titlesUpdated: number;
  assetsCached: number;
  errors: number;
  /** Where the next batch starts (this batch's end); null after the scan's last batch. */
  nextAfterKey: string | null;
}

/** Activities of the scan phase: thin adapters from workflow inputs to repositories and media code. */
export function createScanActivities({ db, phaseConfig, contentStore, folderConcurrency = 8, pipelines, imports }: ScanActivityDeps) {
  const libraries = new LibraryRepository(db);
  const scanRuns = new ScanRunRepository(db);
  const folders = new LibraryFolderRepository(db);
  const issues = new ScanIssueRepository(db);
  const writer = new ScannedTitleWriter(db, contentStore);
  const changes = new TitleChangeRepository(db);
  const storedScans = new StoredScanRepository(db);
  const events = new EventRecorder(new EventRepository(db));
  // Shared, in order of arrival: the next batch of a scan is already waiting here while the current one
  // scans its last folders, so a slot goes straight from one batch to the next without a round trip.
  const folderSlots = createConcurrencyLimit(folderConcurrency, 'oldest-first');

  async function requireLibrary(libraryId: string) {
    const library = await libraries.get(libraryId);
    if (!library) throw ApplicationFailure.nonRetryable(`Library ${libraryId} does not exist`, LIBRARY_NOT_FOUND);
    return library;
  }

  /**
   * Scans one folder in one of the batch's slots and saves it; a failure is recorded on the folder and the
   * batch goes on. Only the scan holds the slot: the save waits for its group of writes while the slot
   * scans the next folder. Undefined when the scan was cancelled before the folder's turn.
   */
  async function scanFolder(folder: LibraryFolder, batch: FolderBatch): Promise<FolderOutcome | undefined> {
    const { libraryId, scanId } = batch;
    try {
      const scanned = await batch.slot(async () => {
        if (batch.cancelled.aborted) return undefined;
        // A changed folder's unchanged files keep what its last scan stored of them.
        const stored = await storedScans.ofFolder(folder);
        // The same video rules as discovery, so both agree on which files are the title's videos.
        return scanTitleFolder({ ...folder }, { scanConfig: batch.scanConfig, stored, mediaInfoOn: batch.mediaInfoOn });
      });
      if (!scanned) return undefined;
      const saved = await batch.save({ folder, scanned });
      return { isNew: saved.isNew, assetsCached: saved.assetsCached, errors: saved.fileErrors, failed: false };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      await issues.replaceForFolder(scanId, libraryId, folder.key, [{ path: folder.folderPath, reason }]);
      await folders.markScanned(folder, scanId, { scanError: reason, fileErrors: 0 });
      return { isNew: false, assetsCached: 0, errors: 1, failed: true };
    }
  }

  /** A batch's folders, and where the next batch starts (null: this is the scan's last batch). */
  async function foldersOfBatch(
    input: { libraryId: string; afterKey: string | null } & BatchFolders,
  ): Promise<{ batch: LibraryFolder[]; nextAfterKey: string | null }> {
    if ('throughKey' in input) {
      return { batch: await folders.toScanInRange(input.libraryId, input.afterKey, input.throughKey), nextAfterKey: input.throughKey };
    }
    // One folder more than the batch takes tells whether another batch follows: the last batch knows it is
    // the last, and a library of exactly N batches needs no empty one after them.
    const found = await folders.nextToScan(input.libraryId, input.afterKey, input.limit + 1);
    const batch = found.slice(0, input.limit);
    return { batch, nextAfterKey: found.length > input.limit ? batch.at(-1)!.key : null };
  }

  return {
    async beginScanRun(input: { scanId: string; libraryId: string; workflowId: string }): Promise<void> {
      await requireLibrary(input.libraryId);
      await scanRuns.begin({ id: input.scanId, libraryId: input.libraryId, workflowId: input.workflowId });
    },

    /**
     * Walks the library and records every title folder with its fingerprint in library_folders. Nothing is
     * opened: only directory listings and stats.
     */
    async discoverLibraryFolders(input: {
      scanId: string;
      libraryId: string;
    }): Promise<{ titlesFound: number; toScan: number; issues: number }> {
      const library = await requireLibrary(input.libraryId);
      if (library.kind === 'music') {
        throw ApplicationFailure.nonRetryable(
          `Library "${library.name}" is a music library; scanning supports movie and tv libraries`,
          UNSUPPORTED_LIBRARY_KIND,
        );
      }
      const scanConfig = await phaseConfig.get('scan');
      const context = Context.current();
      let result;
      try {
        // A folder on a slow disk can take long to list: a timer keeps the heartbeat going between directories.
        let visited = 0;
        result = await heartbeatWhile(
          () =>
            discoverLibrary(library.rootPath, library.kind === 'tv' ? 'tv' : 'movie', scanConfig, {
              signal: context.cancellationSignal,
              // Counted only: the timer reports it. A heartbeat per directory cost a call into the SDK's
              // core per directory (60,000 for a 10,000-title library) on the unchanged rescan's path.
              onProgress: (directoriesVisited) => {
                visited = directoriesVisited;
              },
            }),
          () => ({ directoriesVisited: visited }),
        );
      } catch (err) {
        // An unreadable root must fail the scan: going on would mark every title of the library removed.
        if (err instanceof LibraryRootUnreadableError) throw ApplicationFailure.nonRetryable(err.message, LIBRARY_ROOT_UNREADABLE);
        throw err;
      }
      await issues.replaceForWalk(input.scanId, input.libraryId, result.issues);
      const toScan = await folders.recordDiscovered(input.libraryId, input.scanId, result.titles);
      return { titlesFound: result.titles.length, toScan, issues: result.issues.length };
    },

    /**
     * Where the next `count` batches of `batchSize` folders left to scan after `afterKey` begin and end; the
     * last batch of the scan, when among them, runs to the end. A scan with nothing left has one, empty.
     */
    async planFolderBatches(input: {
      libraryId: string;
      afterKey: string | null;
      batchSize: number;
      count: number;
    }): Promise<FolderBatchRange[]> {
      const ends = await folders.batchEnds(input.libraryId, input.afterKey, input.batchSize, input.count);
      const ranges: FolderBatchRange[] = [];
      let afterKey = input.afterKey;
      for (const throughKey of ends) {
        ranges.push({ afterKey, throughKey });
        afterKey = throughKey;
      }
      if (ends.length < input.count) ranges.push({ afterKey, throughKey: null });
      return ranges;
    },

    /**
     * Scans one batch of changed folders, heartbeating on a timer; a retry resumes where it stopped. The batch
     * is a range the scan planned (planFolderBatches), or, from a scan started before batches were planned,
     * the next `limit` folders after `afterKey`.
     */
    async scanFolderBatch(
      input: { scanId: string; libraryId: string; afterKey: string | null } & BatchFolders,
    ): Promise<FolderBatchResult> {
      const context = Context.current();
      const [{ batch, nextAfterKey }, scanConfig] = await Promise.all([foldersOfBatch(input), phaseConfig.get('scan')]);
      const result: FolderBatchResult = { scanned: 0, titlesNew: 0, titlesUpdated: 0, assetsCached: 0, errors: 0, nextAfterKey: null };
      const folderBatch: FolderBatch = {
        libraryId: input.libraryId,
        scanId: input.scanId,
        scanConfig,
        slot: folderSlots,
        // The folders' writes are grouped: a folder waits for the group in flight, then goes with the next.
        save: createFolderSaveBatcher(writer, input.libraryId, input.scanId, { folders: batch.length }),
        cancelled: context.cancellationSignal,
        mediaInfoOn: batch.length >= MEDIAINFO_THREAD_MIN_FOLDERS ? 'its own thread' : 'this thread',
      };
      // One folder can take long (a show with hundreds of episodes); keep telling Temporal we are alive. The
      // timer alone heartbeats, with the count so far: one per folder cost ~2 ms of the worker's CPU per title.
      const ticker = setInterval(() => context.heartbeat({ scanned: result.scanned }), HEARTBEAT_EVERY_MS);
      try {
        await Promise.all(
          batch.map(async (folder) => {
            const outcome = await scanFolder(folder, folderBatch);
            if (!outcome) return;
            result.scanned++;
            if (outcome.isNew) result.titlesNew++;
            else if (!outcome.failed) result.titlesUpdated++;
            result.assetsCached += outcome.assetsCached;
            result.errors += outcome.errors;
          }),
        );
      } finally {
        clearInterval(ticker);
      }
      if (context.cancellationSignal.aborted) throw new CancelledFailure('Scan cancelled between folders');
      result.nextAfterKey = nextAfterKey;
      // Started from here rather than by the scan workflow, so a scan of 10,000 titles keeps a history of
      // batches, not of titles. Which titles is read back from the database — every folder of this scan up to
      // the batch's end whose title has a change no pipeline published — so the titles a killed attempt of
      // this batch saved are started by the retry too, and a title whose pipeline already ran is not started again.
      // A library's first scan finds what was there all along: players refresh, people are not told of each title.
      await events.record({
        type: 'scan.progress',
        libraryId: input.libraryId,
        summary: `Scanned ${result.scanned} folders (${result.titlesNew} new, ${result.titlesUpdated} updated, ${result.errors} errors)`,
        data: { scanId: input.scanId, ...result },
        dedupeKey: activityKey('scan.progress'),
      });
      if (pipelines) {
        const awaiting = await changes.awaitingPipelineAfterScan(input.libraryId, input.scanId, input.afterKey, result.nextAfterKey);
        const announce = await scanRuns.completedBefore(input.libraryId, input.scanId);
        // Many new titles at once (a first import) go through one titleImport; the rest each to its pipeline.
        const fresh = awaiting.filter((title) => title.isNew);
        const imported = imports && fresh.length >= TITLE_IMPORT_MIN_TITLES ? fresh : [];
        if (imported.length > 0) {
          await imports!.start({
            libraryId: input.libraryId,
            scanId: input.scanId,
            afterKey: input.afterKey,
            titles: imported.map(({ kind, titleId }) => ({ kind, titleId })),
            announce,
          });
        }
        const alone = awaiting.filter((title) => !imported.includes(title));
        // The last batch also hands on what any other hand-off left outstanding in the library.
        if (result.nextAfterKey === null) alone.push(...(await changes.awaitingPipelineInLibrary(input.libraryId, input.scanId)));
        await startPipelines(pipelines, alone, announce);
      }
      return result;
    },

    async markVanishedTitles(input: { scanId: string; libraryId: string }): Promise<void> {
      const removed = await heartbeatWhile(() => folders.markVanished(input.libraryId, input.scanId));
      for (const title of removed) {
        await events.record({
          type: 'title.removed',
          libraryId: input.libraryId,
          titleKind: title.kind,
          titleId: title.id,
          summary: `Removed: ${displayName(title)} (its folder is gone; files untouched)`,
          dedupeKey: `title.removed/${title.id}/${input.scanId}`,
        });
      }
    },

    /** Exact counters from the database (see summarizeScan). */
    async summarizeScan(input: { scanId: string; libraryId: string }): Promise<ScanRunCounters> {
      return heartbeatWhile(() => summarizeScan(db, input.libraryId, input.scanId));
    },

    async saveScanCounters(input: { scanId: string; counters: ScanRunCounters }): Promise<void> {
      await scanRuns.saveCounters(input.scanId, input.counters);
    },

    async finishScanRun(input: {
      scanId: string;
      status: Exclude<ScanRunStatus, 'running'>;
      counters?: ScanRunCounters;
      errorMessage?: string;
    }): Promise<void> {
      await scanRuns.finish(input.scanId, input.status, input.counters, input.errorMessage);
      const run = await scanRuns.get(input.scanId);
      if (!run) return;
      const c = input.counters;
      await events.record({
        type: 'scan.finished',
        libraryId: run.libraryId,
        summary: c
          ? `Scan ${input.status}: ${c.titlesNew} new, ${c.titlesUpdated} updated, ${c.titlesRemoved} removed, ${c.errors} errors`
          : `Scan ${input.status}${input.errorMessage ? `: ${input.errorMessage}` : ''}`,
        data: { scanId: input.scanId, status: input.status, ...(c ? { counters: c } : {}) },
        dedupeKey: `scan.finished/${input.scanId}`,
      });
    },
  };
}

export type ScanActivities = ReturnType<typeof createScanActivities>;

async function startPipelines(pipelines: TitlePipelineStarter, titles: TitleAwaitingPipeline[], announce: boolean) {
  const limit = createConcurrencyLimit(PIPELINE_START_CONCURRENCY, 'oldest-first');
  await Promise.all(
    titles.map((title) =>
      limit(() =>
        pipelines.ensure({
          kind: title.kind,
          titleId: title.titleId,
          priority: 'background',
          reason: announce ? 'library scan' : "library's first scan",
          ...(announce ? {} : { announce: false }),
        }),
      ),
    ),
  );
}
const displayName = (title: { title: string; year: number | null }) => (title.year ? `${title.title} (${title.year})` : title.title);
