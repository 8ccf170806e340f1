import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onCleanup } from '../support/cleanup.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  startTestWorker,
  TEST_API_KEY,
  type TestDatabase,
} from '../support/integration.js';
import { makeVideo } from '../support/media-fixtures.js';
import { createProfile, createTarget } from '../support/request-pipeline.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * `reelflow` as people run it: the bin, in a process of its own, against an API listening on a port, with
 * the real database, Temporal and workers behind it. Routes that are not served yet are exercised against a
 * loopback stand-in that records what the command sent.
 */
const BIN = fileURLToPath(new URL('../../bin/reelflow.js', import.meta.url));
const taskQueue = `test-${randomUUID()}`;
const mediaRoot = tempDir('reelflow-media-');
const moviesRoot = path.join(mediaRoot, 'Movies');
/** A folder without ./data, so no key is found there unless a test puts one. */
const workDir = tempDir('reelflow-cli-');
let database: TestDatabase;
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  for (const name of ['Heat (1995)', 'Ronin (1998)', 'Collateral (2004)']) await makeVideo(path.join(moviesRoot, name, `${name}.mkv`));
  database = await createTestDatabase();
  app = await createTestApp({ database, temporal: await createTestClient(), taskQueue, mediaRoots: [mediaRoot] });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});

let workerStarted: Promise<unknown> | undefined;
/** The workers, from the moment a test needs them on (the scan test starts its scan before them). */
const worker = () => (workerStarted ??= startTestWorker(database.db, taskQueue));

const apiGet = async (route: string) => (await app.inject({ method: 'GET', url: route, headers: authHeaders })).json();

describe('reelflow against the running API', () => {
  // Runs that do not depend on each other run side by side: each is a Node process of its own.
  it('health: readable, and --json is the API answer', async () => {
    const [plain, json] = await Promise.all([reelflow(['health']), reelflow(['health', '--json'])]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(`Reelflow at ${url}: ok`);
    expect(plain.stdout).toMatch(/Postgres\s+ok/);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(await apiGet('/healthz'));
  });

  it('finds the key in --api-key, then REELFLOW_API_KEY, then the data dir of npm start', async () => {
    const dataDir = tempDir('reelflow-data-');
    fs.writeFileSync(path.join(dataDir, 'api-key'), `${TEST_API_KEY}\n`);
    const wrongKey = 'not-the-key-0123456789';
    const [none, fromDataDir, wrongEnv, flag] = await Promise.all([
      reelflow(['libraries', 'list'], { REELFLOW_API_KEY: undefined }),
      reelflow(['libraries', 'list'], { REELFLOW_API_KEY: undefined, REELFLOW_DATA_DIR: dataDir }),
      reelflow(['libraries', 'list'], { REELFLOW_API_KEY: wrongKey, REELFLOW_DATA_DIR: dataDir }),
      reelflow(['libraries', 'list', '--api-key', TEST_API_KEY], { REELFLOW_API_KEY: wrongKey }),
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^reelflow: 401: .*\(API key: none/);
    expect(fromDataDir.code).toBe(0);
    expect(fromDataDir.stdout).toContain('(none)');
    expect(wrongEnv.code).toBe(1);
    expect(wrongEnv.stderr).toContain('API key: REELFLOW_API_KEY');
    expect(flag.code).toBe(0);
  });

  it('prints a refusal plainly, naming the field, with a non-zero exit (and the error body with --json)', async () => {
    const nowhere = path.join(mediaRoot, 'nope');
    const [bad, missing, decision] = await Promise.all([
      reelflow(['libraries', 'add', 'Films', 'films', moviesRoot]),
      reelflow(['libraries', 'add', 'Nowhere', 'movie', nowhere, '--json']),
      reelflow(['items', 'approve', randomUUID()]),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^reelflow: 400: body\.kind: /);
    expect(bad.stdout).toBe('');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ statusCode: 400, message: `rootPath "${nowhere}" does not exist` });
    expect(decision.code).toBe(1);
    expect(decision.stderr).toMatch(/^reelflow: 404: /);
  });

  it('says which address it could not reach', async () => {
    const closed = await closedPort();
    const down = await reelflow(['--url', `http://127.0.0.1:${closed}`, 'health']);
    expect(down.code).toBe(1);
    expect(down.stderr).toBe(
      `reelflow: Cannot reach Reelflow at http://127.0.0.1:${closed} (ECONNREFUSED). Set the address with --url or REELFLOW_URL.\n`,
    );
  });

  it('libraries add, then scan --watch shows the folders scanned and ends with the scan; --json matches the API', async () => {
    const added = await reelflow(['libraries', 'add', 'Movies', 'movie', moviesRoot, '--json']);
    expect(added.code).toBe(0);
    const library = JSON.parse(added.stdout);
    expect(library).toMatchObject({ name: 'Movies', kind: 'movie', rootPath: moviesRoot });
    const [listed, table] = await Promise.all([reelflow(['libraries', 'list', '--json']), reelflow(['libraries', 'list'])]);
    expect(JSON.parse(listed.stdout)).toEqual(await apiGet('/api/libraries'));
    expect(table.stdout).toMatch(new RegExp(`${library.id}\\s+Movies\\s+movie\\s+${moviesRoot}`));

    // No worker polls the queue yet: the scan waits, and the watch is open before anything is scanned.
    const started = Date.now();
    const watch = startReelflow(['libraries', 'scan', 'Movies', '--watch']);
    await watch.waitFor('stderr', 'Scan Movies: 0/? folders');
    await worker();
    const done = await watch.exited;

    expect(done.code).toBe(0);
    const progress = done.stderr.trim().split('\n');
    expect(progress[0]).toBe('Scan Movies: 0/? folders running');
    expect(progress.at(-1)).toBe('Scan Movies: 3/3 folders completed');
    expect(done.stdout).toMatch(/^Scanning Movies: scan [0-9a-f-]{36}\n/);
    expect(done.stdout).toMatch(/Status:\s+completed/);
    expect(done.stdout).toMatch(/Titles:\s+3 found, 3 new/);
    expect(Date.now() - started).toBeLessThan(30_000);

    const scanId = /scan ([0-9a-f-]{36})/.exec(done.stdout)![1]!;
    const shown = await reelflow(['scans', 'show', scanId, '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(await apiGet(`/api/scans/${scanId}`));
    expect(JSON.parse(shown.stdout)).toMatchObject({ status: 'completed', directoriesTotal: 3, directoriesScanned: 3, titlesNew: 3 });
  });

  it('requests add, requests watch to the end of its item, the item decisions, and show --json as the API', async () => {
    await worker();
    const profile = await createProfile(app);
    const target = await createTarget(app, tempDir('reelflow-target-'));
    const args = ['--type', 'movie', '--tmdb', '949', '--title', 'Heat', '--year', '1995', '--profile', profile, '--target', target];
    const added = await reelflow(['requests', 'add', ...args, '--json']);
    expect(added.code).toBe(0);
    const request = JSON.parse(added.stdout);
    expect(request).toMatchObject({
      type: 'movie',
      tmdbId: 949,
      title: 'Heat',
      year: 1995,
      qualityProfileId: profile,
      targetIds: [target],
    });

    // No indexer is configured: the search fails for good, and the item waits for a person.
    const watched = await reelflow(['requests', 'watch', request.id]);
    expect(watched.code).toBe(1);
    expect(watched.stderr.trim().split('\n').at(-1)).toBe('Heat (1995): 0 % FAILED');
    expect(watched.stdout).toMatch(/Heat \(1995\)\s+FAILED\s+0\s+retry or cancel\s+-\s+search: No Torznab indexer is enabled/);
    const itemId = /^([0-9a-f-]{36})\s+Heat/m.exec(watched.stdout)![1]!;
    expect(watched.stdout).toContain(`reelflow items retry ${itemId}`);

    const approve = await reelflow(['items', 'approve', itemId]);
    expect(approve.code).toBe(1);
    expect(approve.stderr).toMatch(/^reelflow: 409: Item is FAILED/);
    const cancel = await reelflow(['items', 'cancel', itemId]);
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toBe(`cancel: accepted for item ${itemId} (FAILED)\n`);
    await until(async () => (await apiGet(`/api/requests/${request.id}/items`))[0].status === 'CANCELLED');

    const shown = await reelflow(['requests', 'show', request.id, '--json']);
    expect(JSON.parse(shown.stdout)).toEqual({
      request: await apiGet(`/api/requests/${request.id}`),
      items: await apiGet(`/api/requests/${request.id}/items`),
    });
    expect(JSON.parse(shown.stdout).items[0]).toMatchObject({ id: itemId, status: 'CANCELLED' });
  });

  it('activity, history and schedules --json are the API answers', async () => {
    const [history, historyTable, activity, schedules, unknown] = await Promise.all([
      reelflow(['history', '--json', '--type', 'scan.finished']),
      reelflow(['history', '--type', 'scan.finished']),
      reelflow(['activity', '--json']),
      reelflow(['schedules', 'list', '--json']),
      reelflow(['schedules', 'trigger', 'schedule/nope']),
    ]);
    expect(history.code).toBe(0);
    const events = JSON.parse(history.stdout);
    expect(events).toEqual(await apiGet('/api/history?type=scan.finished'));
    expect(events.events[0]).toMatchObject({ type: 'scan.finished', summary: 'Scan completed: 3 new, 0 updated, 0 removed, 0 errors' });
    expect(historyTable.stdout).toContain('scan.finished  Scan completed: 3 new');

    const { at: _at, ...rest } = JSON.parse(activity.stdout);
    const { at: _at2, ...expected } = await apiGet('/api/activity');
    expect(rest).toEqual(expected);

    expect(schedules.code).toBe(0);
    const listed = JSON.parse(schedules.stdout);
    expect(listed).toEqual(await apiGet('/api/schedules'));
    const library = (await apiGet('/api/libraries'))[0];
    expect(listed).toContainEqual(expect.objectContaining({ kind: 'library-scan', targetId: library.id }));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^reelflow: 404: /);
  });
});

describe('routes that are not served yet, against a loopback stand-in', () => {
  let stub: Server;
  let stubUrl: string;
  const received: { method: string; url: string; key: string | undefined; body: unknown }[] = [];
  const requestRecord = {
    id: randomUUID(),
    type: 'tv',
    tmdbId: 1396,
    tvdbId: null,
    imdbId: null,
    title: 'Breaking Bad',
    year: 2008,
    seasons: [1],
    episodes: [],
    qualityProfileId: randomUUID(),
    targetIds: [],
    requireApproval: false,
    status: 'PARTIAL',
    workflowId: 'request/x',
    lastError: null,
    createdAt: '2026-12-03T10:00:00.000Z',
    updatedAt: '2026-12-03T11:00:00.000Z',
    aggregates: { total: 7, completed: 6, failed: 1, cancelled: 0, active: 0 },
  };

  beforeAll(async () => {
    stub = createServer(async (request, response) => {
      received.push({
        method: request.method!,
        url: request.url!,
        key: request.headers['x-api-key'] as string,
        body: await jsonBody(request),
      });
      const answer = request.url!.startsWith('/api/requests')
        ? { page: 2, pageSize: 1, sortKey: 'createdAt', sortDirection: 'descending', totalRecords: 3, records: [requestRecord] }
        : request.url!.endsWith('/select-release')
          ? [409, { statusCode: 409, error: 'Conflict', message: 'Item is DOWNLOADING: a release can be chosen only before the download' }]
          : [404, { statusCode: 404, error: 'Not Found', message: 'Route not found' }];
      const [status, body] = Array.isArray(answer) ? answer : [200, answer];
      response.writeHead(status as number, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => stub.close(resolve)));

  it('requests list sends the paging, sorting and filters, and shows the page', async () => {
    const args = ['requests', 'list', '--page', '2', '--page-size', '1', '--sort', 'createdAt', '--direction', 'descending'];
    const listed = await reelflow([...args, '--status', 'FAILED,PARTIAL', '--type', 'tv', '--search', 'bad'], { REELFLOW_URL: stubUrl });
    expect(listed.code).toBe(0);
    const sent = new URL(received.at(-1)!.url, stubUrl);
    expect(sent.pathname).toBe('/api/requests');
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      page: '2',
      pageSize: '1',
      sortKey: 'createdAt',
      sortDirection: 'descending',
      status: 'FAILED,PARTIAL',
      type: 'tv',
      q: 'bad',
    });
    expect(received.at(-1)!.key).toBe(TEST_API_KEY);
    expect(listed.stdout).toMatch(new RegExp(`${requestRecord.id}\\s+tv\\s+Breaking Bad \\(2008\\)\\s+PARTIAL\\s+6/7 done, 1 failed`));
    expect(listed.stdout).toContain('Page 2 of 3 (3 requests, by createdAt descending)');

    const json = await reelflow(['requests', 'list', '--json'], { REELFLOW_URL: stubUrl });
    expect(JSON.parse(json.stdout).records).toEqual([requestRecord]);
  });

  it('items select-release posts the guid and prints a refusal with its reason', async () => {
    const itemId = randomUUID();
    const refused = await reelflow(['items', 'select-release', itemId, 'guid-123'], { REELFLOW_URL: stubUrl });
    expect(received.at(-1)).toMatchObject({ method: 'POST', url: `/api/items/${itemId}/select-release`, body: { guid: 'guid-123' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('reelflow: 409: Item is DOWNLOADING: a release can be chosen only before the download\n');
  });
});

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a `reelflow` run: the test API and key unless a test says otherwise (undefined unsets). */
function environment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, REELFLOW_URL: url, REELFLOW_API_KEY: TEST_API_KEY };
  delete env.REELFLOW_DATA_DIR;
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

function startReelflow(args: string[], overrides: Record<string, string | undefined> = {}) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { cwd: workDir, env: environment(overrides) });
  onCleanup(() => child.exitCode === null && child.kill('SIGKILL'));
  const output = { stdout: '', stderr: '' };
  const waiters: (() => void)[] = [];
  for (const name of ['stdout', 'stderr'] as const) {
    child[name]!.on('data', (chunk: Buffer) => {
      output[name] += chunk.toString();
      for (const wake of waiters.splice(0)) wake();
    });
  }
  const exited = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code, ...output })));
  const waitFor = async (name: 'stdout' | 'stderr', text: string) => {
    const deadline = Date.now() + 20_000;
    while (!output[name].includes(text)) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`reelflow ${args.join(' ')}: no "${text}" in ${name}: ${JSON.stringify(output)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return { exited, waitFor };
}

const reelflow = (args: string[], overrides: Record<string, string | undefined> = {}) => startReelflow(args, overrides).exited;

async function until(done: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  return text ? JSON.parse(text) : undefined;
}
