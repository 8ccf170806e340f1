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
  /** Absent when probing failed (see probeError) or when the stored probe still held (see storedProbe). */
  mediaInfo?: MediaInfo;
  /** The last scan's probe of this very file (same size and modification time), used instead of a new one. */
  storedProbe?: StoredVideoProbe;
  probeError?: string;
  externalSubtitles: ExternalSubtitle[];
}

/**
 * A video's probe as a scan stored it: what media_files and media_streams keep of a MediaInfo, with the
 * file's size and modification time at the time. A rescan reuses it for a file whose size and time have not
 * changed, as rsync's quick check and Jellyfin's and Kodi's scanners do, rather than reading the file again.
 */
export interface StoredVideoProbe {
  sizeBytes: number;
  mtimeMs: number;
  container: string | null;
  durationSeconds: number | null;
  bitrate: number | null;
  /** The file's own streams (external subtitles are listed anew by every scan). */
  streams: StoredStream[];
}

export interface StoredStream {
  streamType: 'video' | 'audio' | 'subtitle';
  streamIndex: number | null;
  codec: string | null;
  language: string | null;
  title: string | null;
  isDefault: boolean;
  isForced: boolean;
  width: number | null;
  height: number | null;
  hdr: string | null;
  channels: number | null;
}

/** The stored probes of a title's videos, by path relative to the title's folder. */
export type StoredVideoProbes = ReadonlyMap<string, StoredVideoProbe>;

/** An artwork file as a scan read it (its hash and measures), kept while its size and time are unchanged. */
export type StoredArtworkFile = Pick<ScannedArtwork, 'sha256' | 'sizeBytes' | 'mtimeMs' | 'width' | 'height' | 'format'>;

/**
 * What the last scan of a title folder stored of its files, by path relative to the folder: the next scan
 * of the folder reads again only the files whose size or modification time moved.
 */
export interface StoredFolderScan {
  probes: StoredVideoProbes;
  artwork: ReadonlyMap<string, StoredArtworkFile>;
}

export interface ScannedArtwork {
  relativePath: string;
  assetType: ArtworkAssetType;
  season?: SeasonRef;
  sha256: string;
  sizeBytes: number;
  mtimeMs: number;
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
