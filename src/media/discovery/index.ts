export { discoverLibrary } from './discover-library.js';
export { LibraryRootUnreadableError } from './directory-listing.js';
export type { DiscoveredTitle, DiscoveredVideoFile, DiscoveryIssue, DiscoveryOptions, DiscoveryResult, LibraryKind } from './types.js';
export { discoverTitleFolder, discoverTitleFolderFiles, type DiscoveredTitleFolder } from './discover-title-folder.js';
export type { FingerprintedFile } from './fingerprint.js';
