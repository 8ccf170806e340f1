import { and, asc, count, desc, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../client.js';
import { blocklist, type BlocklistRow } from '../schema/index.js';

export type BlocklistEntry = Omit<BlocklistRow, 'id' | 'createdAt'>;

/** How a release is known to the blocklist: its indexer's guid, and its info hash when known. */
export interface BlocklistKey {
  guid: string;
  indexer: string;
  infoHash?: string | null;
}

export interface BlocklistPageQuery {
  page: number;
  pageSize: number;
  sortKey: 'createdAt' | 'title';
  sortDirection: 'ascending' | 'descending';
}

/** The blocklist: releases a person rejected, which no search takes again. */
export class BlocklistRepository {
  constructor(private readonly db: Database) {}

  /** Records the entry once: recording the same release on the same item again returns the first row. */
  async record(entry: BlocklistEntry): Promise<BlocklistRow> {
    const [added] = await this.db.insert(blocklist).values(entry).onConflictDoNothing().returning();
    if (added) return added;
    const [existing] = await this.db
      .select()
      .from(blocklist)
      .where(and(eq(blocklist.itemId, entry.itemId), eq(blocklist.indexer, entry.indexer), eq(blocklist.guid, entry.guid)));
    return existing!;
  }

  /** The entries that block any of these releases: the same guid from the same indexer, or the same info hash. */
  async matching(keys: BlocklistKey[]): Promise<BlocklistRow[]> {
    if (keys.length === 0) return [];
    const guids = [...new Set(keys.map((k) => k.guid))];
    const hashes = [...new Set(keys.flatMap((k) => (k.infoHash ? [k.infoHash] : [])))];
    const rows = await this.db
      .select()
      .from(blocklist)
      .where(hashes.length > 0 ? or(inArray(blocklist.guid, guids), inArray(blocklist.infoHash, hashes)) : inArray(blocklist.guid, guids));
    // A guid is unique within its indexer only: the indexer must match too.
    return rows.filter((row) => keys.some((k) => blocks(row, k)));
  }

  async page(query: BlocklistPageQuery): Promise<{ totalRecords: number; records: BlocklistRow[] }> {
    const direction = query.sortDirection === 'ascending' ? asc : desc;
    const column = query.sortKey === 'title' ? blocklist.title : blocklist.createdAt;
    const [records, [total]] = await Promise.all([
      this.db
        .select()
        .from(blocklist)
        // The id keeps the order stable between pages when titles or times are equal.
        .orderBy(direction(column), direction(blocklist.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      this.db.select({ n: count() }).from(blocklist),
    ]);
    return { totalRecords: total?.n ?? 0, records };
  }

  /** False when there was no such entry. */
  async delete(id: string): Promise<boolean> {
    const rows = await this.db.delete(blocklist).where(eq(blocklist.id, id)).returning({ id: blocklist.id });
    return rows.length > 0;
  }
}

/** Whether the entry blocks the release. */
export function blocks(row: Pick<BlocklistRow, 'guid' | 'indexer' | 'infoHash'>, key: BlocklistKey): boolean {
  return (row.guid === key.guid && row.indexer === key.indexer) || (row.infoHash !== null && row.infoHash === key.infoHash);
}
