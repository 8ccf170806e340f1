import path from 'node:path';
import type { Library, PathMappingRow } from '../db/schema/index.js';
import { mapRemotePath } from './path-mapping.js';

export interface ResolvedFolder {
  library: Library;
  /** The title folder on this machine. */
  folderPath: string;
}

/**
 * Which library folder an *arr path names: through the library's own path mappings first, else the path
 * as it is (Radarr on the same machine). The folder must lie inside the library root, below it.
 */
export function resolveArrFolder(
  remotePath: string,
  libraries: readonly Library[],
  mappings: readonly PathMappingRow[],
  kinds: readonly Library['kind'][],
): ResolvedFolder | null {
  for (const library of libraries.filter((l) => kinds.includes(l.kind))) {
    const own = mappings.filter((m) => m.libraryId === library.id);
    const mapped = mapRemotePath(own, remotePath);
    const candidates = mapped ? [mapped] : path.isAbsolute(remotePath) ? [path.resolve(remotePath)] : [];
    for (const folderPath of candidates) {
      const relative = path.relative(path.resolve(library.rootPath), folderPath);
      if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return { library, folderPath };
    }
  }
  return null;
}
