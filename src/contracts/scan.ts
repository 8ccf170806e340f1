import { defineQuery } from '@temporalio/workflow';
import type { ScanRunCounters } from '../db/repositories/scan-run-repository.js';

/** Shared between the libraryScan workflow and its callers (API, tests). No runtime imports beyond Temporal's. */

export interface LibraryScanInput {
  libraryId: string;
  /** Defaults to the first run id of the chain, which continue-as-new keeps: the whole chain is one scan. */
  scanId?: string;
  /** Folders per scan batch activity. */
  batchSize?: number;
  /** Continue as new once the history has this many events (the server's own suggestion also counts). */
  maxHistoryEvents?: number;
  /** Set when continuing as new: where scanning resumes, and the counters so far. */
  resume?: { afterKey: string | null; progress: ScanProgress };
}

/**
 * One batch of a scan: the folders left to scan with keys in (afterKey, throughKey]. The last batch of a
 * scan runs to the end of the library (throughKey null) and also hands on what the library has outstanding.
 */
export interface FolderBatchRange {
  afterKey: string | null;
  throughKey: string | null;
}

/** The counters of a scan, as the scan_runs row stores them. */
export type ScanCounters = ScanRunCounters;

export type ScanPhase = 'starting' | 'discovering' | 'scanning' | 'removing' | 'completed' | 'failed' | 'cancelled';

export interface ScanProgress extends ScanCounters {
  scanId: string;
  libraryId: string;
  phase: ScanPhase;
  /** Folders whose contents changed and are scanned in this run. */
  directoriesToScan: number;
}

export const emptyCounters = (): ScanCounters => ({
  directoriesTotal: 0,
  directoriesScanned: 0,
  titlesFound: 0,
  titlesNew: 0,
  titlesUpdated: 0,
  titlesRemoved: 0,
  assetsCached: 0,
  errors: 0,
});

export const scanProgressQuery = defineQuery<ScanProgress>('progress');

/** One scan per library at a time: the id is the business key. */
export const libraryScanWorkflowId = (libraryId: string) => `scan/${libraryId}`;
