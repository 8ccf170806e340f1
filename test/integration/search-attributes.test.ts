import path from 'node:path';
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { NativeConnection, Worker, type ReplayResult } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { itemWorkflowId, requestWorkflowId } from '../../src/contracts/request.js';
import { libraryScanWorkflowId } from '../../src/contracts/scan.js';
import { ReelflowItemId, ReelflowLibraryId, ReelflowRequestId, ReelflowStep } from '../../src/contracts/search-attributes.js';
import { registerSearchAttributes } from '../../src/runtime/search-attributes.js';
import { queryLiteral, TemporalLinks } from '../../src/services/temporal-links.js';
import { createReelflowWorkers, runWorkers } from '../../src/workers/create-worker.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import { startFakeTorznab } from '../fakes/torznab.js';
import { onCleanup } from '../support/cleanup.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, testCipher } from '../support/integration.js';
import { makeVideo } from '../support/media-fixtures.js';
import { configureProvider } from '../support/providers.js';
import { createProfile, createTarget, TEST_TIMINGS } from '../support/request-pipeline.js';
import { tempDir } from '../support/temp-dir.js';

/** One episode aired long ago (it is searched for, and the indexer has nothing), one far in the future. */
const SHOW = {
  id: 990101,
  name: 'Visible Show',
  seasons: [
    {
      number: 1,
      episodes: [
        { number: 1, name: 'Aired', airDate: '2020-01-01' },
        { number: 2, name: 'Later', airDate: '2031-06-01' },
      ],
    },
  ],
};

/** The dev server's UI address in test answers (createTestApp gives no REELFLOW_TEMPORAL_UI_URL). */
const UI = 'http://127.0.0.1:8233/namespaces/default';

let temporal: Client;
let app: FastifyInstance;
const taskQueue = `test-search-attributes-${Math.random().toString(36).slice(2, 10)}`;
const mediaRoot = tempDir('reelflow-media-');

beforeAll(async () => {
  const database = await createTestDatabase();
  temporal = await createTestClient();
  const [tmdb, indexer] = await Promise.all([startFakeTmdb({ shows: [SHOW] }), startFakeTorznab()]);
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
    },
  });
  const running = runWorkers(workers);
  onCleanup(async () => {
    running.shutdown();
    await running.done;
    await connection.close();
  });
  app = await createTestApp({ database, temporal, taskQueue, mediaRoots: [mediaRoot] });
});

// The item workflows wait (for their air date, for a release) and would keep the worker from draining.
afterAll(async () => {
  for await (const run of temporal.workflow.list({ query: `TaskQueue = "${taskQueue}" AND ExecutionStatus = "Running"` })) {
    await temporal.workflow.getHandle(run.workflowId, run.runId).terminate('test cleanup');
  }
});

const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

/**
 * The runs a visibility query finds once it finds `expected` of them: visibility is eventually consistent,
 * so the query is asked again for a bounded time.
 */
async function listed(query: string, expected: number, timeoutMs = 20_000): Promise<WorkflowExecutionInfo[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const runs: WorkflowExecutionInfo[] = [];
    for await (const run of temporal.workflow.list({ query })) runs.push(run);
    if (runs.length === expected || Date.now() > deadline) return runs;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('search attributes', () => {
  it('registers on any namespace through the operator service, and a second time changes nothing', async () => {
    const namespace = `reelflow-sa-${Math.random().toString(36).slice(2, 8)}`;
    await temporal.connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
    // A namespace just registered reaches the server's namespace cache a moment later.
    const first = await (async () => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          return await registerSearchAttributes(temporal.connection, namespace);
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    })();
    expect(first.added.sort()).toEqual(
      [
        'ReelflowIptvProviderId',
        'ReelflowItemId',
        'ReelflowLibraryId',
        'ReelflowRequestId',
        'ReelflowStatus',
        'ReelflowStep',
        'ReelflowTitleId',
      ].sort(),
    );
    expect(await registerSearchAttributes(temporal.connection, namespace)).toEqual({ added: [] });
    const listedNow = await temporal.connection.operatorService.listSearchAttributes({ namespace });
    expect(Object.keys(listedNow.customAttributes ?? {})).toEqual(expect.arrayContaining(first.added));
    // The dev server registered them as it started (its --search-attribute flags): nothing to add there.
    expect(await registerSearchAttributes(temporal.connection, 'default')).toEqual({ added: [] });
  });

  it("finds a request's items by status and step as they move, and every answer links to the run", async () => {
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
    const request = created.json();
    expect(request.temporalUrl).toBe(`${UI}/workflows/${encodeURIComponent(requestWorkflowId(request.id))}`);
    const id = queryLiteral(request.id);

    // The aired episode is searched for (the indexer has nothing): SEARCHING at step "search".
    const searching = await listed(`ReelflowRequestId = ${id} AND ReelflowStatus = "SEARCHING" AND ReelflowStep = "search"`, 1);
    expect(searching.map((run) => run.type)).toEqual(['episodePipeline']);
    // The future one waits for its air date: moved from PENDING (its start) to AWAITING by an upsert.
    const awaiting = await listed(`ReelflowRequestId = ${id} AND ReelflowStatus = "AWAITING"`, 1);
    expect(awaiting.map((run) => run.type)).toEqual(['episodePipeline']);
    expect(awaiting[0]!.typedSearchAttributes.get(ReelflowStep)).toBe('air-date');
    const processing = await listed(`ReelflowRequestId = ${id} AND WorkflowType = "mediaRequest" AND ReelflowStatus = "PROCESSING"`, 1);
    expect(processing.map((run) => run.workflowId)).toEqual([requestWorkflowId(request.id)]);
    expect(await listed(`ReelflowRequestId = ${id} AND ReelflowStatus = "FAILED"`, 0)).toEqual([]);

    const items = (await api('GET', `/api/requests/${request.id}/items`)).json() as {
      id: string;
      workflowId: string;
      temporalUrl: string;
    }[];
    expect(items.map((item) => item.workflowId).sort()).toEqual([...searching, ...awaiting].map((run) => run.workflowId).sort());
    for (const item of items) {
      expect(item.temporalUrl).toBe(`${UI}/workflows/item%2F${item.id}`);
      const run = [...searching, ...awaiting].find((r) => r.workflowId === itemWorkflowId(item.id))!;
      expect(run.typedSearchAttributes.get(ReelflowItemId)).toBe(item.id);
      expect(run.typedSearchAttributes.get(ReelflowRequestId)).toBe(request.id);
    }
    const searchNow = await api('POST', `/api/items/${awaiting[0]!.typedSearchAttributes.get(ReelflowItemId)}/search-now`);
    expect(searchNow.json().temporalUrl).toBe(`${UI}/workflows/${encodeURIComponent(awaiting[0]!.workflowId)}`);
    const activity = (await api('GET', '/api/activity')).json();
    expect(activity.items.active.length).toBeGreaterThan(0);
    for (const item of activity.items.active as { itemId: string; temporalUrl: string }[])
      expect(item.temporalUrl).toBe(`${UI}/workflows/item%2F${item.itemId}`);

    // Cancelled, the request and each item end showing CANCELLED.
    expect((await api('POST', `/api/requests/${request.id}/cancel`)).statusCode).toBe(202);
    await temporal.workflow.getHandle(requestWorkflowId(request.id)).result();
    const cancelled = await listed(`ReelflowRequestId = ${id} AND ReelflowStatus = "CANCELLED" AND ExecutionStatus = "Completed"`, 3);
    expect(cancelled.map((run) => run.type).sort()).toEqual(['episodePipeline', 'episodePipeline', 'mediaRequest']);

    // Their histories, recorded with the patch and its upserts, replay on the current code.
    const histories = await Promise.all(
      [requestWorkflowId(request.id), ...items.map((item) => item.workflowId)].map(async (workflowId) => ({
        workflowId,
        history: await temporal.workflow.getHandle(workflowId).fetchHistory(),
      })),
    );
    const replayed: ReplayResult[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories))
      replayed.push(result);
    expect(replayed.map((r) => [r.workflowId, r.error])).toEqual(histories.map((h) => [h.workflowId, undefined]));
    const upserts = histories.flatMap((h) => h.history.events ?? []).filter((e) => e.upsertWorkflowSearchAttributesEventAttributes);
    expect(upserts.length).toBeGreaterThan(0);
  });

  it('finds every scan of a library, and the scan answers link to its first run', async () => {
    await makeVideo(path.join(mediaRoot, 'Movies', 'Heat (1995)', 'Heat (1995).mkv'));
    const library = (
      await api('POST', '/api/libraries', { name: 'Movies', kind: 'movie', rootPath: path.join(mediaRoot, 'Movies') })
    ).json();
    const started = await api('POST', `/api/libraries/${library.id}/scan`);
    expect(started.statusCode).toBe(202);
    const { scanId, workflowId, temporalUrl } = started.json();
    expect(workflowId).toBe(libraryScanWorkflowId(library.id));
    expect(temporalUrl).toBe(`${UI}/workflows/scan%2F${library.id}/${scanId}/history`);
    await temporal.workflow.getHandle(workflowId).result();

    const runs = await listed(`ReelflowLibraryId = ${queryLiteral(library.id)} AND WorkflowType = "libraryScan"`, 1);
    expect(runs.map((run) => [run.workflowId, run.runId, run.status.name])).toEqual([[workflowId, scanId, 'COMPLETED']]);
    expect(runs[0]!.typedSearchAttributes.get(ReelflowLibraryId)).toBe(library.id);
    expect((await api('GET', `/api/scans/${scanId}`)).json().temporalUrl).toBe(temporalUrl);
  });
});

describe('TemporalLinks', () => {
  const links = new TemporalLinks({ baseUrl: 'https://temporal.example.org/ui/', namespace: 'home media' });

  it('links a run to its history, and a workflow id alone to its latest run', () => {
    expect(links.workflow('scan/abc', 'run-1')).toBe(
      'https://temporal.example.org/ui/namespaces/home%20media/workflows/scan%2Fabc/run-1/history',
    );
    expect(links.workflow('item/abc')).toBe('https://temporal.example.org/ui/namespaces/home%20media/workflows/item%2Fabc');
  });

  it('links a visibility query to the workflow list', () => {
    const url = new URL(links.list(`ReelflowRequestId = ${queryLiteral('4"2')} AND ReelflowStatus = "FAILED"`));
    expect(url.pathname).toBe('/ui/namespaces/home%20media/workflows');
    expect(url.searchParams.get('query')).toBe('ReelflowRequestId = "4\\"2" AND ReelflowStatus = "FAILED"');
  });
});
