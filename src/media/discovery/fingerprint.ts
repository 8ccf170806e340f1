import { createHash } from 'node:crypto';

export interface FingerprintedFile {
  relativePath: string;
  sizeBytes: number;
  mtimeMs: number;
}

/**
 * sha256 over the sorted (path, size, mtime) triples: a cheap change detector that needs only stat, so a
 * rescan of an unchanged library never opens a file. NUL cannot occur in a path, which keeps fields apart.
 */
export function fingerprintFiles(files: readonly FingerprintedFile[]): string {
  const lines = [...files].sort(byRelativePath).map((file) => `${file.relativePath}\0${file.sizeBytes}\0${file.mtimeMs}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/** Code-unit order, not locale order, so the same files hash the same on every machine. */
export function byRelativePath(a: { relativePath: string }, b: { relativePath: string }): number {
  return compareCodeUnits(a.relativePath, b.relativePath);
}

export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
