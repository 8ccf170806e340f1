import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/client.js';
import { CacheFileRepository, type CacheFileEntry } from '../db/repositories/cache-file-repository.js';
import { sha256File } from './file-hash.js';
import { copyFileAtomically } from './write-if-changed.js';

/** A cache row younger than this is never removed: a scan may be about to point an asset at it. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

export interface RemovalBatch {
  removed: number;
  freedBytes: number;
  nextAfterId: string | null;
}

export type VerifyOutcome = 'ok' | 'repaired' | 'missing' | 'mismatch';

export interface VerifyBatch {
  checked: number;
  repaired: number;
  flagged: number;
  nextAfterId: string | null;
}

/**
 * Upkeep of the content-addressed cache (data/cache): files nothing references any more are removed,
 * and every file is checked against its sha256 — a damaged or missing file is copied again from the
 * title's own artwork when that still has the same bytes, and flagged in cache_file_issues when not.
 */
export class CacheMaintenance {
  private readonly files: CacheFileRepository;

  constructor(
    db: Database,
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.files = new CacheFileRepository(db);
  }

  /** Removes the next `limit` unreferenced cache files (row first, so a file is never left without one). */
  async removeUnreferenced(afterId: string | null, limit: number): Promise<RemovalBatch> {
    const cutoff = new Date(this.now().getTime() - ORPHAN_GRACE_MS);
    const candidates = await this.files.unreferencedAfter(afterId, cutoff, limit);
    let removed = 0;
    let freedBytes = 0;
    for (const row of candidates) {
      // The row first, and only if still unreferenced at this instant: a file is never left without one.
      if (!(await this.files.deleteIfUnreferenced(row.id))) continue;
      await fs.rm(path.join(this.dataDir, row.path), { force: true });
      await this.files.clearIssue(row.id);
      removed++;
      freedBytes += Number(row.size_bytes);
    }
    return { removed, freedBytes, nextAfterId: candidates.length < limit ? null : candidates.at(-1)!.id };
  }

  /** Checks the next `limit` cache files' hashes; `onProgress` after each (for heartbeats). */
  async verify(afterId: string | null, limit: number, onProgress: (checked: number) => void = () => {}): Promise<VerifyBatch> {
    const rows = await this.files.pageAfter(afterId, limit);
    const batch: VerifyBatch = { checked: 0, repaired: 0, flagged: 0, nextAfterId: rows.length < limit ? null : rows.at(-1)!.id };
    for (const row of rows) {
      const outcome = await this.verifyOne(row);
      batch.checked++;
      if (outcome === 'repaired') batch.repaired++;
      if (outcome === 'missing' || outcome === 'mismatch') batch.flagged++;
      onProgress(batch.checked);
    }
    return batch;
  }

  private async verifyOne(row: CacheFileEntry): Promise<VerifyOutcome> {
    const target = path.join(this.dataDir, row.path);
    const actual = await sha256File(target).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    });
    if (actual === row.sha256) {
      await this.files.clearIssue(row.id);
      return 'ok';
    }
    const problem = actual === null ? 'missing' : 'mismatch';
    if (await this.copyAgainFromSource(row, target)) {
      await this.files.clearIssue(row.id);
      return 'repaired';
    }
    const detail =
      problem === 'missing'
        ? `${row.path}: the file is gone and no title's artwork has its bytes any more`
        : `${row.path}: sha256 is ${actual}, expected ${row.sha256}; no title's artwork has the expected bytes any more`;
    await this.files.flagIssue(row, problem, detail, this.now());
    return problem;
  }

  /** Re-fetch: the artwork files next to the media that this cache file was made from, if one still matches. */
  private async copyAgainFromSource(row: CacheFileEntry, target: string): Promise<boolean> {
    const sources = await this.files.localSourcesOf(row.id);
    for (const source of sources) {
      const hash = await sha256File(source).catch(() => null);
      if (hash !== row.sha256) continue;
      await copyFileAtomically(source, target);
      return true;
    }
    return false;
  }
}
