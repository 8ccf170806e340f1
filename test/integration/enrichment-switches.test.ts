import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movies, providerAssets } from '../../src/db/schema/index.js';
import { parseNfo } from '../../src/media/nfo/index.js';
import { libraryScanWorkflowId } from '../../src/contracts/scan.js';
import { titlePipelineWorkflowId, type TitlePipelineState } from '../../src/contracts/title-pipeline.js';
import { startFakeImageHost, type FakeImageHost } from '../fakes/image-host.js';
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
import { configureProvider } from '../support/providers.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The enrichment and publish switches of the phase configuration, each on a movie of its own library:
 * fetchProviderAssets off still brings metadata and cast, autoSelectAssets off selects nothing, and
 * publish.assets off writes no artwork files.
 */
const taskQueue = `test-${randomUUID()}`;
const ARTWORK_FILES = ['poster.jpg', 'fanart.jpg', 'clearlogo.png'];

let app: FastifyInstance;
let database: TestDatabase;
let temporal: Client;
let tmdb: FakeServer;
let images: FakeImageHost;

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

/** A library holding The Matrix, scanned and run through its pipeline under the given phase settings. */
async function runWith(settings: { enrichment?: object; publish?: object }) {
  expect((await api('POST', '/api/phase-config/reset')).statusCode).toBe(200);
  for (const [phase, values] of Object.entries(settings))
    expect((await api('PATCH', `/api/phase-config/${phase}`, values)).statusCode).toBe(200);
  const root = tempDir('reelflow-enrichment-switches-');
  const folder = path.join(root, 'The Matrix (1999)');
  await makeVideo(path.join(folder, 'The Matrix (1999).mkv'));
  const libraryId = (await api('POST', '/api/libraries', { name: `Movies ${randomUUID()}`, kind: 'movie', rootPath: root })).json().id;
  expect((await api('POST', `/api/libraries/${libraryId}/scan`)).statusCode).toBe(202);
  await temporal.workflow.getHandle(libraryScanWorkflowId(libraryId)).result();
  const [movie] = await database.db.select({ id: movies.id }).from(movies).where(eq(movies.libraryId, libraryId));
  const state = (await temporal.workflow.getHandle(titlePipelineWorkflowId('movie', movie!.id)).result()) as TitlePipelineState;
  expect(state.phase).toBe('completed');
  const parsed = parseNfo(fs.readFileSync(path.join(folder, 'movie.nfo'), 'utf8'), 'movie.nfo');
  if (parsed.kind !== 'movie') throw new Error(`movie.nfo is a ${parsed.kind}`);
  const candidates = await database.db
    .select({ isSelected: providerAssets.isSelected, isDownloaded: providerAssets.isDownloaded })
    .from(providerAssets)
    .where(and(eq(providerAssets.entityType, 'movie'), eq(providerAssets.entityId, movie!.id)));
  return { folder, nfo: parsed.movie, candidates, artworkFiles: ARTWORK_FILES.filter((f) => fs.existsSync(path.join(folder, f))) };
}

beforeAll(async () => {
  images = await startFakeImageHost();
  tmdb = await startFakeTmdb({ imageBaseUrl: `${images.url}/t/p/` });
  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue, undefined, undefined, { titlePipelinesAfterScan: true });
  app = await createTestApp({ database, temporal, taskQueue });
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
});

afterAll(async () => {
  await Promise.all([tmdb?.close(), images?.close()]);
});

describe('the enrichment and publish switches', () => {
  it('all on: metadata, cast and artwork (the reference the others differ from)', async () => {
    const run = await runWith({});
    expect(run.nfo.tagline).toBe('Welcome to the Real World.');
    expect(run.artworkFiles).toEqual(ARTWORK_FILES);
    expect(run.candidates.some((c) => c.isSelected)).toBe(true);
  });

  it('fetchProviderAssets off: the NFO still has the metadata and cast, and no artwork is fetched', async () => {
    images.requests.length = 0;
    const run = await runWith({ enrichment: { fetchProviderAssets: false } });
    expect(run.nfo.uniqueIds).toContainEqual({ type: 'tmdb', value: '603', isDefault: true });
    expect(run.nfo.tagline).toBe('Welcome to the Real World.');
    expect(run.nfo.actors.slice(0, 2).map((a) => a.name)).toEqual(['Keanu Reeves', 'Laurence Fishburne']);
    expect(run.artworkFiles).toEqual([]);
    expect(run.candidates.filter((c) => c.isSelected || c.isDownloaded)).toEqual([]);
    // Nothing but actor photos (cast) may be asked of the image host.
    const actorPhotos = new Set(run.nfo.actors.flatMap((a) => (a.thumb ? [new URL(a.thumb).pathname] : [])));
    expect(images.requests.filter((request) => !actorPhotos.has(request))).toEqual([]);
  });

  it('autoSelectAssets off: candidates are offered, none is selected or published', async () => {
    const run = await runWith({ enrichment: { autoSelectAssets: false } });
    expect(run.nfo.tagline).toBe('Welcome to the Real World.');
    expect(run.candidates.length).toBeGreaterThan(0);
    expect(run.candidates.filter((c) => c.isSelected)).toEqual([]);
    expect(run.artworkFiles).toEqual([]);
  });

  it('publish.assets off: artwork is selected into the cache, and no artwork file is written', async () => {
    const run = await runWith({ publish: { assets: false } });
    expect(run.nfo.tagline).toBe('Welcome to the Real World.');
    expect(run.candidates.some((c) => c.isSelected && c.isDownloaded)).toBe(true);
    expect(run.artworkFiles).toEqual([]);
  });
});
