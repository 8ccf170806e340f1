import path from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { episodeStateQuery, itemWorkflowId, requestWorkflowId } from '../../src/contracts/request.js';
import { createReelflowWorkers, runWorkers } from '../../src/workers/create-worker.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY, type FakeTmdbShow } from '../fakes/tmdb.js';
import { startFakeTorznab } from '../fakes/torznab.js';
import { onCleanup } from '../support/cleanup.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, testCipher } from '../support/integration.js';
import { configureProvider } from '../support/providers.js';
import { createProfile, createTarget, TEST_TIMINGS } from '../support/request-pipeline.js';
import { tempDir } from '../support/temp-dir.js';

/** A running show whose first episode airs in the future: its item waits for the air date and meets no indexer. */
const SHOW: FakeTmdbShow = {
  id: 990201,
  name: 'Growing Show',
  status: 'Returning Series',
  seasons: [{ number: 1, episodes: [{ number: 1, name: 'Pilot', airDate: '2031-06-01' }] }],
};

/** A show in its first season: a `future` request for it takes the second season once TMDB announces it. */
const NEW_SEASON_SHOW: FakeTmdbShow = {
  id: 990202,
  name: 'Second Season Show',
  status: 'Returning Series',
  seasons: [{ number: 1, episodes: [{ number: 1, name: 'Opener', airDate: '2031-06-01' }] }],
};

/** Two seasons: an `all` request naming the second takes the first too. */
const TWO_SEASON_SHOW: FakeTmdbShow = {
  id: 990203,
  name: 'Two Season Show',
  status: 'Returning Series',
  seasons: [
    { number: 1, episodes: [{ number: 1, name: 'Old', airDate: '2031-01-01' }] },
    { number: 2, episodes: [{ number: 1, name: 'New', airDate: '2031-06-01' }] },
  ],
};

/** The workers re-plan a watched request every second (REELFLOW_REQUEST_WATCH_SECONDS=1). */
const WATCH_MS = 1_000;

let temporal: Client;
let app: FastifyInstance;
const taskQueue = `test-request-monitoring-${Math.random().toString(36).slice(2, 10)}`;

beforeAll(async () => {
  const database = await createTestDatabase();
  temporal = await createTestClient();
  const [tmdb, indexer] = await Promise.all([startFakeTmdb({ shows: [SHOW, NEW_SEASON_SHOW, TWO_SEASON_SHOW] }), startFakeTorznab()]);
  onCleanup(() => tmdb.close());
  onCleanup(() => indexer.close());
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
  const dataDir = tempDir('reelflow-data-');
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const workers = await createReelflowWorkers({
    connection,
    namespace: 'default',
    taskQueue,
    db: database.db,
    dataDir,
    credentialsCipher: testCipher,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    titlePipelinesAfterScan: false,
    requestPipeline: {
      qbittorrent: { baseUrl: 'http://127.0.0.1:9' },
      category: 'reelflow-test',
      indexers: [{ name: 'fake', apiUrl: indexer.apiUrl }],
      encodeSlots: 0,
      workDir: path.join(dataDir, 'encode'),
      timings: TEST_TIMINGS,
      requestWatchMs: WATCH_MS,
    },
  });
  const running = runWorkers(workers);
  onCleanup(async () => {
    running.shutdown();
    await running.done;
    await connection.close();
  });
  app = await createTestApp({ database, temporal, taskQueue });
});

const requestIds: string[] = [];

/**
 * The watching requests and their waiting items would keep the worker from draining. Each request is
 * cancelled first (its watch stops, its items are cancelled); the provider fetches its last re-plan asked
 * for then finish on their own, as a re-plan waits for them and the worker drains its activities.
 */
afterAll(async () => {
  for (const requestId of requestIds) {
    const handle = temporal.workflow.getHandle(requestWorkflowId(requestId));
    await handle.cancel();
    await handle.result();
  }
  const running = `TaskQueue = "${taskQueue}" AND ExecutionStatus = "Running"`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const runs = [];
    for await (const run of temporal.workflow.list({ query: running })) runs.push(run);
    if (runs.length === 0) break;
    if (Date.now() > deadline) {
      for (const run of runs) await temporal.workflow.getHandle(run.workflowId, run.runId).terminate('test cleanup');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

interface ItemAnswer {
  id: string;
  seasonNumber: number;
  episodeNumber: number;
  status: string;
  airDate: string | null;
}

async function itemsWhen(requestId: string, until: (items: ItemAnswer[]) => boolean, what: string): Promise<ItemAnswer[]> {
  const deadline = Date.now() + 30_000;
  let items: ItemAnswer[] = [];
  for (;;) {
    items = (await api('GET', `/api/requests/${requestId}/items`)).json() as ItemAnswer[];
    if (until(items)) return items;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(items)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a watched TV request', () => {
  it('gets an item for an episode announced after the request, and moves an item whose air date moved', async () => {
    const profileId = await createProfile(app);
    const targetId = await createTarget(app, tempDir('reelflow-target-'));
    const created = await api('POST', '/api/requests', {
      type: 'tv',
      tmdbId: SHOW.id,
      seasons: [1],
      qualityProfileId: profileId,
      targetIds: [targetId],
    });
    expect(created.statusCode).toBe(201);
    const request = created.json() as { id: string; monitor: string };
    requestIds.push(request.id);
    expect(request.monitor).toBe('existing');
    const [pilot] = await itemsWhen(request.id, (items) => items.length === 1 && items[0]!.status === 'AWAITING', 'the pilot to wait');

    // TMDB announces a second episode and moves the pilot.
    SHOW.seasons[0]!.episodes.push({ number: 2, name: 'Second', airDate: '2031-06-08' });
    SHOW.seasons[0]!.episodes[0]!.airDate = '2031-09-01';
    const items = await itemsWhen(
      request.id,
      (all) => all.length === 2 && all[1]!.status === 'AWAITING' && all[0]!.airDate === '2031-09-01',
      'the announced episode to get its item',
    );
    expect(items.map((i) => [i.seasonNumber, i.episodeNumber, i.airDate])).toEqual([
      [1, 1, '2031-09-01'],
      [1, 2, '2031-06-08'],
    ]);
    expect(items[0]!.id).toBe(pilot!.id);

    // The new item runs as the first did: its own pipeline, a child of the request.
    const child = await temporal.workflow.getHandle(itemWorkflowId(items[1]!.id)).describe();
    expect(child).toMatchObject({
      type: 'episodePipeline',
      status: { name: 'RUNNING' },
      parentExecution: { workflowId: requestWorkflowId(request.id) },
    });
    // The pilot's pipeline waits for its new air date.
    const pilotHandle = temporal.workflow.getHandle(itemWorkflowId(pilot!.id));
    const deadline = Date.now() + 10_000;
    while ((await pilotHandle.query(episodeStateQuery)).waitUntil !== '2031-09-01T00:00:00.000Z' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await pilotHandle.query(episodeStateQuery)).toMatchObject({ waitingFor: 'air date', waitUntil: '2031-09-01T00:00:00.000Z' });

    // Several re-plans later, still one item per episode; the request keeps watching, PROCESSING.
    await new Promise((resolve) => setTimeout(resolve, WATCH_MS * 3));
    expect(await itemsWhen(request.id, () => true, 'the items')).toHaveLength(2);
    const now = (await api('GET', `/api/requests/${request.id}`)).json() as { status: string };
    expect(now.status).toBe('PROCESSING');
  });

  it('with monitor "future" takes a season announced later; with "all" the seasons before the one named', async () => {
    const profileId = await createProfile(app);
    const targetId = await createTarget(app, tempDir('reelflow-target-'));
    const submit = async (show: FakeTmdbShow, seasons: number[], monitor: string) => {
      const created = await api('POST', '/api/requests', {
        type: 'tv',
        tmdbId: show.id,
        seasons,
        monitor,
        qualityProfileId: profileId,
        targetIds: [targetId],
      });
      expect(created.statusCode).toBe(201);
      const request = created.json() as { id: string; monitor: string };
      requestIds.push(request.id);
      expect(request.monitor).toBe(monitor);
      return request.id;
    };
    const future = await submit(NEW_SEASON_SHOW, [1], 'future');
    const all = await submit(TWO_SEASON_SHOW, [2], 'all');
    await itemsWhen(future, (items) => items.length === 1 && items[0]!.status === 'AWAITING', 'the first season to be planned');

    NEW_SEASON_SHOW.seasons.push({ number: 2, episodes: [{ number: 1, name: 'Return', airDate: '2032-03-01' }] });
    const items = await itemsWhen(future, (all) => all.length === 2 && all[1]!.status === 'AWAITING', 'the new season to get its item');
    expect(items.map((i) => [i.seasonNumber, i.episodeNumber])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    const whole = await itemsWhen(all, (items) => items.length === 2, 'both seasons of the "all" request');
    expect(whole.map((i) => [i.seasonNumber, i.episodeNumber])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('refuses a movie request that asks to be watched, naming the field', async () => {
    const response = await api('POST', '/api/requests', {
      type: 'movie',
      tmdbId: 603,
      monitor: 'existing',
      qualityProfileId: '00000000-0000-4000-8000-000000000000',
      targetIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('monitor');
  });
});
