/** What commands print: the API's answer as JSON for scripts, or text for people. Results go to stdout. */

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export type Column<T> = readonly [header: string, cell: (row: T) => string | number | null | undefined];

/** Rows under a header, each column as wide as its widest cell; "(none)" for no rows. */
export function printTable<T>(rows: readonly T[], columns: readonly Column<T>[]): void {
  if (rows.length === 0) return printLine('(none)');
  const cells = rows.map((row) => columns.map(([, cell]) => text(cell(row))));
  const widths = columns.map(([header], i) => Math.max(header.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  printLine(line(columns.map(([header]) => header)));
  for (const row of cells) printLine(line(row));
}

/** `label  value` pairs, the labels aligned; empty values are left out. */
export function printFields(fields: [label: string, value: string | number | boolean | null | undefined][]): void {
  const shown = fields.filter(([, value]) => value !== null && value !== undefined && value !== '');
  const width = Math.max(0, ...shown.map(([label]) => label.length));
  for (const [label, value] of shown) printLine(`${`${label}:`.padEnd(width + 1)}  ${String(value)}`);
}

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '-' : String(value));

/** An ISO time as `2026-12-03 10:15:02` (UTC, as the API gives it). */
export const when = (iso: string | null | undefined): string => (iso ? iso.replace('T', ' ').slice(0, 19) : '-');

/**
 * The Temporal UI address of the run an answer is about. Answers about runs carry it (`temporalUrl`) where the
 * API knows the UI's address; read without relying on it being in every answer's type.
 */
export function temporalUrlOf(value: object): string | undefined {
  const url = (value as { temporalUrl?: unknown }).temporalUrl;
  return typeof url === 'string' && url ? url : undefined;
}
