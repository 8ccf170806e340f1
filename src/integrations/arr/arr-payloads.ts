import { createHash } from 'node:crypto';
import { z } from 'zod';

// Radarr's and Sonarr's webhook bodies, as their Webhook connections serialise them
// (NzbDrone.Core.Notifications.Webhook, Radarr v5 and Sonarr v3/v4): Newtonsoft with camelCase property names,
// null values left out, and the event type in PascalCase. Only the fields Reelflow acts on are required;
// everything else is accepted and ignored, since both add fields from version to version.

const envelope = { eventType: z.string(), instanceName: z.string().optional(), applicationUrl: z.string().optional() };

// An id the *arr does not know is 0 (a C# int), never null.
const arrNumericId = z.number().int().nonnegative().optional();

/** WebhookMovie: the movie as Radarr has it, with the ids Radarr identified it by. */
const radarrMovie = z.looseObject({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int().optional(),
  folderPath: z.string().min(1, 'the movie folder as Radarr sees it'),
  tmdbId: arrNumericId,
  imdbId: z.string().optional(),
});

/** WebhookRemoteMovie: the same ids, read from the movie's metadata. */
const radarrRemoteMovie = z.looseObject({
  tmdbId: arrNumericId,
  imdbId: z.string().optional(),
  title: z.string().optional(),
  year: z.number().int().optional(),
});

const radarrMovieFile = z.looseObject({ id: z.number().int(), relativePath: z.string(), path: z.string().optional() });

/** WebhookSeries. */
const sonarrSeries = z.looseObject({
  id: z.number().int(),
  title: z.string(),
  path: z.string().min(1, 'the series folder as Sonarr sees it'),
  tvdbId: arrNumericId,
  tmdbId: arrNumericId,
  imdbId: z.string().optional(),
});

const sonarrEpisode = z.looseObject({ id: z.number().int(), seasonNumber: z.number().int(), episodeNumber: z.number().int() });
const sonarrEpisodeFile = z.looseObject({ id: z.number().int(), relativePath: z.string(), path: z.string().optional() });

export const radarrEventSchemas = {
  Test: z.looseObject({ ...envelope }),
  Grab: z.looseObject({ ...envelope, movie: radarrMovie, remoteMovie: radarrRemoteMovie.optional() }),
  // WebhookImportPayload: one file imported; an upgrade (isUpgrade) replaces the files in deletedFiles.
  Download: z.looseObject({
    ...envelope,
    movie: radarrMovie,
    remoteMovie: radarrRemoteMovie.optional(),
    movieFile: radarrMovieFile,
    isUpgrade: z.boolean().optional(),
  }),
  Rename: z.looseObject({ ...envelope, movie: radarrMovie }),
  MovieAdded: z.looseObject({ ...envelope, movie: radarrMovie }),
  MovieDelete: z.looseObject({ ...envelope, movie: radarrMovie, deletedFiles: z.boolean().optional() }),
  MovieFileDelete: z.looseObject({ ...envelope, movie: radarrMovie, movieFile: radarrMovieFile, deleteReason: z.string().optional() }),
  Health: z.looseObject({ ...envelope, level: z.string().optional(), message: z.string().optional() }),
  HealthRestored: z.looseObject({ ...envelope, message: z.string().optional() }),
  ApplicationUpdate: z.looseObject({ ...envelope }),
  ManualInteractionRequired: z.looseObject({ ...envelope }),
} as const;

// Sonarr sends two shapes under eventType "Download": BuildOnDownloadPayload (WebhookImportPayload, one file:
// episodeFile) for each file, and, from v4, BuildOnImportCompletePayload (WebhookImportCompletePayload: a
// whole download such as a season pack, every file in episodeFiles, with fileCount, sourcePath and
// destinationPath, and no episodeFile).
const sonarrImport = z
  .looseObject({
    ...envelope,
    series: sonarrSeries,
    episodes: z.array(sonarrEpisode),
    episodeFile: sonarrEpisodeFile.optional(),
    episodeFiles: z.array(sonarrEpisodeFile).optional(),
    isUpgrade: z.boolean().optional(),
  })
  .superRefine((body, ctx) => {
    if (!body.episodeFile && !body.episodeFiles?.length)
      ctx.addIssue({
        code: 'custom',
        path: ['episodeFile'],
        message: 'an imported file (episodeFile), or episodeFiles for a whole download',
      });
  });

export const sonarrEventSchemas = {
  Test: z.looseObject({ ...envelope }),
  Grab: z.looseObject({ ...envelope, series: sonarrSeries }),
  Download: sonarrImport,
  Rename: z.looseObject({ ...envelope, series: sonarrSeries }),
  SeriesAdd: z.looseObject({ ...envelope, series: sonarrSeries }),
  SeriesDelete: z.looseObject({ ...envelope, series: sonarrSeries, deletedFiles: z.boolean().optional() }),
  EpisodeFileDelete: z.looseObject({
    ...envelope,
    series: sonarrSeries,
    episodeFile: sonarrEpisodeFile,
    deleteReason: z.string().optional(),
  }),
  Health: z.looseObject({ ...envelope, level: z.string().optional(), message: z.string().optional() }),
  HealthRestored: z.looseObject({ ...envelope, message: z.string().optional() }),
  ApplicationUpdate: z.looseObject({ ...envelope }),
  ManualInteractionRequired: z.looseObject({ ...envelope }),
} as const;

export type ArrSource = 'radarr' | 'sonarr';

/** The ids a Radarr movie or Sonarr series carries; an id the *arr does not know is left out. */
export interface ArrTitleIds {
  tmdb?: number;
  imdb?: string;
  tvdb?: number;
}

/** What a delivery asks of us, whatever its source. */
export type ArrAction =
  | { kind: 'test' }
  /** Nothing to do for the library (a grab, a health message): recorded only. */
  | { kind: 'ignore' }
  /** The title folder changed: scan it and run its pipeline. `ids`: who the *arr says the title is. */
  | { kind: 'refresh'; remotePath: string; field: string; ids: ArrTitleIds }
  /** The title is gone from the *arr: mark it removed. */
  | { kind: 'remove'; remotePath: string; field: string };

export type ParsedDelivery =
  { ok: true; eventType: string; action: ArrAction } | { ok: false; unknownEventType: string } | { ok: false; error: string };

/** Validates a delivery against its event's schema; a field error names the field ("body.movie.folderPath: …"). */
export function parseArrDelivery(source: ArrSource, body: unknown): ParsedDelivery {
  const eventType = z.looseObject({ eventType: z.string().min(1) }).safeParse(body);
  if (!eventType.success) return { ok: false, error: describe(eventType.error) };
  const schemas: Record<string, z.ZodType> = source === 'radarr' ? radarrEventSchemas : sonarrEventSchemas;
  const schema = Object.hasOwn(schemas, eventType.data.eventType) ? schemas[eventType.data.eventType] : undefined;
  if (!schema) return { ok: false, unknownEventType: eventType.data.eventType };
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, error: describe(parsed.error) };
  return {
    ok: true,
    eventType: eventType.data.eventType,
    action: actionOf(source, eventType.data.eventType, parsed.data as Record<string, never>),
  };
}

type ParsedBody = {
  movie?: { folderPath: string; tmdbId?: number; imdbId?: string };
  remoteMovie?: { tmdbId?: number; imdbId?: string };
  series?: { path: string; tvdbId?: number; tmdbId?: number; imdbId?: string };
};

function actionOf(source: ArrSource, eventType: string, body: ParsedBody): ArrAction {
  if (eventType === 'Test') return { kind: 'test' };
  const folder =
    source === 'radarr'
      ? { remotePath: body.movie?.folderPath, field: 'body.movie.folderPath' }
      : { remotePath: body.series?.path, field: 'body.series.path' };
  const refreshing = ['Download', 'Rename', 'MovieFileDelete', 'EpisodeFileDelete'];
  const removing = ['MovieDelete', 'SeriesDelete'];
  if (folder.remotePath && refreshing.includes(eventType))
    return { kind: 'refresh', remotePath: folder.remotePath, field: folder.field, ids: arrTitleIds(body) };
  if (folder.remotePath && removing.includes(eventType)) return { kind: 'remove', remotePath: folder.remotePath, field: folder.field };
  return { kind: 'ignore' };
}

/** Radarr: the movie's ids, else remoteMovie's (the same metadata); Sonarr: the series' TVDB, TMDB and IMDb ids. */
export function arrTitleIds(body: ParsedBody): ArrTitleIds {
  const ids: ArrTitleIds = {};
  const tmdb = body.movie?.tmdbId || body.remoteMovie?.tmdbId || body.series?.tmdbId;
  const imdb = [body.movie?.imdbId, body.remoteMovie?.imdbId, body.series?.imdbId].find((id) => id && /^tt\d+$/.test(id));
  const tvdb = body.series?.tvdbId;
  if (tmdb) ids.tmdb = tmdb;
  if (imdb) ids.imdb = imdb;
  if (tvdb) ids.tvdb = tvdb;
  return ids;
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${['body', ...issue.path.map(String)].join('.')}: ${issue.message}`).join('; ');
}

/**
 * The identity of one delivery: *arr resends the same body when a delivery failed, so the same body is the
 * same event. Keys are sorted first, so field order does not matter.
 */
export function arrEventKey(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex').slice(0, 32);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
