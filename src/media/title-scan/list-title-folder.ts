import type { Dirent } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isExtrasFolderName } from '../title-names.js';
import { joinRelative } from './file-names.js';
import { describeError, TitleFolderUnreadableError } from './scan-errors.js';
import { statEntry } from './stat-entry.js';
import type { TitleFileListing } from './title-files.js';

/** Kodi keeps actor portraits in a hidden `.actors` folder directly inside the title folder. */
const ACTORS_FOLDER_NAME = '.actors';

interface Folder {
  absolutePath: string;
  /** '' for the title folder itself. */
  relativePath: string;
  /**
   * Real paths of this folder and every folder above it inside the title, to stop at symlink loops. Asked
   * only when a symlinked folder is met: most title folders have none, and a realpath is a call to libuv's pool.
   */
  realPaths: () => Promise<readonly string[]>;
}

/** Runs `find` once, on the first call; every call gets its answer. */
function once<T>(find: () => Promise<T>): () => Promise<T> {
  let found: Promise<T> | undefined;
  return () => (found ??= find());
}

/**
 * Every file of a title folder and of the folders below it. Hidden entries are passed over (`.DS_Store`,
 * `._*`, tools' state) except the title's `.actors` folder. Extras folders belong to the title but are not
 * scanned in this version, so they are not even entered (wherever they are, `Season 01/Extras` too); files
 * refused by `skipFileName` (samples, trailers) are dropped before any stat. Throws only when the title
 * folder itself cannot be listed; anything below it that fails becomes an error entry.
 */
export async function listTitleFolder(folderPath: string, skipFileName: (name: string) => boolean): Promise<TitleFileListing> {
  let entries: Dirent[];
  try {
    entries = await readdir(folderPath, { withFileTypes: true });
  } catch (error) {
    throw new TitleFolderUnreadableError(folderPath, error);
  }
  const listing: TitleFileListing = { files: [], errors: [] };
  const realPaths = once(async () => [await realpath(folderPath)]);
  await addEntries(listing, { absolutePath: folderPath, relativePath: '', realPaths }, entries, skipFileName);
  return listing;
}

async function listSubfolder(listing: TitleFileListing, folder: Folder, skipFileName: (name: string) => boolean): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder.absolutePath, { withFileTypes: true });
  } catch (error) {
    listing.errors.push({ relativePath: folder.relativePath, reason: describeError(error) });
    return;
  }
  await addEntries(listing, folder, entries, skipFileName);
}

async function addEntries(
  listing: TitleFileListing,
  folder: Folder,
  entries: readonly Dirent[],
  skipFileName: (name: string) => boolean,
): Promise<void> {
  await Promise.all(
    entries.map(async (entry) => {
      const { name } = entry;
      if (name.startsWith('.') && !isActorsFolder(folder, name)) return;
      const relativePath = joinRelative(folder.relativePath, name);
      const absolutePath = path.join(folder.absolutePath, name);
      if (entry.isDirectory()) {
        if (isExtrasFolderName(name)) return;
        // A plain folder's real path follows from its parent's, which saves a realpath call per folder.
        const realPaths = once(async () => {
          const above = await folder.realPaths();
          return [...above, path.join(above.at(-1) ?? folder.absolutePath, name)];
        });
        await listSubfolder(listing, { absolutePath, relativePath, realPaths }, skipFileName);
        return;
      }
      if (skipFileName(name)) return;
      const statted = await statEntry(entry, absolutePath);
      if (statted.kind === 'file') {
        const { size, mtimeMs } = statted.stats;
        listing.files.push({ relativePath, name, folder: folder.relativePath, absolutePath, sizeBytes: size, mtimeMs });
      } else if (statted.kind === 'directory') {
        if (isExtrasFolderName(name)) return;
        await followLinkedFolder(listing, folder, { absolutePath, relativePath }, skipFileName);
      } else if (statted.kind === 'failed') {
        listing.errors.push({ relativePath, reason: statted.reason });
      }
    }),
  );
}

/**
 * A symlink to a folder is listed like a folder, unless it points back at a folder it is inside, or at an
 * ancestor of the title folder (which would walk the whole library, and come back here).
 */
async function followLinkedFolder(
  listing: TitleFileListing,
  parent: Folder,
  linked: { absolutePath: string; relativePath: string },
  skipFileName: (name: string) => boolean,
): Promise<void> {
  let realPath: string;
  let above: readonly string[];
  try {
    [realPath, above] = await Promise.all([realpath(linked.absolutePath), parent.realPaths()]);
  } catch (error) {
    listing.errors.push({ relativePath: linked.relativePath, reason: describeError(error) });
    return;
  }
  const insideTarget = (inner: string) =>
    inner === realPath || inner.startsWith(realPath.endsWith(path.sep) ? realPath : realPath + path.sep);
  if (above.some(insideTarget)) {
    listing.errors.push({ relativePath: linked.relativePath, reason: 'symlink loop' });
    return;
  }
  const realPaths = [...above, realPath];
  await listSubfolder(listing, { ...linked, realPaths: () => Promise.resolve(realPaths) }, skipFileName);
}

function isActorsFolder(folder: Folder, name: string): boolean {
  return folder.relativePath === '' && name.toLowerCase() === ACTORS_FOLDER_NAME;
}
