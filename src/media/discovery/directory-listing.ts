import path from 'node:path';
import { describeFileSystemError, errorCode, failureAsError } from './file-system-errors.js';
import type { DirectoryEntry, EntryStat, StatAnswer } from './file-system.js';
import type { WalkContext } from './walk-context.js';

/** Real paths of a folder and of every folder above it on the way down from the root. */
export interface RealPathChain {
  realPath: string;
  parent: RealPathChain | null;
}

export interface WalkedDirectory {
  absolutePath: string;
  /** Relative to the library root, '/' separators; '' for the root. */
  relativePath: string;
  realPathChain: RealPathChain;
}

export interface ListedDirectory extends WalkedDirectory {
  name: string;
}

export interface ListedFile {
  name: string;
  absolutePath: string;
  sizeBytes: number;
  mtimeMs: number;
}

export interface DirectoryListing {
  files: ListedFile[];
  directories: ListedDirectory[];
}

/** Thrown when the library root itself cannot be read. */
export class LibraryRootUnreadableError extends Error {
  override name = 'LibraryRootUnreadableError';
}

/**
 * Lists the library root. Unlike any other folder, a root that cannot be read fails the whole discovery:
 * an empty result would read as "every title was removed" to whoever compares it with the last one.
 */
export async function listLibraryRoot(
  context: WalkContext,
  root: string,
  keepName: (name: string) => boolean,
): Promise<{ root: WalkedDirectory; listing: DirectoryListing }> {
  const absolutePath = path.resolve(root);
  try {
    const realPath = await context.fileSystemCall((fs) => fs.realpath(absolutePath));
    const directory: WalkedDirectory = { absolutePath, relativePath: '', realPathChain: { realPath, parent: null } };
    const entries = await readEntries(context, directory);
    return { root: directory, listing: await listEntries(context, directory, entries, keepName) };
  } catch (error) {
    context.throwIfAborted();
    throw new LibraryRootUnreadableError(`cannot read library root ${absolutePath}: ${describeFileSystemError(error)}`, { cause: error });
  }
}

/**
 * Lists one folder: its files with size and mtime, and its folders, symlinks followed. Entries refused by
 * `keepName` or by the ignore patterns are dropped before the walk stats them or looks at a stat its
 * listing brought along (the walk's thread stats a folder's files as it lists them), so an ignored
 * partial download never becomes an issue or part of a fingerprint. A folder that cannot be read is
 * recorded as an issue and listed as null.
 */
export async function listDirectory(
  context: WalkContext,
  directory: WalkedDirectory,
  keepName: (name: string) => boolean,
): Promise<DirectoryListing | null> {
  let entries: DirectoryEntry[];
  try {
    entries = await readEntries(context, directory);
  } catch (error) {
    context.throwIfAborted();
    context.issues.push({ path: directory.absolutePath, reason: describeFileSystemError(error) });
    return null;
  }
  return listEntries(context, directory, entries, keepName);
}

async function readEntries(context: WalkContext, directory: WalkedDirectory): Promise<DirectoryEntry[]> {
  const entries = await context.fileSystemCall((fs) => fs.readdir(directory.absolutePath));
  context.directoryListed();
  return entries;
}

async function listEntries(
  context: WalkContext,
  directory: WalkedDirectory,
  entries: readonly DirectoryEntry[],
  keepName: (name: string) => boolean,
): Promise<DirectoryListing> {
  const listing: DirectoryListing = { files: [], directories: [] };
  const statted: Promise<void>[] = [];
  for (const entry of entries) {
    const relativePath = directory.relativePath === '' ? entry.name : `${directory.relativePath}/${entry.name}`;
    if (!keepName(entry.name) || context.isIgnored(entry.name, relativePath)) continue;
    const absolutePath = path.join(directory.absolutePath, entry.name);
    if (entry.kind === 'directory') {
      // A plain folder's real path follows from its parent's, which saves a realpath call per folder.
      const realPathChain = { realPath: path.join(directory.realPathChain.realPath, entry.name), parent: directory.realPathChain };
      listing.directories.push({ name: entry.name, absolutePath, relativePath, realPathChain });
    } else if (entry.kind !== 'special') {
      // Files, symlinks, and entries whose type the file system did not report (some network mounts).
      const isSymlink = entry.kind === 'symlink';
      const listed = { name: entry.name, absolutePath, relativePath, isSymlink };
      // A file whose stat came with the listing is filed at once: no call, no promise.
      if (entry.stat && 'ok' in entry.stat && entry.stat.ok.kind !== 'directory') fileStattedEntry(listing, listed, entry.stat.ok);
      else statted.push(addStattedEntry(context, directory, listed, entry.stat, listing));
    }
  }
  await Promise.all(statted);
  return listing;
}

interface ListedEntry {
  name: string;
  absolutePath: string;
  relativePath: string;
  isSymlink: boolean;
}

/**
 * Stats an entry (unless its listing did), following a symlink to what it points at, and files it as a
 * file or a folder.
 */
async function addStattedEntry(
  context: WalkContext,
  directory: WalkedDirectory,
  entry: ListedEntry,
  listedStat: StatAnswer | undefined,
  listing: DirectoryListing,
): Promise<void> {
  const { name, absolutePath, relativePath } = entry;
  try {
    const stats = listedStat ? answerOf(listedStat) : await context.fileSystemCall((fs) => fs.stat(absolutePath));
    if (stats.kind !== 'directory') {
      fileStattedEntry(listing, entry, stats);
      return;
    }
    const realPath = await context.fileSystemCall((fs) => fs.realpath(absolutePath));
    if (chainContains(directory.realPathChain, realPath)) {
      context.issues.push({ path: absolutePath, reason: 'symlink loop' });
      return;
    }
    listing.directories.push({ name, absolutePath, relativePath, realPathChain: { realPath, parent: directory.realPathChain } });
  } catch (error) {
    context.throwIfAborted();
    context.issues.push({ path: absolutePath, reason: describeStatFailure(error, entry.isSymlink) });
  }
}

/** A file joins the listing; anything else that is not a folder (a device behind a symlink) is passed over. */
function fileStattedEntry(listing: DirectoryListing, entry: ListedEntry, stats: EntryStat): void {
  if (stats.kind !== 'file') return;
  listing.files.push({ name: entry.name, absolutePath: entry.absolutePath, sizeBytes: stats.sizeBytes, mtimeMs: stats.mtimeMs });
}

function answerOf(answer: StatAnswer): EntryStat {
  if ('ok' in answer) return answer.ok;
  throw failureAsError(answer.error);
}

function describeStatFailure(error: unknown, isSymlink: boolean): string {
  const code = errorCode(error);
  // readdir has just listed the link itself, so a missing entry is its target.
  if (isSymlink && code === 'ENOENT') return 'dangling symlink';
  if (code === 'ELOOP') return 'symlink loop';
  return describeFileSystemError(error);
}

function chainContains(chain: RealPathChain | null, realPath: string): boolean {
  for (let link = chain; link !== null; link = link.parent) {
    if (link.realPath === realPath) return true;
  }
  return false;
}
