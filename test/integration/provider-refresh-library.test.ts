import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movies } from '../../src/db/schema/index.js';
import { libraryScanWorkflowId } from '../../src/contracts/scan.js';
import { titlePipelineWorkflowId, type TitlePipelineState } from '../../src/contracts/title-pipeline.js';
import type { ProviderRefreshSummary } from '../../src/contracts/provider-refresh.js';
import { startFakeImageHost, type FakeImageHost } from '../fakes/image-host.js';
import { startFakeTmdb, syntheticMovieTitle, syntheticYear, TMDB_FAKE_API_KEY, type FakeTmdbExtras } from '../fakes/tmdb.js';
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
 * A scheduled provider refresh reaches the library: a title whose data changed at TMDB is published again
 * (its NFO rewritten, an "updated" entry in the history); one whose data did not is left as it was.
 */
const taskQueue = `test-${randomUUID()}`;
const root = tempDir('reelflow-refresh-library-');
const CHANGED = 700_001;
const UNCHANGED = 700_002;
const extras: FakeTmdbExtras = { syntheticMovies: { firstId: 700_000, count: 10 }, changes: { movie: [], tv: [] } };

let app: FastifyInstance;
let database: TestDatabase;
let temporal: Client;
let tmdb: FakeServer;
let images: FakeImageHost;

const folderOf = (id: number) => path.join(root, `${syntheticMovieTitle(id)} (${syntheticYear(id)})`);
const nfoOf = (id: number) => path.join(folderOf(id), 'movie.nfo');
const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

async function movieId(id: number): Promise<string> {
  const [row] = await database.db
    .select({ id: movies.id })
    .from(movies)
    .where(eq(movies.folderPath, folderOf(id)));
  return row!.id;
}

const pipelineOf = async (id: number) =>
  (await temporal.workflow.getHandle(titlePipelineWorkflowId('movie', await movieId(id))).result()) as TitlePipelineState;

const refresh = (): Promise<ProviderRefreshSummary> =>
  temporal.workflow.execute('providerRefresh', {
    taskQueue,
    workflowId: `provider-refresh-${randomUUID()}`,
    args: [{ minChangesIntervalMinutes: 0 }],
  });

beforeAll(async () => {
  for (const id of [CHANGED, UNCHANGED]) await makeVideo(path.join(folderOf(id), `${syntheticMovieTitle(id)}.mkv`));
  images = await startFakeImageHost();
  tmdb = await startFakeTmdb({ imageBaseUrl: `${images.url}/t/p/`, extras });
  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue, undefined, undefined, { titlePipelinesAfterScan: true });
  app = await createTestApp({ database, temporal, taskQueue });
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
  const libraryId = (await api('POST', '/api/libraries', { name: 'Films', kind: 'movie', rootPath: root })).json().id;
  expect((await api('POST', `/api/libraries/${libraryId}/scan`)).statusCode).toBe(202);
  await temporal.workflow.getHandle(libraryScanWorkflowId(libraryId)).result();
  for (const id of [CHANGED, UNCHANGED]) expect((await pipelineOf(id)).phase).toBe('completed');
});

afterAll(async () => {
  await Promise.all([tmdb?.close(), images?.close()]);
});

describe('a provider refresh', () => {
  it('publishes the titles whose provider data changed, and leaves the others untouched', async () => {
    expect(fs.readFileSync(nfoOf(CHANGED), 'utf8')).not.toContain('A new tagline');
    const untouched = fs.statSync(nfoOf(UNCHANGED)).mtimeMs;
    const changedId = await movieId(CHANGED);

    // TMDB edits one film and lists both as changed (its change list names any edit, even one we do not read).
    extras.syntheticEdits = { [CHANGED]: { tagline: 'A new tagline' } };
    extras.changes = { movie: [CHANGED, UNCHANGED], tv: [] };
    const summary = await refresh();
    expect(summary).toMatchObject({ phase: 'completed', refreshedChanged: 2, failed: 0, republished: 1 });

    const state = await pipelineOf(CHANGED);
    expect(state.phase).toBe('completed');
    expect(fs.readFileSync(nfoOf(CHANGED), 'utf8')).toContain('<tagline>A new tagline</tagline>');
    expect(fs.statSync(nfoOf(UNCHANGED)).mtimeMs).toBe(untouched);
    const history = (await api('GET', `/api/history?titleId=${changedId}`)).json();
    expect(history.events.map((entry: { type: string }) => entry.type)).toContain('title.updated');
  });

  it('hands nothing on when a second refresh finds the same data', async () => {
    const summary = await refresh();
    expect(summary).toMatchObject({ phase: 'completed', refreshedChanged: 2, republished: 0 });
  });
});
