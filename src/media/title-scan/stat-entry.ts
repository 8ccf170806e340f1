import type { Dirent, Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { describeError } from './scan-errors.js';

export type StattedEntry = { kind: 'file' | 'directory'; stats: Stats } | { kind: 'other' } | { kind: 'failed'; reason: string };

/**
 * Stats a listed entry, following a symlink to what it points at. Sockets, pipes and devices are never
 * media, and stat on a pipe's target could block, so they are passed over without a call.
 */
export async function statEntry(entry: Dirent, absolutePath: string): Promise<StattedEntry> {
  if (entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice()) return { kind: 'other' };
  try {
    const stats = await stat(absolutePath);
    if (stats.isFile()) return { kind: 'file', stats };
    if (stats.isDirectory()) return { kind: 'directory', stats };
    return { kind: 'other' };
  } catch (error) {
    // readdir has just listed the link itself, so a missing entry behind a symlink is its target.
    const code = (error as NodeJS.ErrnoException).code;
    if (entry.isSymbolicLink() && code === 'ENOENT') return { kind: 'failed', reason: 'dangling symlink' };
    if (code === 'ELOOP') return { kind: 'failed', reason: 'symlink loop' };
    return { kind: 'failed', reason: describeError(error) };
  }
}
