import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheMetrics } from '../../src/cache/cache-metrics.js';
import { ProviderCacheManager } from '../../src/cache/provider-cache-manager.js';
import { TemporalProviderFetcher } from '../../src/cache/temporal-provider-fetcher.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { NfoArtworkCandidateRepository } from '../../src/db/repositories/nfo-artwork-candidate-repository.js';
import { ProviderCacheRepository } from '../../src/db/repositories/provider-cache-repository.js';
import { RequestRepository } from '../../src/db/repositories/request-repository.js';
import type { ProcessingItemRow } from '../../src/db/schema/index.js';
import { requestWorkflowId } from '../../src/contracts/request.js';
import { startFakeFanart, FANART_FAKE_API_KEY } from '../fakes/fanart.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import { startFakeTvdb, TVDB_FAKE_API_KEY, type FakeTvdb } from '../fakes/tvdb.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  startTestWorker,
  type TestDatabase,
} from '../support/integration.js';
import { insertMovie } from '../support/title-rows.js';
import { configureProvider } from '../support/providers.js';
import { createProfile, createTarget, waitFor } from '../support/request-pipeline.js';
import { tempDir } from '../support/temp-dir.js';

/** The provider cache end to end: API → providerFetch workflow → provider queues → fakes → Postgres. */
const taskQueue = `test-${randomUUID()}`;
let database: TestDatabase;
let temporal: Client;
let app: FastifyInstance;
let tmdb: FakeServer;
let tvdb: FakeTvdb;
let fanart: FakeServer;
let libraryId: string;
let tmdbProviderId: string;

/** A show TMDB does not know: a request with its TVDB id alone can only be planned from TVDB. */
const ONLY_ON_TVDB = {
  id: 990100,
  name: 'Only On TVDB',
  seasons: [
    {
      id: 990101,
      number: 1,
      episodes: [
        { id: 990111, number: 1, name: 'Arrival', aired: '2031-03-01' },
        { id: 990112, number: 2, name: 'Departure', aired: '2031-03-08' },
      ],
    },
  ],
};

beforeAll(async () => {
  [tmdb, tvdb, fanart] = await Promise.all([startFakeTmdb(), startFakeTvdb({ shows: [ONLY_ON_TVDB] }), startFakeFanart()]);
  database = await createTestDatabase();
  tmdbProviderId = (
    await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } })
  ).id;
  await configureProvider(database.db, { kind: 'tvdb', baseUrl: tvdb.baseUrl, credentials: { apiKey: TVDB_FAKE_API_KEY } });
  await configureProvider(database.db, {
    kind: 'fanart_tv',
    baseUrl: fanart.baseUrl,
    credentials: { apiKey: FANART_FAKE_API_KEY },
    timeoutMs: 500,
  });
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue);
  app = await createTestApp({ database, temporal, taskQueue });
  libraryId = (await new LibraryRepository(database.db).create({ name: 'Movies', kind: 'movie', rootPath: tempDir() })).id;
});

afterAll(async () => {
  await Promise.all([tmdb.close(), tvdb.close(), fanart.close()]);
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

  it('fetches again in the new language once phase.enrichment.language changes, then answers from the cache', async () => {
    const setLanguage = (language: string) =>
      app.inject({ method: 'PATCH', url: '/api/phase-config/enrichment', headers: authHeaders, payload: { language } });
    const calls = upstream(tmdb, '/movie/603');
    expect((await setLanguage('de')).statusCode).toBe(200);
    const german = (await fetchAssets(movieId)).json();
    expect(german.cached).toBe(false);
    expect(german.providers.tmdb.metadata.collection.name).toBe('Matrix Filmreihe');
    expect(tmdb.requests.filter((r) => r.path === '/movie/603').at(-1)!.query.language).toMatch(/^de/);
    expect((await fetchAssets(movieId)).json().cached).toBe(true);
    expect(upstream(tmdb, '/movie/603')).toBe(calls + 1);
    const [row] = await database.sql`select language from provider_metadata where entity_id = ${movieId} and provider_name = 'tmdb'`;
    expect(row!.language).toBe('de');
    expect((await setLanguage('en')).statusCode).toBe(200);
    expect((await fetchAssets(movieId)).json().cached).toBe(false);
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
      expect(body.metadata.failedProviders).toEqual([
        { provider: 'fanart_tv', error: expect.stringMatching(/Fanart\.tv rejected the API key/i) },
      ]);
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

  it('uses a language another process configured at the very next fetch, with no wait', async () => {
    // As a worker process would see a change made through the API: the row changes under this process.
    const other = (await insertMovie(database.db, libraryId, 'The Matrix, language', 603)).id;
    expect((await fetchAssets(other)).json().cached).toBe(false);
    const setLanguageRow = (language: string) =>
      database.sql`insert into app_settings (key, value) values ('phase.enrichment.language', ${JSON.stringify(language)}::jsonb)
        on conflict (key) do update set value = excluded.value`;
    await setLanguageRow('fr');
    try {
      expect((await fetchAssets(other)).json().cached).toBe(false);
      expect(tmdb.requests.filter((r) => r.path === '/movie/603').at(-1)!.query.language).toMatch(/^fr/);
      expect((await fetchAssets(other)).json().cached).toBe(true);
    } finally {
      await setLanguageRow('en');
    }
  });

  it('answers a hit with the artwork an NFO offered beside the providers’ answers', async () => {
    const other = (await insertMovie(database.db, libraryId, 'The Matrix, NFO', 603)).id;
    await fetchAssets(other);
    const url = 'https://images.example/matrix-nfo-poster.jpg';
    await new NfoArtworkCandidateRepository(database.db).replace('movie', other, [{ assetType: 'poster', url }]);
    const body = (await fetchAssets(other)).json();
    expect(body.cached).toBe(true);
    expect(body.providers.nfo).toStrictEqual({
      images: { poster: [{ url, width: null, height: null, language: null, voteAverage: null, voteCount: null, season: null }] },
      metadata: null,
    });
    expect(body.metadata.completedProviders).toStrictEqual(['fanart_tv', 'tmdb']);
    expect(body.providers.tmdb.metadata.title).toBe('The Matrix');
  });

  it('refuses a movie without provider ids, saying why', async () => {
    const unidentified = (await insertMovie(database.db, libraryId, 'Mystery', null)).id;
    const res = await fetchAssets(unidentified);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('Movie "Mystery" has no provider ids yet; identify it first');
  });
});

describe('fetchSeason', () => {
  const breakingBad = { tmdb: 1396, tvdb: 81189 };
  let manager: ProviderCacheManager;
  beforeAll(() => {
    manager = seasonManager();
  });

  function seasonManager(metrics?: CacheMetrics) {
    return new ProviderCacheManager({
      cache: new ProviderCacheRepository(database.db),
      fetcher: new TemporalProviderFetcher(temporal, taskQueue),
      ...(metrics ? { metrics } : {}),
    });
  }
  const fetchSeason = (entityId: string, seasonNumber = 1, using = manager) =>
    using.fetchSeason({ entityType: 'tv', entityId, externalIds: breakingBad, seasonNumber, priority: 'user' });
  const seasonCalls = () => upstream(tmdb, '/tv/1396/season/1') + upstream(tvdb, '/seasons/30272/extended');
  const showId = randomUUID();

  it('asks every provider that can list the season, in priority order, and caches what each said', async () => {
    const answer = await fetchSeason(showId);
    expect(answer).toMatchObject({ cached: false, cacheAge: 0, providerOrder: ['tmdb', 'tvdb'] });
    expect(answer.metadata).toMatchObject({ completedProviders: ['tmdb', 'tvdb'], failedProviders: [], timedOutProviders: [] });
    expect(answer.seasons.tmdb!.episodes.map((e) => e.episodeNumber)).toStrictEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(answer.seasons.tvdb!.episodes).toHaveLength(4);
    expect([upstream(tmdb, '/tv/1396/season/1'), upstream(tvdb, '/seasons/30272/extended')]).toStrictEqual([1, 1]);
    const rows =
      await database.sql`select provider_name from provider_seasons where entity_id = ${showId} and season_number = 1 order by provider_name`;
    expect(rows.map((row) => row.provider_name)).toStrictEqual(['tmdb', 'tvdb']);
  });

  it('answers the same season again from the cache, with no request to any provider', async () => {
    const before = tmdb.requests.length + tvdb.requests.length;
    const answer = await fetchSeason(showId);
    expect(answer).toMatchObject({ cached: true, providerOrder: ['tmdb', 'tvdb'] });
    expect(answer.cacheAge).toBeLessThan(0.01);
    expect(answer.seasons.tmdb!.episodes[0]).toMatchObject({ title: 'Pilot', airDate: '2008-01-20' });
    expect(tmdb.requests.length + tvdb.requests.length).toBe(before);
  });

  it('orders a cached answer by the providers’ priority as it is now', async () => {
    const setTmdbPriority = (priority: number) =>
      app.inject({ method: 'PATCH', url: `/api/providers/${tmdbProviderId}`, headers: authHeaders, payload: { priority } });
    expect((await setTmdbPriority(5)).statusCode).toBe(200);
    try {
      const answer = await fetchSeason(showId);
      expect(answer).toMatchObject({ cached: true, providerOrder: ['tvdb', 'tmdb'] });
    } finally {
      await setTmdbPriority(0);
    }
  });

  it('makes one upstream call per provider for concurrent fetches of one season', async () => {
    const before = seasonCalls();
    const fresh = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => fetchSeason(fresh)));
    expect(answers.every((answer) => answer.seasons.tmdb?.episodes.length === 7)).toBe(true);
    expect(seasonCalls() - before).toBe(2);
  });

  it('reports a season no provider knows with no season, and asks again next time rather than caching that', async () => {
    const unknown = randomUUID();
    const first = await fetchSeason(unknown, 9);
    expect(first).toMatchObject({ cached: false, seasons: {}, providerOrder: ['tmdb', 'tvdb'] });
    expect(first.metadata.completedProviders).toStrictEqual(['tmdb', 'tvdb']);
    const second = await fetchSeason(unknown, 9);
    expect(second.cached).toBe(false);
    expect(upstream(tmdb, '/tv/1396/season/9')).toBe(2);
  });

  it('counts hits, misses, latency and provider outcomes as fetchAssets does', async () => {
    const registry = new Registry();
    const counted = seasonManager(new CacheMetrics(registry));
    const entityId = randomUUID();
    await fetchSeason(entityId, 1, counted);
    await fetchSeason(entityId, 1, counted);
    const text = await registry.metrics();
    expect(text).toMatch(/reelflow_provider_cache_requests_total\{result="miss"\} 1\n/);
    expect(text).toMatch(/reelflow_provider_cache_requests_total\{result="hit"\} 1\n/);
    expect(text).toMatch(/reelflow_provider_fetch_seconds_count\{cached="false"\} 1\n/);
    expect(text).toMatch(/reelflow_provider_fetch_seconds_count\{cached="true"\} 1\n/);
    expect(text).toMatch(/reelflow_provider_requests_total\{provider="tvdb",outcome="success"\} 1\n/);
  });
});

describe('request planning through the provider cache', () => {
  const requests = () => new RequestRepository(database.db);
  const requestIds: string[] = [];
  let profileId: string;
  let targetId: string;

  beforeAll(async () => {
    profileId = await createProfile(app);
    targetId = await createTarget(app, tempDir('reelflow-target-'));
  });

  afterAll(async () => {
    // The items wait for air dates or releases; their pipelines end with their request's.
    for (const id of requestIds)
      await temporal.workflow
        .getHandle(requestWorkflowId(id))
        .terminate('test done')
        .catch(() => undefined);
  });

  async function postRequest(body: Record<string, unknown>) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: authHeaders,
      payload: { ...body, qualityProfileId: profileId, targetIds: [targetId] },
    });
    expect(response.statusCode).toBe(201);
    const id: string = response.json().id;
    requestIds.push(id);
    return id;
  }

  async function plannedItems(body: Record<string, unknown>): Promise<ProcessingItemRow[]> {
    const id = await postRequest(body);
    return waitFor(
      async () => {
        const items = await requests().listItems(id);
        return items.length > 0 ? items : undefined;
      },
      30_000,
      async () => JSON.stringify(await requests().get(id)),
    );
  }

  it('plans a TV request from the season in the cache: a second request for the same show asks no provider again', async () => {
    const first = await plannedItems({ type: 'tv', tmdbId: 1396, tvdbId: 81189, seasons: [1] });
    // Seven episodes: TMDB's list (TVDB's has four), as TMDB comes first.
    expect(first.map((item) => [item.episodeNumber, item.title])).toStrictEqual([
      [1, 'Pilot'],
      [2, "Cat's in the Bag..."],
      [3, "...And the Bag's in the River"],
      [4, 'Cancer Man'],
      [5, 'Gray Matter'],
      [6, "Crazy Handful of Nothin'"],
      [7, 'A No-Rough-Stuff-Type Deal'],
    ]);
    const before = tmdb.requests.length + tvdb.requests.length;
    const second = await plannedItems({ type: 'tv', tmdbId: 1396, tvdbId: 81189, seasons: [1] });
    expect(second.map((item) => item.title)).toStrictEqual(first.map((item) => item.title));
    expect(tmdb.requests.length + tvdb.requests.length).toBe(before);
  });

  it('plans a TV request with only a TVDB id from TVDB when TMDB does not know the show', async () => {
    const items = await plannedItems({ type: 'tv', tvdbId: ONLY_ON_TVDB.id, seasons: [1] });
    expect(items.map((item) => [item.seasonNumber, item.episodeNumber, item.title, item.airDate])).toStrictEqual([
      [1, 1, 'Arrival', '2031-03-01'],
      [1, 2, 'Departure', '2031-03-08'],
    ]);
    // TMDB was asked through /find and had nothing; TVDB's series record named the season to fetch.
    expect(tmdb.requests.find((r) => r.path === `/find/${ONLY_ON_TVDB.id}`)?.query.external_source).toBe('tvdb_id');
    expect(upstream(tvdb, '/seasons/990101/extended')).toBe(1);
  });

  it('refuses a TV request without any id, naming the ids it takes', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: authHeaders,
      payload: { type: 'tv', seasons: [1], qualityProfileId: profileId, targetIds: [targetId] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/a TV request needs tmdbId, tvdbId or imdbId/);
  });

  it('fails a request for a season no provider knows, for good, naming the season', async () => {
    const id = await postRequest({ type: 'tv', tmdbId: 1396, seasons: [9] });
    const failed = await waitFor(
      async () => {
        const row = await requests().get(id);
        return row?.status === 'FAILED' ? row : undefined;
      },
      30_000,
      async () => JSON.stringify(await requests().get(id)),
    );
    expect(failed.lastError).toBe('No provider knows season 9 of "Breaking Bad" (ids {"tmdb":1396}; asked tmdb)');
    expect(await requests().listItems(id)).toStrictEqual([]);
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
    const text = (await app.inject({ method: 'GET', url: '/metrics', headers: authHeaders })).body;
    expect(text).toMatch(/reelflow_provider_cache_requests_total\{result="hit"\} [1-9]/);
    expect(text).toMatch(/reelflow_provider_cache_requests_total\{result="miss"\} [1-9]/);
    expect(text).toMatch(/reelflow_provider_requests_total\{provider="tmdb",outcome="success"\} [1-9]/);
    expect(text).toMatch(/reelflow_provider_requests_total\{provider="fanart_tv",outcome="failure"\} [1-9]/);
    expect(text).toMatch(/reelflow_provider_fetch_seconds_count\{cached="true"\} [1-9]/);
    expect(text).toMatch(/reelflow_provider_fetch_seconds_count\{cached="false"\} [1-9]/);
  });
});
