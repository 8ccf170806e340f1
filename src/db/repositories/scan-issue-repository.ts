import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../client.js';
import { scanIssues } from '../schema/index.js';

export interface ScanIssue {
  path: string;
  reason: string;
}

/** Problems a scan met. Replaced per folder (or for the walk), so a retried step records them once. */
export class ScanIssueRepository {
  constructor(private readonly db: Database) {}

  async replaceForWalk(scanId: string, libraryId: string, issues: ScanIssue[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(scanIssues).where(and(eq(scanIssues.scanId, scanId), isNull(scanIssues.folderKey)));
      if (issues.length > 0) await tx.insert(scanIssues).values(issues.map((i) => ({ ...i, scanId, libraryId }))).onConflictDoNothing();
    });
  }

  async replaceForFolder(scanId: string, libraryId: string, folderKey: string, issues: ScanIssue[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(scanIssues).where(and(eq(scanIssues.scanId, scanId), eq(scanIssues.folderKey, folderKey)));
      if (issues.length > 0) await tx.insert(scanIssues).values(issues.map((i) => ({ ...i, scanId, libraryId, folderKey }))).onConflictDoNothing();
    });
  }

  listForScan(scanId: string, limit = 500) {
    return this.db.select().from(scanIssues).where(eq(scanIssues.scanId, scanId)).orderBy(asc(scanIssues.path)).limit(limit);
  }
}
