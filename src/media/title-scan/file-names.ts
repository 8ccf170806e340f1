import path from 'node:path';

export { fileExtension, fileStem } from '../title-names.js';

/** The last segment of a '/'-separated relative path. */
export function baseName(relativePath: string): string {
  return relativePath.slice(relativePath.lastIndexOf('/') + 1);
}

/** The folder part of a '/'-separated relative path, '' for a file directly in the title folder. */
export function folderOf(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  return slash === -1 ? '' : relativePath.slice(0, slash);
}

/** A relative path without its file's extension: `Season 01/Show - S01E02` for `Season 01/Show - S01E02.mkv`. */
export function withoutExtension(relativePath: string): string {
  const extension = path.posix.extname(relativePath);
  return extension ? relativePath.slice(0, -extension.length) : relativePath;
}

export function joinRelative(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}
