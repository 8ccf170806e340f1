import { eq, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { anyOf, fromDriverRow, insertJsonRows } from '../json-rows.js';
import { cacheFileIssues, cacheFiles, type CacheFile } from '../schema/index.js';

export type NewCacheFile = Pick<
  typeof cacheFiles.$inferInsert,
  'sha256' | 'sizeBytes' | 'path' | 'format' | 'width' | 'height' | 'createdScanId'
>;

/** A cache file as maintenance reads it. */
export interface CacheFileEntry extends Record<string, unknown> {
  id: string;
  sha256: string;
  path: string;
  size_bytes: string | number;
}

export type CacheFileProblem = 'missing' | 'mismatch';

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * A cache file `c` that nothing uses. Every reference counts: a title's artwork (`assets`), an actor's
 * photo (`actors.thumb_cache_file_id`) and a provider's artwork candidate, which names its downloaded bytes
 * by hash (`provider_assets.content_hash`) — selected artwork is published from there, and a candidate
 * not selected now may be selected by a person later without downloading it again.
 */
const unreferenced = dsql`not exists (select 1 from assets a where a.cache_file_id = c.id)
        and not exists (select 1 from actors p where p.thumb_cache_file_id = c.id)
        and not exists (select 1 from provider_assets pa where pa.content_hash = c.sha256)`;

/** Rows of the content-addressed cache (cache_files) and the problems its upkeep found (cache_file_issues). */
export class CacheFileRepository {
  constructor(private readonly db: Database) {}

  async findBySha256(sha256: string): Promise<CacheFile | undefined> {
    const [row] = await this.db.select().from(cacheFiles).where(eq(cacheFiles.sha256, sha256));
    return row;
  }

  /** The rows holding any of these contents, in one query (any order; none for content not stored). */
  findManyBySha256(sha256s: readonly string[]): Promise<CacheFile[]> {
    if (sha256s.length === 0) return Promise.resolve([]);
    return this.db.select().from(cacheFiles).where(anyOf(cacheFiles.sha256, sha256s));
  }

  /** The rows inserted, in one statement; none for bytes a row holds already (another writer's). */
  async insertManyIfNew(files: readonly NewCacheFile[]): Promise<CacheFile[]> {
    if (files.length === 0) return [];
    const rows = await this.db.execute(insertJsonRows(cacheFiles, files, { onConflictDoNothing: [cacheFiles.sha256], returning: '*' }));
    return rows.map((row) => fromDriverRow(cacheFiles, row));
  }

  /** The next `limit` files after `afterId` that nothing references and that are older than `createdBefore`. */
  unreferencedAfter(afterId: string | null, createdBefore: Date, limit: number) {
    return this.db.execute<CacheFileEntry>(dsql`
      select c.id, c.sha256, c.path, c.size_bytes from cache_files c
      where c.id > ${afterId ?? FIRST_ID}::uuid and c.created_at < ${createdBefore.toISOString()}::timestamptz
        and ${unreferenced}
      order by c.id limit ${limit}`);
  }

  /**
   * Deletes the row if it is still unreferenced at this instant; false when something uses it (the foreign
   * key refuses the delete of a row a reference appeared for in between).
   */
  async deleteIfUnreferenced(id: string): Promise<boolean> {
    const deleted = await this.db
      .execute<{ id: string }>(dsql`delete from cache_files c where c.id = ${id}::uuid and ${unreferenced} returning c.id`)
      .catch((error: unknown) => {
        if (foreignKeyViolation(error)) return [];
        throw error;
      });
    return deleted.length > 0;
  }

  /** The next `limit` files after `afterId`, in id order. */
  pageAfter(afterId: string | null, limit: number) {
    return this.db.execute<CacheFileEntry>(dsql`
      select id, sha256, path, size_bytes from cache_files
      where id > ${afterId ?? FIRST_ID}::uuid order by id limit ${limit}`);
  }

  /** Absolute paths of the local artwork files this cache file was copied from. */
  async localSourcesOf(id: string): Promise<string[]> {
    const rows = await this.db.execute<{ source: string | null }>(dsql`
      select coalesce(m.folder_path, s.folder_path, ss.folder_path, es.folder_path) || '/' || a.source_path as source
      from assets a
      left join movies m on a.entity_type = 'movie' and m.id = a.entity_id
      left join shows s on a.entity_type = 'show' and s.id = a.entity_id
      left join seasons se on a.entity_type = 'season' and se.id = a.entity_id
      left join shows ss on ss.id = se.show_id
      left join episodes e on a.entity_type = 'episode' and e.id = a.entity_id
      left join shows es on es.id = e.show_id
      where a.cache_file_id = ${id}::uuid and a.source = 'local'`);
    return rows.flatMap(({ source }) => (source ? [source] : []));
  }

  async clearIssue(id: string): Promise<void> {
    await this.db.delete(cacheFileIssues).where(dsql`${cacheFileIssues.cacheFileId} = ${id}`);
  }

  async flagIssue(file: Pick<CacheFileEntry, 'id' | 'path'>, problem: CacheFileProblem, detail: string, checkedAt: Date): Promise<void> {
    await this.db
      .insert(cacheFileIssues)
      .values({ cacheFileId: file.id, path: file.path, problem, detail, checkedAt })
      .onConflictDoUpdate({ target: cacheFileIssues.cacheFileId, set: { problem, detail, checkedAt } });
  }
}

function foreignKeyViolation(error: unknown): boolean {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return (cause as { code?: unknown } | undefined)?.code === '23503';
}
