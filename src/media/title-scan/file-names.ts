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

export function joinRelative(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}
