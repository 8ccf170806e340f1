import type { DiscoveredTitle } from '../discovery/index.js';
import type { NfoUniqueId } from '../nfo/index.js';
import type { ClassifiedTitleFiles } from './classify-title-files.js';
import { identifyTitle } from './identify-title.js';
import { byRelativePath, compareCodeUnits } from './ordering.js';
import type { VideoProbeSettings } from './scan-video-file.js';
import type { ScanFileError, ScannedArtwork, ScannedTitle, StoredArtworkFile } from './types.js';

/** What the movie and show scans share: the title, its classified files and how to probe. */
export interface TitleScanContext {
  title: DiscoveredTitle;
  /** The folder name, or a loose movie file's name without its extension: what titles and tags are read from. */
  identityName: string;
  classified: ClassifiedTitleFiles;
  /** Problems met while listing (unreadable subfolders, dangling symlinks). */
  listingErrors: readonly ScanFileError[];
  settings: VideoProbeSettings;
  /** The artwork the last scan of the folder read, kept for files whose size and time have not moved. */
  storedArtwork?: ReadonlyMap<string, StoredArtworkFile>;
}

/** The title's NFO as far as it could be used: path and ids when it was read, its error when not. */
export interface TitleNfoOutcome {
  nfoPath?: string;
  uniqueIds?: readonly NfoUniqueId[];
  error?: ScanFileError;
  /** The NFO file that exists but could not be read: publishing must leave it as it is. */
  unreadablePath?: string;
}

type ScannedTitleBase = Omit<ScannedTitle, 'kind' | 'nfo' | 'videoFiles' | 'episodes'>;

/** The fields every scanned title has, with the errors of every stage gathered and put in order. */
export function scannedTitleBase(
  context: TitleScanContext,
  found: { nfo: TitleNfoOutcome; artwork: ScannedArtwork[]; errors: readonly ScanFileError[] },
): ScannedTitleBase {
  const { title, classified } = context;
  const errors = [...context.listingErrors, ...classified.errors, ...found.errors];
  if (found.nfo.error) errors.push(found.nfo.error);
  return {
    key: title.key,
    folderPath: title.folderPath,
    fingerprint: title.fingerprint,
    identification: identifyTitle(context.identityName, found.nfo.uniqueIds),
    ...(found.nfo.nfoPath === undefined ? {} : { nfoPath: found.nfo.nfoPath }),
    ...(found.nfo.unreadablePath === undefined ? {} : { unreadableNfoPath: found.nfo.unreadablePath }),
    artwork: found.artwork,
    actorThumbs: [...classified.actorThumbs].sort(byRelativePath),
    unknownFiles: [...classified.unknownFiles].sort(byRelativePath),
    errors: errors.sort((a, b) => byRelativePath(a, b) || compareCodeUnits(a.reason, b.reason)),
  };
}
