import { and, desc, eq, ne, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { scanRuns, type ScanRun } from '../schema/index.js';

export type ScanRunStatus = ScanRun['status'];

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
