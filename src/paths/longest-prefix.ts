/**
 * The candidate whose folder prefix contains `path` on whole path segments ("/movies" does not match
 * "/movies-4k/x"), the longest one when several do; the first of equals. Both sides use '/' separators.
 * Path mappings in either direction (another machine's name for a folder → ours, ours → another's) pick
 * their mapping with it.
 */
export function longestMatchingPrefix<T>(
  path: string,
  candidates: readonly T[],
  prefixOf: (candidate: T) => string,
): { candidate: T; prefix: string } | undefined {
  let best: { candidate: T; prefix: string } | undefined;
  for (const candidate of candidates) {
    const prefix = prefixOf(candidate);
    const matches = path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
    if (matches && (!best || prefix.length > best.prefix.length)) best = { candidate, prefix };
  }
  return best;
}
