import fs from 'node:fs/promises';
import path from 'node:path';
import { sql as dsql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { cacheFileIssues } from '../db/schema/index.js';
import { sha256File } from './file-hash.js';

/**
 * A cache file `c` that nothing uses. Every reference counts: a title's artwork (`assets`), an actor's
 * photo (`actors.thumb_cache_file_id`) and a provider's artwork candidate, which names its downloaded bytes
 * by hash (`provider_assets.content_hash`) — selected artwork is published from there, and a candidate
 * not selected now may be selected by a person later without downloading it again.
 */
const unreferenced = dsql`not exists (select 1 from assets a where a.cache_file_id = c.id)
        and not exists (select 1 from actors p where p.thumb_cache_file_id = c.id)
        and not exists (select 1 from provider_assets pa where pa.content_hash = c.sha256)`;

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

interface CacheFileRow extends Record<string, unknown> {
  id: string;
  sha256: string;
  path: string;
  size_bytes: string | number;
}

/**
 * Upkeep of the content-addressed cache (data/cache): files nothing references any more are removed,
 * and every file is checked against its sha256 — a damaged or missing file is copied again from the
 * title's own artwork when that still has the same bytes, and flagged in cache_file_issues when not.
 */
export class CacheMaintenance {
  constructor(
    private readonly db: Database,
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Removes the next `limit` unreferenced cache files (row first, so a file is never left without one). */
  async removeUnreferenced(afterId: string | null, limit: number): Promise<RemovalBatch> {
    const cutoff = new Date(this.now().getTime() - ORPHAN_GRACE_MS);
    const candidates = await this.db.execute<CacheFileRow>(dsql`
      select c.id, c.sha256, c.path, c.size_bytes from cache_files c
      where c.id > ${afterId ?? '00000000-0000-0000-0000-000000000000'}::uuid and c.created_at < ${cutoff.toISOString()}::timestamptz
        and ${unreferenced}
      order by c.id limit ${limit}`);
    let removed = 0;
    let freedBytes = 0;
    for (const row of candidates) {
      // Deleted only if still unreferenced at this instant; the foreign key refuses it otherwise.
      const deleted = await this.db
        .execute<{ id: string }>(dsql`delete from cache_files c where c.id = ${row.id}::uuid and ${unreferenced} returning c.id`)
        .catch((error: unknown) => {
          if (foreignKeyViolation(error)) return [];
          throw error;
        });
      if (deleted.length === 0) continue;
      await fs.rm(path.join(this.dataDir, row.path), { force: true });
      await this.db.delete(cacheFileIssues).where(dsql`${cacheFileIssues.cacheFileId} = ${row.id}`);
      removed++;
      freedBytes += Number(row.size_bytes);
    }
    return { removed, freedBytes, nextAfterId: candidates.length < limit ? null : candidates.at(-1)!.id };
  }

  /** Checks the next `limit` cache files' hashes; `onProgress` after each (for heartbeats). */
  async verify(afterId: string | null, limit: number, onProgress: (checked: number) => void = () => {}): Promise<VerifyBatch> {
    const rows = await this.db.execute<CacheFileRow>(dsql`
      select id, sha256, path, size_bytes from cache_files
      where id > ${afterId ?? '00000000-0000-0000-0000-000000000000'}::uuid order by id limit ${limit}`);
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

  private async verifyOne(row: CacheFileRow): Promise<VerifyOutcome> {
    const target = path.join(this.dataDir, row.path);
    const actual = await sha256File(target).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    });
    if (actual === row.sha256) {
      await this.db.delete(cacheFileIssues).where(dsql`${cacheFileIssues.cacheFileId} = ${row.id}`);
      return 'ok';
    }
    const problem = actual === null ? 'missing' : 'mismatch';
    if (await this.copyAgainFromSource(row, target)) {
      await this.db.delete(cacheFileIssues).where(dsql`${cacheFileIssues.cacheFileId} = ${row.id}`);
      return 'repaired';
    }
    const detail =
      problem === 'missing'
        ? `${row.path}: the file is gone and no title's artwork has its bytes any more`
        : `${row.path}: sha256 is ${actual}, expected ${row.sha256}; no title's artwork has the expected bytes any more`;
    await this.db
      .insert(cacheFileIssues)
      .values({ cacheFileId: row.id, path: row.path, problem, detail, checkedAt: this.now() })
      .onConflictDoUpdate({ target: cacheFileIssues.cacheFileId, set: { problem, detail, checkedAt: this.now() } });
    return problem;
  }

  /** Re-fetch: the artwork files next to the media that this cache file was made from, if one still matches. */
  private async copyAgainFromSource(row: CacheFileRow, target: string): Promise<boolean> {
    const sources = await this.db.execute<{ source: string }>(dsql`
      select coalesce(m.folder_path, s.folder_path, ss.folder_path, es.folder_path) || '/' || a.source_path as source
      from assets a
      left join movies m on a.entity_type = 'movie' and m.id = a.entity_id
      left join shows s on a.entity_type = 'show' and s.id = a.entity_id
      left join seasons se on a.entity_type = 'season' and se.id = a.entity_id
      left join shows ss on ss.id = se.show_id
      left join episodes e on a.entity_type = 'episode' and e.id = a.entity_id
      left join shows es on es.id = e.show_id
      where a.cache_file_id = ${row.id}::uuid and a.source = 'local'`);
    for (const { source } of sources) {
      if (!source) continue;
      const hash = await sha256File(source).catch(() => null);
      if (hash !== row.sha256) continue;
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
      await fs.copyFile(source, temporary);
      await fs.rename(temporary, target);
      return true;
    }
    return false;
  }
}

function foreignKeyViolation(error: unknown): boolean {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return (cause as { code?: unknown } | undefined)?.code === '23503';
}
