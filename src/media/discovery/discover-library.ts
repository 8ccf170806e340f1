import path from 'node:path';
import type { ScanConfig } from '../../config/phase-config.js';
import { listLibraryRoot, type WalkedDirectory } from './directory-listing.js';
import { compareCodeUnits } from './fingerprint.js';
import { keepListedName } from './folder-roles.js';
import { walkMovieLibrary } from './movie-library.js';
import { walkTvLibrary } from './tv-library.js';
import type { DiscoveredTitle, DiscoveryIssue, DiscoveryOptions, DiscoveryResult, LibraryKind } from './types.js';
import { createWalkContext, type FoundTitle } from './walk-context.js';
import { threadedFileSystem } from './threaded-file-system.js';

/**
 * Finds the titles of one library folder with stat and readdir alone, ready to be compared by key and
 * fingerprint against what was found last time. A large walk's calls go to a thread of its own (see
 * threadedFileSystem) unless `options.fileSystem` says otherwise. Problems with single entries become
 * issues and the walk goes on; only an unreadable or missing root (LibraryRootUnreadableError) or an abort
 * rejects.
 */
export async function discoverLibrary(
  root: string,
  kind: LibraryKind,
  config: ScanConfig,
  options: DiscoveryOptions = {},
): Promise<DiscoveryResult> {
  const ownThread = options.fileSystem ? null : threadedFileSystem();
  const context = createWalkContext(config, { ...options, fileSystem: options.fileSystem ?? ownThread! });
  let rootDirectory: WalkedDirectory;
  try {
    const listed = await listLibraryRoot(context, root, keepListedName);
    rootDirectory = listed.root;
    if (kind === 'movie') await walkMovieLibrary(context, rootDirectory, listed.listing);
    else await walkTvLibrary(context, rootDirectory, listed.listing);
  } finally {
    ownThread?.close();
  }

  const issues = [...context.issues];
  const titles = keepOneWayIntoEachFolder(context.titles, rootDirectory.realPathChain.realPath, issues);
  return {
    titles: titles.sort((a, b) => compareCodeUnits(a.key, b.key)),
    issues: issues.sort((a, b) => compareCodeUnits(a.path, b.path) || compareCodeUnits(a.reason, b.reason)),
    directoriesVisited: context.directoriesVisited(),
  };
}

/**
 * A folder reached twice — a collection holding a symlink to a movie that is also in the library — would
 * otherwise become two titles writing the same files. The way in without symlinks keeps it (else the first
 * key in order), and each other way in is reported.
 */
function keepOneWayIntoEachFolder(found: readonly FoundTitle[], rootRealPath: string, issues: DiscoveryIssue[]): DiscoveredTitle[] {
  const byRealPath = new Map<string, FoundTitle[]>();
  const distinct: DiscoveredTitle[] = [];
  for (const title of found) {
    if (title.realPath === null) {
      distinct.push(withoutRealPath(title));
      continue;
    }
    const ways = byRealPath.get(title.realPath);
    if (ways) ways.push(title);
    else byRealPath.set(title.realPath, [title]);
  }
  for (const [realPath, ways] of byRealPath) {
    const isDirect = (title: FoundTitle): boolean => path.join(rootRealPath, title.key) === realPath;
    const [kept, ...others] = ways.sort((a, b) => Number(isDirect(b)) - Number(isDirect(a)) || compareCodeUnits(a.key, b.key));
    if (!kept) continue;
    distinct.push(withoutRealPath(kept));
    for (const other of others) issues.push({ path: other.folderPath, reason: `same folder as title "${kept.key}"` });
  }
  return distinct;
}

function withoutRealPath({ realPath: _realPath, ...title }: FoundTitle): DiscoveredTitle {
  return title;
}
