import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { startFakeFanart, FANART_FAKE_API_KEY } from '../fakes/fanart.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, startTestWorker, type TestDatabase } from '../support/integration.js';
import { insertMovie } from '../support/movie-rows.js';
import { configureProvider } from '../support/providers.js';
import { tempDir } from '../support/temp-dir.js';

/** The provider cache end to end: API → providerFetch workflow → provider queues → fakes → Postgres. */
const taskQueue = `test-${randomUUID()}`;
let database: TestDatabase;
let temporal: Client;
let app: FastifyInstance;
let tmdb: FakeServer;
let fanart: FakeServer;
let libraryId: string;
let tmdbProviderId: string;

beforeAll(async () => {
  [tmdb, fanart] = await Promise.all([startFakeTmdb(), startFakeFanart()]);
  database = await createTestDatabase();
  tmdbProviderId = (await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } })).id;
  await configureProvider(database.db, { kind: 'fanart_tv', baseUrl: fanart.baseUrl, credentials: { apiKey: FANART_FAKE_API_KEY }, timeoutMs: 500 });
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue);
  app = await createTestApp({ database, temporal, taskQueue });
  libraryId = (await new LibraryRepository(database.db).create({ name: 'Movies', kind: 'movie', rootPath: tempDir() })).id;
});

afterAll(async () => {
  await Promise.all([tmdb.close(), fanart.close()]);
});

const fetchAssets = (movieId: string, body: object = {}) =>
  app.inject({ method: 'POST', url: `/api/movies/${movieId}/provider-assets/fetch`, headers: authHeaders, payload: body });
const upstream = (server: FakeServer, path: string) => server.requests.filter((r) => r.path === path).length;

describe('fetchAssets', () => {
  let movieId: string;
  beforeAll(async () => {
    movieId = (await insertMovie(database.db, libraryId, 'The Matrix', 603)).id;
  });

  it('fetches every enabled provider on a miss and answers with images and metadata per provider', async () => {
    const res = await fetchAssets(movieId);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ cached: false, cacheAge: 0 });
    expect(body.metadata).toMatchObject({ completedProviders: ['fanart_tv', 'tmdb'], failedProviders: [], timedOutProviders: [] });
    expect(body.providers.tmdb.metadata).toMatchObject({ title: 'The Matrix', year: 1999 });
    expect(body.providers.tmdb.images.poster.length).toBeGreaterThan(0);
    expect(body.providers.fanart_tv.images.clearlogo.length).toBeGreaterThan(0);
    expect(upstream(tmdb, '/movie/603')).toBe(1);
  });

  it('answers a second request from the cache without any network call', async () => {
    const before = tmdb.requests.length + fanart.requests.length;
    const body = (await fetchAssets(movieId)).json();
    expect(body.cached).toBe(true);
    expect(body.cacheAge).toBeLessThan(0.01);
    expect(body.providers.tmdb.metadata.title).toBe('The Matrix');
    expect(tmdb.requests.length + fanart.requests.length).toBe(before);
  });

  it('fetches again with force, and filters the answer to the asked types', async () => {
    const body = (await fetchAssets(movieId, { force: true, assetTypes: ['clearlogo'] })).json();
    expect(body.cached).toBe(false);
    expect(upstream(tmdb, '/movie/603')).toBe(2);
    expect(Object.keys(body.providers.fanart_tv.images)).toEqual(['clearlogo']);
  });

  it('lists what the cache holds, by type, with no network', async () => {
    const before = tmdb.requests.length;
    const res = await app.inject({ method: 'GET', url: `/api/movies/${movieId}/provider-assets?type=poster`, headers: authHeaders });
    const rows = res.json();
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r: { assetType: string }) => r.assetType))).toEqual(new Set(['poster']));
    expect(rows[0]).toMatchObject({ provider: expect.any(String), url: expect.stringMatching(/^http/) });
    expect(tmdb.requests.length).toBe(before);
    const none = await app.inject({ method: 'GET', url: `/api/movies/${randomUUID()}/provider-assets`, headers: authHeaders });
    expect(none.statusCode).toBe(404);
  });

  it('makes one upstream fetch per provider for many concurrent requests', async () => {
    const fresh = (await insertMovie(database.db, libraryId, 'The Matrix again', 603)).id;
    const before = upstream(tmdb, '/movie/603');
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetchAssets(fresh)));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect(upstream(tmdb, '/movie/603') - before).toBe(1);
  });

  it('reports a provider that refuses the key as failed, and still answers with the others', async () => {
    const other = (await insertMovie(database.db, libraryId, 'Refused', 603)).id;
    fanart.setMode({ kind: 'unauthorized' });
    try {
      const body = (await fetchAssets(other)).json();
      expect(body.metadata.completedProviders).toEqual(['tmdb']);
      expect(body.metadata.failedProviders).toEqual([{ provider: 'fanart_tv', error: expect.stringMatching(/Fanart\.tv rejected the API key/i) }]);
    } finally {
      fanart.setMode({ kind: 'normal' });
    }
  });

  it('reports a provider slower than its timeout as timed out', async () => {
    const other = (await insertMovie(database.db, libraryId, 'Slow', 603)).id;
    fanart.setMode({ kind: 'slow', delayMs: 2_000 });
    try {
      const body = (await fetchAssets(other)).json();
      expect(body.metadata.completedProviders).toEqual(['tmdb']);
      expect(body.metadata.timedOutProviders).toEqual(['fanart_tv']);
    } finally {
      fanart.setMode({ kind: 'normal' });
    }
  }, 60_000);

  it('still answers when the cache cannot be read or written', async () => {
    const other = (await insertMovie(database.db, libraryId, 'No cache', 603)).id;
    await database.sql`alter table provider_metadata rename to provider_metadata_away`;
    try {
      const body = (await fetchAssets(other)).json();
      expect(body.cached).toBe(false);
      expect(body.providers.tmdb.metadata.title).toBe('The Matrix');
    } finally {
      await database.sql`alter table provider_metadata_away rename to provider_metadata`;
    }
  }, 60_000);

  it('applies a provider edit made through the API on the next fetch, with no restart', async () => {
    const editProvider = (credentials: object) =>
      app.inject({ method: 'PATCH', url: `/api/providers/${tmdbProviderId}`, headers: authHeaders, payload: { credentials } });
    expect((await editProvider({ apiKey: 'a-key-tmdb-does-not-know' })).statusCode).toBe(200);
    try {
      const refused = (await fetchAssets(movieId, { force: true })).json();
      expect(refused.metadata.failedProviders).toEqual([{ provider: 'tmdb', error: expect.stringMatching(/TMDB rejected the API key/) }]);
    } finally {
      await editProvider({ apiKey: TMDB_FAKE_API_KEY });
    }
    const accepted = (await fetchAssets(movieId, { force: true })).json();
    expect(accepted.metadata.completedProviders).toEqual(['fanart_tv', 'tmdb']);
  });

  it('refuses a movie without provider ids, saying why', async () => {
    const unidentified = (await insertMovie(database.db, libraryId, 'Mystery', null)).id;
    const res = await fetchAssets(unidentified);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('Movie "Mystery" has no provider ids yet; identify it first');
  });
});

describe('search', () => {
  it('searches the providers and merges the results, best first', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/search?type=movie&query=The%20Matrix&year=1999', headers: authHeaders });
    expect(res.statusCode).toBe(200);
    const { results } = res.json();
    expect(results[0]).toMatchObject({ title: 'The Matrix', year: 1999, externalIds: { tmdb: 603 }, providers: ['tmdb'] });
    expect(results[0].confidence).toBeGreaterThanOrEqual(90);
  });

  it('refuses a search without text, naming the field', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/search?type=movie&query=', headers: authHeaders });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^querystring\.query: /);
  });
});

describe('/metrics', () => {
  it('reports cache hits and misses, fetch latency and per-provider outcomes', async () => {
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/reelflow_provider_cache_requests_total\{result="hit"\} [1-9]/);
    expect(text).toMatch(/reelflow_provider_cache_requests_total\{result="miss"\} [1-9]/);
    expect(text).toMatch(/reelflow_provider_requests_total\{provider="tmdb",outcome="success"\} [1-9]/);
    expect(text).toMatch(/reelflow_provider_requests_total\{provider="fanart_tv",outcome="failure"\} [1-9]/);
    expect(text).toMatch(/reelflow_provider_fetch_seconds_count\{cached="true"\} [1-9]/);
    expect(text).toMatch(/reelflow_provider_fetch_seconds_count\{cached="false"\} [1-9]/);
  });
});
