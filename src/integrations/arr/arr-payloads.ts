import { createHash } from 'node:crypto';
import { z } from 'zod';

// Radarr's and Sonarr's webhook bodies (NzbDrone.Core.Notifications.Webhook: WebhookPayload and its
// per-event subclasses). Only the fields Reelflow acts on are required; everything else they send is
// accepted and ignored, since both add fields from version to version.

const envelope = { eventType: z.string(), instanceName: z.string().optional(), applicationUrl: z.string().optional() };

const radarrMovie = z.looseObject({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int().optional(),
  folderPath: z.string().min(1, 'the movie folder as Radarr sees it'),
  tmdbId: z.number().int().optional(),
  imdbId: z.string().optional(),
});

const radarrMovieFile = z.looseObject({ id: z.number().int(), relativePath: z.string(), path: z.string().optional() });

const sonarrSeries = z.looseObject({
  id: z.number().int(),
  title: z.string(),
  path: z.string().min(1, 'the series folder as Sonarr sees it'),
  tvdbId: z.number().int().optional(),
  imdbId: z.string().optional(),
  tmdbId: z.number().int().optional(),
});

const sonarrEpisode = z.looseObject({ id: z.number().int(), seasonNumber: z.number().int(), episodeNumber: z.number().int() });
const sonarrEpisodeFile = z.looseObject({ id: z.number().int(), relativePath: z.string(), path: z.string().optional() });

export const radarrEventSchemas = {
  Test: z.looseObject({ ...envelope }),
  Grab: z.looseObject({ ...envelope, movie: radarrMovie }),
  Download: z.looseObject({ ...envelope, movie: radarrMovie, movieFile: radarrMovieFile, isUpgrade: z.boolean().optional() }),
  Rename: z.looseObject({ ...envelope, movie: radarrMovie }),
  MovieAdded: z.looseObject({ ...envelope, movie: radarrMovie }),
  MovieDelete: z.looseObject({ ...envelope, movie: radarrMovie, deletedFiles: z.boolean().optional() }),
  MovieFileDelete: z.looseObject({ ...envelope, movie: radarrMovie, movieFile: radarrMovieFile, deleteReason: z.string().optional() }),
  Health: z.looseObject({ ...envelope, level: z.string().optional(), message: z.string().optional() }),
  HealthRestored: z.looseObject({ ...envelope, message: z.string().optional() }),
  ApplicationUpdate: z.looseObject({ ...envelope }),
  ManualInteractionRequired: z.looseObject({ ...envelope }),
} as const;

export const sonarrEventSchemas = {
  Test: z.looseObject({ ...envelope }),
  Grab: z.looseObject({ ...envelope, series: sonarrSeries }),
  // One file imported; an upgrade replaces an older file.
  Download: z.looseObject({ ...envelope, series: sonarrSeries, episodes: z.array(sonarrEpisode), episodeFile: sonarrEpisodeFile, isUpgrade: z.boolean().optional() }),
  // Sonarr v4: a whole download (a season pack) imported at once, with every file.
  ImportComplete: z.looseObject({ ...envelope, series: sonarrSeries, episodes: z.array(sonarrEpisode), episodeFiles: z.array(sonarrEpisodeFile).min(1) }),
  Rename: z.looseObject({ ...envelope, series: sonarrSeries }),
  SeriesAdd: z.looseObject({ ...envelope, series: sonarrSeries }),
  SeriesDelete: z.looseObject({ ...envelope, series: sonarrSeries, deletedFiles: z.boolean().optional() }),
  EpisodeFileDelete: z.looseObject({ ...envelope, series: sonarrSeries, episodeFile: sonarrEpisodeFile, deleteReason: z.string().optional() }),
  Health: z.looseObject({ ...envelope, level: z.string().optional(), message: z.string().optional() }),
  HealthRestored: z.looseObject({ ...envelope, message: z.string().optional() }),
  ApplicationUpdate: z.looseObject({ ...envelope }),
  ManualInteractionRequired: z.looseObject({ ...envelope }),
} as const;

export type ArrSource = 'radarr' | 'sonarr';

/** What a delivery asks of us, whatever its source. */
export type ArrAction =
  | { kind: 'test' }
  /** Nothing to do for the library (a grab, a health message): recorded only. */
  | { kind: 'ignore' }
  /** The title folder changed: scan it and run its pipeline. */
  | { kind: 'refresh'; remotePath: string; field: string }
  /** The title is gone from the *arr: mark it removed. */
  | { kind: 'remove'; remotePath: string; field: string };

export type ParsedDelivery = { ok: true; eventType: string; action: ArrAction } | { ok: false; unknownEventType: string } | { ok: false; error: string };

/** Validates a delivery against its event's schema; a field error names the field ("body.movie.folderPath: …"). */
export function parseArrDelivery(source: ArrSource, body: unknown): ParsedDelivery {
  const eventType = z.looseObject({ eventType: z.string().min(1) }).safeParse(body);
  if (!eventType.success) return { ok: false, error: describe(eventType.error) };
  const schemas: Record<string, z.ZodType> = source === 'radarr' ? radarrEventSchemas : sonarrEventSchemas;
  const schema = Object.hasOwn(schemas, eventType.data.eventType) ? schemas[eventType.data.eventType] : undefined;
  if (!schema) return { ok: false, unknownEventType: eventType.data.eventType };
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, error: describe(parsed.error) };
  return { ok: true, eventType: eventType.data.eventType, action: actionOf(source, eventType.data.eventType, parsed.data as Record<string, never>) };
}

function actionOf(source: ArrSource, eventType: string, body: { movie?: { folderPath: string }; series?: { path: string } }): ArrAction {
  if (eventType === 'Test') return { kind: 'test' };
  const folder = source === 'radarr' ? { remotePath: body.movie?.folderPath, field: 'body.movie.folderPath' } : { remotePath: body.series?.path, field: 'body.series.path' };
  const refreshing = ['Download', 'ImportComplete', 'Rename', 'MovieFileDelete', 'EpisodeFileDelete'];
  const removing = ['MovieDelete', 'SeriesDelete'];
  if (folder.remotePath && refreshing.includes(eventType)) return { kind: 'refresh', remotePath: folder.remotePath, field: folder.field };
  if (folder.remotePath && removing.includes(eventType)) return { kind: 'remove', remotePath: folder.remotePath, field: folder.field };
  return { kind: 'ignore' };
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
