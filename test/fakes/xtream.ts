import { startHttpFake, type FakeMode, type FakeReply, type FakeServer, type RecordedRequest } from './http-fake.js';

// A loopback Xtream Codes panel: GET /player_api.php?username&password[&action=…] as panels answer it
// (login object without an action; arrays for the category and stream lists; objects for get_vod_info and
// get_series_info), and the stream paths /movie/{u}/{p}/{id}.{ext} and /series/{u}/{p}/{episode_id}.{ext}.
// Refused credentials get the login object with `user_info.auth: 0`, as panels answer them (HTTP 200).
// The catalogue is a plain object the test may change between syncs.

export const XTREAM_FAKE_USERNAME = 'fake-user';
export const XTREAM_FAKE_PASSWORD = 'fake-pass';

export interface XtreamCatalogue {
  vodCategories: unknown[];
  vodStreams: unknown[];
  seriesCategories: unknown[];
  series: unknown[];
  /** get_vod_info answers by vod_id. */
  vodInfo: Record<string, unknown>;
  /** get_series_info answers by series_id. */
  seriesInfo: Record<string, unknown>;
}

export interface FakeXtream extends FakeServer {
  catalogue: XtreamCatalogue;
  /** player_api.php calls by action ('' for login). */
  calls(action: string): number;
}

export async function startFakeXtream(options: { catalogue?: XtreamCatalogue; mode?: FakeMode } = {}): Promise<FakeXtream> {
  const catalogue = options.catalogue ?? sampleXtreamCatalogue();
  const server = await startHttpFake({
    apiRoot: '',
    errorBody: (status) => ({ error: `HTTP ${status}` }),
    ...(options.mode ? { mode: options.mode } : {}),
    route: (request) => routeXtream(request, catalogue),
  });
  return {
    ...server,
    catalogue,
    calls: (action) => server.requests.filter((r) => r.path === '/player_api.php' && (r.query.action ?? '') === action).length,
  };
}

function routeXtream(request: RecordedRequest, catalogue: XtreamCatalogue): FakeReply {
  const stream = /^\/(movie|series)\/([^/]+)\/([^/]+)\/(\d+)\.(\w+)$/.exec(request.path);
  if (stream) {
    const authorised = stream[2] === XTREAM_FAKE_USERNAME && stream[3] === XTREAM_FAKE_PASSWORD;
    return authorised
      ? { status: 200, rawBody: 'video bytes', headers: { 'content-type': 'video/mp4' } }
      : { status: 401, rawBody: '', headers: { 'content-type': 'text/plain' } };
  }
  if (request.path !== '/player_api.php') return { status: 404, rawBody: 'Not Found', headers: { 'content-type': 'text/plain' } };
  const authorised = request.query.username === XTREAM_FAKE_USERNAME && request.query.password === XTREAM_FAKE_PASSWORD;
  if (!authorised) return ok({ user_info: { auth: 0 } });
  switch (request.query.action ?? '') {
    case '':
      return ok({
        user_info: {
          username: XTREAM_FAKE_USERNAME,
          password: XTREAM_FAKE_PASSWORD,
          message: 'Welcome',
          auth: 1,
          status: 'Active',
          exp_date: null,
          is_trial: '0',
          active_cons: '0',
          max_connections: '2',
          allowed_output_formats: ['m3u8', 'ts'],
        },
        server_info: {
          url: '127.0.0.1',
          port: '80',
          https_port: '443',
          server_protocol: 'http',
          rtmp_port: '8880',
          timezone: 'UTC',
          timestamp_now: 1763683200,
          time_now: '2025-11-21 00:00:00',
        },
      });
    case 'get_vod_categories':
      return ok(catalogue.vodCategories);
    case 'get_vod_streams':
      return ok(catalogue.vodStreams);
    case 'get_series_categories':
      return ok(catalogue.seriesCategories);
    case 'get_series':
      return ok(catalogue.series);
    case 'get_vod_info':
      return ok(catalogue.vodInfo[request.query.vod_id ?? ''] ?? { info: [], movie_data: [] });
    case 'get_series_info':
      return ok(catalogue.seriesInfo[request.query.series_id ?? ''] ?? { seasons: [], info: [], episodes: [] });
    default:
      return ok([]);
  }
}

function ok(json: unknown): FakeReply {
  return { status: 200, json };
}

export function xtreamMovie(streamId: unknown, name: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    num: 1,
    name,
    stream_type: 'movie',
    stream_id: streamId,
    stream_icon: '',
    rating: '7',
    rating_5based: 3.5,
    added: '1700000000',
    category_id: '1',
    container_extension: 'mkv',
    custom_sid: '',
    direct_source: '',
    ...extra,
  };
}

export function xtreamSeries(seriesId: unknown, name: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    num: 1,
    name,
    series_id: seriesId,
    cover: '',
    plot: '',
    cast: '',
    director: '',
    genre: 'Drama',
    releaseDate: '',
    last_modified: '1700000000',
    rating: '8',
    category_id: '2',
    ...extra,
  };
}

export function xtreamSeriesInfo(
  name: string,
  episodes: { id: number; season: number; episode: number; extension?: string }[],
  info: Record<string, unknown> = {},
): Record<string, unknown> {
  const bySeason: Record<string, unknown[]> = {};
  for (const e of episodes) {
    (bySeason[String(e.season)] ??= []).push({
      id: String(e.id),
      episode_num: String(e.episode),
      title: `${name} - S${String(e.season).padStart(2, '0')}E${String(e.episode).padStart(2, '0')}`,
      container_extension: e.extension ?? 'mp4',
      info: { duration_secs: 2800 },
      custom_sid: '',
      added: '1700000000',
      season: e.season,
      direct_source: '',
    });
  }
  return {
    seasons: Object.keys(bySeason).map((n) => ({ season_number: Number(n), name: `Season ${n}` })),
    info: { name, ...info },
    episodes: bySeason,
  };
}

/**
 * The Matrix (provider TMDB id), The Matrix Reloaded (name with language and quality tags; found by search
 * with the year), an unknown film (ignored: no match), two malformed movies (non-numeric id, no name),
 * Breaking Bad with two episodes (found by search), and one malformed series (no id).
 */
export function sampleXtreamCatalogue(): XtreamCatalogue {
  return {
    vodCategories: [{ category_id: '1', category_name: 'Movies', parent_id: 0 }],
    vodStreams: [
      xtreamMovie(1001, 'The Matrix (1999)', { tmdb: '603', year: '1999' }),
      xtreamMovie(1002, 'EN - The Matrix Reloaded (2003) 4K'),
      xtreamMovie(1003, 'Completely Unknown Film (2011)'),
      xtreamMovie('abc', 'Broken Id Film'),
      xtreamMovie(1005, ''),
    ],
    seriesCategories: [{ category_id: '2', category_name: 'Series', parent_id: 0 }],
    series: [xtreamSeries(2001, 'Breaking Bad (2008)'), xtreamSeries(null, 'Series Without Id')],
    vodInfo: {
      '1002': { info: { name: 'The Matrix Reloaded', tmdb_id: '' }, movie_data: { stream_id: 1002 } },
      '1003': { info: { name: 'Completely Unknown Film' }, movie_data: { stream_id: 1003 } },
    },
    seriesInfo: {
      '2001': xtreamSeriesInfo('Breaking Bad', [
        { id: 3001, season: 1, episode: 1 },
        { id: 3002, season: 1, episode: 2, extension: 'mkv' },
      ]),
    },
  };
}
