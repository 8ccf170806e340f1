import { beforeAll, describe, expect, it } from 'vitest';
import { RequestRepository } from '../../src/db/repositories/request-repository.js';
import {
  expectFields,
  LANGUAGE_PROFILE_FIELDS,
  QUALITY_PROFILE_FIELDS,
  RADARR_LOOKUP_FIELDS,
  RADARR_MOVIE_FIELDS,
  RADARR_QUEUE_FIELDS,
  ROOT_FOLDER_FIELDS,
  SONARR_SEASON_FIELDS,
  SONARR_SEASON_STATISTICS_FIELDS,
  SONARR_SERIES_FIELDS,
  SONARR_SERIES_STATISTICS_FIELDS,
  SYSTEM_STATUS_FIELDS,
  TAG_FIELDS,
} from '../support/arr-client-fields.js';
import { TEST_API_KEY } from '../support/integration.js';
import {
  createProfile,
  createTarget,
  startRequestPipelineEnvironment,
  waitFor,
  type RequestPipelineEnvironment,
} from '../support/request-pipeline.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The request sequences Overseerr and Jellyseerr send to a Radarr and a Sonarr server (server/api/servarr/*.ts,
 * server/routes/settings/{radarr,sonarr}.ts, server/entity/MediaRequest.ts, server/lib/downloadtracker.ts),
 * against the real stack: Temporal, Postgres, qBittorrent, the TMDB and Torznab fakes. Seerr's ExternalAPI
 * sends the key as `?apikey=` on every call.
 */

let env: RequestPipelineEnvironment;
let profileName: string;
let moviesRoot: string;
let tvRoot: string;

const seerr = (method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) => {
  const url = `/api/v3${path}${path.includes('?') ? '&' : '?'}apikey=${TEST_API_KEY}`;
  return env.app.inject({ method, url, ...(payload ? { payload } : {}) });
};

beforeAll(async () => {
  env = await startRequestPipelineEnvironment({ encodeSlots: 1 });
  profileName = `HD-${Math.random().toString(36).slice(2, 6)}`;
  await createProfile(env.app, { name: profileName });
  moviesRoot = tempDir('reelflow-arr-movies-');
  tvRoot = tempDir('reelflow-arr-tv-');
  await createTarget(env.app, moviesRoot);
  await createTarget(env.app, tvRoot);
});

describe('Seerr connection test', () => {
  it('Radarr: system/status, qualityProfile, rootfolder, tag; Sonarr adds languageprofile', async () => {
    const status = await seerr('GET', '/system/status');
    expect(status.statusCode).toBe(200);
    expect(Number(status.json().version.split('.')[0])).toBeGreaterThanOrEqual(4);
    expect(status.json()).toHaveProperty('urlBase', '');

    const profiles = await seerr('GET', '/qualityProfile');
    expect(profiles.json()).toContainEqual(expect.objectContaining({ id: expect.any(Number), name: profileName }));
    const folders = await seerr('GET', '/rootfolder');
    expect(folders.json().map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining([moviesRoot, tvRoot]));
    expect(folders.json().every((f: { id: unknown }) => typeof f.id === 'number')).toBe(true);
    expect((await seerr('GET', '/tag')).json()).toEqual([]);
    expect((await seerr('GET', '/languageprofile')).json()).toEqual([expect.objectContaining({ id: 1 })]);
    // Through the response schemas, every field of Seerr's client types is still there.
    expectFields(status.json(), SYSTEM_STATUS_FIELDS);
    for (const p of profiles.json()) expectFields(p, QUALITY_PROFILE_FIELDS);
    for (const f of folders.json()) expectFields(f, ROOT_FOLDER_FIELDS);
    expectFields((await seerr('GET', '/languageprofile')).json()[0], LANGUAGE_PROFILE_FIELDS);
    // The same ids on every read.
    expect((await seerr('GET', '/qualityProfile')).json()).toEqual(profiles.json());
  });

  it('refuses a call without the key, or with a wrong one', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/v3/system/status' })).statusCode).toBe(401);
    expect((await env.app.inject({ method: 'GET', url: '/api/v3/system/status?apikey=wrong' })).statusCode).toBe(401);
    expect((await env.app.inject({ method: 'GET', url: '/api/v3/system/status', headers: { 'x-api-key': TEST_API_KEY } })).statusCode).toBe(
      200,
    );
  });

  it('creates a tag once per label (Seerr tags requests with the user)', async () => {
    const first = await seerr('POST', '/tag', { label: '1 - alice' });
    expect(first.statusCode).toBe(201);
    expect((await seerr('POST', '/tag', { label: '1 - alice' })).json()).toEqual(first.json());
    expect((await seerr('GET', '/tag')).json()).toEqual([first.json()]);
    expectFields(first.json(), TAG_FIELDS);
  });
});

describe('Seerr sends a movie request to Radarr', () => {
  it('lookup, add (a Reelflow request), queue poll while it downloads, then hasFile; adding it again answers as Radarr', async () => {
    const profileId = (await seerr('GET', '/qualityProfile')).json().find((p: { name: string }) => p.name === profileName).id;
    const release = await env.publishRelease({
      title: 'The.Matrix.1999.1080p.BluRay.x264-GRP',
      files: ['The.Matrix.1999.1080p.BluRay.x264-GRP.mkv'],
      video: { seconds: 6, width: 640, height: 360 },
      seeders: 4,
      tmdbId: 603,
    });
    await env.seeder.client.setUploadLimit([release.infoHash], 40 * 1024);

    // RadarrAPI.addMovie: getMovieByTmdbId, then POST /movie when it has no id.
    const lookup = await seerr('GET', '/movie/lookup?term=tmdb:603');
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toHaveLength(1);
    expect(lookup.json()[0]).toMatchObject({ title: 'The Matrix', year: 1999, tmdbId: 603, hasFile: false, monitored: false });
    expect(lookup.json()[0]).not.toHaveProperty('id');
    expectFields(lookup.json()[0], RADARR_LOOKUP_FIELDS);

    const added = await seerr('POST', '/movie', {
      title: 'The Matrix',
      qualityProfileId: profileId,
      profileId,
      titleSlug: '603',
      minimumAvailability: 'released',
      tmdbId: 603,
      year: 1999,
      rootFolderPath: moviesRoot,
      monitored: true,
      tags: [],
      addOptions: { searchForMovie: true },
    });
    expect(added.statusCode).toBe(201);
    const movie = added.json();
    expect(movie).toMatchObject({
      id: expect.any(Number),
      tmdbId: 603,
      monitored: true,
      hasFile: false,
      qualityProfileId: profileId,
      rootFolderPath: moviesRoot,
      titleSlug: '603',
    });
    expectFields(movie, RADARR_MOVIE_FIELDS);

    // The add went through the same path as POST /api/requests.
    const [request] = await env.database.sql<
      { id: string; type: string; tmdb_id: number; target_ids: string[] }[]
    >`select id, type, tmdb_id, target_ids from requests where tmdb_id = 603`;
    expect(request).toMatchObject({ type: 'movie', tmdb_id: 603 });
    const [item] = await env.waitForItems(request!.id, (items) => items[0]!.status === 'DOWNLOADING');

    // DownloadTracker: RefreshMonitoredDownloads, then the queue, matched by movieId.
    expect((await seerr('POST', '/command', { name: 'RefreshMonitoredDownloads' })).statusCode).toBe(201);
    const queue = await seerr('GET', '/queue?includeEpisode=true');
    expect(queue.statusCode).toBe(200);
    const record = queue.json().records.find((r: { movieId?: number }) => r.movieId === movie.id);
    expect(record).toMatchObject({
      title: 'The.Matrix.1999.1080p.BluRay.x264-GRP',
      status: 'downloading',
      trackedDownloadState: 'downloading',
      downloadId: release.infoHash.toUpperCase(),
      protocol: 'torrent',
    });
    expect(record.size).toBe(item!.selectedRelease!.sizeBytes);
    expect(record.sizeleft).toBeGreaterThan(0);
    expect(record.sizeleft).toBeLessThanOrEqual(record.size);
    expectFields(record, RADARR_QUEUE_FIELDS);
    expectFields(queue.json(), ['page', 'pageSize', 'sortKey', 'sortDirection', 'totalRecords', 'records']);

    // The same movie again: the lookup names it, and a POST is refused as Radarr refuses it.
    expect((await seerr('GET', '/movie/lookup?term=tmdb:603')).json()[0]).toMatchObject({ id: movie.id, monitored: true });
    const again = await seerr('POST', '/movie', {
      title: 'The Matrix',
      qualityProfileId: profileId,
      tmdbId: 603,
      rootFolderPath: moviesRoot,
      monitored: true,
      addOptions: { searchForMovie: true },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual([expect.objectContaining({ propertyName: 'TmdbId', errorCode: 'MovieExistsValidator' })]);

    await env.seeder.client.setUploadLimit([release.infoHash], 0);
    await env.waitForItem(item!.id, (i) => i.status === 'COMPLETED', 90_000);
    const done = await seerr('GET', `/movie/${movie.id}`);
    expect(done.json()).toMatchObject({ id: movie.id, hasFile: true, movieFile: expect.objectContaining({ movieId: movie.id }) });
    expectFields(done.json(), RADARR_MOVIE_FIELDS);
    // Seerr's Radarr scanner reads the whole list.
    const listed = (await seerr('GET', '/movie')).json().find((m: { id: number }) => m.id === movie.id);
    expect(listed).toEqual(done.json());
    expect((await seerr('GET', '/queue')).json().records.filter((r: { movieId?: number }) => r.movieId === movie.id)).toEqual([]);
  });

  it('answers 400 naming the field for a profile or root folder that does not exist', async () => {
    const badProfile = await seerr('POST', '/movie', {
      title: 'X',
      qualityProfileId: 9999,
      tmdbId: 604,
      rootFolderPath: moviesRoot,
      monitored: true,
    });
    expect(badProfile.statusCode).toBe(400);
    expect(badProfile.json().message).toMatch(/^body\.qualityProfileId: /);
    const profileId = (await seerr('GET', '/qualityProfile')).json()[0].id;
    const badFolder = await seerr('POST', '/movie', {
      title: 'X',
      qualityProfileId: profileId,
      tmdbId: 604,
      rootFolderPath: '/nowhere',
      monitored: true,
    });
    expect(badFolder.statusCode).toBe(400);
    expect(badFolder.json().message).toMatch(/^body\.rootFolderPath: /);
  });
});

describe('Seerr sends a series request to Sonarr', () => {
  it('lookup by TVDB id, add with monitored seasons (a Reelflow request for them), search command, a later season by PUT', async () => {
    const profileId = (await seerr('GET', '/qualityProfile')).json().find((p: { name: string }) => p.name === profileName).id;
    const lookup = await seerr('GET', '/series/lookup?term=tvdb:81189');
    expect(lookup.statusCode).toBe(200);
    const found = lookup.json()[0];
    expect(found).toMatchObject({ title: 'Breaking Bad', tvdbId: 81189, tmdbId: 1396 });
    expect(found).not.toHaveProperty('id');
    expect(found.seasons).toContainEqual(expect.objectContaining({ seasonNumber: 1, monitored: false }));

    // SonarrAPI.addSeries: every season unmonitored, then the requested ones monitored.
    const seasons = found.seasons.map((s: { seasonNumber: number }) => ({ seasonNumber: s.seasonNumber, monitored: s.seasonNumber === 1 }));
    const added = await seerr('POST', '/series', {
      tvdbId: 81189,
      title: 'Breaking Bad',
      qualityProfileId: profileId,
      languageProfileId: 1,
      seasons,
      tags: [],
      seasonFolder: true,
      monitored: true,
      rootFolderPath: tvRoot,
      seriesType: 'standard',
      addOptions: { ignoreEpisodesWithFiles: true, searchForMissingEpisodes: true },
    });
    expect(added.statusCode).toBe(201);
    const series = added.json();
    expect(series).toMatchObject({ id: expect.any(Number), tvdbId: 81189, monitored: true, rootFolderPath: tvRoot });
    expect(series.seasons).toContainEqual(expect.objectContaining({ seasonNumber: 1, monitored: true }));
    expectFields(series, SONARR_SERIES_FIELDS);
    expectFields(series.statistics, SONARR_SERIES_STATISTICS_FIELDS);
    for (const season of series.seasons) {
      expectFields(season, SONARR_SEASON_FIELDS);
      expectFields(season.statistics, SONARR_SEASON_STATISTICS_FIELDS);
    }

    const [request] = await env.database.sql<
      { id: string; seasons: number[]; tvdb_id: number }[]
    >`select id, seasons, tvdb_id from requests where tvdb_id = 81189`;
    expect(request).toMatchObject({ seasons: [1], tvdb_id: 81189 });
    // No indexer has it: the episodes wait for their next search.
    const items = await env.waitForItems(request!.id, (all) => all.every((i) => i.status === 'SEARCHING' && i.seasonNumber === 1));
    const afterAdd = (await seerr('GET', `/series/${series.id}`)).json();
    expect(afterAdd.seasons.find((s: { seasonNumber: number }) => s.seasonNumber === 1).statistics).toMatchObject({
      episodeCount: items.length,
      episodeFileCount: 0,
    });
    expectFields(afterAdd, SONARR_SERIES_FIELDS);
    // Seerr's Sonarr scanner reads the whole list.
    expect((await seerr('GET', '/series')).json().find((s: { id: number }) => s.id === series.id)).toEqual(afterAdd);

    // SonarrAPI.searchSeries → MissingEpisodeSearch: the waiting episodes search now.
    const searched = await waitFor(
      async () => {
        const response = await seerr('POST', '/command', { name: 'MissingEpisodeSearch', seriesId: series.id });
        expect(response.statusCode).toBe(201);
        return /^[1-9]\d* item/.test(response.json().message) ? response.json() : undefined;
      },
      10_000,
      async () => 'no item was waiting',
    );
    expect(searched).toMatchObject({ name: 'MissingEpisodeSearch', status: 'completed' });

    // Adding it again: Seerr finds it by lookup and PUTs the series with another season monitored → no new
    // request for season 1, a Reelflow request for what is new. Breaking Bad's season 1 is all the fake lists,
    // so the new season is asked for and the request fails naming it.
    const existing = (await seerr('GET', '/series/lookup?term=tvdb:81189')).json()[0];
    expect(existing.id).toBe(series.id);
    const put = await seerr('PUT', '/series', { ...existing, seasons: [...existing.seasons, { seasonNumber: 2, monitored: true }] });
    expect(put.statusCode).toBe(202);
    const rows = await new RequestRepository(env.database.db).get(request!.id);
    expect(rows?.seasons).toEqual([1]);
    const all = await env.database.sql<{ seasons: number[] }[]>`select seasons from requests where tvdb_id = 81189 order by created_at`;
    expect(all.map((r) => r.seasons)).toEqual([[1], [2]]);
  });

  it('refuses an unknown command naming the field', async () => {
    const response = await seerr('POST', '/command', { name: 'Backup' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^body\.name: command "Backup" is not supported/);
  });
});
