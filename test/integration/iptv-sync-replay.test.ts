import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker, type ReplayResult } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IptvProviderRepository } from '../../src/db/repositories/iptv-provider-repository.js';
import type { IptvSyncProgress } from '../../src/contracts/iptv.js';
import type { ProviderRefreshSummary } from '../../src/contracts/provider-refresh.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { startFakeM3u, type FakeM3u } from '../fakes/m3u.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import { createTestClient, createTestDatabase, startTestWorker, testCipher, type TestDatabase } from '../support/integration.js';
import { configureProvider } from '../support/providers.js';

/**
 * Continue-as-new and determinism of iptvSync and providerRefresh: batches of one and a short history
 * limit make each run a chain; the result must be the same as in one run, and the recorded histories
 * (test/fixtures/histories, plus the ones recorded now) must replay against the current code.
 * REELFLOW_RECORD_HISTORIES=1 stores the fresh histories as fixtures.
 */
const fixturesDir = path.resolve('test/fixtures/histories');
let database: TestDatabase;
let temporal: Client;
let taskQueue: string;
let tmdb: FakeServer;
let m3u: FakeM3u;

beforeAll(async () => {
  [tmdb, m3u] = await Promise.all([startFakeTmdb({ extras: { changes: { movie: [603], tv: [] } } }), startFakeM3u()]);
  database = await createTestDatabase();
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
  temporal = await createTestClient();
  ({ taskQueue } = await startTestWorker(database.db));
});

afterAll(async () => {
  await Promise.all([tmdb.close(), m3u.close()]);
});

async function replay(histories: { workflowId: string; history: unknown }[]): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories))
    results.push(result);
  return results;
}

async function chainHistories(workflowId: string, firstRunId: string) {
  const lastRunId = (await temporal.workflow.getHandle(workflowId).describe()).runId;
  expect(lastRunId).not.toBe(firstRunId);
  return [
    { name: 'first-run', history: await temporal.workflow.getHandle(workflowId, firstRunId).fetchHistory() },
    { name: 'last-run', history: await temporal.workflow.getHandle(workflowId, lastRunId).fetchHistory() },
  ];
}

describe.each(['iptv-sync', 'provider-refresh'])('%s chain', (name) => {
  it('continues as new with its cursor and replays without a determinism error', async () => {
    let runs: { name: string; history: Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>> }[];
    if (name === 'iptv-sync') {
      const provider = await new IptvProviderRepository(database.db, testCipher).create({
        kind: 'm3u',
        name: 'Chain',
        enabled: true,
        baseUrl: `${m3u.baseUrl}/playlist.m3u`,
        credentials: {},
        categories: { movies: true, tvshows: true },
        nameCleanup: [],
        maxConcurrent: 2,
        rateLimitRequests: 10,
        rateLimitWindowMs: 1_000,
        timeoutMs: 5_000,
        syncIntervalSeconds: 21_600,
      });
      const handle = await temporal.workflow.start('iptvSync', {
        taskQueue,
        workflowId: `iptv-sync/${provider.id}`,
        args: [{ providerId: provider.id, batchSize: 1, maxHistoryEvents: 20 }],
      });
      const result: IptvSyncProgress = await handle.result();
      // The same counters as the single-run sync of this playlist (iptv-sync.test.ts), across the chain.
      expect(result).toMatchObject({
        phase: 'completed',
        syncId: handle.firstExecutionRunId,
        listed: 5,
        malformed: 2,
        matched: 3,
        ignored: 0,
        added: 5,
      });
      runs = await chainHistories(handle.workflowId, handle.firstExecutionRunId);
    } else {
      const handle = await temporal.workflow.start('providerRefresh', {
        taskQueue,
        workflowId: `provider-refresh-${randomUUID()}`,
        args: [{ batchSize: 1, maxHistoryEvents: 12 }],
      });
      const result: ProviderRefreshSummary = await handle.result();
      expect(result).toMatchObject({ phase: 'completed', changePages: 2, changedIds: 1 });
      runs = await chainHistories(handle.workflowId, handle.firstExecutionRunId);
    }
    if (process.env.REELFLOW_RECORD_HISTORIES) {
      for (const run of runs) fs.writeFileSync(path.join(fixturesDir, `${name}-${run.name}.json`), historyToJSON(run.history));
    }
    const recorded = fs.readdirSync(fixturesDir).filter((f) => f.startsWith(name) && f.endsWith('.json'));
    const results = await replay([
      ...runs.map((run) => ({ workflowId: run.name, history: run.history })),
      ...recorded.map((f) => ({ workflowId: f, history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(fixturesDir, f), 'utf8'))) })),
    ]);
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual([
      ...runs.map((r) => [r.name, undefined]),
      ...recorded.map((f) => [f, undefined]),
    ]);
  });
});
