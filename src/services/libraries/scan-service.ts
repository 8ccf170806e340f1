import type { Client } from '@temporalio/client';
import type { Database } from '../../db/client.js';
import { ScanIssueRepository } from '../../db/repositories/scan-issue-repository.js';
import { LibraryRepository } from '../../db/repositories/library-repository.js';
import type { PageOfRows, PageRequest } from '../../db/repositories/paging.js';
import { ScanRunRepository, type ScanListFilter, type ScanSortKey } from '../../db/repositories/scan-run-repository.js';
import type { ScanRun } from '../../db/schema/index.js';
import { scanProgressQuery, type ScanProgress } from '../../contracts/scan.js';
import { ConflictError, NotFoundError } from '../service-errors.js';

/** A scan run as people follow it: its row, laid over with the running workflow's own counters. */
export interface ScanView {
  run: ScanRun;
  /** The workflow's counters and phase while it runs, when it answered in time. */
  live?: ScanProgress;
}

/** Scan runs: their counters (live while they run), the issues they met, and cancelling a running one. */
export class ScanService {
  private readonly scanRuns: ScanRunRepository;
  private readonly issues: ScanIssueRepository;
  private readonly libraries: LibraryRepository;

  constructor(
    db: Database,
    private readonly temporal: Client,
  ) {
    this.scanRuns = new ScanRunRepository(db);
    this.issues = new ScanIssueRepository(db);
    this.libraries = new LibraryRepository(db);
  }

  /** A page of scans from their rows (counters as last saved; the detail has the live ones). */
  list(filter: ScanListFilter, page: PageRequest<ScanSortKey>): Promise<PageOfRows<{ run: ScanRun; libraryName: string }>> {
    return this.scanRuns.list(filter, page);
  }

  /** A page of one library's scans; the library must exist. */
  async listForLibrary(
    libraryId: string,
    filter: Omit<ScanListFilter, 'libraryId'>,
    page: PageRequest<ScanSortKey>,
  ): Promise<PageOfRows<{ run: ScanRun; libraryName: string }>> {
    if (!(await this.libraries.get(libraryId))) throw new NotFoundError('Library', `Library ${libraryId} not found`);
    return this.scanRuns.list({ ...filter, libraryId }, page);
  }

  async get(id: string): Promise<ScanView> {
    const run = await this.require(id);
    const live = run.status === 'running' ? await this.liveProgress(run) : undefined;
    return { run, ...(live ? { live } : {}) };
  }

  /** What the scan could not use, and why. */
  async issuesOf(id: string) {
    await this.require(id);
    return this.issues.listForScan(id);
  }

  /** Cancels a running scan; folders already scanned stay scanned. */
  async cancel(id: string): Promise<ScanRun> {
    const run = await this.require(id);
    if (run.status !== 'running') throw new ConflictError(`Scan ${run.id} is ${run.status}, not running`);
    await this.temporal.workflow.getHandle(run.workflowId).cancel();
    return run;
  }

  private async require(id: string): Promise<ScanRun> {
    const run = await this.scanRuns.get(id);
    if (!run) throw new NotFoundError('Scan');
    return run;
  }

  /** The running workflow's own counters; the row may lag a batch behind. Undefined if it cannot answer. */
  private async liveProgress(run: ScanRun): Promise<ScanProgress | undefined> {
    try {
      const progress = await this.temporal.connection.withDeadline(Date.now() + 2_000, () =>
        this.temporal.workflow.getHandle(run.workflowId).query(scanProgressQuery),
      );
      return progress.scanId === run.id ? progress : undefined;
    } catch {
      return undefined;
    }
  }
}
