/**
 * Output order compares UTF-16 code units rather than using localeCompare, so the same folder gives the
 * same arrays on every machine whatever its locale; discovery orders keys the same way.
 */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

export function byRelativePath(a: { relativePath: string }, b: { relativePath: string }): number {
  return compareCodeUnits(a.relativePath, b.relativePath);
}
