import { and, asc, count, eq, ilike, isNotNull, isNull, or, sql as dsql, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';
import { assets, providerAssets } from '../schema/index.js';
import { titleTable, type TitleKind } from './title-repository.js';

export type LibraryTitleFilter = 'unidentified' | 'removed' | 'missing-artwork';
export type LibraryTitleSort = 'title' | 'year' | 'added' | 'updated';

export interface LibraryTitleQuery {
  libraryId: string;
  kind: TitleKind;
  /** Case-insensitive match on title or original title. */
  text?: string;
  /** Present titles unless `removed`; `unidentified` and `missing-artwork` narrow the present ones. */
  filter?: LibraryTitleFilter;
  sort: LibraryTitleSort;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface LibraryTitleRow {
  id: string;
  title: string;
  year: number | null;
  identificationStatus: 'unidentified' | 'identified';
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  hasPoster: boolean;
}

/**
 * The rows of a library's title list: a few columns per title (a list of 10,000 reads them page by page),
 * filtered, sorted, with the total. A title has a poster when its folder has one (an asset) or a provider
 * poster is selected for it.
 */
export class LibraryTitleListRepository {
  constructor(private readonly db: Database) {}

  async page(query: LibraryTitleQuery): Promise<{ total: number; items: LibraryTitleRow[] }> {
    const table = titleTable(query.kind);
    const providerEntity = query.kind === 'movie' ? 'movie' : 'tv';
    const hasPoster = or(
      dsql`exists (select 1 from ${assets} where ${assets.entityType} = ${query.kind} and ${assets.entityId} = ${table.id} and ${assets.assetType} = 'poster')`,
      dsql`exists (select 1 from ${providerAssets} where ${providerAssets.entityType} = ${providerEntity} and ${providerAssets.entityId} = ${table.id} and ${providerAssets.assetType} = 'poster' and ${providerAssets.isSelected})`,
    )!;
    const conditions: (SQL | undefined)[] = [eq(table.libraryId, query.libraryId)];
    conditions.push(query.filter === 'removed' ? isNotNull(table.deletedAt) : isNull(table.deletedAt));
    if (query.filter === 'unidentified') conditions.push(eq(table.identificationStatus, 'unidentified'));
    if (query.filter === 'missing-artwork') conditions.push(dsql`not (${hasPoster})`);
    if (query.text) {
      const pattern = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(table.title, pattern), ilike(table.originalTitle, pattern)));
    }
    const where = and(...conditions);
    // Titles without the value (no year) come last either way.
    const direction = query.order === 'desc' ? dsql.raw('desc nulls last') : dsql.raw('asc nulls last');
    const sortColumn = {
      title: dsql`lower(coalesce(${table.sortTitle}, ${table.title}))`,
      year: table.year,
      added: table.createdAt,
      updated: table.updatedAt,
    }[query.sort];
    const [items, [total]] = await Promise.all([
      this.db
        .select({
          id: table.id,
          title: table.title,
          year: table.year,
          identificationStatus: table.identificationStatus,
          deletedAt: table.deletedAt,
          createdAt: table.createdAt,
          updatedAt: table.updatedAt,
          hasPoster: dsql<boolean>`${hasPoster}`.mapWith(Boolean),
        })
        .from(table)
        .where(where)
        // Ties (same year, same minute) always fall the same way, so pages never overlap nor skip.
        .orderBy(dsql`${sortColumn} ${direction}`, asc(table.title), asc(table.id))
        .limit(query.limit)
        .offset(query.offset),
      this.db.select({ n: count() }).from(table).where(where),
    ]);
    return { total: total!.n, items };
  }
}
