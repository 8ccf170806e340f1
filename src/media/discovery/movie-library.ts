import { listDirectory, type DirectoryListing, type WalkedDirectory } from './directory-listing.js';
import { foldersToSearchForTitles, keepListedName } from './folder-roles.js';
import { recordLooseMovieFiles } from './loose-movie-files.js';
import { recordFolderTitle, recordZeroByteVideos } from './title-files.js';
import { walkEachFolder, type WalkContext } from './walk-context.js';

/**
 * A movie is a folder directly holding at least one main video — several versions of one movie in one
 * folder make one title — or a main video loose in the root. Folders that are not movies are searched
 * further, so collections nest to any depth; a movie folder is not searched for more movies.
 */
export async function walkMovieLibrary(context: WalkContext, root: WalkedDirectory, rootListing: DirectoryListing): Promise<void> {
  recordLooseMovieFiles(context, root, rootListing.files);
  await walkEachFolder(foldersToSearchForTitles(rootListing.directories), (folder) => walkMovieFolder(context, folder));
}

export async function walkMovieFolder(context: WalkContext, folder: WalkedDirectory): Promise<void> {
  const listing = await listDirectory(context, folder, keepListedName);
  if (!listing) return;
  if (listing.files.some((file) => context.judgeVideo(file.name, file.sizeBytes) === 'video')) {
    await recordFolderTitle(context, folder, listing, 'movie', (file) => !file.relativePath.includes('/'));
    return;
  }
  recordZeroByteVideos(context, listing.files);
  await walkEachFolder(foldersToSearchForTitles(listing.directories), (subfolder) => walkMovieFolder(context, subfolder));
}
