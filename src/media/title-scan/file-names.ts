/** The name without its last extension: `Movie (2010).en.srt` → `Movie (2010).en`. */
export function fileStem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The last extension, lower-case with its dot, or '' when there is none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

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
