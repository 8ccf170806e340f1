import { z } from 'zod';

/**
 * The answers of /api/v3, for the OpenAPI document and the serializer. Field names and types follow Radarr's
 * and Sonarr's resources (Radarr.Api.V3 and Sonarr.Api.V3: MovieResource, SeriesResource, QueueResource, …),
 * restricted to the fields Reelflow answers. Every object is loose: a field the answer carries and the schema
 * does not list reaches the client unchanged, since Overseerr, Jellyseerr and Prowlarr read what Radarr and
 * Sonarr send and a field dropped by the serializer would break them silently.
 */

const id = z.number().int();
/** .NET DateTime, written as ISO 8601. */
const dateTime = z.string().describe('ISO 8601 date and time');

/** MediaCover. */
const mediaCoverBody = z.looseObject({
  coverType: z.string().describe('poster, fanart, banner, …'),
  url: z.string(),
  remoteUrl: z.string(),
});

/** Language (Radarr and Sonarr v4): id and English name. */
const languageBody = z.looseObject({ id, name: z.string() });

/** QualityModel: the quality and its revision. */
const qualityModelBody = z.looseObject({
  quality: z.looseObject({ id, name: z.string() }),
  revision: z.looseObject({ version: z.number().int(), real: z.number().int(), isRepack: z.boolean() }),
});

/** Radarr's SystemResource / Sonarr's; Jellyseerr reads `version` (its major) and `urlBase`. */
export const systemStatusBody = z.looseObject({
  appName: z.string(),
  instanceName: z.string(),
  version: z.string().describe('Sonarr ≥ 4 / Radarr ≥ 4.0.4, as Seerr and Prowlarr check it'),
  buildTime: dateTime,
  isDebug: z.boolean(),
  isProduction: z.boolean(),
  isAdmin: z.boolean(),
  isUserInteractive: z.boolean(),
  startupPath: z.string(),
  appData: z.string(),
  osName: z.string(),
  osVersion: z.string(),
  isNetCore: z.boolean(),
  isMono: z.boolean(),
  isLinux: z.boolean(),
  isOsx: z.boolean(),
  isWindows: z.boolean(),
  isDocker: z.boolean(),
  mode: z.string(),
  branch: z.string(),
  authentication: z.string(),
  sqliteVersion: z.string(),
  migrationVersion: z.number().int(),
  urlBase: z.string(),
  runtimeVersion: z.string(),
  runtimeName: z.string(),
  startTime: dateTime,
  packageUpdateMechanism: z.string(),
});

/** QualityProfileResource: a Reelflow quality profile; `cutoff` is its preferred resolution. */
export const qualityProfileResourceBody = z.looseObject({
  id,
  name: z.string(),
  upgradeAllowed: z.boolean(),
  cutoff: z.number().int(),
  items: z.array(z.looseObject({})).describe('empty: a Reelflow profile chooses by resolution, not by quality list'),
  minFormatScore: z.number().int(),
  cutoffFormatScore: z.number().int(),
  formatItems: z.array(z.looseObject({})),
  language: languageBody,
});

/** RootFolderResource: a delivery target. */
export const rootFolderResourceBody = z.looseObject({
  id,
  path: z.string(),
  accessible: z.boolean(),
  freeSpace: z.number(),
  totalSpace: z.number(),
  unmappedFolders: z.array(z.looseObject({ name: z.string(), path: z.string() })),
});

/** TagResource. */
export const tagResourceBody = z.looseObject({ id, label: z.string() });

/** Sonarr v3's LanguageProfileResource. */
export const languageProfileResourceBody = z.looseObject({
  id,
  name: z.string(),
  upgradeAllowed: z.boolean(),
  cutoff: languageBody,
  languages: z.array(z.looseObject({ language: languageBody, allowed: z.boolean() })),
});

/** LanguageResource (Sonarr v4, Radarr). */
export const languageResourceBody = z.looseObject({ id, name: z.string(), nameLower: z.string() });

/** Radarr's MovieFileResource, as far as Reelflow knows the delivered file. */
const movieFileBody = z.looseObject({
  id,
  movieId: id,
  relativePath: z.string(),
  path: z.string(),
  size: z.number(),
  dateAdded: dateTime.optional(),
});

/**
 * Radarr's MovieResource. A lookup result not yet added has no `id` (Seerr then POSTs it); an added movie
 * has `id`, `path`, `rootFolderPath` and its profile.
 */
export const movieResourceBody = z.looseObject({
  id: id.optional().describe('absent on a lookup result that is not added'),
  title: z.string(),
  sortTitle: z.string(),
  year: z.number().int(),
  tmdbId: z.number().int(),
  imdbId: z.string().optional(),
  titleSlug: z.string(),
  overview: z.string(),
  images: z.array(mediaCoverBody),
  remotePoster: z.string().optional(),
  genres: z.array(z.string()),
  runtime: z.number(),
  status: z.string().describe('MovieStatusType: tba, announced, inCinemas, released, deleted'),
  minimumAvailability: z.string(),
  isAvailable: z.boolean(),
  folderName: z.string(),
  path: z.string().optional(),
  rootFolderPath: z.string().optional(),
  qualityProfileId: z.number().int().describe('0 on a lookup result that is not added'),
  profileId: z.number().int().optional(),
  monitored: z.boolean(),
  hasFile: z.boolean(),
  sizeOnDisk: z.number(),
  movieFile: movieFileBody.optional(),
  statistics: z.looseObject({ movieFileCount: z.number().int(), sizeOnDisk: z.number(), releaseGroups: z.array(z.string()) }),
  tags: z.array(id),
  added: dateTime,
});

/** Sonarr's SeasonStatisticsResource, counted over the requested episodes. */
const seasonStatisticsBody = z.looseObject({
  episodeFileCount: z.number().int(),
  episodeCount: z.number().int(),
  totalEpisodeCount: z.number().int(),
  sizeOnDisk: z.number(),
  percentOfEpisodes: z.number(),
});

/** Sonarr's SeasonResource. */
const seasonResourceBody = z.looseObject({
  seasonNumber: z.number().int(),
  monitored: z.boolean(),
  statistics: seasonStatisticsBody,
});

/** Sonarr's SeriesResource; like a movie, a lookup result not yet added has no `id`. */
export const seriesResourceBody = z.looseObject({
  id: id.optional().describe('absent on a lookup result that is not added'),
  title: z.string(),
  sortTitle: z.string(),
  cleanTitle: z.string(),
  status: z.string().describe('SeriesStatusType: continuing, ended, upcoming, deleted'),
  overview: z.string(),
  images: z.array(mediaCoverBody),
  remotePoster: z.string().optional(),
  seasons: z.array(seasonResourceBody),
  year: z.number().int(),
  path: z.string().optional(),
  rootFolderPath: z.string().optional(),
  qualityProfileId: z.number().int().describe('0 on a lookup result that is not added'),
  profileId: z.number().int().optional(),
  languageProfileId: z.number().int(),
  seasonFolder: z.boolean(),
  monitored: z.boolean(),
  useSceneNumbering: z.boolean(),
  runtime: z.number(),
  tvdbId: z.number().int(),
  tvRageId: z.number().int(),
  tvMazeId: z.number().int(),
  tmdbId: z.number().int().optional(),
  imdbId: z.string().optional(),
  titleSlug: z.string(),
  seriesType: z.string().describe('standard, daily, anime'),
  genres: z.array(z.string()),
  tags: z.array(id),
  ratings: z.looseObject({ votes: z.number(), value: z.number() }),
  added: dateTime,
  statistics: z.looseObject({
    seasonCount: z.number().int(),
    episodeFileCount: z.number().int(),
    episodeCount: z.number().int(),
    totalEpisodeCount: z.number().int(),
    sizeOnDisk: z.number(),
    releaseGroups: z.array(z.string()),
    percentOfEpisodes: z.number(),
  }),
});

/** Sonarr's EpisodeResource, as a queue record carries it. */
const episodeResourceBody = z.looseObject({
  id,
  seriesId: id,
  seasonNumber: z.number().int(),
  episodeNumber: z.number().int(),
  absoluteEpisodeNumber: z.number().int(),
  title: z.string(),
  airDate: z.string().optional().describe('YYYY-MM-DD'),
  hasFile: z.boolean(),
  monitored: z.boolean(),
});

/** Radarr's and Sonarr's QueueResource: a movie's record has `movieId`, an episode's `seriesId`, `episodeId`, `episode`. */
export const queueResourceBody = z.looseObject({
  id,
  movieId: id.optional(),
  seriesId: id.optional(),
  episodeId: id.optional(),
  seasonNumber: z.number().int().optional(),
  episode: episodeResourceBody.optional(),
  title: z.string().describe('the release'),
  size: z.number(),
  sizeleft: z.number(),
  timeleft: z.string().optional().describe('TimeSpan: [d.]hh:mm:ss, while downloading'),
  estimatedCompletionTime: dateTime.optional(),
  status: z.string().describe('queued, downloading, completed, warning'),
  trackedDownloadStatus: z.string().describe('ok, warning, error'),
  trackedDownloadState: z.string().describe('downloading, importPending, importing, failedPending, …'),
  statusMessages: z.array(z.looseObject({ title: z.string(), messages: z.array(z.string()) })),
  errorMessage: z.string().optional(),
  downloadId: z.string().optional().describe('the info hash, upper case'),
  protocol: z.string(),
  downloadClient: z.string(),
  indexer: z.string(),
  quality: qualityModelBody,
  languages: z.array(languageBody),
});

/** PagingResource<QueueResource>. */
export const queuePageBody = z.looseObject({
  page: z.number().int(),
  pageSize: z.number().int(),
  sortKey: z.string(),
  sortDirection: z.string(),
  totalRecords: z.number().int(),
  records: z.array(queueResourceBody),
});

/** CommandResource: a command has run by the time it is answered; `body` is the command as sent. */
export const commandResourceBody = z.looseObject({
  id,
  name: z.string(),
  commandName: z.string(),
  message: z.string(),
  body: z.looseObject({ name: z.string() }),
  priority: z.string(),
  status: z.string(),
  result: z.string(),
  queued: dateTime,
  started: dateTime,
  ended: dateTime,
  trigger: z.string(),
  stateChangeTime: dateTime,
  sendUpdatesToClient: z.boolean(),
  updateScheduledTask: z.boolean(),
});

/** Radarr's Field (a provider setting), as Prowlarr reads and writes it. */
const providerFieldBody = z.looseObject({
  order: z.number().int(),
  name: z.string(),
  label: z.string(),
  value: z.unknown().optional(),
  type: z.string(),
  advanced: z.boolean(),
  privacy: z.string().optional(),
});

/** IndexerResource (a ProviderResource), as Prowlarr's RadarrIndexer and SonarrIndexer read it. */
export const indexerResourceBody = z.looseObject({
  id,
  name: z.string(),
  enableRss: z.boolean(),
  enableAutomaticSearch: z.boolean(),
  enableInteractiveSearch: z.boolean(),
  supportsRss: z.boolean(),
  supportsSearch: z.boolean(),
  protocol: z.string().describe('torrent or usenet'),
  priority: z.number().int(),
  downloadClientId: z.number().int(),
  implementation: z.string(),
  implementationName: z.string(),
  configContract: z.string(),
  infoLink: z.string(),
  tags: z.array(id),
  fields: z.array(providerFieldBody),
  presets: z.array(z.looseObject({})),
});

/**
 * A 400: Radarr's answer to a resource it refuses (FluentValidation's ValidationFailure list, which Prowlarr
 * and Seerr log), or Reelflow's error answer naming the field of a malformed request.
 */
export const refusalBody = z.union([
  z.array(
    z.looseObject({
      propertyName: z.string(),
      errorMessage: z.string(),
      attemptedValue: z.unknown().optional(),
      severity: z.string(),
      errorCode: z.string().optional(),
      isWarning: z.boolean().optional(),
    }),
  ),
  z.looseObject({ statusCode: z.number().int(), error: z.string(), message: z.string() }),
]);

/** What Radarr answers a DELETE or a passed test with. */
export const emptyBody = z.looseObject({}).describe('{}');
