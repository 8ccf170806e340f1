import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from './schema/index.js';

export type Sql = postgres.Sql;
export type Database = ReturnType<typeof createDatabase>['db'];

/** One postgres.js pool and its drizzle view. Close with `sql.end()`. */
export function createDatabase(url: string, opts: { max?: number } = {}) {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    // Timestamps come back as Date; bigint counters as numbers would overflow, so keep them strings.
  });
  const db = drizzle(sql, { schema });
  return { sql, db };
}
