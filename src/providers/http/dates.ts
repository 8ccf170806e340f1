/** Year of an ISO date or bare year ("1999-03-31", "1999"); undefined for empty or unreadable values. */
export function yearOf(date: string | null | undefined): number | undefined {
  if (!date) return undefined;
  const match = /^(\d{4})/.exec(date.trim());
  return match ? Number(match[1]) : undefined;
}

/** Providers send "" for unknown dates; downstream code should only ever see a date or nothing. */
export function dateOrUndefined(date: string | null | undefined): string | undefined {
  const trimmed = date?.trim();
  return trimmed ? trimmed : undefined;
}

/** Same idea for free text such as overviews and taglines. */
export function textOrUndefined(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}
