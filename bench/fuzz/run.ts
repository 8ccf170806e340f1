import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import fc from 'fast-check';
import { build } from '../../src/api/app.js';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { installTemporalRuntime } from '../../src/workers/temporal-runtime.js';
import { anyWriteRequest, defaultSeedBodies, writeRoutes, type FuzzRequest } from '../../test/support/fuzz-requests.js';
import { makeVideo } from '../../test/support/media-fixtures.js';
import { createBenchDatabase } from '../support/bench-database.js';
import { startBenchServers } from '../support/bench-servers.js';
import { CleanupStack } from '../support/cleanup-stack.js';
import { describeMachine, loadAverage1m } from '../support/machine.js';
import { startWorkerProcess } from '../support/worker-process.js';
import { mutatedNfo } from './mutated-nfo.js';

/**
 * `npm run bench:fuzz [-- --quick]`: mutated requests to every write route of the running API (over
 * HTTP, real Postgres and Temporal) and mutated movie.nfo files through a library scan on a real worker.
 * Counts answers by status class; a 5xx, a request with no answer, a failed scan or a folder neither
 * recorded as a title nor named by a scan issue is a failure.
 */
const quick = process.argv.includes('--quick');
const REQUESTS = quick ? 300 : 10_000;
const NFO_FILES = quick ? 30 : 1_000;
const CONCURRENCY = 8;
const SEED = 20_261_203;
const API_KEY = randomBytes(24).toString('hex');

installTemporalRuntime('error');
const cleanup = new CleanupStack();
process.once('SIGINT', () => void cleanup.run().then(() => process.exit(130)));

async function main() {
  const machine = describeMachine();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelflow-bench-fuzz-'));
  cleanup.push('work dir', () => fs.rmSync(workDir, { recursive: true, force: true }));

  const { server, pg, bundlePath } = await startBenchServers(workDir, cleanup);
  const { databaseUrl, sql, db } = await createBenchDatabase(pg.adminUrl, `reelflow_bench_fuzz_${process.pid}`, cleanup);
  cleanup.push('pool', () => sql.end({ timeout: 5 }));

  const secretKey = randomBytes(32);
  const taskQueue = `bench-fuzz-${randomUUID()}`;
  // The scan alone: the pipelines a scan starts would go to providers this benchmark does not have.
  process.env.TITLE_PIPELINES_AFTER_SCAN = 'off';
  await startWorkerProcess({ address: server.address, databaseUrl, taskQueue, dataDir: workDir, bundlePath, secretKey }, cleanup);
  const connection = await Connection.connect({ address: server.address });
  cleanup.push('client', () => connection.close());
  const temporal = new Client({ connection });

  const app = await build(
    { config: { taskQueue, mediaRoots: [] }, apiKey: API_KEY, db, sql, temporal, credentialsCipher: new CredentialsCipher(secretKey) },
    { level: 'fatal' },
  );
  cleanup.push('API', () => app.close());
  const port = await findFreePort();
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { 'x-api-key': API_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
  };

  // 1. Mutated requests to every write route.
  const routes = writeRoutes((await api('GET', '/docs/json')).json as never);
  const fuzzFolder = fs.mkdtempSync(path.join(workDir, 'api-'));
  const profile = await api('POST', '/api/quality-profiles', { name: 'Fuzz' });
  const target = await api('POST', '/api/delivery-targets', { name: 'Fuzz', kind: 'local', path: fuzzFolder });
  const library = await api('POST', '/api/libraries', { name: 'Fuzz', kind: 'movie', rootPath: fuzzFolder });
  const knownIds = [profile, target, library].filter((r) => r.status < 300).map((r) => String(r.json!.id));
  const seeds = defaultSeedBodies(fuzzFolder, { qualityProfileId: knownIds[0], targetId: knownIds[1] });
  const requests = fc.sample(anyWriteRequest(routes, knownIds, seeds), { seed: SEED, numRuns: REQUESTS });
  const byClass: Record<string, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
  const failures: string[] = [];
  let noAnswer = 0;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const status = await send(base, request);
        if (status === undefined) {
          noAnswer += 1;
          failures.push(`${request.route}: no answer (${request.url})`);
          continue;
        }
        const statusClass = `${Math.floor(status / 100)}xx`;
        byClass[statusClass] = (byClass[statusClass] ?? 0) + 1;
        if (status >= 500) failures.push(`${request.route}: ${status} for ${request.url} ${request.payload?.slice(0, 200) ?? ''}`);
      }
    }),
  );
  const requestSeconds = (performance.now() - started) / 1000;

  // 2. Mutated movie.nfo files through a scan.
  const libraryRoot = path.join(workDir, 'library');
  const video = await makeVideo(path.join(workDir, 'source.mkv'));
  const folders: string[] = [];
  for (let i = 0; i < NFO_FILES; i += 1) {
    const folder = `Fuzz Movie ${i} (${1990 + (i % 30)})`;
    fs.mkdirSync(path.join(libraryRoot, folder), { recursive: true });
    fs.linkSync(video, path.join(libraryRoot, folder, `${folder}.mkv`));
    fs.writeFileSync(path.join(libraryRoot, folder, 'movie.nfo'), mutatedNfo(i, SEED));
    folders.push(folder);
  }
  const movieLibrary = await api('POST', '/api/libraries', { name: 'NFO fuzz', kind: 'movie', rootPath: libraryRoot });
  const scan = await api('POST', `/api/libraries/${String(movieLibrary.json!.id)}/scan`);
  const scanStarted = performance.now();
  let scanFailed = false;
  try {
    await temporal.workflow.getHandle(String(scan.json!.workflowId)).result();
  } catch (error) {
    scanFailed = true;
    failures.push(`scan failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const scanSeconds = (performance.now() - scanStarted) / 1000;
  const recorded = new Set<string>();
  for (let page = 1; ; page += 1) {
    const list = await api('GET', `/api/movies?libraryId=${String(movieLibrary.json!.id)}&pageSize=500&page=${page}`);
    const items = (list.json?.items ?? []) as { folderPath: string | null }[];
    for (const item of items) if (item.folderPath) recorded.add(path.basename(item.folderPath));
    if (items.length < 500) break;
  }
  const issues = ((await api('GET', `/api/scans/${String(scan.json!.scanId)}/issues`)).json ?? []) as unknown as {
    path: string;
    folderKey: string | null;
  }[];
  const named = new Set(issues.map((issue) => issue.folderKey ?? issue.path.split('/')[0] ?? ''));
  const lost = scanFailed ? folders : folders.filter((folder) => !recorded.has(folder) && !named.has(folder));
  for (const folder of lost.slice(0, 20)) failures.push(`NFO fuzz: ${folder} is neither a title nor a scan issue`);
  const nfoIssues = issues.filter((issue) => issue.path.endsWith('movie.nfo')).length;

  const figures = {
    benchmark: 'fuzz',
    quick,
    machine,
    loadAverage1m: loadAverage1m(),
    routes: routes.length,
    requestsPerSecond: Math.round(REQUESTS / requestSeconds),
    byStatusClass: byClass,
    nfoFiles: NFO_FILES,
    nfoTitlesRecorded: recorded.size,
    nfoIssues,
    scanSeconds: Math.round(scanSeconds * 10) / 10,
  };
  console.log(`machine: ${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}, load ${figures.loadAverage1m}`);
  console.log(
    `${REQUESTS} mutated requests to ${routes.length} write routes in ${requestSeconds.toFixed(1)} s: ${Object.entries(byClass)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}, no answer ${noAnswer}`,
  );
  console.log(
    `${NFO_FILES} mutated movie.nfo through a scan in ${figures.scanSeconds} s: ${recorded.size} titles recorded, ${nfoIssues} NFO issues, ${lost.length} folders lost${scanFailed ? ' (the scan failed)' : ''}`,
  );
  for (const failure of failures.slice(0, 30)) console.log(`  FAIL ${failure}`);
  console.log(JSON.stringify(figures));
  console.log(JSON.stringify({ requests: REQUESTS, '5xx': byClass['5xx'], crashes: noAnswer, nfoCrashes: lost.length }));
  return failures.length === 0;
}

/** The status of one request, or undefined when none came within 30 s (a hang or a dropped connection). */
async function send(base: string, request: FuzzRequest): Promise<number | undefined> {
  try {
    const res = await fetch(`${base}${request.url}`, {
      method: request.method,
      headers: { 'x-api-key': API_KEY, ...(request.payload === undefined ? {} : { 'content-type': 'application/json' }) },
      body: request.payload,
      signal: AbortSignal.timeout(30_000),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return undefined;
  }
}

main().then(
  (ok) => cleanup.run().then(() => process.exit(ok ? 0 : 1)),
  async (error: unknown) => {
    console.error(error);
    await cleanup.run();
    process.exit(1);
  },
);
