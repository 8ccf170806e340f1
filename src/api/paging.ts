import { z } from 'zod';

/**
 * The paging and sorting every list endpoint shares, shaped as Sonarr's and Radarr's paging resource
 * (`page`, `pageSize`, `sortKey`, `sortDirection`, `totalRecords`, `records`), which their users and tools know.
 */

export const sortDirections = ['ascending', 'descending'] as const;
export type SortDirection = (typeof sortDirections)[number];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Far past any list's last page (500 × 100,000 records); an offset beyond is a mistake. */
export const MAX_PAGE = 100_000;

type SortKeys = readonly [string, ...string[]];

/**
 * The query fields of a list: `page` (1-based), `pageSize`, `sortKey` (one of the list's sortable columns,
 * by default the newest-first time column) and `sortDirection` (descending by default).
 */
export function pagingQuery<const K extends SortKeys>(sortKeys: K, defaultSortKey: K[number]) {
  return {
    page: z.coerce.number().int().min(1).max(MAX_PAGE, `at most ${MAX_PAGE}`).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `at most ${MAX_PAGE_SIZE}`).default(DEFAULT_PAGE_SIZE),
    sortKey: z.enum(sortKeys).default(defaultSortKey as never),
    sortDirection: z.enum(sortDirections).default('descending'),
  };
}

/** The answer of a list: the paging it applied, how many records match in all, and this page's records. */
export function pageBody<const K extends SortKeys, R extends z.ZodType>(sortKeys: K, record: R) {
  return z.object({
    page: z.number().int(),
    pageSize: z.number().int(),
    sortKey: z.enum(sortKeys),
    sortDirection: z.enum(sortDirections),
    totalRecords: z.number().int(),
    records: z.array(record),
  });
}

/**
 * A filter of one or several values: `status=FAILED,CANCELLED` or `status=FAILED&status=CANCELLED`. An
 * unknown value is refused, naming the field and its position.
 */
export function oneOrMore<const V extends readonly [string, ...string[]]>(values: V) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((given) =>
      (Array.isArray(given) ? given : [given])
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(
      z
        .array(z.enum(values))
        .min(1, 'at least one value')
        .max(values.length * 2, 'too many values'),
    );
}
