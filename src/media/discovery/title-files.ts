import { listDirectory, type DirectoryListing, type ListedDirectory, type WalkedDirectory } from './directory-listing.js';
import { byRelativePath, fingerprintFiles, type FingerprintedFile } from './fingerprint.js';
import { keepListedName } from './folder-roles.js';
import type { DiscoveredVideoFile } from './types.js';
import type { FoundTitle, WalkContext } from './walk-context.js';

export interface TitleFile extends FingerprintedFile {
  /** Relative to the title folder, '/' separators. */
  relativePath: string;
  absolutePath: string;
  name: string;
}

/**
 * Records a folder as a title. Every file under it counts toward its fingerprint (extras, artwork folders,
 * `.actors`, subtitle folders), but only files in a video position can be its videos: directly in the
 * folder for a movie, episodes directly in the show folder or in its season folders for a show.
 */
export async function recordFolderTitle(
  context: WalkContext,
  folder: WalkedDirectory,
  listing: DirectoryListing,
  kind: FoundTitle['kind'],
  isVideoPosition: (file: TitleFile) => boolean,
): Promise<void> {
  const files = await collectTitleFiles(context, listing);
  const videoFiles: DiscoveredVideoFile[] = [];
  for (const file of files) {
    if (!isVideoPosition(file)) continue;
    const verdict = context.judgeVideo(file.name, file.sizeBytes);
    if (verdict === 'video') videoFiles.push({ relativePath: file.relativePath, sizeBytes: file.sizeBytes, mtimeMs: file.mtimeMs });
    else if (verdict === 'zero-byte') context.issues.push({ path: file.absolutePath, reason: 'zero-byte video' });
  }
  context.titles.push({
    key: folder.relativePath,
    kind,
    folderPath: folder.absolutePath,
    videoFiles: videoFiles.sort(byRelativePath),
    fingerprint: fingerprintFiles(files),
    fileCount: files.length,
    realPath: folder.realPathChain.realPath,
    ...(context.keepsFiles ? { files: files.map(({ relativePath, sizeBytes, mtimeMs }) => ({ relativePath, sizeBytes, mtimeMs })) } : {}),
  });
}

/** The files of a title folder and of every folder below it; unreadable subfolders become issues. */
async function collectTitleFiles(context: WalkContext, listing: DirectoryListing): Promise<TitleFile[]> {
  const files: TitleFile[] = listing.files.map((file) => ({ ...file, relativePath: file.name }));
  await Promise.all(listing.directories.map((folder) => collectSubfolderFiles(context, folder, folder.name, files)));
  return files;
}

async function collectSubfolderFiles(
  context: WalkContext,
  folder: ListedDirectory,
  relativeFolder: string,
  files: TitleFile[],
): Promise<void> {
  const listing = await listDirectory(context, folder, keepListedName);
  if (!listing) return;
  for (const file of listing.files) files.push({ ...file, relativePath: `${relativeFolder}/${file.name}` });
  await Promise.all(
    listing.directories.map((subfolder) => collectSubfolderFiles(context, subfolder, `${relativeFolder}/${subfolder.name}`, files)),
  );
}

/** Records the zero-byte videos of a folder that turned out not to be a title, since no title will. */
export function recordZeroByteVideos(
  context: WalkContext,
  files: readonly { name: string; absolutePath: string; sizeBytes: number }[],
): void {
  for (const file of files) {
    if (context.judgeVideo(file.name, file.sizeBytes) === 'zero-byte') {
      context.issues.push({ path: file.absolutePath, reason: 'zero-byte video' });
    }
  }
}
