import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from './schema/index.js';

export type Sql = postgres.Sql;
export type Database = ReturnType<typeof createDatabase>['db'];
/** The handle a drizzle transaction hands its callback: the same query builders as Database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Runs `work` inside `within` when the caller has a transaction open, else in a transaction of its own: a
 * repository's multi-statement write joins a larger one (a scanned folder's, say) without a savepoint's two
 * extra round trips.
 */
export function inTransaction<T>(db: Database, within: Transaction | undefined, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return within ? work(within) : db.transaction(work);
}

/** One postgres.js pool and its drizzle view. Close with `sql.end()`. */
export function createDatabase(url: string, opts: { max?: number } = {}) {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    // Timestamps come back as Date; bigint counters as numbers would overflow, so keep them strings.
  });
  const db = drizzle(preparingStatements(sql), { schema });
  return { sql, db };
}

/**
 * Statements with more parameters than this are not kept prepared. They are drizzle's multi-row writes (a
 * title's provider artwork, say; the scan's hot writes send their rows as one JSON parameter instead, see
 * json-rows.ts), whose text changes with the number of rows: kept,
 * each row count would be one more statement held by the connection and by its Postgres backend for the
 * connection's life, thousands over a large first import. Sent unprepared, each costs one more round trip.
 */
export const MAX_PREPARED_PARAMETERS = 64;

/**
 * The pool as drizzle sees it, with every statement that has parameters prepared on its connection.
 * drizzle hands postgres.js its statements through `unsafe` unprepared (unless named with `.prepare()`),
 * and postgres.js then asks the server to describe each one before running it: two round trips for every
 * query. Prepared, a statement is described once per connection and then runs in one. The statements are
 * drizzle's parameterised SQL, so a connection holds one per query shape in the code, not one per value
 * (and none for the many-row writes above MAX_PREPARED_PARAMETERS, whose shapes have no bound).
 * Transactions and savepoints hand out a client of their own, which is wrapped the same way.
 */
function preparingStatements<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === 'unsafe') {
        return (query: string, args?: unknown, options?: object) =>
          Array.isArray(args)
            ? target.unsafe(query, args as never, { ...options, prepare: args.length <= MAX_PREPARED_PARAMETERS })
            : target.unsafe(query, [], { ...(args as object | undefined), prepare: true });
      }
      if ((property === 'begin' || property === 'savepoint') && typeof value === 'function') {
        return (...args: unknown[]) => {
          const body = args.at(-1) as (tx: postgres.TransactionSql) => unknown;
          return (value as (...a: unknown[]) => unknown).apply(target, [
            ...args.slice(0, -1),
            (tx: postgres.TransactionSql) => body(preparingStatements(tx)),
          ]);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
