import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TemporalProviderFetcher } from '../../src/cache/temporal-provider-fetcher.js';
import { providerFetchWorkflowId, providerSeasonFetchWorkflowId } from '../../src/contracts/providers.js';
import { startFakeFanart, FANART_FAKE_API_KEY } from '../fakes/fanart.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import { replayHistories } from '../support/replay-histories.js';
import { createTestClient, createTestDatabase, startTestWorker } from '../support/integration.js';
import { configureProvider } from '../support/providers.js';

/**
 * The provider fetches list the providers and save their answers in local activities: only the provider
 * calls go through the server as activity tasks. Runs recorded before that change
 * (test/fixtures/histories/provider-*-before-local-bookkeeping.json) must still replay, and so must runs of
 * the current code. REELFLOW_RECORD_HISTORIES=1 stores the fresh histories as fixtures.
 */
const fixturesDir = path.resolve('test/fixtures/histories');
const taskQueue = `test-${randomUUID()}`;
let temporalClient: Client;
let fetcher: TemporalProviderFetcher;
let tmdb: FakeServer;
let fanart: FakeServer;

beforeAll(async () => {
  [tmdb, fanart] = await Promise.all([startFakeTmdb(), startFakeFanart()]);
  const database = await createTestDatabase();
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
  await configureProvider(database.db, { kind: 'fanart_tv', baseUrl: fanart.baseUrl, credentials: { apiKey: FANART_FAKE_API_KEY } });
  temporalClient = await createTestClient();
  await startTestWorker(database.db, taskQueue);
  fetcher = new TemporalProviderFetcher(temporalClient, taskQueue);
});

afterAll(async () => {
  await Promise.all([tmdb.close(), fanart.close()]);
});

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const scheduledActivities = (events: HistoryEvent[]) =>
  events.flatMap((event) =>
    event.activityTaskScheduledEventAttributes ? [event.activityTaskScheduledEventAttributes.activityType?.name] : [],
  );
const localActivityMarkers = (events: HistoryEvent[]) =>
  events.filter((event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity').length;

describe('provider fetch replay', () => {
  it('replays the histories recorded before the listing and saving became local activities', async () => {
    const files = fs.readdirSync(fixturesDir).filter((f) => /^provider-(fetch|season-fetch|search)-/.test(f));
    expect(files.sort()).toEqual([
      'provider-fetch-before-local-bookkeeping.json',
      'provider-search-before-local-bookkeeping.json',
      'provider-season-fetch-before-local-bookkeeping.json',
    ]);
    const histories = files.map((f) => ({
      workflowId: f,
      history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(fixturesDir, f), 'utf8'))),
    }));
    // They are what they say: the listing and the saving went through the server as activity tasks.
    for (const { history } of histories)
      expect(scheduledActivities(history.events ?? []).some((name) => name?.startsWith('listEnabled'))).toBe(true);
    const results = await replayHistories(histories);
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(files.map((f) => [f, undefined]));
  });

  it('schedules only the provider calls as activities now, and replays such a run', async () => {
    const entityId = randomUUID();
    const fetched = await fetcher.fetchTitle({
      request: { entityType: 'movie', entityId, externalIds: { tmdb: 603 }, language: 'en' },
      priority: 'user',
    });
    expect(fetched.results.map((r) => [r.provider, r.status]).sort()).toEqual([
      ['fanart_tv', 'completed'],
      ['tmdb', 'completed'],
    ]);
    expect(fetched.cacheWritten).toBe(true);
    const showId = randomUUID();
    const season = await fetcher.fetchSeason({
      request: { entityType: 'tv', entityId: showId, externalIds: { tmdb: 1396 }, seasonNumber: 1, language: 'en' },
      priority: 'user',
    });
    expect(season.results.map((r) => [r.provider, r.status])).toEqual([['tmdb', 'completed']]);
    const searchId = `provider-search/${randomUUID()}`;
    const found = await temporalClient.workflow.execute('providerSearch', {
      taskQueue,
      workflowId: searchId,
      args: [{ entityType: 'movie', query: 'The Matrix', year: 1999 }],
    });
    expect(found.results.length).toBeGreaterThan(0);

    const runs = [
      {
        name: 'provider-fetch',
        workflowId: providerFetchWorkflowId('movie', entityId),
        calls: ['fetchFromProvider', 'fetchFromProvider'],
        locals: 2,
      },
      {
        name: 'provider-season-fetch',
        workflowId: providerSeasonFetchWorkflowId('tv', showId, 1),
        calls: ['fetchSeasonFromProvider'],
        locals: 2,
      },
      { name: 'provider-search', workflowId: searchId, calls: ['searchProvider', 'searchProvider'], locals: 1 },
    ];
    const histories = await Promise.all(
      runs.map(async (run) => ({ workflowId: run.name, history: await temporalClient.workflow.getHandle(run.workflowId).fetchHistory() })),
    );
    for (const [index, run] of runs.entries()) {
      const events = histories[index]!.history.events ?? [];
      expect([run.name, scheduledActivities(events)]).toEqual([run.name, run.calls]);
      expect([run.name, localActivityMarkers(events)]).toEqual([run.name, run.locals]);
    }
    if (process.env.REELFLOW_RECORD_HISTORIES) {
      for (const { workflowId, history } of histories)
        fs.writeFileSync(path.join(fixturesDir, `${workflowId}-local-bookkeeping.json`), historyToJSON(history));
    }
    const results = await replayHistories(histories);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
  });
});
