import { listDirectory, type DirectoryListing, type WalkedDirectory } from './directory-listing.js';
import { foldersToSearchForTitles, keepListedName } from './folder-roles.js';
import { isSeasonFolderName, parseEpisodeFileName } from '../title-names.js';
import { recordFolderTitle, recordZeroByteVideos, type TitleFile } from './title-files.js';
import { walkEachFolder, type WalkContext } from './walk-context.js';

/**
 * A show is a folder with season folders (`Season 01`, `S01`, `Specials`) or with episode-named videos
 * (`S01E01`, `1x02`) of its own. Its episodes are those videos plus every main video directly inside its
 * season folders, whose season the folder already names. Folders that are not shows are searched further.
 */
export async function walkTvLibrary(context: WalkContext, root: WalkedDirectory, rootListing: DirectoryListing): Promise<void> {
  recordVideosOutsideShows(context, rootListing);
  await walkEachFolder(foldersToSearchForTitles(rootListing.directories), (folder) => walkTvFolder(context, folder));
}

export async function walkTvFolder(context: WalkContext, folder: WalkedDirectory): Promise<void> {
  const listing = await listDirectory(context, folder, keepListedName);
  if (!listing) return;
  const hasSeasonFolders = listing.directories.some(({ name }) => isSeasonFolderName(name) !== null);
  const hasEpisodes = listing.files.some((file) => isEpisodeVideo(context, file.name, file.sizeBytes));
  if (hasSeasonFolders || hasEpisodes) {
    await recordFolderTitle(context, folder, listing, 'tvshow', isEpisodePosition);
    return;
  }
  recordVideosOutsideShows(context, listing);
  await walkEachFolder(foldersToSearchForTitles(listing.directories), (subfolder) => walkTvFolder(context, subfolder));
}

function isEpisodeVideo(context: WalkContext, name: string, sizeBytes: number): boolean {
  return parseEpisodeFileName(name) !== null && context.judgeVideo(name, sizeBytes) === 'video';
}

function isEpisodePosition(file: TitleFile): boolean {
  const segments = file.relativePath.split('/');
  if (segments.length === 1) return parseEpisodeFileName(file.name) !== null;
  return segments.length === 2 && isSeasonFolderName(segments[0] as string) !== null;
}

/** An episode outside any show folder cannot be told apart from other shows' episodes, so it is reported. */
function recordVideosOutsideShows(context: WalkContext, listing: DirectoryListing): void {
  recordZeroByteVideos(context, listing.files);
  for (const file of listing.files) {
    if (context.judgeVideo(file.name, file.sizeBytes) === 'video') {
      context.issues.push({ path: file.absolutePath, reason: 'video outside a show folder' });
    }
  }
}
