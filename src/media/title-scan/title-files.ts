import type { ScanFileError } from './types.js';

/** One file that belongs to the title, found by readdir and stat alone. */
export interface TitleFile {
  /** Relative to the title's folderPath, '/' separators. */
  relativePath: string;
  name: string;
  /** The folder part of relativePath, '' for a file directly in the title folder. */
  folder: string;
  absolutePath: string;
  sizeBytes: number;
  mtimeMs: number;
}

export interface TitleFileListing {
  files: TitleFile[];
  /** Subfolders that could not be read, dangling symlinks, files that vanished while being listed. */
  errors: ScanFileError[];
}
