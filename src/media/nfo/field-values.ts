/**
 * Conversions from NFO text to typed values. Each is as lenient as the forms real files use (and Kodi
 * reads), and reports what it expected otherwise, so the caller can name the field in its error.
 */

export type Conversion<T> = { ok: true; value: T } | { ok: false; expected: string };

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
// Vote counts are often written with thousands separators: 1,900,000 / 1.900.000 / 1 900 000.
const GROUPED_DIGITS = /^\d{1,3}(?:([,. '\u00a0])\d{3})(?:\1\d{3})*$/;
// Older scrapers wrote runtimes like "136 min".
const MINUTES = /^(\d+)\s*(?:m|min|mins|minutes)\.?$/i;
// Kodi writes YYYY-MM-DD; some tools add a time of day.
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// "16:9" or "2.39:1".
const RATIO = /^(\d+(?:\.\d+)?)\s*[:/]\s*(\d+(?:\.\d+)?)$/;

/** Whole numbers are stored in Postgres `integer` columns (and Kodi reads them as 32-bit ints). */
const INTEGER_LIMIT = 2_147_483_647;

export function toInteger(raw: string): Conversion<number> {
  if (INTEGER.test(raw)) {
    const value = Number(raw);
    return Math.abs(value) <= INTEGER_LIMIT ? { ok: true, value } : { ok: false, expected: 'a whole number within ±2,147,483,647' };
  }
  return { ok: false, expected: DECIMAL.test(raw) ? 'a whole number' : 'a number' };
}

export function toDecimal(raw: string): Conversion<number> {
  if (DECIMAL.test(raw)) return { ok: true, value: Number(raw.replace(',', '.')) };
  return { ok: false, expected: 'a number' };
}

export function toVoteCount(raw: string): Conversion<number> {
  if (INTEGER.test(raw)) return { ok: true, value: Number(raw) };
  if (GROUPED_DIGITS.test(raw)) return { ok: true, value: Number(raw.replace(/\D/g, '')) };
  return { ok: false, expected: 'a whole number' };
}

export function toRuntimeMinutes(raw: string): Conversion<number> {
  const minutes = MINUTES.exec(raw)?.[1] ?? raw;
  return toInteger(minutes);
}

/** A calendar date as YYYY-MM-DD; a time of day after it is dropped. */
export function toIsoDate(raw: string): Conversion<string> {
  const match = DATE.exec(raw);
  const expected = 'a date (YYYY-MM-DD)';
  if (match === null) return { ok: false, expected };
  const [, year = '', month = '', day = ''] = match;
  if (Number(month) < 1 || Number(month) > 12) return { ok: false, expected };
  if (Number(day) < 1 || Number(day) > daysInMonth(Number(year), Number(month))) return { ok: false, expected };
  return { ok: true, value: `${year}-${month}-${day}` };
}

function daysInMonth(year: number, month: number): number {
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** An aspect ratio as a decimal; "16:9" is converted, rounded to three places like Kodi's own values. */
export function toAspectRatio(raw: string): Conversion<number> {
  const ratio = RATIO.exec(raw);
  if (ratio === null) return toDecimal(raw);
  const width = Number(ratio[1]);
  const height = Number(ratio[2]);
  if (height === 0) return { ok: false, expected: 'an aspect ratio' };
  return { ok: true, value: Math.round((width / height) * 1000) / 1000 };
}

/** Kodi's `default="true"` and the spellings other tools use. */
export function toFlag(raw: string | undefined): boolean {
  return raw !== undefined && ['true', '1', 'yes'].includes(raw.trim().toLowerCase());
}

/** The raw text when it spells the value differently from how the number is written by default (`6.400000`). */
export function differentSpelling(raw: string, value: number): string | undefined {
  return raw === String(value) ? undefined : raw;
}
