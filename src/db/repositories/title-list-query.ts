import { and, asc, count, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';
import type { movies, shows } from '../schema/index.js';

export interface TitleListFilter {
  libraryId?: string;
  /** identified / unidentified (present titles), or removed. */
  status?: 'identified' | 'unidentified' | 'removed';
  /** Case-insensitive match on title or original title. */
  text?: string;
  page: number;
  pageSize: number;
}

/** One page of movies or shows, sorted by title, with the total for pagination. */
export async function listTitles(db: Database, table: typeof movies | typeof shows, filter: TitleListFilter) {
  const conditions: (SQL | undefined)[] = [];
  if (filter.libraryId) conditions.push(eq(table.libraryId, filter.libraryId));
  if (filter.status === 'removed') conditions.push(isNotNull(table.deletedAt));
  else {
    conditions.push(isNull(table.deletedAt));
    if (filter.status) conditions.push(eq(table.identificationStatus, filter.status));
  }
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(table.title, pattern), ilike(table.originalTitle, pattern)));
  }
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(table)
      .where(where)
      .orderBy(asc(table.title), asc(table.year), asc(table.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(table).where(where),
  ]);
  return { items, total: total!.n };
}
