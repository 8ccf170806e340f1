import { and, asc, eq, isNull } from 'drizzle-orm';
import { inTransaction, type Database, type Transaction } from '../client.js';
import { anyOf, insertJsonRows } from '../json-rows.js';
import { scanIssues } from '../schema/index.js';

export interface ScanIssue {
  path: string;
  reason: string;
}

/** Past this, a reason (an error that quotes a failed query and its values) is cut: it sits in a unique index. */
const MAX_REASON_BYTES = 1_000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A reason Postgres can store and index: no NUL or lone surrogate, at most MAX_REASON_BYTES of UTF-8. */
export function storableReason(reason: string): string {
  let text = reason.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
  if (Buffer.byteLength(text) <= MAX_REASON_BYTES) return text;
  text = text.slice(0, MAX_REASON_BYTES);
  while (Buffer.byteLength(text) > MAX_REASON_BYTES - 3) text = text.slice(0, Math.floor(text.length * 0.9));
  return `${text.replace(/[\uD800-\uDBFF]$/, '')}…`;
}

const storable = (issue: ScanIssue): ScanIssue => ({ path: issue.path, reason: storableReason(issue.reason) });

/** Problems a scan met. Replaced per folder (or for the walk), so a retried step records them once. */
export class ScanIssueRepository {
  constructor(private readonly db: Database) {}

  async replaceForWalk(scanId: string, libraryId: string, issues: ScanIssue[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(scanIssues).where(and(eq(scanIssues.scanId, scanId), isNull(scanIssues.folderKey)));
      if (issues.length > 0)
        await tx
          .insert(scanIssues)
          .values(issues.map((i) => ({ ...storable(i), scanId, libraryId })))
          .onConflictDoNothing();
    });
  }

  /** Within the caller's transaction when given one. */
  async replaceForFolder(scanId: string, libraryId: string, folderKey: string, issues: ScanIssue[], within?: Transaction): Promise<void> {
    await this.replaceForFolders(scanId, libraryId, new Map([[folderKey, issues]]), within);
  }

  /** replaceForFolder for several folders of one library, by folder key, in two statements. */
  async replaceForFolders(
    scanId: string,
    libraryId: string,
    issuesByFolder: ReadonlyMap<string, readonly ScanIssue[]>,
    within?: Transaction,
  ): Promise<void> {
    if (issuesByFolder.size === 0) return;
    await inTransaction(this.db, within, async (tx) => {
      await tx.delete(scanIssues).where(and(eq(scanIssues.scanId, scanId), anyOf(scanIssues.folderKey, issuesByFolder.keys())));
      const rows = [...issuesByFolder].flatMap(([folderKey, issues]) =>
        issues.map((i) => ({ ...storable(i), scanId, libraryId, folderKey })),
      );
      if (rows.length > 0) await tx.execute(insertJsonRows(scanIssues, rows, { onConflictDoNothing: [] }));
    });
  }

  listForScan(scanId: string, limit = 500) {
    return this.db.select().from(scanIssues).where(eq(scanIssues.scanId, scanId)).orderBy(asc(scanIssues.path)).limit(limit);
  }
}
