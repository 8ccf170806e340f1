import type { ListedDirectory } from './directory-listing.js';
import { isActorsFolderName, isArtworkFolderName, isExtrasFolderName, isHiddenName } from '../title-names.js';

/**
 * Which entries a listing keeps. Hidden entries are dropped (`.DS_Store`, `._*` AppleDouble files, editors'
 * and tools' state), except Kodi's `.actors` folder: its portraits belong to the title, so a changed
 * portrait changes the title's fingerprint. It is never searched for titles or videos.
 */
export function keepListedName(name: string): boolean {
  return !isHiddenName(name) || isActorsFolderName(name);
}

/**
 * Folders outside any title that may hold titles. Extras and artwork folders never do, wherever they
 * are; as in Jellyfin, this also passes over a category folder that happens to be named `Shorts` or `Other`.
 */
export function foldersToSearchForTitles(directories: readonly ListedDirectory[]): ListedDirectory[] {
  return directories.filter(({ name }) => !isHiddenName(name) && !isExtrasFolderName(name) && !isArtworkFolderName(name));
}
