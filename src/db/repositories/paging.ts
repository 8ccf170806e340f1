import { asc, desc, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';

/** One page of a list, as the API asks for it: 1-based page, its size, a sort column's name and direction. */
export interface PageRequest<K extends string = string> {
  page: number;
  pageSize: number;
  sortKey: K;
  sortDirection: 'ascending' | 'descending';
}

export interface PageOfRows<T> {
  totalRecords: number;
  records: T[];
}

/**
 * Reads one page of a list: the page's rows, sorted by the asked column and then by `tieBreaker` in the
 * same direction (so rows with equal values keep one order from page to page), and the total the filters
 * match. The query is the list's select with its joins and filters, made dynamic (`.$dynamic()`).
 */
export async function readPage<Q extends PgSelect, K extends string>(
  query: Q,
  total: Promise<number>,
  sortColumns: Record<K, AnyColumn | SQL>,
  tieBreaker: AnyColumn,
  request: PageRequest<K>,
): Promise<PageOfRows<Awaited<Q>[number]>> {
  const order = request.sortDirection === 'ascending' ? asc : desc;
  const [records, totalRecords] = await Promise.all([
    query
      .orderBy(order(sortColumns[request.sortKey]), order(tieBreaker))
      .limit(request.pageSize)
      .offset((request.page - 1) * request.pageSize),
    total,
  ]);
  return { totalRecords, records: records as Awaited<Q>[number][] };
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
