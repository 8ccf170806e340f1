import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { episodes, movies, providerSeasons, shows, webhookEvents } from '../../src/db/schema/index.js';
import { readImageInfo } from '../../src/media/image-info.js';
import { parseNfo } from '../../src/media/nfo/index.js';
import { folderRefreshWorkflowType } from '../../src/contracts/folder-refresh.js';
import { titlePipelineWorkflowId, type TitlePipelineState } from '../../src/contracts/title-pipeline.js';
import { startFakeImageHost, type FakeImageHost } from '../fakes/image-host.js';
import { KODI_FAKE_PASSWORD, KODI_FAKE_USER, startFakeKodi, type FakeKodi } from '../fakes/kodi.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { makeImage, makeVideo } from '../support/media-fixtures.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  startTestWorker,
  TEST_API_KEY,
  type TestDatabase,
} from '../support/integration.js';
import { configureNotification, eventually, settle } from '../support/notifications.js';
import { configureProvider } from '../support/providers.js';
import { tempDir } from '../support/temp-dir.js';
import { radarr, sonarr } from '../fixtures/arr-webhooks.js';

/** Radarr/Sonarr webhook in → folderRefresh → title pipeline → NFO and artwork on disk → Kodi scans the mapped folder, once. */
const movieRoot = tempDir('reelflow-webhook-movies-');
const tvRoot = tempDir('reelflow-webhook-tv-');
const taskQueue = `test-${randomUUID()}`;
const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`radarr:${password}`).toString('base64')}` });

let app: FastifyInstance;
let database: TestDatabase;
let temporal: Client;
let tmdb: FakeServer;
let images: FakeImageHost;
let ownThumb: Buffer;
let kodi: FakeKodi;
let movieLibrary: string;
let tvLibrary: string;

// A Radarr v5 "On Import" delivery as its Webhook connection sends it (fields Reelflow ignores included).
const radarrDownload = (folderName: string, overrides: Record<string, unknown> = {}) => ({
  movie: {
    id: 1,
    title: 'The Matrix',
    year: 1999,
    releaseDate: '1999-09-21',
    folderPath: `/movies/${folderName}`,
    tmdbId: 603,
    imdbId: 'tt0133093',
    overview: 'A hacker…',
    genres: ['Action'],
    images: [],
    tags: [],
  },
  remoteMovie: { tmdbId: 603, imdbId: 'tt0133093', title: 'The Matrix', year: 1999 },
  movieFile: {
    id: 11,
    relativePath: 'The Matrix (1999).mkv',
    path: `/movies/${folderName}/The Matrix (1999).mkv`,
    quality: 'Bluray-1080p',
    qualityVersion: 1,
    releaseGroup: 'GRP',
    sceneName: 'The.Matrix.1999.1080p.BluRay-GRP',
    indexerFlags: '0',
    size: 1234,
    dateAdded: '2026-11-21T10:00:00Z',
  },
  isUpgrade: false,
  downloadClient: 'qBittorrent',
  downloadClientType: 'qBittorrent',
  downloadId: 'ABCDEF0123456789',
  customFormatInfo: { customFormats: [], customFormatScore: 0 },
  release: { releaseTitle: 'The.Matrix.1999.1080p.BluRay-GRP', indexer: 'Indexer', size: 1234 },
  eventType: 'Download',
  instanceName: 'Radarr',
  applicationUrl: '',
  ...overrides,
});

const post = (source: 'radarr' | 'sonarr', payload: object, headers: Record<string, string> = basic(TEST_API_KEY)) =>
  app.inject({ method: 'POST', url: `/api/webhooks/${source}`, headers, payload });

function readNfo(file: string) {
  return parseNfo(fs.readFileSync(file, 'utf8'), path.basename(file));
}

beforeAll(async () => {
  await makeVideo(path.join(movieRoot, 'The Matrix (1999)', 'The Matrix (1999).mkv'));
  // Folder names no search would match: only the *arr's ids can identify them.
  await makeVideo(path.join(movieRoot, 'mtrx-rip', 'mtrx-rip.mkv'));
  await makeVideo(path.join(movieRoot, 'mtrx-nfo', 'mtrx-nfo.mkv'));
  fs.writeFileSync(
    path.join(movieRoot, 'mtrx-nfo', 'movie.nfo'),
    '<movie><title>The Matrix</title><uniqueid type="tmdb" default="true">603</uniqueid></movie>',
  );
  await makeVideo(path.join(tvRoot, 'Breaking Bad (2008)', 'Season 01', 'Breaking Bad - S01E01.mkv'));
  await makeVideo(path.join(tvRoot, 'Breaking Bad (2008)', 'Season 01', 'Breaking Bad - S01E02.mkv'));
  // A thumbnail someone put next to episode 1: it must stay as it is.
  ownThumb = fs.readFileSync(
    await makeImage(path.join(tvRoot, 'Breaking Bad (2008)', 'Season 01', 'Breaking Bad - S01E01-thumb.jpg'), 320, 180, 'purple'),
  );

  images = await startFakeImageHost();
  tmdb = await startFakeTmdb({ imageBaseUrl: `${images.url}/t/p/` });
  kodi = await startFakeKodi();
  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue);
  app = await createTestApp({ database, temporal, taskQueue });
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
  const create = (payload: object) => app.inject({ method: 'POST', url: '/api/libraries', headers: authHeaders, payload });
  movieLibrary = (await create({ name: 'Movies', kind: 'movie', rootPath: movieRoot })).json().id;
  tvLibrary = (await create({ name: 'TV', kind: 'tv', rootPath: tvRoot })).json().id;
  for (const [library, remote, local] of [
    [movieLibrary, '/movies', movieRoot],
    [tvLibrary, '/tv', tvRoot],
  ] as const) {
    const mapped = await app.inject({
      method: 'POST',
      url: `/api/libraries/${library}/path-mappings`,
      headers: authHeaders,
      payload: { remotePrefix: remote, localPrefix: local },
    });
    expect(mapped.statusCode).toBe(201);
  }
  await configureNotification(database.db, 'kodi', {
    groups: [
      {
        name: 'living-room',
        hosts: [
          {
            name: 'htpc',
            url: kodi.url,
            username: KODI_FAKE_USER,
            password: KODI_FAKE_PASSWORD,
            pathMappings: [
              { from: movieRoot, to: 'smb://nas/movies' },
              { from: tvRoot, to: 'smb://nas/tv' },
            ],
          },
        ],
      },
    ],
    coalesceSeconds: 0.3,
    playingRecheckSeconds: 0.3,
    timeoutMs: 2_000,
  });
});

afterAll(async () => {
  await Promise.all([tmdb?.close(), images?.close(), kodi?.close()]);
});

describe('Radarr webhook', () => {
  it('refreshes the mapped folder: NFO and artwork on disk, then one Kodi scan of that folder; a resent delivery starts nothing', async () => {
    const delivery = radarrDownload('The Matrix (1999)');
    const first = await post('radarr', delivery);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      eventType: 'Download',
      outcome: 'refresh',
      duplicate: false,
      folderPath: path.join(movieRoot, 'The Matrix (1999)'),
    });
    const second = await post('radarr', delivery);
    expect(second.json()).toMatchObject({ outcome: 'refresh', duplicate: true, workflowId: first.json().workflowId });

    const refreshed = await temporal.workflow.getHandle(first.json().workflowId).result();
    expect(refreshed).toMatchObject({ outcome: 'scanned', kind: 'movie', isNew: true });
    await eventually('Kodi scanned the movie folder', () => kodi.scannedDirectories().includes('smb://nas/movies/The Matrix (1999)/'));
    // By the time Kodi is told, the NFO and artwork are there.
    const folder = path.join(movieRoot, 'The Matrix (1999)');
    const nfo = readNfo(path.join(folder, 'movie.nfo'));
    expect(nfo.kind === 'movie' && nfo.movie.uniqueIds[0]).toEqual({ type: 'tmdb', value: '603', isDefault: true });
    expect(fs.existsSync(path.join(folder, 'poster.jpg'))).toBe(true);
    expect(fs.existsSync(path.join(folder, 'fanart.jpg'))).toBe(true);
    await settle();
    expect(kodi.scannedDirectories().filter((d) => d === 'smb://nas/movies/The Matrix (1999)/')).toHaveLength(1);
    expect(kodi.scannedDirectories()).not.toContain(null);

    const events = await database.db.select().from(webhookEvents).where(eq(webhookEvents.eventType, 'Download'));
    expect(events).toHaveLength(1);
  });

  it('accepts an upgrade as a new delivery of the same folder', async () => {
    const upgrade = radarrDownload('The Matrix (1999)', {
      isUpgrade: true,
      movieFile: { id: 12, relativePath: 'The Matrix (1999).mkv', quality: 'Bluray-2160p' },
    });
    const response = await post('radarr', upgrade);
    expect(response.json()).toMatchObject({ outcome: 'refresh', duplicate: false });
    const refreshed = await temporal.workflow.getHandle(response.json().workflowId).result();
    expect(refreshed).toMatchObject({ outcome: 'scanned', isNew: false });
  });

  it('answers Test with 200 and records it; an unknown event with 202; a malformed body with 400 naming the field; no key with 401', async () => {
    const test = await post('radarr', {
      eventType: 'Test',
      instanceName: 'Radarr',
      applicationUrl: '',
      movie: { id: 1, title: 'Test Title', year: 1970, folderPath: 'C:\\testpath', tmdbId: 0 },
    });
    expect(test.statusCode).toBe(200);
    expect(test.json()).toMatchObject({ eventType: 'Test', outcome: 'test' });
    const [recorded] = await database.db.select().from(webhookEvents).where(eq(webhookEvents.eventType, 'Test'));
    expect(recorded).toMatchObject({ source: 'radarr', outcome: 'test' });

    const unknown = await post('radarr', { eventType: 'SomethingNew', instanceName: 'Radarr' });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toMatchObject({ eventType: 'SomethingNew', outcome: 'unknown-event' });

    const malformed = await post('radarr', { ...radarrDownload('X'), movie: { id: 1, title: 'X' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/body\.movie\.folderPath/);
    expect((await post('radarr', { instanceName: 'Radarr' })).json().message).toMatch(/body\.eventType/);

    expect((await post('radarr', radarrDownload('The Matrix (1999)'), {})).statusCode).toBe(401);
    expect((await post('radarr', radarrDownload('The Matrix (1999)'), basic('wrong'))).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'POST', url: `/api/webhooks/radarr?apikey=${TEST_API_KEY}`, payload: { eventType: 'Test' } })).statusCode,
    ).toBe(200);
  });

  it('answers 422 naming the field for a folder in no library', async () => {
    const response = await post(
      'radarr',
      radarrDownload('Heat (1995)', { movie: { id: 2, title: 'Heat', folderPath: '/elsewhere/Heat (1995)' } }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toMatch(/body\.movie\.folderPath: "\/elsewhere\/Heat \(1995\)" is in no movie library/);
  });

  it('marks the title removed on MovieDelete, files untouched', async () => {
    const response = await post('radarr', {
      eventType: 'MovieDelete',
      instanceName: 'Radarr',
      movie: radarrDownload('The Matrix (1999)').movie,
      deletedFiles: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'removed', titlesRemoved: 1 });
    const [row] = await database.db
      .select()
      .from(movies)
      .where(and(eq(movies.libraryId, movieLibrary), eq(movies.folderKey, 'The Matrix (1999)')));
    expect(row!.deletedAt).not.toBeNull();
    expect(fs.existsSync(path.join(movieRoot, 'The Matrix (1999)', 'The Matrix (1999).mkv'))).toBe(true);
  });
});

describe('Sonarr webhook', () => {
  it("runs the show's pipeline for Sonarr v4's import of a season pack (Download with episodeFiles): tvshow.nfo, episode NFOs, one Kodi scan", async () => {
    const series = { path: '/tv/Breaking Bad (2008)', title: 'Breaking Bad', year: 2008, tvdbId: 81189, tmdbId: 1396, imdbId: 'tt0903747' };
    const response = await post(
      'sonarr',
      sonarr.importComplete(series, [
        { season: 1, episode: 1, title: 'Pilot', airDate: '2008-01-20', relativePath: 'Season 01/Breaking Bad - S01E01.mkv' },
        { season: 1, episode: 2, title: "Cat's in the Bag...", airDate: '2008-01-27', relativePath: 'Season 01/Breaking Bad - S01E02.mkv' },
      ]),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      eventType: 'Download',
      outcome: 'refresh',
      folderPath: path.join(tvRoot, 'Breaking Bad (2008)'),
    });
    const refreshed = await temporal.workflow.getHandle(response.json().workflowId).result();
    expect(refreshed).toMatchObject({ outcome: 'scanned', kind: 'show' });
    const [show] = await database.db.select().from(shows).where(eq(shows.libraryId, tvLibrary));
    const pipeline = (await temporal.workflow.getHandle(titlePipelineWorkflowId('show', show!.id)).result()) as TitlePipelineState;
    expect(pipeline.identification?.status).toBe('identified');
    expect(show).toMatchObject({ identificationSource: 'arr', tvdbId: 81189, tmdbId: 1396, imdbId: 'tt0903747' });

    const folder = path.join(tvRoot, 'Breaking Bad (2008)');
    const tvshow = readNfo(path.join(folder, 'tvshow.nfo'));
    expect(tvshow.kind === 'tvshow' && tvshow.tvShow.uniqueIds).toContainEqual({ type: 'tmdb', value: '1396', isDefault: true });
    expect(tvshow.kind === 'tvshow' && tvshow.tvShow.actors.length).toBeGreaterThan(0);
    const episode = readNfo(path.join(folder, 'Season 01', 'Breaking Bad - S01E02.nfo'));
    // The video had only its numbers; the rest is the season's provider data, fetched through the cache.
    expect(episode.kind === 'episodedetails' && episode.episodes[0]).toMatchObject({
      season: 1,
      episode: 2,
      showTitle: 'Breaking Bad',
      title: "Cat's in the Bag...",
      aired: '2008-01-27',
      runtime: 48,
      plot: "Cat's in the Bag...: an episode of Breaking Bad's first season.",
    });
    expect(episode.kind === 'episodedetails' && episode.episodes[0]!.uniqueIds).toContainEqual(
      expect.objectContaining({ type: 'tmdb', value: '62086' }),
    );
    expect(pipeline.enriched).toMatchObject({ episodesUpdated: 2, episodeThumbs: 1 });
    // Episode 2's still from the season data is its thumbnail; episode 1 keeps the one it had.
    const thumb = await readImageInfo(path.join(folder, 'Season 01', 'Breaking Bad - S01E02-thumb.jpg'));
    expect(thumb.format).toBe('jpg');
    expect(images.requests.some((r) => r.endsWith('/tjDNvbokPLtEnpFyFPyXMOd6Zr1.jpg'))).toBe(true);
    expect(images.requests.some((r) => r.endsWith('/ydlY3iPfeOAvu8gVqrxPoMvzNCn.jpg'))).toBe(false);
    expect(fs.readFileSync(path.join(folder, 'Season 01', 'Breaking Bad - S01E01-thumb.jpg')).equals(ownThumb)).toBe(true);
    const cachedSeasons = await database.db.select().from(providerSeasons).where(eq(providerSeasons.entityId, show!.id));
    expect(cachedSeasons.map((row) => [row.providerName, row.seasonNumber])).toEqual([['tmdb', 1]]);
    expect(await database.db.select().from(episodes).where(eq(episodes.showId, show!.id))).toHaveLength(2);

    await eventually('Kodi scanned the show folder', () => kodi.scannedDirectories().includes('smb://nas/tv/Breaking Bad (2008)/'));
    await settle();
    expect(kodi.scannedDirectories().filter((d) => d === 'smb://nas/tv/Breaking Bad (2008)/')).toHaveLength(1);
  });

  it('answers a Sonarr Download without episodes with 400 naming the field', async () => {
    const response = await post('sonarr', {
      eventType: 'Download',
      series: { id: 5, title: 'Breaking Bad', path: '/tv/Breaking Bad (2008)' },
      episodeFile: { id: 1, relativePath: 'x.mkv' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/body\.episodes/);
  });
});

describe("the *arr's ids", () => {
  const rip = { folderPath: '/movies/mtrx-rip', title: 'The Matrix', year: 1999, tmdbId: 603, imdbId: 'tt0133093' };
  const titleOf = async (folderKey: string) =>
    (
      await database.db
        .select()
        .from(movies)
        .where(and(eq(movies.libraryId, movieLibrary), eq(movies.folderKey, folderKey)))
    )[0]!;

  it('identify a folder that names no id: enrichment goes straight to that title, and a later rescan keeps them', async () => {
    const response = await post('radarr', radarr.download(rip, 'mtrx-rip.mkv'));
    expect(response.statusCode).toBe(200);
    const refreshed = await temporal.workflow.getHandle(response.json().workflowId).result();
    const pipeline = (await temporal.workflow
      .getHandle(titlePipelineWorkflowId('movie', refreshed.titleId))
      .result()) as TitlePipelineState;
    expect(pipeline.identification).toMatchObject({ status: 'identified', reason: 'already has provider ids' });
    expect(await titleOf('mtrx-rip')).toMatchObject({
      identificationStatus: 'identified',
      identificationSource: 'arr',
      tmdbId: 603,
      imdbId: 'tt0133093',
      title: 'The Matrix',
    });
    const nfo = readNfo(path.join(movieRoot, 'mtrx-rip', 'movie.nfo'));
    expect(nfo.kind === 'movie' && nfo.movie.uniqueIds).toContainEqual({ type: 'tmdb', value: '603', isDefault: true });

    // A refresh without the webhook's ids (the NFO just published is now the folder's own word).
    fs.rmSync(path.join(movieRoot, 'mtrx-rip', 'movie.nfo'));
    const rescan = await temporal.workflow.execute(folderRefreshWorkflowType, {
      taskQueue,
      workflowId: `refresh-${randomUUID()}`,
      args: [{ libraryId: movieLibrary, folderPath: path.join(movieRoot, 'mtrx-rip'), reason: 'test' }],
    });
    expect(await titleOf('mtrx-rip')).toMatchObject({ identificationSource: 'arr', tmdbId: 603 });
    await temporal.workflow.getHandle(rescan.pipelineWorkflowId).result();
    await settle();
  });

  it("rank below the folder's NFO", async () => {
    const response = await post(
      'radarr',
      radarr.download({ ...rip, folderPath: '/movies/mtrx-nfo', tmdbId: 604, imdbId: 'tt0234215' }, 'mtrx-nfo.mkv'),
    );
    const refreshed = await temporal.workflow.getHandle(response.json().workflowId).result();
    expect(await titleOf('mtrx-nfo')).toMatchObject({ identificationSource: 'nfo', tmdbId: 603, imdbId: null });
    await temporal.workflow.getHandle(refreshed.pipelineWorkflowId).result();
    await settle();
  });
});

describe('folderRefresh started by type name', () => {
  const run = (args: object) =>
    temporal.workflow.execute(folderRefreshWorkflowType, { taskQueue, workflowId: `refresh-${randomUUID()}`, args: [args] });

  it('fails at once, naming the field, for an input that is not a folder refresh', async () => {
    // The workflow checks its input before it schedules anything: the failure is its own, not an activity's.
    await expect(run({ libraryId: movieLibrary, folderPath: 'relative/path', reason: 'test' })).rejects.toMatchObject({
      cause: { type: 'InvalidWorkflowInput', message: expect.stringMatching(/input\.folderPath: an absolute folder path/) },
    });
  });

  it('refuses a folder outside the library root', async () => {
    await expect(run({ libraryId: movieLibrary, folderPath: tvRoot, reason: 'test' })).rejects.toMatchObject({
      cause: { cause: { message: expect.stringMatching(/not a title folder inside the library root/) } },
    });
  });
});
