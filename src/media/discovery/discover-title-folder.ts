import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ScanConfig } from '../../config/phase-config.js';
import type { WalkedDirectory } from './directory-listing.js';
import { walkMovieFolder } from './movie-library.js';
import { walkTvFolder } from './tv-library.js';
import type { FingerprintedFile } from './fingerprint.js';
import type { DiscoveredTitle, LibraryKind } from './types.js';
import { createWalkContext } from './walk-context.js';

/** One title folder as discovery finds it, with the files its fingerprint covers. */
export interface DiscoveredTitleFolder {
  title: DiscoveredTitle;
  files: FingerprintedFile[];
}

/**
 * Discovery of one title folder inside a library, by the same rules as a whole-library walk: the same
 * key, fingerprint and videos the next full discovery will find. Null when the folder holds no title (it
 * is gone, or holds no video); throws when the folder is outside the library root.
 */
export async function discoverTitleFolder(
  root: string,
  kind: LibraryKind,
  folderPath: string,
  config: ScanConfig,
): Promise<DiscoveredTitle | null> {
  return (await discoverTitleFolderFiles(root, kind, folderPath, config))?.title ?? null;
}

/** discoverTitleFolder, and the folder's files (path, size, time): what tells apart which of them changed. */
export async function discoverTitleFolderFiles(
  root: string,
  kind: LibraryKind,
  folderPath: string,
  config: ScanConfig,
): Promise<DiscoveredTitleFolder | null> {
  const absolutePath = path.resolve(folderPath);
  const relative = path.relative(path.resolve(root), absolutePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`Folder "${folderPath}" is not a title folder inside the library root "${root}"`);
  }
  let real: string;
  try {
    real = await realpath(absolutePath);
  } catch {
    return null;
  }
  const context = createWalkContext(config, {}, true);
  const directory: WalkedDirectory = {
    absolutePath,
    relativePath: relative.split(path.sep).join('/'),
    realPathChain: { realPath: real, parent: null },
  };
  if (kind === 'movie') await walkMovieFolder(context, directory);
  else await walkTvFolder(context, directory);
  const found = context.titles.find((t) => t.key === directory.relativePath);
  if (!found) return null;
  const { realPath: _realPath, files = [], ...title } = found;
  return { title, files };
}
