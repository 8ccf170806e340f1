import { stat, type Dirent } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';

/** What readdir says an entry is; 'unknown' when the file system did not say (some network mounts). */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'special' | 'unknown';

export interface DirectoryEntry {
  name: string;
  kind: EntryKind;
  /**
   * What stat says of the entry, when the listing brought it along: the walk's thread stats every entry
   * that is not a folder or special as it lists the folder, so a file costs the walk no call of its own.
   * Absent when the listing came from libuv's pool; the walk then stats the entry itself.
   */
  stat?: StatAnswer;
}

/** A stat made along with a listing: its answer, or its failure as Node's code and message. */
export type StatAnswer = { ok: EntryStat } | { error: FileSystemFailure };

export interface FileSystemFailure {
  code?: string;
  message: string;
}

/** What stat says of an entry, symlinks followed. */
export interface EntryStat {
  kind: 'file' | 'directory' | 'other';
  sizeBytes: number;
  mtimeMs: number;
}

/**
 * The three calls a discovery walk makes. Failures are Node's file-system errors (with `code` and Node's
 * message), whichever implementation made the call.
 */
export interface DiscoveryFileSystem {
  readdir(path: string): Promise<DirectoryEntry[]>;
  stat(path: string): Promise<EntryStat>;
  realpath(path: string): Promise<string>;
}

/** Each call on libuv's thread pool: what a walk of one folder uses, and a library walk on slow storage. */
export const libuvFileSystem: DiscoveryFileSystem = {
  readdir: async (path) => (await readdir(path, { withFileTypes: true })).map((entry) => ({ name: entry.name, kind: entryKind(entry) })),
  // The callback form behind a promise of our own: on Node 20, fs.promises.stat costs about 2.5 times as
  // much (it allocates a fresh stats array per call), and a large library stats every one of its files.
  stat: (path) =>
    new Promise((resolve, reject) => {
      stat(path, (error, stats) =>
        error
          ? reject(error)
          : resolve({
              kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other',
              sizeBytes: stats.size,
              mtimeMs: stats.mtimeMs,
            }),
      );
    }),
  realpath: (path) => realpath(path),
};

export function entryKind(entry: Dirent): EntryKind {
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  if (entry.isSymbolicLink()) return 'symlink';
  // Sockets, pipes and devices are never media, and opening a pipe's stat target could block.
  if (entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice()) return 'special';
  return 'unknown';
}
