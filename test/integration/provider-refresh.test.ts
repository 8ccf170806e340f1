import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { providerMetadata, providerRefreshState, shows } from '../../src/db/schema/index.js';
import type { ProviderRefreshSummary } from '../../src/contracts/provider-refresh.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import { createTestClient, createTestDatabase, startTestWorker, type TestDatabase } from '../support/integration.js';
import { insertMovie } from '../support/title-rows.js';
import { configureProvider } from '../support/providers.js';
import { tempDir } from '../support/temp-dir.js';

/** providerRefresh: TMDB change lists since the last run, release-status rules, nothing asked twice. */
const taskQueue = `test-${randomUUID()}`;
const DAY = 24 * 60 * 60 * 1000;
let database: TestDatabase;
let temporal: Client;
let tmdb: FakeServer;
// 250 changed movie ids (3 pages of 100), of which only The Matrix and an uncached title are in the library.
const changedMovies = [603, 700_004, ...Array.from({ length: 248 }, (_, i) => 900_000 + i)];

beforeAll(async () => {
  tmdb = await startFakeTmdb({
    extras: { changes: { movie: changedMovies, tv: [1396, 5] }, syntheticMovies: { firstId: 700_000, count: 100 } },
  });
  database = await createTestDatabase();
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue);

  const libraryId = (await new LibraryRepository(database.db).create({ name: 'Films', kind: 'movie', rootPath: tempDir() })).id;
  const now = Date.now();
  const isoDay = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString().slice(0, 10);
  const cached = async (entityType: 'movie' | 'tv', entityId: string, fetchedDaysAgo: number) => {
    await database.db
      .insert(providerMetadata)
      .values({ entityType, entityId, providerName: 'tmdb', metadata: null, fetchedAt: new Date(now - fetchedDaysAgo * DAY) });
  };
  const movie = async (title: string, tmdbId: number, premiered: string, fetchedDaysAgo: number | null) => {
    const row = await insertMovie(database.db, libraryId, title, tmdbId);
    await database.db.execute(`update movies set premiered = '${premiered}' where id = '${row.id}'`);
    if (fetchedDaysAgo !== null) await cached('movie', row.id, fetchedDaysAgo);
  };
  await movie('The Matrix', 603, '1999-03-31', 2); // old, fresh enough by the rules, but TMDB says it changed
  await movie('Upcoming', 700_001, isoDay(30), 3); // upcoming: due after 2 days
  await movie('Old', 700_002, '1980-01-01', 10); // old: due after 180 days
  await movie('Recent', 700_003, isoDay(-20), 1); // recent: due after 3 days
  await movie('Never fetched', 700_004, '2001-01-01', null); // changed, but nothing cached to refresh
  const [show] = await database.db
    .insert(shows)
    .values({
      libraryId,
      title: 'Breaking Bad',
      tmdbId: 1396,
      premiered: '2008-01-20',
      status: 'Ended',
      identificationStatus: 'identified',
      identificationSource: 'nfo',
      folderPath: '/media/Breaking Bad',
      folderKey: 'bb',
    })
    .returning();
  await cached('tv', show!.id, 1);
});

afterAll(async () => {
  await tmdb.close();
});

const refresh = (input: object = {}): Promise<ProviderRefreshSummary> =>
  temporal.workflow.execute('providerRefresh', { taskQueue, workflowId: `provider-refresh-${randomUUID()}`, args: [input] });
const asked = (path: string) => tmdb.requests.filter((r) => r.path === path);

describe('providerRefresh', () => {
  it('refreshes the library titles TMDB lists as changed (14 days back on a first run) and those due by release status', async () => {
    const summary = await refresh();
    expect(summary).toEqual({
      phase: 'completed',
      changePages: 4,
      changedIds: 252,
      refreshedChanged: 2,
      refreshedDue: 1,
      failed: 0,
      // Nothing was cached of the three but their fetch time: what TMDB says now is new to each.
      republished: 3,
    });

    const movieChanges = asked('/movie/changes');
    expect(movieChanges.map((r) => r.query.page)).toEqual(['1', '2', '3']);
    const today = new Date().toISOString().slice(0, 10);
    expect(movieChanges[0]!.query).toMatchObject({
      start_date: new Date(Date.now() - 14 * DAY).toISOString().slice(0, 10),
      end_date: today,
    });
    expect(asked('/tv/changes')).toHaveLength(1);
    expect(asked('/movie/603')).toHaveLength(1);
    expect(asked('/tv/1396')).toHaveLength(1);
    expect(asked('/movie/700001')).toHaveLength(1);
    for (const id of [700_002, 700_003, 700_004]) expect(asked(`/movie/${id}`)).toHaveLength(0);
    const saved = await database.db.select().from(providerRefreshState);
    expect(saved.map((row) => row.entityType).sort()).toEqual(['movie', 'tv']);
  });

  it('a second run right after the first makes no provider call', async () => {
    const before = tmdb.requests.length;
    const summary = await refresh();
    expect(summary).toEqual({
      phase: 'completed',
      changePages: 0,
      changedIds: 0,
      refreshedChanged: 0,
      refreshedDue: 0,
      failed: 0,
      republished: 0,
    });
    expect(tmdb.requests.length).toBe(before);
  });

  it('a later run reads the change list only from where the last one stopped', async () => {
    const before = asked('/movie/changes').length;
    const summary = await refresh({ minChangesIntervalMinutes: 0 });
    const latest = asked('/movie/changes').slice(before);
    expect(latest[0]!.query.start_date).toBe(new Date().toISOString().slice(0, 10));
    expect(summary).toMatchObject({ changePages: 4, refreshedChanged: 2, refreshedDue: 0, republished: 0 });
  });
});
