import { expect } from 'vitest';

/**
 * The fields Overseerr/Jellyseerr and Prowlarr read from a Radarr or Sonarr answer, from their client types
 * (Jellyseerr server/api/servarr/{base,radarr,sonarr}.ts; Prowlarr Applications/Radarr/RadarrIndexer.cs,
 * RadarrField.cs). Tests check that every answer still carries them, so that no response schema strips one.
 * Fields of those types Reelflow has never answered are left out and named beside each list.
 */

/** base.ts SystemStatus. */
export const SYSTEM_STATUS_FIELDS = [
  'version',
  'buildTime',
  'isDebug',
  'isProduction',
  'isAdmin',
  'isUserInteractive',
  'startupPath',
  'appData',
  'osName',
  'osVersion',
  'isNetCore',
  'isMono',
  'isLinux',
  'isOsx',
  'isWindows',
  'isDocker',
  'mode',
  'branch',
  'authentication',
  'sqliteVersion',
  'migrationVersion',
  'urlBase',
  'runtimeVersion',
  'runtimeName',
  'startTime',
  'packageUpdateMechanism',
];

/** base.ts RootFolder. */
export const ROOT_FOLDER_FIELDS = ['id', 'path', 'freeSpace', 'totalSpace', 'unmappedFolders'];
/** base.ts QualityProfile. */
export const QUALITY_PROFILE_FIELDS = ['id', 'name'];
/** base.ts Tag. */
export const TAG_FIELDS = ['id', 'label'];
/** sonarr.ts LanguageProfile. */
export const LANGUAGE_PROFILE_FIELDS = ['id', 'name'];

/**
 * base.ts QueueItem, always present; `timeleft` and `estimatedCompletionTime` are there while a download's
 * speed is known (Radarr's are nullable too).
 */
export const QUEUE_ITEM_FIELDS = [
  'id',
  'size',
  'title',
  'sizeleft',
  'status',
  'trackedDownloadStatus',
  'trackedDownloadState',
  'downloadId',
  'protocol',
  'downloadClient',
  'indexer',
];
/** radarr.ts's queue record append. */
export const RADARR_QUEUE_FIELDS = [...QUEUE_ITEM_FIELDS, 'movieId'];

/** radarr.ts RadarrMovie, of an added movie. A lookup result not yet added has no `id`, `path`, `profileId`. */
export const RADARR_MOVIE_FIELDS = [
  'id',
  'title',
  'isAvailable',
  'monitored',
  'tmdbId',
  'imdbId',
  'titleSlug',
  'folderName',
  'path',
  'profileId',
  'qualityProfileId',
  'added',
  'hasFile',
];
export const RADARR_LOOKUP_FIELDS = RADARR_MOVIE_FIELDS.filter((f) => !['id', 'path', 'profileId'].includes(f));

/**
 * sonarr.ts SonarrSeries, of an added series; never answered: seasonCount (top level), network, airTime,
 * firstAired, lastInfoSync, certification, addOptions (a request field), remotePoster (only with a poster).
 */
export const SONARR_SERIES_FIELDS = [
  'id',
  'title',
  'sortTitle',
  'status',
  'overview',
  'images',
  'seasons',
  'year',
  'path',
  'profileId',
  'languageProfileId',
  'seasonFolder',
  'monitored',
  'useSceneNumbering',
  'runtime',
  'tvdbId',
  'tvRageId',
  'tvMazeId',
  'seriesType',
  'cleanTitle',
  'imdbId',
  'titleSlug',
  'genres',
  'tags',
  'added',
  'ratings',
  'qualityProfileId',
  'rootFolderPath',
  'statistics',
];
/** sonarr.ts SonarrSeason; its statistics' previousAiring is optional and never answered. */
export const SONARR_SEASON_FIELDS = ['seasonNumber', 'monitored', 'statistics'];
export const SONARR_SEASON_STATISTICS_FIELDS = ['episodeFileCount', 'episodeCount', 'totalEpisodeCount', 'sizeOnDisk', 'percentOfEpisodes'];
export const SONARR_SERIES_STATISTICS_FIELDS = [
  'seasonCount',
  'episodeFileCount',
  'episodeCount',
  'totalEpisodeCount',
  'sizeOnDisk',
  'releaseGroups',
  'percentOfEpisodes',
];

/** Prowlarr's RadarrIndexer / SonarrIndexer. */
export const PROWLARR_INDEXER_FIELDS = [
  'id',
  'enableRss',
  'enableAutomaticSearch',
  'enableInteractiveSearch',
  'priority',
  'name',
  'implementationName',
  'implementation',
  'configContract',
  'infoLink',
  'downloadClientId',
  'tags',
  'fields',
];
/** Prowlarr's RadarrField; `section` and `hidden` are optional and never answered. */
export const PROWLARR_FIELD_FIELDS = ['name', 'type', 'advanced'];

/** The answer (an object) has every one of the fields. */
export function expectFields(answer: unknown, fields: string[]): void {
  expect(answer).toBeTypeOf('object');
  expect(Object.keys(answer as object)).toEqual(expect.arrayContaining(fields));
}
