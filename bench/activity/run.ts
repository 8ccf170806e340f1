import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { EventSource } from 'eventsource';
import { build } from '../../src/api/app.js';
import { EventRepository } from '../../src/db/repositories/event-repository.js';
import { RequestRepository } from '../../src/db/repositories/request-repository.js';
import { libraries, libraryFolders, movies, processingItems, qualityProfiles, requests, scanRuns } from '../../src/db/schema/index.js';
import { EventRecorder } from '../../src/events/event-recorder.js';
import type { ProcessingItemStatus } from '../../src/db/schema/index.js';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { acquireTestPostgres } from '../../test/support/test-postgres.js';
import { createBenchDatabase } from '../support/bench-database.js';
import { CleanupStack } from '../support/cleanup-stack.js';
import { describeMachine, loadAverage1m } from '../support/machine.js';

/**
 * `npm run bench:activity [-- --quick]`: GET /api/activity over HTTP with 10,000 titles, 1,000 request
 * items and 50 titles whose pipeline is in flight, polled as a page polls it; and how long an item's
 * progress takes from the worker's record to an SSE client. The reference, measured in the same run, is
 * GET /api/libraries: the API's own floor for one small read from Postgres.
 * Targets: activity p99 ≤ 50 ms, event latency p99 ≤ 500 ms.
 */
const quick = process.argv.includes('--quick');
const TITLES = 10_000;
const ITEMS = 1_000;
const PIPELINES_IN_FLIGHT = 50;
const POLLS = quick ? 200 : 1_000;
const EVENTS = quick ? 100 : 500;
const API_KEY = randomBytes(24).toString('hex');

const cleanup = new CleanupStack();
process.once('SIGINT', () => void cleanup.run().then(() => process.exit(130)));

async function main() {
  const machine = describeMachine();
  const loadAtStart = loadAverage1m();
  const pg = await acquireTestPostgres();
  if (pg.embedded) cleanup.push('embedded Postgres', () => pg.embedded!.stop());
  const { sql, db } = await createBenchDatabase(pg.adminUrl, `reelflow_bench_activity_${process.pid}`, cleanup);
  cleanup.push('pool', () => sql.end({ timeout: 5 }));

  const seeded = performance.now();
  const scanId = await seed(db);
  const seedSeconds = round((performance.now() - seeded) / 1000);

  // GET /api/activity and the event stream need no Temporal server; the client is never dialled.
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = await build(
    {
      config: { taskQueue: 'bench-activity', mediaRoots: [] },
      apiKey: API_KEY,
      db,
      sql,
      temporal,
      credentialsCipher: new CredentialsCipher(randomBytes(32)),
    },
    { level: 'fatal' },
  );
  cleanup.push('API', () => app.close());
  const port = await findFreePort();
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  const get = async (url: string) => {
    const response = await fetch(`${base}${url}`, { headers: { 'x-api-key': API_KEY } });
    const body = await response.text();
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`);
    return body;
  };

  const activity = JSON.parse(await get('/api/activity')) as {
    scans: { directoriesTotal: number }[];
    pipelines: { titles: number }[];
    items: { counts: Record<string, number> };
  };
  if (activity.pipelines[0]?.titles !== PIPELINES_IN_FLIGHT || activity.scans[0]?.directoriesTotal !== TITLES)
    throw new Error(`unexpected activity: ${JSON.stringify(activity).slice(0, 300)}`);
  progress(`seeded ${TITLES} titles, ${ITEMS} items, ${PIPELINES_IN_FLIGHT} pipelines in flight in ${seedSeconds} s (scan ${scanId})`);

  // Warm both routes, then alternate them so both see the same machine.
  for (let i = 0; i < 20; i++) await Promise.all([get('/api/activity'), get('/api/libraries')]);
  const activityMs: number[] = [];
  const referenceMs: number[] = [];
  for (let i = 0; i < POLLS; i++) {
    activityMs.push(await timed(() => get('/api/activity')));
    referenceMs.push(await timed(() => get('/api/libraries')));
  }
  progress(
    `GET /api/activity: p50 ${percentile(activityMs, 50)} ms, p99 ${percentile(activityMs, 99)} ms (reference /api/libraries p50 ${percentile(referenceMs, 50)} ms)`,
  );

  // Event latency: an item's download progress as the download activity records it, to an SSE client.
  const recorder = new EventRecorder(new EventRepository(db), new RequestRepository(db));
  const [item] = await db.select({ id: processingItems.id }).from(processingItems).limit(1);
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const source = new EventSource(`${base}/api/events?type=item.progress&apikey=${API_KEY}`);
  cleanup.push('event stream', () => source.close());
  await new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = (error) => reject(new Error(`event stream: ${error.message ?? 'failed'}`));
  });
  let received = 0;
  const done = new Promise<void>((resolve) => {
    source.addEventListener('item.progress', (message) => {
      const percent = (JSON.parse(message.data as string) as { data: { percent: number } }).data.percent;
      latencies.push(performance.now() - sentAt.get(percent)!);
      if (++received === EVENTS) resolve();
    });
  });
  for (let n = 0; n < EVENTS; n++) {
    sentAt.set(n, performance.now());
    await recorder.itemProgress(item!.id, 'download', n);
    await sleep(10);
  }
  await done;
  progress(`event latency: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`);

  const figures = {
    benchmark: 'activity',
    quick,
    machine,
    loadAverage1m: { start: loadAtStart, end: loadAverage1m() },
    titles: TITLES,
    items: ITEMS,
    pipelinesInFlight: PIPELINES_IN_FLIGHT,
    polls: POLLS,
    events: EVENTS,
    activityP50Ms: percentile(activityMs, 50),
    activityP99Ms: percentile(activityMs, 99),
    referenceLibrariesP50Ms: percentile(referenceMs, 50),
    referenceLibrariesP99Ms: percentile(referenceMs, 99),
    eventLatencyP50Ms: percentile(latencies, 50),
    eventLatencyP99Ms: percentile(latencies, 99),
    targets: { activityP99Ms: 50, eventLatencyP99Ms: 500 },
  };
  const meetsTargets = figures.activityP99Ms <= 50 && figures.eventLatencyP99Ms <= 500;
  console.log(JSON.stringify({ ...figures, meetsTargets }));
}

/** A library of TITLES films mid-scan, PIPELINES_IN_FLIGHT of them with an unpublished change, and ITEMS request items in every state. */
async function seed(db: Awaited<ReturnType<typeof createBenchDatabase>>['db']): Promise<string> {
  const [library] = await db.insert(libraries).values({ name: 'Films', kind: 'movie', rootPath: '/bench/films' }).returning();
  const scanId = randomUUID();
  await db.insert(scanRuns).values({ id: scanId, libraryId: library!.id, workflowId: `scan/${library!.id}` });
  for (let start = 0; start < TITLES; start += 1_000) {
    const batch = Array.from({ length: 1_000 }, (_, k) => start + k);
    await db.insert(libraryFolders).values(
      batch.map((n) => ({
        libraryId: library!.id,
        key: `film-${n}`,
        kind: 'movie' as const,
        folderPath: `/bench/films/film-${n}`,
        fingerprint: String(n),
        videoFiles: [],
        fileCount: 1,
        seenScanId: scanId,
        ...(n % 2 === 0 ? { scannedScanId: scanId } : {}),
      })),
    );
    await db.insert(movies).values(
      batch.map((n) => ({
        libraryId: library!.id,
        title: `Film ${n}`,
        folderPath: `/bench/films/film-${n}`,
        folderKey: `film-${n}`,
        identificationStatus: 'identified' as const,
        identificationSource: 'nfo' as const,
        changeSeq: 2,
        pipelineSeq: n < PIPELINES_IN_FLIGHT ? 1 : 2,
      })),
    );
  }
  const [profile] = await db
    .insert(qualityProfiles)
    .values({
      name: 'Bench',
      encode: { videoCodec: 'libx264', crf: 23, preset: 'medium', maxHeight: 1080, audioCodec: 'aac', audioBitrateKbps: 160 },
    })
    .returning();
  const statuses: ProcessingItemStatus[] = [
    'COMPLETED',
    'COMPLETED',
    'COMPLETED',
    'COMPLETED',
    'COMPLETED',
    'DOWNLOADING',
    'ENCODING',
    'FOUND',
    'FAILED',
    'AWAITING',
  ];
  for (let r = 0; r < ITEMS / 10; r++) {
    const [request] = await db
      .insert(requests)
      .values({
        type: 'tv',
        title: `Show ${r}`,
        year: 2020,
        requireApproval: r % 2 === 0,
        qualityProfileId: profile!.id,
        workflowId: `request/${randomUUID()}`,
      })
      .returning();
    await db.insert(processingItems).values(
      statuses.map((status, e) => ({
        requestId: request!.id,
        seasonNumber: 1,
        episodeNumber: e + 1,
        status,
        progress: status === 'DOWNLOADING' ? 40 : 0,
      })),
    );
  }
  return scanId;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (line: string) => console.error(line);

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
