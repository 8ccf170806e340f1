/**
 * Milliseconds to wait according to a Retry-After header, which RFC 9110 allows as either delay-seconds or
 * an HTTP date (some services send fractional seconds, read as such). Returns undefined when the header is
 * absent or unreadable, so callers fall back to their own backoff instead of trusting a guess.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  // Every HTTP date format names the weekday or month in letters; Date.parse would also accept "-5".
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
