import { MockActivityEnvironment } from '@temporalio/testing';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexers } from '../../src/db/schema/index.js';
import { createReleaseSearchActivities, type SearchOutcome } from '../../src/activities/release-search.js';
import { BlocklistRepository } from '../../src/db/repositories/blocklist-repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile-repository.js';
import { configuredIndexers } from '../../src/services/indexers/configured-indexers.js';
import { startFakeTorznab, TORZNAB_FAKE_API_KEY, type FakeTorznab } from '../fakes/torznab.js';
import { createProfile } from '../support/request-pipeline.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  testCipher,
  TEST_API_KEY,
  type TestDatabase,
} from '../support/integration.js';

/** Indexers as rows: people through /api/indexers, Prowlarr through /api/v3/indexer, TORZNAB_INDEXERS once. */
let app: FastifyInstance;
let database: TestDatabase;
let torznab: FakeTorznab;
let endpoint: string;

beforeAll(async () => {
  torznab = await startFakeTorznab();
  endpoint = torznab.apiUrl.split('?')[0]!;
  database = await createTestDatabase();
  app = await createTestApp({ database, temporal: await createTestClient(), taskQueue: 'indexers-test' });
});

afterAll(async () => {
  await torznab?.close();
});

const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

describe('/api/indexers', () => {
  it('adds, tests, changes and removes an indexer; the key is stored encrypted and never shown', async () => {
    const created = await api('POST', '/api/indexers', {
      name: 'fake',
      url: endpoint,
      apiKey: TORZNAB_FAKE_API_KEY,
      categories: [2000, 5000],
      priority: 10,
    });
    expect(created.statusCode).toBe(201);
    const indexer = created.json();
    expect(indexer).toMatchObject({ name: 'fake', url: endpoint, hasApiKey: true, priority: 10, enabled: true, managedBy: 'api' });
    expect(JSON.stringify(indexer)).not.toContain(TORZNAB_FAKE_API_KEY);
    const [row] = await database.db.select().from(indexers).where(eq(indexers.id, indexer.id));
    expect(row!.apiKeyEncrypted).not.toContain(TORZNAB_FAKE_API_KEY);
    expect(testCipher.decrypt(row!.apiKeyEncrypted!)).toBe(TORZNAB_FAKE_API_KEY);

    const tested = await api('POST', `/api/indexers/${indexer.id}/test`);
    expect(tested.json()).toMatchObject({ ok: true, tvSearch: true, movieSearch: true });

    // A wrong key: the indexer answers, the test says why it failed.
    await api('PATCH', `/api/indexers/${indexer.id}`, { apiKey: 'wrong' });
    const failed = await api('POST', `/api/indexers/${indexer.id}/test`);
    expect(failed.json()).toMatchObject({ ok: false, error: expect.stringMatching(/credentials/i) });

    const disabled = await api('PATCH', `/api/indexers/${indexer.id}`, { enabled: false, apiKey: TORZNAB_FAKE_API_KEY });
    expect(disabled.json()).toMatchObject({ enabled: false, hasApiKey: true });
    expect((await api('DELETE', `/api/indexers/${indexer.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/indexers/${indexer.id}`)).statusCode).toBe(404);
  });

  it('answers 4xx naming the field', async () => {
    const badUrl = await api('POST', '/api/indexers', { name: 'x', url: 'not a url' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().message).toBe('body.url: not a URL');
    const keyInUrl = await api('POST', '/api/indexers', { name: 'x', url: torznab.apiUrl });
    expect(keyInUrl.json().message).toMatch(/^body\.url: give the API key as apiKey/);
    const badPriority = await api('POST', '/api/indexers', { name: 'x', url: endpoint, priority: 99 });
    expect(badPriority.json().message).toMatch(/^body\.priority/);
    await api('POST', '/api/indexers', { name: 'twice', url: endpoint });
    const twice = await api('POST', '/api/indexers', { name: 'twice', url: endpoint });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toMatch(/^body\.name: /);
  });
});

describe("Prowlarr's Radarr/Sonarr application sync", () => {
  const prowlarr = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v3${path}`,
      headers: { 'x-api-key': TEST_API_KEY, 'content-type': 'application/json' },
      ...(payload ? { payload } : {}),
    });

  it('test, schema, add, list, update with the masked key, delete', async () => {
    // Radarr.Test(): a Newznab indexer pointing at Prowlarr, and the version from the answer's header.
    const schema = (await prowlarr('GET', '/indexer/schema')).json();
    const newznab = schema.find((s: { implementation: string }) => s.implementation === 'Newznab');
    const torznabSchema = schema.find((s: { implementation: string }) => s.implementation === 'Torznab');
    expect(torznabSchema.fields.map((f: { name: string }) => f.name)).toEqual(
      expect.arrayContaining([
        'baseUrl',
        'apiPath',
        'apiKey',
        'categories',
        'minimumSeeders',
        'seedCriteria.seedRatio',
        'seedCriteria.seedTime',
        'rejectBlocklistedTorrentHashesWhileGrabbing',
      ]),
    );
    const fill = (fields: { name: string; value?: unknown }[], values: Record<string, unknown>) =>
      fields.map((f) => (f.name in values ? { ...f, value: values[f.name] } : f));
    const test = await prowlarr('POST', '/indexer/test', {
      ...newznab,
      name: 'Test',
      fields: fill(newznab.fields, { baseUrl: 'http://prowlarr:9696/0/', apiKey: 'prowlarr-key', categories: [2000] }),
    });
    expect(test.statusCode).toBe(200);
    const version = test.headers['x-application-version'] as string;
    // Prowlarr's minimums: Radarr 4.0.4 (3.1.1 for v3), Sonarr 3.0.5.
    const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
    expect(major > 4 || (major === 4 && (minor > 0 || patch >= 4))).toBe(true);

    // BuildRadarrIndexer + AddIndexer.
    const base = torznab.apiUrl.split('/api?')[0]!;
    const resource = {
      ...torznabSchema,
      name: 'Fake (Prowlarr)',
      enableRss: true,
      enableAutomaticSearch: true,
      enableInteractiveSearch: true,
      priority: 20,
      implementation: 'Torznab',
      configContract: 'TorznabSettings',
      tags: [],
      fields: fill(torznabSchema.fields, {
        baseUrl: `${base}/`,
        apiPath: '/api',
        apiKey: TORZNAB_FAKE_API_KEY,
        categories: [2000, 2040, 5000, 5040],
        minimumSeeders: 3,
        'seedCriteria.seedRatio': 1.5,
      }),
    };
    const added = await prowlarr('POST', '/indexer', resource);
    expect(added.statusCode).toBe(201);
    const id = added.json().id;
    expect(id).toEqual(expect.any(Number));

    const listed = (await prowlarr('GET', '/indexer')).json().find((i: { id: number }) => i.id === id);
    const value = (name: string) => listed.fields.find((f: { name: string }) => f.name === name)?.value;
    expect(listed).toMatchObject({ name: 'Fake (Prowlarr)', implementation: 'Torznab', priority: 20, enableRss: true });
    expect([
      value('baseUrl'),
      value('apiPath'),
      value('apiKey'),
      value('categories'),
      value('minimumSeeders'),
      value('seedCriteria.seedRatio'),
    ]).toEqual([`${base}/`, '/api', '********', [2000, 2040, 5000, 5040], 3, 1.5]);
    const [row] = await database.db.select().from(indexers).where(eq(indexers.id, id));
    expect(row).toMatchObject({ url: `${base}/api`, managedBy: 'prowlarr', categories: [2000, 2040, 5000, 5040] });
    expect((await api('POST', `/api/indexers/${id}/test`)).json()).toMatchObject({ ok: true });

    // UpdateIndexer: Prowlarr sends the masked key back with its other changes.
    const updated = await prowlarr('PUT', `/indexer/${id}`, { ...listed, priority: 5 });
    expect(updated.statusCode).toBe(202);
    expect((await api('POST', `/api/indexers/${id}/test`)).json()).toMatchObject({ ok: true });
    expect((await api('GET', `/api/indexers/${id}`)).json()).toMatchObject({ priority: 5, hasApiKey: true });

    expect((await prowlarr('DELETE', `/indexer/${id}`)).statusCode).toBe(200);
    expect((await prowlarr('GET', `/indexer/${id}`)).statusCode).toBe(404);
  });

  it('refuses a Newznab indexer: Reelflow searches torrents only', async () => {
    const newznab = (await prowlarr('GET', '/indexer/schema'))
      .json()
      .find((s: { implementation: string }) => s.implementation === 'Newznab');
    const refused = await prowlarr('POST', '/indexer', {
      ...newznab,
      name: 'Usenet (Prowlarr)',
      fields: newznab.fields.map((f: { name: string }) => (f.name === 'baseUrl' ? { ...f, value: 'http://prowlarr:9696/3/' } : f)),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual([expect.objectContaining({ propertyName: 'Implementation' })]);
  });
});

describe('TORZNAB_INDEXERS', () => {
  it('seeds the table on the first read only, with the key moved out of the URL and encrypted', async () => {
    const seeded = await createTestDatabase();
    const first = configuredIndexers(seeded.db, testCipher, [{ name: 'env-indexer', apiUrl: torznab.apiUrl }]);
    expect(await first()).toEqual([{ name: 'env-indexer', apiUrl: torznab.apiUrl }]);
    const [row] = await seeded.db.select().from(indexers);
    expect(row).toMatchObject({ name: 'env-indexer', url: endpoint, managedBy: 'env' });
    expect(testCipher.decrypt(row!.apiKeyEncrypted!)).toBe(TORZNAB_FAKE_API_KEY);

    // Removed by a person: a restart with the same environment does not bring it back.
    await seeded.db.delete(indexers);
    expect(await configuredIndexers(seeded.db, testCipher, [{ name: 'env-indexer', apiUrl: torznab.apiUrl }])()).toEqual([]);
  });
});

describe('release search', () => {
  it('asks the indexers of the table as they are at each search: one added through the API is used, a disabled one is not', async () => {
    torznab.releases.push({
      title: 'Heat.1995.1080p.BluRay.x264-GRP',
      magnet: 'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567',
      sizeBytes: 8 * 1024 ** 3,
      seeders: 9,
      tmdbId: 949,
    });
    const searchDb = await createTestDatabase();
    const searchApp = await createTestApp({ database: searchDb, temporal: await createTestClient(), taskQueue: 'indexers-search-test' });
    const qualityProfileId = await createProfile(searchApp);
    const { searchReleases } = createReleaseSearchActivities({
      indexers: configuredIndexers(searchDb.db, testCipher, []),
      profiles: new QualityProfileRepository(searchDb.db),
      blocklist: new BlocklistRepository(searchDb.db),
    });
    const search = (): Promise<SearchOutcome> =>
      new MockActivityEnvironment().run(searchReleases, {
        media: { kind: 'movie' as const, title: 'Heat', year: 1995 },
        ids: { tmdbId: 949, tvdbId: null, imdbId: null },
        qualityProfileId,
        excluded: [] as string[],
      });

    await expect(search()).rejects.toMatchObject({ type: 'NoIndexers' });
    const added = await searchApp.inject({
      method: 'POST',
      url: '/api/indexers',
      headers: authHeaders,
      payload: { name: 'fake', url: endpoint, apiKey: TORZNAB_FAKE_API_KEY },
    });
    const found = await search();
    expect(found.accepted.map((r) => r.title)).toEqual(['Heat.1995.1080p.BluRay.x264-GRP']);
    await searchApp.inject({ method: 'PATCH', url: `/api/indexers/${added.json().id}`, headers: authHeaders, payload: { enabled: false } });
    await expect(search()).rejects.toMatchObject({ type: 'NoIndexers' });
  });
});
