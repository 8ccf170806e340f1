import { getTableColumns, getTableName, is, SQL, sql, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Many rows as one JSON parameter: `insert into t (columns) select columns from json_populate_recordset(null::t, $1)`.
 *
 * drizzle's multi-row insert sends one parameter per value, so its text changes with the number of rows:
 * postgres.js must describe every such statement before running it (two round trips, and the connection
 * pipelines nothing behind it), drizzle checks the type of each value as it builds the query, and a large
 * write can pass Postgres's 65,535 parameters. Here the text depends only on the table and its columns,
 * so it is prepared once per connection and then runs in one round trip, and the rows cost one
 * JSON.stringify. Postgres converts each field with the column's own input function, as for a literal.
 */
export interface JsonRowsOptions {
  /**
   * `on conflict … do nothing`: rows that would break the unique index on these columns (any unique index
   * when the list is empty) are skipped.
   */
  onConflictDoNothing?: readonly Column[];
  /** Any other `on conflict …` clause (an update of some columns), written out. */
  onConflict?: SQL;
  /** Columns to return, or every column; raw rows by column name (`fromDriverRow` maps a whole one). */
  returning?: readonly Column[] | '*';
}

/** The insert of `rows` into `table`, to run with `db.execute`. */
export function insertJsonRows<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][], options: JsonRowsOptions = {}): SQL {
  const { names, records } = jsonRecords(table, rows);
  const columnList = sql.raw(names.map(quoteIdentifier).join(', '));
  const conflictTarget = options.onConflictDoNothing?.length ? ` (${columnNames(options.onConflictDoNothing)})` : '';
  const conflict = options.onConflict
    ? sql` ${options.onConflict}`
    : options.onConflictDoNothing
      ? sql.raw(` on conflict${conflictTarget} do nothing`)
      : sql``;
  const returning =
    options.returning === '*' ? sql` returning *` : options.returning ? sql.raw(` returning ${columnNames(options.returning)}`) : sql``;
  const tableName = sql.raw(quoteIdentifier(getTableName(table)));
  return sql`insert into ${tableName} (${columnList}) select ${columnList} from json_populate_recordset(null::${tableName}, ${JSON.stringify(records)}::json)${conflict}${returning}`;
}

/** A row read back with `returning *` or a raw select, in drizzle's shape (field names, values as drizzle maps them). */
export function fromDriverRow<T extends PgTable>(table: T, row: Record<string, unknown>): T['$inferSelect'] {
  const mapped: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = row[column.name];
    mapped[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return mapped as T['$inferSelect'];
}

/**
 * Each row as a JSON object by column name. A column is sent when some row gives it or drizzle has a
 * default function for it; a row without it takes drizzle's default (function or literal). A column
 * none of the rows gives is left to Postgres's default.
 */
function jsonRecords(table: PgTable, rows: readonly Record<string, unknown>[]) {
  const columns = Object.entries(getTableColumns(table)).filter(
    ([key, column]) => column.defaultFn !== undefined || rows.some((row) => row[key] !== undefined),
  );
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [key, column] of columns) record[column.name] = toJsonField(column, valueOrDefault(key, column, row));
    return record;
  });
  return { names: columns.map(([, column]) => column.name), records };
}

function valueOrDefault(key: string, column: Column, row: Record<string, unknown>): unknown {
  if (row[key] !== undefined) return row[key];
  if (column.defaultFn) return column.defaultFn();
  if (column.default !== undefined && !is(column.default, SQL)) return column.default;
  if (column.hasDefault) {
    // A row cannot ask for Postgres's default in an insert … select; every row must give the column or none.
    throw new Error(`insertJsonRows: column ${column.name} is given in some rows and left to its default in others`);
  }
  return null;
}

/** JSON and JSONB columns take the value itself; others what drizzle would send (a Date as ISO text). */
function toJsonField(column: Column, value: unknown): unknown {
  if (value === null) return null;
  if (is(value, SQL)) throw new Error(`insertJsonRows: column ${column.name} holds SQL, which a JSON row cannot carry`);
  if (column.columnType === 'PgJson' || column.columnType === 'PgJsonb') return value;
  const driverValue = column.mapToDriverValue(value);
  // JSON has no NaN or Infinity; Postgres reads the words for its floating-point columns.
  if (typeof driverValue === 'number' && !Number.isFinite(driverValue)) return String(driverValue);
  return driverValue;
}

/**
 * `column = any($1)` with the values as one array parameter: the statement's text does not change with their
 * number, as drizzle's `inArray` (a parameter each) does.
 */
export function anyOf(column: Column, values: Iterable<unknown>): SQL {
  return sql`${column} = any(${sql.param([...values])}::${sql.raw(column.getSQLType())}[])`;
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
const columnNames = (columns: readonly Column[]) => columns.map((column) => quoteIdentifier(column.name)).join(', ');
