/** Calendar days as `YYYY-MM-DD` strings in the person's own time zone (air dates are dates, not instants). */

export const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** `2026-12` → the first of that month; anything else → this month. */
export function monthStart(month: string | null): Date {
  const match = month && /^(\d{4})-(\d{2})$/.exec(month);
  const now = new Date();
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, 1) : new Date(now.getFullYear(), now.getMonth(), 1);
}

export const monthKey = (d: Date) => isoDay(d).slice(0, 7);

export const addMonths = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth() + n, 1);

/** The weeks (Monday first) that cover the month: every day the month grid shows. */
export function monthGrid(first: Date): Date[][] {
  const offset = (first.getDay() + 6) % 7;
  const daysInMonth = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  const weeks: Date[][] = [];
  for (let w = 0; w < Math.ceil((offset + daysInMonth) / 7); w++) {
    weeks.push(Array.from({ length: 7 }, (_, d) => new Date(first.getFullYear(), first.getMonth(), 1 - offset + w * 7 + d)));
  }
  return weeks;
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
