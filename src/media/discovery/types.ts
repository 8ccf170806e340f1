import type { DiscoveryFileSystem } from './file-system.js';

export type LibraryKind = 'movie' | 'tv';

export interface DiscoveredVideoFile {
  /** Relative to the title's folderPath, '/' separators (`Season 01/Show - S01E01.mkv` for TV). */
  relativePath: string;
  sizeBytes: number;
  mtimeMs: number;
}

export interface DiscoveredTitle {
  /**
   * Stable identity within the library: the title folder's path relative to the library root, or the
   * file name of a loose movie file in the root; '/' separators, names exactly as the file system has them.
   */
  key: string;
  kind: 'movie' | 'tvshow';
  /** Absolute folder holding the title (the library root for a loose movie file). */
  folderPath: string;
  /** Main videos only: never samples, `-trailer`-style extras, or anything in extras folders. */
  videoFiles: DiscoveredVideoFile[];
  /**
   * sha256 hex over the sorted (relative path, size, mtimeMs) of every file the title owns, found by stat
   * alone: same names, sizes and times give the same fingerprint; any add, remove, rename or write changes it.
   */
  fingerprint: string;
  /** How many files the fingerprint covers. */
  fileCount: number;
}

/** Something the walk could not use, and why; the walk goes on past it. */
export interface DiscoveryIssue {
  /** Absolute path of the entry concerned. */
  path: string;
  /** e.g. 'EACCES: permission denied', 'symlink loop', 'dangling symlink', 'zero-byte video'. */
  reason: string;
}

export interface DiscoveryResult {
  /** Sorted by key. */
  titles: DiscoveredTitle[];
  /** Sorted by path. */
  issues: DiscoveryIssue[];
  /** Every folder listed, the root and the folders inside titles included. */
  directoriesVisited: number;
}

export interface DiscoveryOptions {
  /** File-system calls in flight at once; default 32. */
  concurrency?: number;
  /** Aborting rejects the discovery with the signal's reason. */
  signal?: AbortSignal;
  /** Called with the running count of folders listed, after each one. */
  onProgress?: (directoriesVisited: number) => void;
  /** Where the calls go; libuv's thread pool unless told (discoverLibrary brings a thread of its own). */
  fileSystem?: DiscoveryFileSystem;
}
