import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBlocklistActivities } from '../../src/activities/blocklist.js';
import { createReleaseSearchActivities } from '../../src/activities/release-search.js';
import { BlocklistRepository } from '../../src/db/repositories/blocklist-repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile-repository.js';
import { blocklist, processingItems, requests, type ReleaseCandidate } from '../../src/db/schema/index.js';
import { BLOCKLISTED } from '../../src/contracts/request.js';
import { startFakeTorznab, type FakeTorznab } from '../fakes/torznab.js';
import { onCleanup } from '../support/cleanup.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, type TestDatabase } from '../support/integration.js';
import { createProfile } from '../support/request-pipeline.js';

/** The blocklist from real rows: recording a rejection, GET /api/blocklist, DELETE, and the search that honours it. */
let database: TestDatabase;
let app: FastifyInstance;
let repository: BlocklistRepository;
let indexer: FakeTorznab;
let qualityProfileId: string;
let requestId: string;

const hash = (digit: string) => digit.repeat(40);
const candidate = (title: string, replace: Partial<ReleaseCandidate> = {}): ReleaseCandidate => ({
  title,
  indexer: 'fake',
  guid: `https://indexer.test/details/${title}`,
  downloadUrl: `https://indexer.test/download/${title}.torrent`,
  sizeBytes: 700 * 1024 ** 2,
  seeders: 5,
  resolution: 1080,
  seasonPack: false,
  score: 1000,
  accepted: true,
  rejections: [],
  ...replace,
});

async function insertItem(episode: number, values: Partial<typeof processingItems.$inferInsert>): Promise<string> {
  const [row] = await database.db
    .insert(processingItems)
    .values({ requestId, seasonNumber: 1, episodeNumber: episode, ...values })
    .returning();
  return row!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp({ database, temporal: await createTestClient(), taskQueue: `test-${randomUUID()}` });
  repository = new BlocklistRepository(database.db);
  indexer = await startFakeTorznab();
  onCleanup(() => indexer.close());
  qualityProfileId = await createProfile(app, { minSizeMb: 0, maxSizeMb: 20_000 });
  [{ id: requestId }] = (await database.db
    .insert(requests)
    .values({ type: 'movie', title: 'Heat', year: 1995, qualityProfileId, workflowId: `request/${randomUUID()}` })
    .returning({ id: requests.id })) as [{ id: string }];
});

const list = (query = '') => app.inject({ method: 'GET', url: `/api/blocklist${query}`, headers: authHeaders });

describe('recording a rejected release', () => {
  it('a retried recording adds no second row', async () => {
    const { blocklistRelease } = createBlocklistActivities({ blocklist: repository });
    const itemId = randomUUID();
    const input = { itemId, requestId, release: candidate('Heat.1995.1080p.Retried', { infoHash: hash('a') }), reason: 'wrong cut' };

    const first = await blocklistRelease(input);
    const again = await blocklistRelease(input);

    expect(again).toEqual(first);
    const rows = (await database.db.select().from(blocklist)).filter((r) => r.itemId === itemId);
    expect(rows).toEqual([
      expect.objectContaining({
        id: first.id,
        guid: 'https://indexer.test/details/Heat.1995.1080p.Retried',
        indexer: 'fake',
        infoHash: hash('a'),
        title: 'Heat.1995.1080p.Retried',
        requestId,
        reason: 'wrong cut',
      }),
    ]);
    await repository.delete(first.id);
  });
});

describe('GET /api/blocklist and DELETE /api/blocklist/:id', () => {
  it('pages by title or time, removes an entry, and answers 404 for an unknown one', async () => {
    const ids: string[] = [];
    for (const title of ['Charlie', 'Alpha', 'Bravo']) {
      const row = await repository.record({
        guid: `https://indexer.test/details/${title}`,
        indexer: 'paging',
        infoHash: null,
        title,
        itemId: randomUUID(),
        requestId,
        reason: 'rejected by a person',
      });
      ids.push(row.id);
    }

    const byTitle = await list('?page=1&pageSize=2&sortKey=title&sortDirection=ascending');
    expect(byTitle.statusCode).toBe(200);
    expect(byTitle.json()).toMatchObject({ page: 1, pageSize: 2, sortKey: 'title', sortDirection: 'ascending', totalRecords: 3 });
    expect(byTitle.json().records.map((r: { title: string }) => r.title)).toEqual(['Alpha', 'Bravo']);
    const second = await list('?page=2&pageSize=2&sortKey=title&sortDirection=ascending');
    expect(second.json().records.map((r: { title: string }) => r.title)).toEqual(['Charlie']);

    // Newest first unless asked otherwise, 50 to a page.
    const newest = await list();
    expect(newest.json()).toMatchObject({ page: 1, pageSize: 50, sortKey: 'createdAt', sortDirection: 'descending', totalRecords: 3 });
    expect(newest.json().records.map((r: { title: string }) => r.title)).toEqual(['Bravo', 'Alpha', 'Charlie']);
    expect(newest.json().records[0]).toEqual({
      id: ids[2],
      title: 'Bravo',
      indexer: 'paging',
      guid: 'https://indexer.test/details/Bravo',
      infoHash: null,
      itemId: expect.any(String),
      requestId,
      reason: 'rejected by a person',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });

    const removed = await app.inject({ method: 'DELETE', url: `/api/blocklist/${ids[1]}`, headers: authHeaders });
    expect(removed.statusCode).toBe(204);
    expect((await list('?sortKey=title&sortDirection=ascending')).json().records.map((r: { title: string }) => r.title)).toEqual([
      'Bravo',
      'Charlie',
    ]);
    const unknown = await app.inject({ method: 'DELETE', url: `/api/blocklist/${ids[1]}`, headers: authHeaders });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('Blocklist entry not found');

    for (const id of [ids[0], ids[2]]) await repository.delete(id!);
  });

  it('refuses bad paging naming the field', async () => {
    expect((await list('?pageSize=501')).json().message).toMatch(/^querystring\.pageSize: /);
    expect((await list('?sortKey=seeders')).json().message).toMatch(/^querystring\.sortKey: /);
    expect((await list('?sortDirection=up')).json().message).toMatch(/^querystring\.sortDirection: /);
    expect((await list('?page=0')).statusCode).toBe(400);
    const badId = await app.inject({ method: 'DELETE', url: '/api/blocklist/not-a-uuid', headers: authHeaders });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().message).toMatch(/^params\.id: /);
  });
});

describe('a search skips blocklisted releases', () => {
  it('by the indexer’s guid or by info hash, showing why; once removed the release is taken again', async () => {
    const origin = new URL(indexer.apiUrl).origin;
    const magnet = (digit: string) => `magnet:?xt=urn:btih:${hash(digit)}`;
    const common = { sizeBytes: 700 * 1024 ** 2, seeders: 5, tmdbId: 949 };
    indexer.releases.push(
      { ...common, title: 'Heat.1995.1080p.BluRay.x264-BYGUID', magnet: magnet('1'), seeders: 50 },
      { ...common, title: 'Heat.1995.1080p.BluRay.x264-BYHASH', magnet: magnet('2'), infoHash: hash('2'), seeders: 40 },
      { ...common, title: 'Heat.1995.1080p.BluRay.x264-FREE', magnet: magnet('3'), seeders: 30 },
    );
    const entry = (title: string, guid: string, indexerName: string, infoHash: string | null) =>
      repository.record({ guid, indexer: indexerName, infoHash, title, itemId: randomUUID(), requestId, reason: 'rejected by a person' });
    const byGuid = await entry('Heat.1995.1080p.BluRay.x264-BYGUID', `${origin}/details/0`, 'fake', null);
    // The same torrent rejected on another indexer, under that indexer's guid.
    await entry('Heat.1995.1080p.BluRay.x264-BYHASH', 'https://elsewhere.test/details/9', 'elsewhere', hash('2'));
    // A guid is the indexer's own: the same guid from another indexer blocks nothing here.
    await entry('Something else', `${origin}/details/2`, 'elsewhere', null);

    const { searchReleases } = createReleaseSearchActivities({
      indexers: async () => [{ name: 'fake', apiUrl: indexer.apiUrl }],
      profiles: new QualityProfileRepository(database.db),
      blocklist: repository,
    });
    const search = () =>
      searchReleases({
        media: { kind: 'movie', title: 'Heat', year: 1995 },
        ids: { tmdbId: 949, tvdbId: null, imdbId: null },
        qualityProfileId,
        excluded: [],
      });

    const found = await search();
    expect(found.accepted.map((r) => [r.title, r.guid])).toEqual([['Heat.1995.1080p.BluRay.x264-FREE', `${origin}/details/2`]]);
    expect(found.rejected.map((r) => [r.title, r.rejections])).toEqual([
      ['Heat.1995.1080p.BluRay.x264-BYGUID', [BLOCKLISTED]],
      ['Heat.1995.1080p.BluRay.x264-BYHASH', [BLOCKLISTED]],
    ]);
    expect(found.rejected[1]).toMatchObject({ guid: `${origin}/details/1`, infoHash: hash('2') });

    await app.inject({ method: 'DELETE', url: `/api/blocklist/${byGuid.id}`, headers: authHeaders });
    const after = await search();
    expect(after.accepted.map((r) => r.title)).toEqual(['Heat.1995.1080p.BluRay.x264-BYGUID', 'Heat.1995.1080p.BluRay.x264-FREE']);
  });
});

describe('POST /api/items/:id/select-release', () => {
  const select = (itemId: string, payload: unknown) =>
    app.inject({ method: 'POST', url: `/api/items/${itemId}/select-release`, headers: authHeaders, payload: payload as object });

  it('404 for an unknown item, 400 naming guid for a malformed one, 409 for an ended item', async () => {
    expect((await select(randomUUID(), { guid: 'x' })).statusCode).toBe(404);
    const done = await insertItem(1, { status: 'COMPLETED' });
    for (const body of [{}, { guid: '' }, { guid: 7 }, { guid: 'x'.repeat(2_001) }]) {
      const response = await select(done, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().message).toMatch(/^body\.guid: /);
    }
    const ended = await select(done, { guid: 'x' });
    expect(ended.statusCode).toBe(409);
    expect(ended.json().message).toBe('Item is COMPLETED: its pipeline has ended');
  });

  it('409 for a release blocklisted since the item’s search', async () => {
    const offered = candidate('Heat.1995.1080p.Since', { infoHash: hash('5') });
    const itemId = await insertItem(2, { status: 'FOUND', availableReleases: [offered], selectedRelease: offered });
    await repository.record({
      guid: 'https://other.test/details/5',
      indexer: 'other',
      infoHash: hash('5'),
      title: offered.title,
      itemId: randomUUID(),
      requestId,
      reason: 'rejected by a person',
    });

    const response = await select(itemId, { guid: offered.guid });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe(`guid: release "${offered.title}" is blocklisted`);
  });

  it('the item detail names each release by its guid, and its info hash when known', async () => {
    const withGuid = candidate('Heat.1995.1080p.New', { infoHash: hash('6') });
    const { guid: _, ...older } = candidate('Heat.1995.1080p.Old');
    await insertItem(3, { status: 'COMPLETED', availableReleases: [withGuid, older], selectedRelease: withGuid });

    const response = await app.inject({ method: 'GET', url: `/api/requests/${requestId}/items`, headers: authHeaders });
    expect(response.statusCode).toBe(200);
    const item = response.json().find((i: { episodeNumber: number }) => i.episodeNumber === 3);
    expect(item.availableReleases.map((r: { guid: string; infoHash?: string }) => [r.guid, r.infoHash])).toEqual([
      [withGuid.guid, hash('6')],
      // Found before releases carried a guid: named by its download link.
      [older.downloadUrl, undefined],
    ]);
    expect(item.selectedRelease).toMatchObject({ guid: withGuid.guid, infoHash: hash('6') });
  });
});
