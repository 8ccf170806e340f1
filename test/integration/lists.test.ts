import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { IptvProviderRepository } from '../../src/db/repositories/iptv-provider-repository.js';
import { IptvSyncRunRepository, type IptvSyncRecord } from '../../src/db/repositories/iptv-sync-run-repository.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { RequestRepository } from '../../src/db/repositories/request-repository.js';
import { ScanRunRepository } from '../../src/db/repositories/scan-run-repository.js';
import type { ProcessingItemStatus, RequestRow } from '../../src/db/schema/index.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, testCipher, type TestDatabase } from '../support/integration.js';
import { createProfile } from '../support/request-pipeline.js';
import { tempDir } from '../support/temp-dir.js';

/** The list endpoints over rows written through the repositories: filters, sorting both ways, paging, 400s. */
let database: TestDatabase;
let app: FastifyInstance;
const requestIds: Record<'severance' | 'dune' | 'bear', string> = { severance: '', dune: '', bear: '' };
/** Item ids by request and episode, e.g. `severance/3`. */
const itemIds: Record<string, string> = {};
const libraryIds: Record<'films' | 'shows', string> = { films: '', shows: '' };
const scanIds: Record<'filmsFirst' | 'filmsFailed' | 'filmsRunning' | 'shows', string> = {
  filmsFirst: '',
  filmsFailed: '',
  filmsRunning: '',
  shows: '',
};
const providerIds: Record<'panel' | 'playlist', string> = { panel: '', playlist: '' };
const syncIds = { panelDone: randomUUID(), panelFailed: randomUUID(), playlistRunning: randomUUID() };

interface Paged<T> {
  page: number;
  pageSize: number;
  sortKey: string;
  sortDirection: string;
  totalRecords: number;
  records: T[];
}

async function list<T = { id: string }>(url: string): Promise<Paged<T>> {
  const response = await app.inject({ method: 'GET', url, headers: authHeaders });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function refused(url: string): Promise<string> {
  const response = await app.inject({ method: 'GET', url, headers: authHeaders });
  expect(response.statusCode, response.body).toBe(400);
  return response.json().message;
}

const ids = (page: Paged<{ id: string }>) => page.records.map((r) => r.id);

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp({ database, temporal: await createTestClient(), taskQueue: `test-${randomUUID()}` });
  const qualityProfileId = await createProfile(app);
  const requests = new RequestRepository(database.db);

  const request = async (type: 'movie' | 'tv', title: string, requireApproval: boolean, status: RequestRow['status']) => {
    const id = randomUUID();
    await requests.create({
      id,
      workflowId: `request/${id}`,
      type,
      title,
      year: 2022,
      tmdbId: null,
      tvdbId: null,
      imdbId: null,
      seasons: [],
      episodes: [],
      qualityProfileId,
      targetIds: [],
      requireApproval,
      approvalTimeoutSeconds: null,
      approvalAutoAction: null,
    });
    await requests.setStatus(id, status);
    return id;
  };
  // Created in this order: the default list shows them the other way round.
  requestIds.severance = await request('tv', 'Severance', true, 'PROCESSING');
  requestIds.dune = await request('movie', 'Dune', false, 'COMPLETED');
  requestIds.bear = await request('tv', 'The Bear 100%_', false, 'FAILED');

  const items = async (key: keyof typeof requestIds, episodes: [number, ProcessingItemStatus, string?][]) => {
    const rows = await requests.upsertItems(
      requestIds[key],
      episodes.map(([episode]) => ({
        seasonNumber: key === 'dune' ? 0 : 1,
        episodeNumber: episode,
        title: `Episode ${episode}`,
        airDate: null,
      })),
    );
    for (const [episode, status, failedStep] of episodes) {
      const row = rows.find((r) => r.episodeNumber === episode)!;
      itemIds[`${key}/${episode}`] = row.id;
      await requests.transition(
        row.id,
        status,
        failedStep ? { failedStep, lastError: `${failedStep} went wrong` } : { progress: episode * 10 },
      );
    }
  };
  await items('severance', [
    [1, 'AWAITING'],
    [2, 'SEARCHING'],
    [3, 'FOUND'],
    [4, 'FAILED', 'download'],
  ]);
  await items('dune', [[0, 'COMPLETED']]);
  await items('bear', [
    [1, 'FOUND'],
    [2, 'DOWNLOADED'],
    [3, 'FAILED', 'deliver'],
  ]);

  const libraries = new LibraryRepository(database.db);
  libraryIds.films = (await libraries.create({ name: 'Films', kind: 'movie', rootPath: tempDir() })).id;
  libraryIds.shows = (await libraries.create({ name: 'Shows', kind: 'tv', rootPath: tempDir() })).id;
  const scans = new ScanRunRepository(database.db);
  const counters = (errors: number) => ({
    directoriesTotal: 10,
    directoriesScanned: 10,
    titlesFound: 9,
    titlesNew: 2,
    titlesUpdated: 1,
    titlesRemoved: 0,
    assetsCached: 4,
    errors,
  });
  const scan = async (libraryId: string, finish?: 'completed' | 'failed', errors = 0) => {
    const id = randomUUID();
    await scans.begin({ id, libraryId, workflowId: `scan/${libraryId}` });
    if (finish) await scans.finish(id, finish, counters(errors), finish === 'failed' ? 'disk gone' : undefined);
    return id;
  };
  scanIds.filmsFirst = await scan(libraryIds.films, 'completed');
  scanIds.shows = await scan(libraryIds.shows, 'completed', 2);
  scanIds.filmsFailed = await scan(libraryIds.films, 'failed');
  scanIds.filmsRunning = await scan(libraryIds.films);

  const iptv = new IptvProviderRepository(database.db, testCipher);
  const provider = async (name: string, kind: 'xtream' | 'm3u') =>
    (
      await iptv.create({
        kind,
        name,
        enabled: true,
        baseUrl: 'http://127.0.0.1:9/',
        credentials: kind === 'xtream' ? { username: 'u', password: 'p' } : {},
        categories: { movies: true, tvshows: true },
        nameCleanup: [],
        maxConcurrent: 1,
        rateLimitRequests: 1,
        rateLimitWindowMs: 1000,
        timeoutMs: 1000,
        syncIntervalSeconds: 3600,
      })
    ).id;
  providerIds.panel = await provider('Panel', 'xtream');
  providerIds.playlist = await provider('Playlist', 'm3u');
  const syncs = new IptvSyncRunRepository(database.db);
  const sync = (id: string, providerId: string, status: IptvSyncRecord['status'], listed: number) =>
    syncs.record({
      id,
      providerId,
      workflowId: `iptv-sync/${providerId}`,
      status,
      phase: status === 'running' ? 'matching' : status,
      listed,
      malformed: 0,
      toMatch: listed,
      matched: listed,
      ignored: 0,
      matchErrors: 0,
      added: listed,
      removed: 0,
      errorMessage: status === 'failed' ? 'panel refused' : null,
    });
  await sync(syncIds.panelDone, providerIds.panel, 'running', 0);
  // The workflow writes its row again after each step: the start stays, the counters and status move on.
  await sync(syncIds.panelDone, providerIds.panel, 'completed', 12);
  await sync(syncIds.panelFailed, providerIds.panel, 'failed', 0);
  await sync(syncIds.playlistRunning, providerIds.playlist, 'running', 5);
});

describe('GET /api/requests', () => {
  it('lists newest first with the paging it applied and each request’s item counts by status', async () => {
    const page = await list<{ id: string; aggregates: { byStatus: Record<string, number>; total: number; failed: number } }>(
      '/api/requests',
    );
    expect(page).toMatchObject({ page: 1, pageSize: 50, sortKey: 'createdAt', sortDirection: 'descending', totalRecords: 3 });
    expect(ids(page)).toEqual([requestIds.bear, requestIds.dune, requestIds.severance]);
    const severance = page.records.find((r) => r.id === requestIds.severance)!;
    expect(severance.aggregates).toMatchObject({ total: 4, failed: 1 });
    expect(severance.aggregates.byStatus).toMatchObject({ AWAITING: 1, SEARCHING: 1, FOUND: 1, FAILED: 1, COMPLETED: 0 });
  });

  it('filters by one or several statuses, by type and by text in the title', async () => {
    expect(ids(await list('/api/requests?status=FAILED,COMPLETED'))).toEqual([requestIds.bear, requestIds.dune]);
    expect(ids(await list('/api/requests?status=FAILED&status=PROCESSING'))).toEqual([requestIds.bear, requestIds.severance]);
    expect(ids(await list('/api/requests?type=tv'))).toEqual([requestIds.bear, requestIds.severance]);
    expect(ids(await list('/api/requests?q=SEVER'))).toEqual([requestIds.severance]);
    // LIKE wildcards in the text are taken literally.
    expect(ids(await list('/api/requests?q=%25_'))).toEqual([requestIds.bear]);
    expect((await list('/api/requests?type=movie&status=FAILED')).totalRecords).toBe(0);
  });

  it('sorts by title both ways', async () => {
    expect(ids(await list('/api/requests?sortKey=title&sortDirection=ascending'))).toEqual([
      requestIds.dune,
      requestIds.severance,
      requestIds.bear,
    ]);
    expect(ids(await list('/api/requests?sortKey=title&sortDirection=descending'))).toEqual([
      requestIds.bear,
      requestIds.severance,
      requestIds.dune,
    ]);
  });

  it('pages with the total of every page, and an empty page past the last', async () => {
    const first = await list('/api/requests?pageSize=2&sortDirection=ascending');
    const second = await list('/api/requests?pageSize=2&page=2&sortDirection=ascending');
    const past = await list('/api/requests?pageSize=2&page=3&sortDirection=ascending');
    expect([first.totalRecords, second.totalRecords, past.totalRecords]).toEqual([3, 3, 3]);
    expect(ids(first)).toEqual([requestIds.severance, requestIds.dune]);
    expect(ids(second)).toEqual([requestIds.bear]);
    expect(past.records).toEqual([]);
    expect(second).toMatchObject({ page: 2, pageSize: 2, sortKey: 'createdAt', sortDirection: 'ascending' });
  });
});

describe('GET /api/items', () => {
  type ItemRow = { id: string; requestId: string; step: string; waitingFor: string | null; workflowId: string; requestTitle: string };
  const itemsOf = async (query: string) => ids(await list(`/api/items${query}`)).sort();
  const expected = (...keys: string[]) => keys.map((k) => itemIds[k]!).sort();

  it('lists every request’s items with their step, what they wait for and their workflow', async () => {
    const page = await list<ItemRow & { status: string; failedStep: string | null; lastError: string | null }>('/api/items');
    expect(page.totalRecords).toBe(8);
    const failed = page.records.find((r) => r.id === itemIds['severance/4'])!;
    expect(failed).toMatchObject({
      requestId: requestIds.severance,
      requestTitle: 'Severance',
      status: 'FAILED',
      step: 'download',
      failedStep: 'download',
      waitingFor: 'retry',
      lastError: 'download went wrong',
      workflowId: `item/${itemIds['severance/4']}`,
    });
    expect(page.records.find((r) => r.id === itemIds['severance/3'])).toMatchObject({ step: 'approval', waitingFor: 'approval' });
    expect(page.records.find((r) => r.id === itemIds['bear/1'])).toMatchObject({ step: 'approval', waitingFor: null });
    expect(page.records.find((r) => r.id === itemIds['bear/2'])).toMatchObject({ step: 'encode', waitingFor: 'encoder' });
    expect(page.records.find((r) => r.id === itemIds['dune/0'])).toMatchObject({ step: 'done', waitingFor: null });
  });

  it('filters by status, request, step and what the items wait for, together', async () => {
    expect(await itemsOf('?status=FAILED')).toEqual(expected('severance/4', 'bear/3'));
    expect(await itemsOf('?status=FOUND,COMPLETED')).toEqual(expected('severance/3', 'bear/1', 'dune/0'));
    expect(await itemsOf(`?requestId=${requestIds.severance}`)).toEqual(
      expected('severance/1', 'severance/2', 'severance/3', 'severance/4'),
    );
    // A failed item is in the step it failed in.
    expect(await itemsOf('?step=download')).toEqual(expected('severance/4'));
    expect(await itemsOf('?step=deliver,encode')).toEqual(expected('bear/2', 'bear/3'));
    // Only a request that requires approval makes a FOUND item wait for a person.
    expect(await itemsOf('?waitingFor=approval')).toEqual(expected('severance/3'));
    expect(await itemsOf('?waitingFor=approval,retry')).toEqual(expected('severance/3', 'severance/4', 'bear/3'));
    expect(await itemsOf('?waitingFor=airDate,release')).toEqual(expected('severance/1', 'severance/2'));
    expect(await itemsOf(`?waitingFor=retry&requestId=${requestIds.bear}&step=deliver`)).toEqual(expected('bear/3'));
    expect(await itemsOf('?status=COMPLETED&waitingFor=retry')).toEqual([]);
    expect(await itemsOf(`?requestId=${randomUUID()}`)).toEqual([]);
  });

  it('sorts by episode and by progress both ways', async () => {
    const severance = `requestId=${requestIds.severance}`;
    const inOrder = ['severance/1', 'severance/2', 'severance/3', 'severance/4'].map((k) => itemIds[k]);
    expect(ids(await list(`/api/items?${severance}&sortKey=episode&sortDirection=ascending`))).toEqual(inOrder);
    expect(ids(await list(`/api/items?${severance}&sortKey=episode&sortDirection=descending`))).toEqual([...inOrder].reverse());
    // Progress: 10, 20, 30 for the first three episodes, 0 for the failed fourth.
    const byProgress = [itemIds['severance/4'], ...inOrder.slice(0, 3)];
    expect(ids(await list(`/api/items?${severance}&sortKey=progress&sortDirection=ascending`))).toEqual(byProgress);
    expect(ids(await list(`/api/items?${severance}&sortKey=progress`))).toEqual([...byProgress].reverse());
  });

  it('keeps one order across pages, every item once', async () => {
    const pages = await Promise.all([1, 2, 3].map((n) => list(`/api/items?pageSize=3&page=${n}&sortKey=status`)));
    expect(pages.map((p) => p.records.length)).toEqual([3, 3, 2]);
    expect(pages.every((p) => p.totalRecords === 8)).toBe(true);
    expect(new Set(pages.flatMap(ids)).size).toBe(8);
  });
});

describe('GET /api/scans and GET /api/libraries/:id/scans', () => {
  type ScanRow = { id: string; libraryId: string; libraryName: string; status: string; errors: number; workflowId: string };

  it('lists every library’s scans newest first with their library, counters and workflow', async () => {
    const page = await list<ScanRow>('/api/scans');
    expect(page).toMatchObject({ totalRecords: 4, sortKey: 'startedAt', sortDirection: 'descending' });
    expect(ids(page)).toEqual([scanIds.filmsRunning, scanIds.filmsFailed, scanIds.shows, scanIds.filmsFirst]);
    expect(page.records.find((r) => r.id === scanIds.shows)).toMatchObject({
      libraryId: libraryIds.shows,
      libraryName: 'Shows',
      status: 'completed',
      errors: 2,
      titlesFound: 9,
      workflowId: `scan/${libraryIds.shows}`,
      finishedAt: expect.any(String),
    });
  });

  it('filters by library and status', async () => {
    expect(ids(await list(`/api/scans?libraryId=${libraryIds.films}`))).toEqual([
      scanIds.filmsRunning,
      scanIds.filmsFailed,
      scanIds.filmsFirst,
    ]);
    expect(ids(await list('/api/scans?status=completed'))).toEqual([scanIds.shows, scanIds.filmsFirst]);
    expect(ids(await list(`/api/scans?status=failed,running&libraryId=${libraryIds.films}`))).toEqual([
      scanIds.filmsRunning,
      scanIds.filmsFailed,
    ]);
  });

  it('sorts by status both ways (in the order a scan lives them)', async () => {
    const up = await list<ScanRow>(`/api/scans?sortKey=status&sortDirection=ascending&libraryId=${libraryIds.films}`);
    expect(up.records.map((r) => r.status)).toEqual(['running', 'completed', 'failed']);
    const down = await list<ScanRow>(`/api/scans?sortKey=status&sortDirection=descending&libraryId=${libraryIds.films}`);
    expect(down.records.map((r) => r.status)).toEqual(['failed', 'completed', 'running']);
  });

  it('lists one library’s scans, filtered and paged, and 404s naming a library that does not exist', async () => {
    const films = await list<ScanRow>(`/api/libraries/${libraryIds.films}/scans?pageSize=2`);
    expect(films.totalRecords).toBe(3);
    expect(ids(films)).toEqual([scanIds.filmsRunning, scanIds.filmsFailed]);
    expect(films.records.every((r) => r.libraryName === 'Films')).toBe(true);
    expect(ids(await list(`/api/libraries/${libraryIds.shows}/scans?status=completed`))).toEqual([scanIds.shows]);

    const missing = randomUUID();
    const response = await app.inject({ method: 'GET', url: `/api/libraries/${missing}/scans`, headers: authHeaders });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain(missing);
    expect(await refused(`/api/libraries/${libraryIds.films}/scans?libraryId=${libraryIds.shows}`)).toContain('querystring.libraryId');
  });
});

describe('GET /api/iptv/syncs', () => {
  type SyncRow = {
    id: string;
    providerName: string;
    status: string;
    listed: number;
    finishedAt: string | null;
    errorMessage: string | null;
  };

  it('lists syncs newest first with their provider, status, counters and times', async () => {
    const page = await list<SyncRow>('/api/iptv/syncs');
    expect(page).toMatchObject({ totalRecords: 3, sortKey: 'startedAt', sortDirection: 'descending' });
    expect(ids(page)).toEqual([syncIds.playlistRunning, syncIds.panelFailed, syncIds.panelDone]);
    expect(page.records.find((r) => r.id === syncIds.panelDone)).toMatchObject({
      providerName: 'Panel',
      status: 'completed',
      phase: 'completed',
      listed: 12,
      workflowId: `iptv-sync/${providerIds.panel}`,
      finishedAt: expect.any(String),
    });
    expect(page.records.find((r) => r.id === syncIds.playlistRunning)).toMatchObject({ status: 'running', finishedAt: null });
    expect(page.records.find((r) => r.id === syncIds.panelFailed)).toMatchObject({ errorMessage: 'panel refused' });
  });

  it('filters by provider and status, sorts by status and finish both ways, and pages', async () => {
    expect(ids(await list(`/api/iptv/syncs?providerId=${providerIds.panel}`))).toEqual([syncIds.panelFailed, syncIds.panelDone]);
    expect(ids(await list('/api/iptv/syncs?status=running,failed'))).toEqual([syncIds.playlistRunning, syncIds.panelFailed]);
    expect(ids(await list(`/api/iptv/syncs?providerId=${providerIds.playlist}&status=completed`))).toEqual([]);
    expect(ids(await list('/api/iptv/syncs?sortKey=status&sortDirection=ascending'))).toEqual([
      syncIds.playlistRunning,
      syncIds.panelDone,
      syncIds.panelFailed,
    ]);
    expect(ids(await list('/api/iptv/syncs?sortKey=status&sortDirection=descending'))).toEqual([
      syncIds.panelFailed,
      syncIds.panelDone,
      syncIds.playlistRunning,
    ]);
    // Unfinished syncs have no finish time: last going up, first going down.
    expect(ids(await list('/api/iptv/syncs?sortKey=finishedAt&sortDirection=ascending'))).toEqual([
      syncIds.panelDone,
      syncIds.panelFailed,
      syncIds.playlistRunning,
    ]);
    const second = await list('/api/iptv/syncs?pageSize=2&page=2');
    expect(second.totalRecords).toBe(3);
    expect(ids(second)).toEqual([syncIds.panelDone]);
  });
});

describe('bad filters and paging', () => {
  it.each([
    ['/api/requests?pageSize=0', 'querystring.pageSize'],
    ['/api/requests?pageSize=501', 'querystring.pageSize'],
    ['/api/requests?page=0', 'querystring.page'],
    ['/api/requests?page=abc', 'querystring.page'],
    ['/api/requests?sortKey=bogus', 'querystring.sortKey'],
    ['/api/requests?sortDirection=up', 'querystring.sortDirection'],
    ['/api/requests?status=bogus', 'querystring.status'],
    ['/api/requests?status=FAILED,bogus', 'querystring.status'],
    ['/api/requests?status=', 'querystring.status'],
    ['/api/requests?type=music', 'querystring.type'],
    ['/api/requests?colour=red', 'querystring.colour'],
    ['/api/items?requestId=abc', 'querystring.requestId'],
    ['/api/items?waitingFor=bogus', 'querystring.waitingFor'],
    ['/api/items?step=bogus', 'querystring.step'],
    ['/api/items?sortKey=title', 'querystring.sortKey'],
    ['/api/scans?libraryId=abc', 'querystring.libraryId'],
    ['/api/scans?status=RUNNING', 'querystring.status'],
    ['/api/libraries/abc/scans', 'params.id'],
    ['/api/iptv/syncs?providerId=abc', 'querystring.providerId'],
    ['/api/iptv/syncs?status=done', 'querystring.status'],
    ['/api/iptv/syncs?pageSize=1000', 'querystring.pageSize'],
  ])('%s is a 400 naming %s', async (url, field) => {
    expect(await refused(url)).toContain(field);
  });

  it('says which value of several is wrong, and what is allowed', async () => {
    const message = await refused('/api/items?status=FAILED,bogus');
    expect(message).toMatch(/^querystring\.status\.1: /);
    expect(message).toContain('"CANCELLED"');
    expect(await refused('/api/items?requestId=abc')).toBe('querystring.requestId: a request id in UUID form');
    expect(await refused('/api/items?pageSize=0')).toMatch(/^querystring\.pageSize: /);
  });
});

describe('a request of 10,000 items', () => {
  it('pages to the last item and past it, and filters within it', async () => {
    const requests = new RequestRepository(database.db);
    const id = randomUUID();
    const severance = (await requests.get(requestIds.severance))!;
    await requests.create({ ...severance, id, workflowId: `request/${id}`, title: 'Long show' });
    const planned = Array.from({ length: 10_000 }, (_, i) => ({ seasonNumber: 1, episodeNumber: i + 1, title: null, airDate: null }));
    await requests.upsertItems(id, planned);
    await database.sql`analyze processing_items`;

    type Row = { episodeNumber: number };
    const episodes = (page: Paged<Row>) => page.records.map((r) => r.episodeNumber);
    const last = await list<Row>(`/api/items?requestId=${id}&sortKey=episode&sortDirection=ascending&pageSize=500&page=20`);
    expect(last.totalRecords).toBe(10_000);
    expect(episodes(last)).toEqual(Array.from({ length: 500 }, (_, i) => 9_501 + i));
    expect((await list(`/api/items?requestId=${id}&pageSize=500&page=21`)).records).toEqual([]);
    const everyone = await list('/api/items?pageSize=500&page=21');
    expect([everyone.totalRecords, everyone.records.length]).toEqual([10_008, 8]);
    expect((await list<Row>(`/api/items?requestId=${id}&sortKey=episode&pageSize=1`)).records[0]!.episodeNumber).toBe(10_000);
    expect((await list(`/api/items?requestId=${id}&status=PENDING&step=air-date`)).totalRecords).toBe(10_000);
    expect((await list(`/api/items?requestId=${id}&waitingFor=retry`)).totalRecords).toBe(0);
  });
});

describe('the OpenAPI document', () => {
  it('describes every list with its filters, paging and sort keys', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json', headers: authHeaders })).json();
    const parameters = (path: string) =>
      (doc.paths[path].get.parameters as { name: string; in: string; schema: { enum?: string[] } }[]).filter((p) => p.in === 'query');
    const names = (path: string) => parameters(path).map((p) => p.name);
    const paging = ['page', 'pageSize', 'sortKey', 'sortDirection'];
    expect(names('/api/requests')).toEqual(expect.arrayContaining(['status', 'type', 'q', ...paging]));
    expect(names('/api/items')).toEqual(expect.arrayContaining(['status', 'step', 'waitingFor', 'requestId', ...paging]));
    expect(names('/api/scans')).toEqual(expect.arrayContaining(['libraryId', 'status', ...paging]));
    expect(names('/api/libraries/{id}/scans')).toEqual(expect.arrayContaining(['status', ...paging]));
    expect(names('/api/iptv/syncs')).toEqual(expect.arrayContaining(['providerId', 'status', ...paging]));
    expect(parameters('/api/items').find((p) => p.name === 'sortKey')!.schema.enum).toEqual([
      'createdAt',
      'updatedAt',
      'status',
      'progress',
      'episode',
    ]);
    const itemPage = doc.paths['/api/items'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(itemPage.properties)).toEqual(['page', 'pageSize', 'sortKey', 'sortDirection', 'totalRecords', 'records']);
  });
});
