import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { movies, providerAssets, scanRuns } from '../../src/db/schema/index.js';
import { parseNfo } from '../../src/media/nfo/index.js';
import { libraryScanWorkflowId, type ScanProgress } from '../../src/contracts/scan.js';
import { titlePipelineWorkflowId, type TitlePipelineState } from '../../src/contracts/title-pipeline.js';
import { startFakeImageHost, type FakeImageHost } from '../fakes/image-host.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { KODI_FAKE_PASSWORD, KODI_FAKE_USER, startFakeKodi, type FakeKodi } from '../fakes/kodi.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { makeVideo } from '../support/media-fixtures.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  startTestWorker,
  type TestDatabase,
} from '../support/integration.js';
import { configureNotification, eventually, settle } from '../support/notifications.js';
import { configureProvider } from '../support/providers.js';
import { tempDir, writeTree } from '../support/temp-dir.js';

/** libraryScan → moviePipeline (enrich → publish → notify) on real Temporal, Postgres, ffmpeg and files, with TMDB, an image CDN and Kodi as loopback fakes. */
const root = tempDir('reelflow-pipeline-movies-');
const taskQueue = `test-${randomUUID()}`;
const matrixFolder = path.join(root, 'The Matrix (1999)');
const vagueFolder = path.join(root, 'Matrix (1999)');
// TMDB's language-less poster of The Matrix is served as a smaller re-encode of the English one: a near-duplicate.
const ENGLISH_POSTER = '/t/p/original/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg';
const TEXTLESS_POSTER = '/t/p/original/aOIuZAjPaRIE6CMzbazvcHuHXDc.jpg';

let app: FastifyInstance;
let database: TestDatabase;
let temporal: Client;
let tmdb: FakeServer;
let images: FakeImageHost;
let kodi: FakeKodi;
let discord: FakeDiscord;
let libraryId: string;

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

async function scan(): Promise<ScanProgress> {
  expect((await api('POST', `/api/libraries/${libraryId}/scan`)).statusCode).toBe(202);
  return temporal.workflow.getHandle(libraryScanWorkflowId(libraryId)).result();
}

async function movieIdOf(folder: string): Promise<string> {
  const [row] = await database.db
    .select({ id: movies.id })
    .from(movies)
    .where(and(eq(movies.libraryId, libraryId), eq(movies.folderPath, folder)));
  return row!.id;
}

const pipelineResult = (movieId: string) =>
  temporal.workflow.getHandle(titlePipelineWorkflowId('movie', movieId)).result() as Promise<TitlePipelineState>;

function readMovieNfo(folder: string) {
  const parsed = parseNfo(fs.readFileSync(path.join(folder, 'movie.nfo'), 'utf8'), 'movie.nfo');
  if (parsed.kind !== 'movie') throw new Error(`movie.nfo is a ${parsed.kind}`);
  return parsed.movie;
}

beforeAll(async () => {
  await makeVideo(path.join(matrixFolder, 'The Matrix (1999).mkv'), { audio: [{ language: 'eng' }] });
  writeTree(matrixFolder, {
    'movie.nfo': '<movie>\n  <title>The Matrix</title>\n  <year>1999</year>\n  <kodiextension source="me">kept</kodiextension>\n</movie>\n',
  });
  await makeVideo(path.join(vagueFolder, 'Matrix (1999).mkv'));

  images = await startFakeImageHost({ sameAs: { [TEXTLESS_POSTER]: ENGLISH_POSTER } });
  tmdb = await startFakeTmdb({ imageBaseUrl: `${images.url}/t/p/` });
  kodi = await startFakeKodi();
  discord = await startFakeDiscord();
  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue, undefined, undefined, { titlePipelinesAfterScan: true });
  app = await createTestApp({ database, temporal, taskQueue });
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
  libraryId = (await api('POST', '/api/libraries', { name: 'Movies', kind: 'movie', rootPath: root })).json().id;
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
            pathMappings: [{ from: root, to: 'smb://nas/movies' }],
          },
        ],
      },
    ],
    coalesceSeconds: 0.3,
    playingRecheckSeconds: 0.3,
    timeoutMs: 2_000,
  });
  await configureNotification(database.db, 'discord', { webhookUrl: discord.webhookUrl, timeoutMs: 2_000 });
});

afterAll(async () => {
  await Promise.all([tmdb?.close(), images?.close(), kodi?.close(), discord?.close()]);
});

let matrixId: string;
let vagueId: string;

describe('moviePipeline after a scan', () => {
  it('identifies, enriches, publishes and notifies every new title the scan found', async () => {
    const progress = await scan();
    expect(progress.titlesNew).toBe(2);
    matrixId = await movieIdOf(matrixFolder);
    vagueId = await movieIdOf(vagueFolder);
    // A person locks the plot before the pipeline gets to it: enrichment must leave it alone.
    expect((await api('PATCH', `/api/movies/${matrixId}`, { plot: 'My own words.' })).statusCode).toBe(200);

    const [matrix, vague] = await Promise.all([pipelineResult(matrixId), pipelineResult(vagueId)]);
    expect(matrix.phase).toBe('completed');
    expect(matrix.identification?.status).toBe('identified');
    expect(vague.identification).toMatchObject({ status: 'unidentified' });
    expect(vague.identification?.reason).toMatch(/confidence/);

    const nfo = readMovieNfo(matrixFolder);
    expect(nfo.uniqueIds).toContainEqual({ type: 'tmdb', value: '603', isDefault: true });
    expect(nfo.uniqueIds).toContainEqual({ type: 'imdb', value: 'tt0133093', isDefault: false });
    expect(nfo.tagline).toBe('Welcome to the Real World.');
    expect(nfo.plot).toBe('My own words.');
    expect(nfo.set?.name).toBe('The Matrix Collection');
    expect(nfo.ratings.map((r) => r.name)).toContain('themoviedb');
    expect(nfo.actors.slice(0, 2).map((a) => [a.name, a.role])).toEqual([
      ['Keanu Reeves', 'Neo'],
      ['Laurence Fishburne', 'Morpheus'],
    ]);
    expect(nfo.fileInfo?.video[0]?.codec).toBeTruthy();
    expect(nfo.fileInfo?.audio[0]?.language).toBe('eng');
    expect(nfo.extra).toEqual([{ name: 'kodiextension', attributes: { source: 'me' }, children: ['kept'] }]);
    // Trailers are off by default.
    expect(nfo.trailer).toBeUndefined();

    // Should a picture be missing, the message says what the enrichment chose and what went wrong.
    const enriched = JSON.stringify(matrix.enriched);
    for (const file of ['poster.jpg', 'fanart.jpg', 'clearlogo.png', 'extrafanart/fanart1.jpg', '.actors/Keanu_Reeves.jpg']) {
      expect(fs.existsSync(path.join(matrixFolder, file)), `${file} (enriched: ${enriched})`).toBe(true);
    }
    // The unidentified title still gets its NFO, from what the scan knew.
    expect(readMovieNfo(vagueFolder).title).toBe('Matrix');

    // Two posters in English or without text offered, one a near-duplicate of the other: one kept.
    const posters = await database.db
      .select()
      .from(providerAssets)
      .where(and(eq(providerAssets.entityId, matrixId), eq(providerAssets.assetType, 'poster')));
    expect(posters).toHaveLength(2);
    expect(posters.filter((p) => p.isSelected).map((p) => p.providerUrl)).toEqual([
      expect.stringMatching(new RegExp(`${ENGLISH_POSTER}$`)),
    ]);
    expect(posters.find((p) => p.providerUrl.endsWith(TEXTLESS_POSTER))).toMatchObject({ isSelected: false, isDownloaded: true });
    expect(posters.every((p) => p.score !== null && p.score >= 0 && p.score <= 100)).toBe(true);

    await eventually('Kodi scanned both folders', () => kodi.scannedDirectories().length >= 2);
    await settle();
    expect([...kodi.scannedDirectories()].sort()).toEqual(['smb://nas/movies/Matrix (1999)/', 'smb://nas/movies/The Matrix (1999)/']);
    // The library's first scan: the films were there all along, so Discord hears of none of them.
    expect(discord.messages()).toEqual([]);
    expect((await pipelineResult(matrixId)).phase).toBe('completed');
  });

  it('leaves what it published alone on the next scan and on a second run', async () => {
    const nfoBefore = fs.statSync(path.join(matrixFolder, 'movie.nfo')).mtimeMs;
    const textBefore = fs.readFileSync(path.join(matrixFolder, 'movie.nfo'), 'utf8');
    const progress = await scan();
    expect(progress.directoriesScanned).toBe(0);

    // Two clicks at once: one change, one pass, joined by the second click.
    const [refresh, doubleClick] = await Promise.all([
      api('POST', `/api/movies/${matrixId}/refresh`),
      api('POST', `/api/movies/${matrixId}/refresh`),
    ]);
    expect(refresh.statusCode).toBe(202);
    expect(refresh.json().workflowId).toBe(titlePipelineWorkflowId('movie', matrixId));
    expect(doubleClick.json()).toEqual(refresh.json());
    const again = await pipelineResult(matrixId);
    expect(again.passes).toBe(1);
    expect(fs.readFileSync(path.join(matrixFolder, 'movie.nfo'), 'utf8')).toBe(textBefore);
    expect(again.published).toEqual({ written: [], unchanged: expect.any(Number) });
    expect(fs.statSync(path.join(matrixFolder, 'movie.nfo')).mtimeMs).toBe(nfoBefore);
  });

  it("offers candidates for an unidentified title and runs the pipeline with a person's choice", async () => {
    const candidates = await api('GET', `/api/movies/${vagueId}/candidates`);
    expect(candidates.statusCode).toBe(200);
    expect(candidates.json().identificationStatus).toBe('unidentified');
    expect(candidates.json().candidates[0]).toMatchObject({ externalIds: { tmdb: 603 }, title: 'The Matrix' });

    expect((await api('POST', `/api/movies/${vagueId}/identify`, {})).statusCode).toBe(400);
    expect((await api('POST', `/api/movies/${vagueId}/identify`, { tmdb: 603 })).statusCode).toBe(202);
    const result = await pipelineResult(vagueId);
    expect(result.identification?.status).toBe('identified');
    const nfo = readMovieNfo(vagueFolder);
    expect(nfo.title).toBe('The Matrix');
    expect(nfo.uniqueIds[0]).toEqual({ type: 'tmdb', value: '603', isDefault: true });
    const [row] = await database.db.select().from(movies).where(eq(movies.id, vagueId));
    expect(row!.identificationSource).toBe('manual');
  });

  it("keeps a person's artwork rejection across later runs", async () => {
    const posters = await database.db
      .select()
      .from(providerAssets)
      .where(and(eq(providerAssets.entityId, matrixId), eq(providerAssets.assetType, 'poster')));
    const best = posters.filter((p) => p.isSelected).sort((a, b) => b.score! - a.score!)[0]!;
    const before = fs.readFileSync(path.join(matrixFolder, 'poster.jpg'));

    const rejected = await api('POST', `/api/movies/${matrixId}/provider-assets/${best.id}`, { choice: 'reject' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ isRejected: true, isSelected: false });
    expect((await api('POST', `/api/movies/${matrixId}/refresh`)).statusCode).toBe(202);
    const result = await pipelineResult(matrixId);
    expect(result.published?.written).toContain('poster.jpg');
    expect(fs.readFileSync(path.join(matrixFolder, 'poster.jpg')).equals(before)).toBe(false);

    const [after] = await database.db.select().from(providerAssets).where(eq(providerAssets.id, best.id));
    expect(after).toMatchObject({ isRejected: true, isSelected: false });
  });

  it('tells people of a title a later scan finds', async () => {
    const newFolder = path.join(root, 'Zardoz (1974)');
    await makeVideo(path.join(newFolder, 'Zardoz (1974).mkv'));
    const progress = await scan();
    expect(progress.directoriesScanned).toBe(1);
    await pipelineResult(await movieIdOf(newFolder));
    await eventually('Discord was told', () => discord.messages().length >= 1);
    await settle();
    expect(discord.messages().map((m) => m.embeds![0]!.title)).toEqual(['Added: Zardoz (1974)']);
  });

  it('keeps a history of it all: scans, titles added and updated, people told', async () => {
    const zardozId = await movieIdOf(path.join(root, 'Zardoz (1974)'));
    await eventually(
      'the Discord send is in the history',
      async () => (await api('GET', `/api/history?titleId=${zardozId}&type=notification.sent`)).json().events.length === 1,
    );
    const history = (await api('GET', `/api/history?libraryId=${libraryId}&limit=500`)).json();
    const summaries: string[] = history.events.map((e: { summary: string }) => e.summary);
    expect(history.events.filter((e: { type: string }) => e.type === 'scan.finished')).toHaveLength(await scanCount());
    expect(summaries).toContain('Added: The Matrix (1999)');
    expect(summaries).toContain('Added: Zardoz (1974)');
    // Newest first, each event once although pipelines ran more than once for The Matrix.
    const ids = history.events.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(summaries.filter((s) => s === 'Added: The Matrix (1999)')).toHaveLength(1);

    const ofZardoz = (await api('GET', `/api/history?titleId=${zardozId}`)).json().events.map((e: { type: string }) => e.type);
    expect(ofZardoz).toEqual(['notification.sent', 'title.added']);
    const told = (await api('GET', `/api/history?titleId=${zardozId}&type=notification.sent`)).json().events[0];
    expect(told).toMatchObject({ titleKind: 'movie', summary: 'discord told of added Zardoz (1974)', data: { service: 'discord' } });

    const page = (await api('GET', `/api/history?libraryId=${libraryId}&limit=2`)).json();
    expect(page.events).toHaveLength(2);
    const next = (await api('GET', `/api/history?libraryId=${libraryId}&limit=2&before=${page.nextBefore}`)).json();
    expect(next.events[0].id).toBeLessThan(page.events[1].id);
  });
});

describe('moviePipeline histories', () => {
  it('replays the recorded ones (test/fixtures/histories/movie-pipeline-*) and the runs above against the current code', async () => {
    const fixturesDir = path.resolve('test/fixtures/histories');
    const zardozId = await movieIdOf(path.join(root, 'Zardoz (1974)'));
    // The Matrix's last run (players only, after a person's rejection) and Zardoz's (people told through notifyTitle).
    const fresh = [
      {
        workflowId: 'movie-pipeline-players-only',
        history: await temporal.workflow.getHandle(titlePipelineWorkflowId('movie', matrixId)).fetchHistory(),
      },
      {
        workflowId: 'movie-pipeline-people',
        history: await temporal.workflow.getHandle(titlePipelineWorkflowId('movie', zardozId)).fetchHistory(),
      },
    ];
    // REELFLOW_RECORD_HISTORIES=1 keeps these as the fixtures later code must still replay.
    if (process.env.REELFLOW_RECORD_HISTORIES) {
      for (const run of fresh) fs.writeFileSync(path.join(fixturesDir, `${run.workflowId}.json`), historyToJSON(run.history));
    }
    const recorded = fs
      .readdirSync(fixturesDir)
      .filter((f) => f.startsWith('movie-pipeline-') && f.endsWith('.json'))
      .map((f) => ({
        workflowId: `recorded ${f}`,
        history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(fixturesDir, f), 'utf8'))),
      }));
    expect(recorded.length).toBeGreaterThanOrEqual(2);
    const results: { workflowId: string; error?: string }[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, [
      ...recorded,
      ...fresh,
    ])) {
      results.push({ workflowId: result.workflowId, ...(result.error ? { error: result.error.message } : {}) });
    }
    expect(results).toEqual([...recorded, ...fresh].map((run) => ({ workflowId: run.workflowId })));
  });
});

async function scanCount(): Promise<number> {
  return (await database.db.select({ id: scanRuns.id }).from(scanRuns).where(eq(scanRuns.libraryId, libraryId))).length;
}
