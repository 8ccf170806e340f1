export { scanTitleFolder, type ScanTitleFolderOptions } from './scan-title-folder.js';
export { TitleFolderUnreadableError } from './scan-errors.js';
export type {
  Identification,
  ScanFileError,
  ScannedActorThumb,
  ScannedArtwork,
  ScannedEpisode,
  ScannedMovie,
  ScannedShow,
  ScannedTitle,
  ScannedUnknownFile,
  ScannedVideoFile,
  StoredArtworkFile,
  StoredFolderScan,
  StoredStream,
  StoredVideoProbe,
  StoredVideoProbes,
} from './types.js';
