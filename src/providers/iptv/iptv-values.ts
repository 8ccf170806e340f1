// Xtream panels and M3U lists disagree with themselves about types: ids come as numbers or strings,
// years as "2008" or 2008, empty strings mean "none". These read such values once, strictly.

/** A positive whole number given as a number or a string of digits; undefined otherwise. */
export function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
    const parsed = Number(value.trim());
    return parsed > 0 ? parsed : undefined;
  }
  return undefined;
}

export function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A year 1870..2100 from a number, "2008" or the start of "2008-07-16". */
export function yearOf(value: unknown): number | undefined {
  const raw = text(value);
  const match = raw ? /^(\d{4})/.exec(raw) : null;
  const year = match ? Number(match[1]) : undefined;
  return year !== undefined && year >= 1870 && year <= 2100 ? year : undefined;
}

/** An IMDb id ("tt0133093") or undefined. */
export function imdbIdOf(value: unknown): string | undefined {
  const raw = text(value);
  return raw && /^tt\d{5,10}$/.test(raw) ? raw : undefined;
}
