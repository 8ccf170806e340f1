import type { SeasonRef } from '../artwork-names.js';
import type { ArtworkAssetType } from '../../contracts/artwork-types.js';
import type { MediaInfo } from '../probe.js';
import type { EpisodeNfo, MovieNfo, SeasonNfo, TvShowNfo } from '../nfo/index.js';
import type { ExternalSubtitle } from '../subtitles.js';
import type { ExternalIds } from '../../contracts/external-ids.js';

/**
 * What scanning one title folder found, as plain data: the scan activity persists it. Paths are relative
 * to the title's folder with '/' separators. Nothing here is written to disk or the database.
 */

export interface Identification {
  status: 'identified' | 'unidentified';
  /** Where the ids came from; 'arr': a Radarr/Sonarr webhook named them (see library/arr-identification). */
  source: 'nfo' | 'folder-tag' | 'folder-name' | 'arr';
  ids: ExternalIds;
  /** Title and year parsed from the folder name, used when the NFO has none and for later searches. */
  parsedTitle: string;
  parsedYear?: number;
}

export interface ScannedVideoFile {
  relativePath: string;
  sizeBytes: number;
  mtimeMs: number;
  /** Absent when probing failed; see probeError. */
  mediaInfo?: MediaInfo;
  probeError?: string;
  externalSubtitles: ExternalSubtitle[];
}

export interface ScannedArtwork {
  relativePath: string;
  assetType: ArtworkAssetType;
  season?: SeasonRef;
  sha256: string;
  sizeBytes: number;
  width: number;
  height: number;
  format: string;
}

export interface ScannedActorThumb {
  /** Actor name as the `.actors/` file names it (underscores for spaces). */
  actorName: string;
  relativePath: string;
}

export interface ScannedUnknownFile {
  relativePath: string;
  sizeBytes: number;
}

/** A problem with one file of the title; the rest of the title is still scanned. */
export interface ScanFileError {
  relativePath: string;
  reason: string;
}

interface ScannedTitleBase {
  /** The discovered title's key (path relative to the library root). */
  key: string;
  folderPath: string;
  fingerprint: string;
  identification: Identification;
  /** The NFO file used, if any. */
  nfoPath?: string;
  /** The title's NFO file when it exists but could not be read (its error is in `errors`). */
  unreadableNfoPath?: string;
  artwork: ScannedArtwork[];
  actorThumbs: ScannedActorThumb[];
  unknownFiles: ScannedUnknownFile[];
  /** Malformed NFO, unreadable image, unprobeable video, … */
  errors: ScanFileError[];
}

export interface ScannedMovie extends ScannedTitleBase {
  kind: 'movie';
  nfo?: MovieNfo;
  videoFiles: ScannedVideoFile[];
}

export interface ScannedEpisode {
  season: number;
  /** Several for a multi-episode file (S01E01E02). */
  episodes: number[];
  video: ScannedVideoFile;
  /** One per episode of a multi-episode NFO, in file order. */
  nfo?: EpisodeNfo[];
  nfoPath?: string;
  /** The episode's NFO file when it exists but could not be read. */
  unreadableNfoPath?: string;
}

/** A `season.nfo` that could be read. */
export interface ScannedSeasonNfo {
  season: number;
  nfoPath: string;
  /** Absent for a season.nfo holding only URLs. */
  nfo?: SeasonNfo;
}

export interface ScannedShow extends ScannedTitleBase {
  kind: 'tvshow';
  nfo?: TvShowNfo;
  episodes: ScannedEpisode[];
  seasonNfos: ScannedSeasonNfo[];
}

export type ScannedTitle = ScannedMovie | ScannedShow;
