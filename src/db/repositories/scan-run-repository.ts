import { and, desc, eq, inArray, ne, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { libraries, scanRuns, scanStatus, type ScanRun } from '../schema/index.js';
import { readPage, type PageOfRows, type PageRequest } from './paging.js';

export type ScanRunStatus = ScanRun['status'];
/** In the order a scan lives them, which is also how they sort. */
export const scanRunStatuses = scanStatus.enumValues;

export const scanSortKeys = ['startedAt', 'finishedAt', 'status'] as const;
export type ScanSortKey = (typeof scanSortKeys)[number];

export interface ScanListFilter {
  libraryId?: string;
  statuses?: ScanRunStatus[];
}

export interface ScanRunCounters {
  directoriesTotal: number;
  directoriesScanned: number;
  titlesFound: number;
  titlesNew: number;
  titlesUpdated: number;
  titlesRemoved: number;
  assetsCached: number;
  errors: number;
}

export class ScanRunRepository {
  constructor(private readonly db: Database) {}

  /** Idempotent: a retried activity or a continued-as-new run finds the row already there. */
  async begin(input: { id: string; libraryId: string; workflowId: string }): Promise<void> {
    await this.db.insert(scanRuns).values(input).onConflictDoNothing();
  }

  async get(id: string): Promise<ScanRun | undefined> {
    const [row] = await this.db.select().from(scanRuns).where(eq(scanRuns.id, id));
    return row;
  }

  listForLibrary(libraryId: string, limit = 20): Promise<ScanRun[]> {
    return this.db.select().from(scanRuns).where(eq(scanRuns.libraryId, libraryId)).orderBy(desc(scanRuns.startedAt)).limit(limit);
  }

  /** One page of scans with their library's name. */
  list(filter: ScanListFilter, page: PageRequest<ScanSortKey>): Promise<PageOfRows<{ run: ScanRun; libraryName: string }>> {
    const where = and(
      filter.libraryId ? eq(scanRuns.libraryId, filter.libraryId) : undefined,
      filter.statuses ? inArray(scanRuns.status, filter.statuses) : undefined,
    );
    return readPage(
      this.db
        .select({ run: scanRuns, libraryName: libraries.name })
        .from(scanRuns)
        .innerJoin(libraries, eq(libraries.id, scanRuns.libraryId))
        .where(where)
        .$dynamic(),
      this.db.$count(scanRuns, where),
      { startedAt: scanRuns.startedAt, finishedAt: scanRuns.finishedAt, status: scanRuns.status },
      scanRuns.id,
      page,
    );
  }

  /** Whether a scan of the library other than this one ever completed: false during a library's first scan. */
  async completedBefore(libraryId: string, scanId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: scanRuns.id })
      .from(scanRuns)
      .where(and(eq(scanRuns.libraryId, libraryId), eq(scanRuns.status, 'completed'), ne(scanRuns.id, scanId)))
      .limit(1);
    return row !== undefined;
  }

  async saveCounters(id: string, counters: ScanRunCounters): Promise<void> {
    await this.db.update(scanRuns).set(counters).where(eq(scanRuns.id, id));
  }

  /** Counters are optional: a failed or cancelled scan keeps the last ones saved. */
  async finish(id: string, status: Exclude<ScanRunStatus, 'running'>, counters?: ScanRunCounters, errorMessage?: string): Promise<void> {
    await this.db
      .update(scanRuns)
      .set({ ...counters, status, errorMessage: errorMessage ?? null, finishedAt: dsql`now()` })
      .where(eq(scanRuns.id, id));
  }
}
