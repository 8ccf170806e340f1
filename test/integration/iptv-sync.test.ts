import { randomUUID } from 'node:crypto';
import { WorkflowFailedError, type Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { iptvProviders, providerTitles } from '../../src/db/schema/index.js';
import type { IptvSyncProgress } from '../../src/contracts/iptv.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { extinf, startFakeM3u, type FakeM3u } from '../fakes/m3u.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import { startFakeXtream, XTREAM_FAKE_PASSWORD, XTREAM_FAKE_USERNAME, xtreamMovie, type FakeXtream } from '../fakes/xtream.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  startTestWorker,
  type TestDatabase,
} from '../support/integration.js';
import { insertMovie, insertShow } from '../support/title-rows.js';
import { configureProvider } from '../support/providers.js';

/** IPTV catalogues end to end: API → iptvSync → Xtream / M3U fakes → TMDB fake through the provider cache → Postgres. */
const taskQueue = `test-${randomUUID()}`;
let database: TestDatabase;
let temporal: Client;
let app: FastifyInstance;
let tmdb: FakeServer;
let xtream: FakeXtream;
let m3u: FakeM3u;

beforeAll(async () => {
  [tmdb, xtream, m3u] = await Promise.all([startFakeTmdb(), startFakeXtream(), startFakeM3u()]);
  database = await createTestDatabase();
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue);
  app = await createTestApp({ database, temporal, taskQueue });
});

afterAll(async () => {
  await Promise.all([tmdb.close(), xtream.close(), m3u.close()]);
});

const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

async function createProvider(body: object): Promise<string> {
  const res = await api('POST', '/api/iptv/providers', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function sync(providerId: string): Promise<IptvSyncProgress> {
  const res = await api('POST', `/api/iptv/providers/${providerId}/sync`);
  expect(res.statusCode, res.body).toBe(202);
  const { workflowId, syncId } = res.json();
  expect(workflowId).toBe(`iptv-sync/${providerId}`);
  const result: IptvSyncProgress = await temporal.workflow.getHandle(workflowId, syncId).result();
  return result;
}

async function titles(query: string) {
  const res = await api('GET', `/api/iptv/titles?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: TitleDto[] };
}

interface TitleDto {
  titleKey: string;
  type: string;
  name: string;
  cleanedTitle: string;
  ignored: boolean;
  ignoredReason: string | null;
  streams: { movie?: string; episodes?: Record<string, string> };
  [field: string]: unknown;
}

const byKey = (items: TitleDto[], key: string) => items.find((item) => item.titleKey === key);

describe('Xtream provider', () => {
  let providerId: string;

  it('is created with its credentials encrypted at rest and masked in answers', async () => {
    providerId = await createProvider({
      kind: 'xtream',
      name: 'Panel',
      baseUrl: xtream.baseUrl,
      credentials: { username: XTREAM_FAKE_USERNAME, password: XTREAM_FAKE_PASSWORD },
      rateLimitRequests: 50,
      maxConcurrent: 4,
    });
    const shown = (await api('GET', `/api/iptv/providers/${providerId}`)).json();
    expect(shown).toMatchObject({
      kind: 'xtream',
      credentials: { username: XTREAM_FAKE_USERNAME, password: '••••' },
      syncIntervalSeconds: 21_600,
      categories: { movies: true, tvshows: true },
    });
    const [row] = await database.db.select().from(iptvProviders).where(eq(iptvProviders.id, providerId));
    expect(row!.credentialsEncrypted).not.toContain(XTREAM_FAKE_PASSWORD);
    expect(row!.credentialsEncrypted).toMatch(/^v1:/);
  });

  it('refuses bad input naming the field', async () => {
    const missing = await api('POST', '/api/iptv/providers', {
      kind: 'xtream',
      name: 'No password',
      baseUrl: xtream.baseUrl,
      credentials: { username: 'u' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe('body.credentials.password: required for xtream');
    const regex = await api('POST', '/api/iptv/providers', {
      kind: 'm3u',
      name: 'Bad rule',
      baseUrl: m3u.baseUrl,
      nameCleanup: [{ pattern: '(', replacement: '' }],
    });
    expect(regex.statusCode).toBe(400);
    expect(regex.json().message).toMatch(/^body\.nameCleanup\.0\.pattern: not a valid regular expression/);
    // Valid with "gi" but not with "giu", the flags the rules run with.
    const unicodeOnly = await api('POST', '/api/iptv/providers', {
      kind: 'm3u',
      name: 'Unicode rule',
      baseUrl: m3u.baseUrl,
      nameCleanup: [
        { pattern: '^VOD:', replacement: '' },
        { pattern: '\\_', replacement: ' ' },
      ],
    });
    expect([unicodeOnly.statusCode, unicodeOnly.json().message]).toEqual([
      400,
      expect.stringMatching(/^body\.nameCleanup\.1\.pattern: not a valid regular expression/),
    ]);
  });

  it('syncs: matches by provider TMDB id and by search, ignores the unmatched and the malformed with reasons, keeps episode streams', async () => {
    const result = await sync(providerId);
    expect(result).toMatchObject({
      phase: 'completed',
      listed: 7,
      malformed: 3,
      toMatch: 4,
      matched: 3,
      ignored: 1,
      matchErrors: 0,
      added: 7,
      removed: 0,
    });
    // The sync wrote its own row for the sync list, with the counters it returned.
    const listed = (await api('GET', `/api/iptv/syncs?providerId=${providerId}`)).json();
    expect(listed.totalRecords).toBe(1);
    expect(listed.records[0]).toMatchObject({
      id: result.syncId,
      providerId,
      providerName: 'Panel',
      workflowId: `iptv-sync/${providerId}`,
      status: 'completed',
      phase: 'completed',
      listed: 7,
      malformed: 3,
      toMatch: 4,
      matched: 3,
      ignored: 1,
      added: 7,
      errorMessage: null,
      finishedAt: expect.any(String),
    });

    const movies = (await titles(`provider=${providerId}&type=movie`)).items;
    expect(byKey(movies, 'movie:1001')).toMatchObject({
      matchState: 'matched',
      tmdbId: 603,
      matchedBy: 'provider-tmdb-id',
      matchedTitle: 'The Matrix',
    });
    expect(byKey(movies, 'movie:1002')).toMatchObject({
      matchState: 'matched',
      tmdbId: 604,
      matchedBy: 'search-with-year',
      cleanedTitle: 'The Matrix Reloaded',
      year: 2003,
    });
    expect(byKey(movies, 'movie:1001')!.streams.movie).toBe(
      `${xtream.baseUrl}/movie/${XTREAM_FAKE_USERNAME}/${XTREAM_FAKE_PASSWORD}/1001.mkv`,
    );
    expect(byKey(movies, 'movie:1003')).toMatchObject({
      ignored: true,
      ignoredReason: 'no TMDB movie matches "Completely Unknown Film" (2011)',
    });

    const shows = (await titles(`provider=${providerId}&type=tv&ignored=false`)).items;
    expect(shows).toHaveLength(1);
    expect(shows[0]).toMatchObject({ titleKey: 'tv:2001', tmdbId: 1396, matchedBy: 'search-with-year' });
    expect(shows[0]!.streams.episodes).toEqual({
      'S01-E01': `${xtream.baseUrl}/series/${XTREAM_FAKE_USERNAME}/${XTREAM_FAKE_PASSWORD}/3001.mp4`,
      'S01-E02': `${xtream.baseUrl}/series/${XTREAM_FAKE_USERNAME}/${XTREAM_FAKE_PASSWORD}/3002.mkv`,
    });

    const ignored = (await titles(`provider=${providerId}&ignored=true`)).items.map((item) => item.ignoredReason).sort();
    expect(ignored).toEqual([
      'no TMDB movie matches "Completely Unknown Film" (2011)',
      'no name',
      'series_id null is not a number',
      'stream_id "abc" is not a number',
    ]);
    expect(xtream.calls('get_vod_info')).toBe(2);
    expect(xtream.calls('get_series_info')).toBe(1);
  });

  it("shows a library title's IPTV streams from every catalogue that matched its TMDB id", async () => {
    const movieLibrary = await new LibraryRepository(database.db).create({
      name: `Movies ${randomUUID()}`,
      kind: 'movie',
      rootPath: `/media/movies-${randomUUID()}`,
    });
    const showLibrary = await new LibraryRepository(database.db).create({
      name: `Shows ${randomUUID()}`,
      kind: 'tv',
      rootPath: `/media/shows-${randomUUID()}`,
    });
    const matrix = await insertMovie(database.db, movieLibrary.id, 'The Matrix', 603);
    const unknown = await insertMovie(database.db, movieLibrary.id, 'Home Video', null);
    const breakingBad = await insertShow(database.db, showLibrary.id, 'Breaking Bad', 1396);

    const movie = (await api('GET', `/api/movies/${matrix.id}`)).json();
    expect(movie.iptv).toContainEqual({
      providerId,
      providerName: expect.any(String),
      titleKey: 'movie:1001',
      name: expect.any(String),
      streams: { movie: `${xtream.baseUrl}/movie/${XTREAM_FAKE_USERNAME}/${XTREAM_FAKE_PASSWORD}/1001.mkv` },
    });
    // The Matrix Reloaded (604) is in the catalogue too, but it is another film.
    expect(movie.iptv.map((t: { titleKey: string }) => t.titleKey)).not.toContain('movie:1002');
    expect((await api('GET', `/api/movies/${unknown.id}`)).json().iptv).toEqual([]);
    const show = (await api('GET', `/api/shows/${breakingBad.id}`)).json();
    expect(show.iptv).toContainEqual(
      expect.objectContaining({
        providerId,
        titleKey: 'tv:2001',
        streams: { episodes: expect.objectContaining({ 'S01-E01': expect.stringMatching(/\/3001\.mp4$/) }) },
      }),
    );
  });

  it('a second sync with nothing changed asks TMDB nothing and records no change', async () => {
    const tmdbBefore = tmdb.requests.length;
    const detailCalls = xtream.calls('get_vod_info') + xtream.calls('get_series_info');
    const result = await sync(providerId);
    expect(result).toMatchObject({ phase: 'completed', listed: 7, toMatch: 0, matched: 0, added: 0, removed: 0 });
    expect(tmdb.requests.length).toBe(tmdbBefore);
    expect(xtream.calls('get_vod_info') + xtream.calls('get_series_info')).toBe(detailCalls);
  });

  it('records titles added and removed since the last sync, and leaves out disabled categories', async () => {
    xtream.catalogue.vodStreams = xtream.catalogue.vodStreams.filter((item) => (item as { stream_id: unknown }).stream_id !== 1003);
    xtream.catalogue.vodStreams.push(xtreamMovie(1010, 'The Matrix Revolutions (2003)', { tmdb: '605' }));
    const patched = await api('PATCH', `/api/iptv/providers/${providerId}`, { categories: { movies: true, tvshows: false } });
    expect(patched.statusCode, patched.body).toBe(200);

    const result = await sync(providerId);
    expect(result).toMatchObject({ phase: 'completed', added: 1, removed: 3 });
    const changes = (await api('GET', `/api/iptv/providers/${providerId}/changes?syncId=${result.syncId}`)).json();
    expect(changes.map((c: { change: string; titleKey: string }) => `${c.change} ${c.titleKey}`).sort()).toEqual([
      'added movie:1010',
      'removed movie:1003',
      'removed tv:2001',
      'removed tv:invalid:#1',
    ]);
    expect((await titles(`provider=${providerId}&type=tv`)).total).toBe(0);
  });

  it('refused credentials fail the sync at once, saying so', async () => {
    const wrong = await createProvider({
      kind: 'xtream',
      name: 'Wrong password',
      baseUrl: xtream.baseUrl,
      credentials: { username: XTREAM_FAKE_USERNAME, password: 'nope' },
    });
    const { workflowId, syncId } = (await api('POST', `/api/iptv/providers/${wrong}/sync`)).json();
    const failure = await temporal.workflow
      .getHandle(workflowId, syncId)
      .result()
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(rootMessage(failure)).toMatch(
      /^Xtream refused the username and password \(\/player_api\.php\?action=get_vod_(categories|streams)\)$/,
    );
    const failed = (await api('GET', `/api/iptv/syncs?providerId=${wrong}&status=failed`)).json();
    expect(failed.records).toEqual([
      expect.objectContaining({
        id: syncId,
        status: 'failed',
        phase: 'failed',
        errorMessage: rootMessage(failure),
        finishedAt: expect.any(String),
      }),
    ]);
    expect((await api('DELETE', `/api/iptv/providers/${wrong}`)).statusCode).toBe(204);
  });

  it('a panel that times out fails that run, saying which call', async () => {
    expect((await api('PATCH', `/api/iptv/providers/${providerId}`, { timeoutMs: 300 })).statusCode).toBe(200);
    xtream.setMode({ kind: 'slow', delayMs: 2_000 });
    try {
      const res = await api('POST', `/api/iptv/providers/${providerId}/sync`);
      const { workflowId, syncId } = res.json();
      const failure = await temporal.workflow
        .getHandle(workflowId, syncId)
        .result()
        .catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(WorkflowFailedError);
      expect(rootMessage(failure)).toMatch(/^Xtream did not answer \/player_api\.php\?action=get_vod_(categories|streams) within 300 ms$/);
    } finally {
      xtream.setMode({ kind: 'normal' });
    }
    // The catalogue of the last good sync is untouched.
    expect((await titles(`provider=${providerId}&type=movie&ignored=false`)).total).toBe(3);
  });

  it('a provider deleted while it syncs ends the sync cleanly and leaves nothing behind', async () => {
    expect((await api('PATCH', `/api/iptv/providers/${providerId}`, { timeoutMs: 10_000 })).statusCode).toBe(200);
    xtream.setMode({ kind: 'slow', delayMs: 1_500 });
    try {
      const before = xtream.requests.length;
      const { workflowId, syncId } = (await api('POST', `/api/iptv/providers/${providerId}/sync`)).json();
      await waitFor(() => xtream.requests.length > before);
      expect((await api('DELETE', `/api/iptv/providers/${providerId}`)).statusCode).toBe(204);
      const handle = temporal.workflow.getHandle(workflowId, syncId);
      await handle.result().catch(() => undefined);
      const { status } = await handle.describe();
      expect(['CANCELLED', 'COMPLETED']).toContain(status.name);
    } finally {
      xtream.setMode({ kind: 'normal' });
    }
    expect(await database.db.select().from(providerTitles).where(eq(providerTitles.providerId, providerId))).toEqual([]);
    expect((await api('GET', `/api/iptv/providers/${providerId}`)).statusCode).toBe(404);
  });
});

describe('M3U provider', () => {
  it('syncs a playlist: IMDb id from tvg-id, search by name, episodes from names and URLs; live channels left out, malformed ignored', async () => {
    const providerId = await createProvider({ kind: 'm3u', name: 'Playlist', baseUrl: `${m3u.baseUrl}/playlist.m3u` });
    const result = await sync(providerId);
    expect(result).toMatchObject({ phase: 'completed', listed: 5, malformed: 2, matched: 3, ignored: 0 });

    const all = (await titles(`provider=${providerId}`)).items;
    expect(byKey(all, 'movie:tt0133093')).toMatchObject({ tmdbId: 603, matchedBy: 'imdb-id' });
    expect(all.find((t) => t.cleanedTitle === 'The Matrix Reloaded')).toMatchObject({ tmdbId: 604, matchedBy: 'search-with-year' });
    const show = all.find((t) => t.type === 'tv')!;
    expect(show).toMatchObject({ titleKey: 'tv:breaking bad', tmdbId: 1396, matchedBy: 'search' });
    expect(show.streams.episodes).toEqual({
      'S01-E01': 'http://streams.example/series/u/p/3001.mp4',
      'S01-E02': 'http://streams.example/series/u/p/Breaking.Bad.S01E02.mkv',
    });
    expect(all.some((t) => t.name === 'News 24')).toBe(false);
    const reasons = all
      .filter((t) => t.ignored)
      .map((t) => t.ignoredReason)
      .sort();
    expect(reasons).toEqual(['#EXTINF at line 12 has no name', '#EXTINF at line 14 has no http(s) stream URL']);
  });

  it('reads a paged list until the first missing page', async () => {
    m3u.playlist.pages = [
      ['#EXTM3U', extinf({ 'tvg-id': 'tt0133093', 'group-title': 'Movies' }, 'The Matrix (1999)', 'http://s.example/movie/1.mkv')].join(
        '\n',
      ),
      [
        '#EXTM3U',
        extinf({ 'group-title': 'Movies' }, 'The Matrix Reloaded (2003)', 'http://s.example/movie/2.mkv'),
        extinf({ 'group-title': 'Movies' }, 'Broken Url', 'http://'),
      ].join('\n'),
    ];
    const providerId = await createProvider({
      kind: 'm3u',
      name: 'Paged',
      baseUrl: `${m3u.baseUrl}/pages/{page}.m3u`,
      categories: { movies: true, tvshows: false },
    });
    const result = await sync(providerId);
    expect(result).toMatchObject({ phase: 'completed', listed: 3, malformed: 1, matched: 2 });
    expect(m3u.requests.filter((r) => r.path.startsWith('/pages/')).map((r) => r.path)).toEqual([
      '/pages/1.m3u',
      '/pages/2.m3u',
      '/pages/3.m3u',
    ]);
  });

  it('asks TMDB again within the same sync about titles a 429 left pending', async () => {
    m3u.playlist.pages = [
      [
        '#EXTM3U',
        extinf({ 'group-title': 'Movies' }, 'The Matrix Reloaded (2003)', 'http://s.example/movie/2.mkv'),
        extinf({ 'group-title': 'Movies' }, 'The Matrix Revolutions (2003)', 'http://s.example/movie/3.mkv'),
      ].join('\n'),
    ];
    const providerId = await createProvider({
      kind: 'm3u',
      name: 'Throttled',
      baseUrl: `${m3u.baseUrl}/pages/{page}.m3u`,
      categories: { movies: true, tvshows: false },
    });
    const before = tmdb.requests.length;
    tmdb.setMode({ kind: 'rate-limited', retryAfter: '1' });
    const finished = sync(providerId);
    // TMDB refuses the first pass's searches, then answers again well before the sync asks a second time.
    while (tmdb.requests.length === before) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const refused = tmdb.requests.length - before;
    tmdb.setMode({ kind: 'normal' });
    const result = await finished;
    expect(refused).toBeGreaterThan(0);
    expect(result).toMatchObject({ phase: 'completed', listed: 2, matched: 2, matchErrors: 0 });
    const all = (await titles(`provider=${providerId}`)).items;
    expect(all.map((t) => t.tmdbId).sort()).toEqual([604, 605]);
  }, 60_000);
});

function rootMessage(err: unknown): string {
  let current: unknown = err;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(err);
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
