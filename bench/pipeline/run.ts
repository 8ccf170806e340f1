import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Sql } from 'postgres';
import { eq } from 'drizzle-orm';
import { build } from '../../src/api/app.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { NotificationConfigRepository } from '../../src/db/repositories/notification-config-repository.js';
import { PathMappingRepository } from '../../src/db/repositories/path-mapping-repository.js';
import { ProviderRepository } from '../../src/db/repositories/provider-repository.js';
import { movies } from '../../src/db/schema/index.js';
import { notificationConfigSchemas } from '../../src/integrations/notification-config.js';
import { installTemporalRuntime } from '../../src/workers/temporal-runtime.js';
import { libraryScanWorkflowId, type ScanProgress } from '../../src/contracts/scan.js';
import { titlePipelineWorkflowId } from '../../src/contracts/title-pipeline.js';
import { startFakeImageHost } from '../../test/fakes/image-host.js';
import { KODI_FAKE_PASSWORD, KODI_FAKE_USER, startFakeKodi, type FakeKodi } from '../../test/fakes/kodi.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY, type FakeTmdbExtras } from '../../test/fakes/tmdb.js';
import { makeVideo } from '../../test/support/media-fixtures.js';
import { CleanupStack } from '../support/cleanup-stack.js';
import { startInProcessStack } from '../support/in-process-stack.js';
import { describeMachine, loadAverage1m } from '../support/machine.js';
import { mapLimited } from '../support/map-limited.js';
import { waitUntilAllPublished } from '../support/wait-until-published.js';
import { stackCpuSnapshot, stackCpuSpent } from '../support/process-cpu.js';

/**
 * `npm run bench:pipeline [-- --quick]`: the library pipeline on a real Temporal dev server, real Postgres,
 * ffmpeg and files, with TMDB, an image CDN and Kodi as loopback fakes —
 *   1. Radarr webhook → Kodi `VideoLibrary.Scan` of that folder: p50/p95 with a warm provider cache
 *      (target p50 ≤ 0.5 s, p95 ≤ 0.7 s); reference: the same titles' first delivery, cache cold, in the same run;
 *   2. N titles (1,000; --quick 50; --titles N) through the pipeline after a scan, TMDB limited to 40
 *      requests/s: titles/s (target ≥ 20), Temporal history events per title (target ≤ 35) and where the
 *      CPU went; reference: the scan alone.
 * Progress goes to stderr; figures to stdout, ending with one JSON line.
 */
const quick = process.argv.includes('--quick');
const LATENCY_TITLES = quick ? 6 : 30;
const titlesArgument = process.argv.indexOf('--titles');
const THROUGHPUT_TITLES = titlesArgument > 0 ? Number(process.argv[titlesArgument + 1]) : quick ? 50 : 1_000;
const HISTORY_SAMPLE = 20;
const TMDB_RATE = 40;
const TARGET_TITLES_PER_SECOND = 20;
const TARGET_EVENTS_PER_TITLE = 35;
const TARGET_WARM_P50_SECONDS = 0.5;
const TARGET_WARM_P95_SECONDS = 0.7;
const API_KEY = randomBytes(16).toString('hex');

installTemporalRuntime('error');
const cleanup = new CleanupStack();
const progress = (line: string) => console.error(`· ${line}`);
process.once('SIGINT', () => void cleanup.run().then(() => process.exit(130)));

async function main() {
  const machine = describeMachine();
  const loadAtStart = loadAverage1m();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelflow-bench-pipeline-'));
  cleanup.push('work dir', () => fs.rmSync(workDir, { recursive: true, force: true }));

  progress('starting Temporal dev server, Postgres, fakes and the worker');
  const [{ db, sql, cipher, taskQueue, client }, images, kodi] = await Promise.all([
    startInProcessStack('pipeline', workDir, cleanup),
    startFakeImageHost(),
    startFakeKodi(),
  ]);
  cleanup.push('fakes', async () => void (await Promise.all([images.close(), kodi.close()])));
  // TMDB as it is: 40 requests a second, a 429 with Retry-After beyond that.
  const tmdbExtras: FakeTmdbExtras = { rateLimitPerSecond: TMDB_RATE };
  const tmdb = await startFakeTmdb({ imageBaseUrl: `${images.url}/t/p/`, extras: tmdbExtras });
  cleanup.push('TMDB fake', () => tmdb.close());
  const app = await build({ config: { taskQueue, mediaRoots: [] }, apiKey: API_KEY, db, sql, temporal: client, credentialsCipher: cipher });
  cleanup.push('API', () => app.close());

  await new ProviderRepository(db, cipher).create({
    name: 'tmdb',
    kind: 'tmdb',
    enabled: true,
    priority: 0,
    rateLimitPerSecond: TMDB_RATE,
    timeoutMs: 5_000,
    baseUrl: tmdb.baseUrl,
    credentials: { apiKey: TMDB_FAKE_API_KEY },
  });
  const video = await makeVideo(path.join(workDir, 'source', 'video.mkv'), { audio: [{ language: 'eng' }] });
  const latencyRoot = await makeLibraryFolders(path.join(workDir, 'latency'), LATENCY_TITLES, video);
  const throughputRoot = await makeLibraryFolders(path.join(workDir, 'throughput'), THROUGHPUT_TITLES, video);
  const libraries = new LibraryRepository(db);
  const latencyLibrary = await libraries.create({ name: 'Latency', kind: 'movie', rootPath: latencyRoot });
  const throughputLibrary = await libraries.create({ name: 'Throughput', kind: 'movie', rootPath: throughputRoot });
  await new PathMappingRepository(db).put(latencyLibrary.id, '/movies', latencyRoot);
  const kodiConfig = notificationConfigSchemas.kodi.parse({
    groups: [
      {
        name: 'htpc',
        hosts: [
          {
            name: 'htpc',
            url: kodi.url,
            username: KODI_FAKE_USER,
            password: KODI_FAKE_PASSWORD,
            pathMappings: [{ from: latencyRoot, to: 'smb://nas/movies' }],
          },
        ],
      },
    ],
    coalesceSeconds: 0,
    timeoutMs: 5_000,
  });
  await new NotificationConfigRepository(db, cipher).put('kodi', true, kodiConfig as never);

  // ── 1. Webhook → Kodi scan latency ──
  const names = folderNames(LATENCY_TITLES);
  const deliver = async (name: string, fileId: number) => {
    const started = Date.now();
    const response = await app.inject({
      method: 'POST',
      url: `/api/webhooks/radarr?apikey=${API_KEY}`,
      payload: {
        eventType: 'Download',
        instanceName: 'Radarr',
        isUpgrade: fileId > 1,
        movie: { id: 1, title: name, year: 2000, folderPath: `/movies/${name}`, tmdbId: 603 },
        movieFile: { id: fileId, relativePath: `${name}.mkv`, quality: 'Bluray-1080p', size: 1 },
      },
    });
    if (response.statusCode !== 200) throw new Error(`webhook answered ${response.statusCode}: ${response.body}`);
    const expected = `smb://nas/movies/${name}/`;
    const seen = await waitForKodiScan(kodi, expected, fileId, started);
    return (seen - started) / 1000;
  };
  progress(`latency: ${LATENCY_TITLES} titles, first delivery each (provider cache cold)`);
  const cold: number[] = [];
  for (const name of names) cold.push(await deliver(name, 1));
  progress(`latency: ${LATENCY_TITLES} titles, an upgrade delivery each (provider cache warm)`);
  const warm: number[] = [];
  for (const name of names) warm.push(await deliver(name, 2));
  progress(`latency: warm p50 ${round(percentile(warm, 50), 3)} s, cold p50 ${round(percentile(cold, 50), 3)} s`);

  // ── 2. Throughput after a scan ──
  progress(`throughput: scanning ${THROUGHPUT_TITLES} titles; every new title runs its pipeline`);
  const cpuBefore = stackCpuSnapshot();
  const roundTripsBefore = await postgresTransactions(sql);
  const started = performance.now();
  const handle = await client.workflow.start('libraryScan', {
    taskQueue,
    workflowId: libraryScanWorkflowId(throughputLibrary.id),
    args: [{ libraryId: throughputLibrary.id }],
  });
  const scanned = (await handle.result()) as ScanProgress;
  const scanSeconds = (performance.now() - started) / 1000;
  const ids = (await db.select({ id: movies.id }).from(movies).where(eq(movies.libraryId, throughputLibrary.id))).map((r) => r.id);
  // Done when every title's pass is recorded (pipeline_seq), which each pass does after telling the players:
  // whether a titleImport or a pipeline run of its own published it.
  await waitUntilAllPublished(db, throughputLibrary.id, THROUGHPUT_TITLES);
  const totalSeconds = (performance.now() - started) / 1000;
  const cpu = stackCpuSpent(cpuBefore, stackCpuSnapshot());
  const roundTrips = (await postgresTransactions(sql)) - roundTripsBefore;
  const cpuMsPerTitle = Object.fromEntries(
    Object.entries(cpu).map(([who, seconds]) => [who, round((seconds * 1000) / THROUGHPUT_TITLES, 1)]),
  );

  progress(`history: ${HISTORY_SAMPLE} sampled titles`);
  const sample = ids.slice(0, HISTORY_SAMPLE);
  // A title's share of its titleImport's history (an import per scan batch), and its own workflows if any.
  const importIds: string[] = [];
  for await (const run of client.workflow.list({
    query: `WorkflowType = 'titleImport' AND ReelflowLibraryId = '${throughputLibrary.id}'`,
  })) {
    importIds.push(run.workflowId);
  }
  const importEvents = (await mapLimited(importIds, 5, (id) => countEvents(client, id))).reduce((a, b) => a + b, 0);
  const perTitle = await mapLimited(sample, 5, async (id) => {
    const [own, notify, fetch] = await Promise.all([
      countEvents(client, titlePipelineWorkflowId('movie', id)),
      countEvents(client, `notify/movie/${id}/change-1`),
      countEvents(client, `provider-fetch/movie/${id}`),
    ]);
    return { own: own + importEvents / THROUGHPUT_TITLES, notify, fetch };
  });
  const avg = (pick: (e: (typeof perTitle)[number]) => number) => round(perTitle.reduce((sum, e) => sum + pick(e), 0) / perTitle.length, 1);
  const scanEvents = await countEvents(client, libraryScanWorkflowId(throughputLibrary.id));

  const figures = {
    benchmark: 'pipeline',
    quick,
    machine,
    loadAverage1m: { start: loadAtStart, end: loadAverage1m() },
    webhookToKodi: {
      titles: LATENCY_TITLES,
      warmCache: { p50: round(percentile(warm, 50), 3), p95: round(percentile(warm, 95), 3), max: round(Math.max(...warm), 3) },
      reference: { coldCacheP50: round(percentile(cold, 50), 3), coldCacheP95: round(percentile(cold, 95), 3) },
      targetP50Seconds: TARGET_WARM_P50_SECONDS,
      targetP95Seconds: TARGET_WARM_P95_SECONDS,
      meetsTarget: percentile(warm, 50) <= TARGET_WARM_P50_SECONDS && percentile(warm, 95) <= TARGET_WARM_P95_SECONDS,
    },
    throughput: {
      titles: THROUGHPUT_TITLES,
      titlesNew: scanned.titlesNew,
      scanSeconds: round(scanSeconds, 2),
      totalSeconds: round(totalSeconds, 2),
      titlesPerSecond: round(THROUGHPUT_TITLES / totalSeconds, 2),
      targetTitlesPerSecond: TARGET_TITLES_PER_SECOND,
      targetHistoryEventsPerTitle: TARGET_EVENTS_PER_TITLE,
      tmdb: { rateLimitPerSecond: TMDB_RATE, refused429: tmdbExtras.refused ?? 0 },
      reference: { scanOnlyTitlesPerSecond: round(THROUGHPUT_TITLES / scanSeconds, 2) },
      historyEventsPerTitle: {
        pipeline: avg((e) => e.own),
        notifyTitle: avg((e) => e.notify),
        providerFetch: avg((e) => e.fetch),
        total: avg((e) => e.own + e.notify + e.fetch),
      },
      scanHistoryEvents: scanEvents,
      kodiCalls: kodi.calls.length,
      // Where the time goes: CPU per title of each part of the stack, and Postgres transactions (one per
      // statement outside a transaction: the round trips) per title.
      profile: { cpuMsPerTitle, postgresTransactionsPerTitle: round(roundTrips / THROUGHPUT_TITLES, 1) },
    },
  };
  if (scanned.titlesNew !== THROUGHPUT_TITLES) throw new Error(`scan found ${scanned.titlesNew} new titles, expected ${THROUGHPUT_TITLES}`);

  console.log(
    `webhook → Kodi scan, warm cache:  p50 ${figures.webhookToKodi.warmCache.p50} s  p95 ${figures.webhookToKodi.warmCache.p95} s  (target p50 ≤ ${TARGET_WARM_P50_SECONDS} s, p95 ≤ ${TARGET_WARM_P95_SECONDS} s: ${figures.webhookToKodi.meetsTarget ? 'met' : 'missed'})`,
  );
  console.log(
    `  reference, cold cache:           p50 ${figures.webhookToKodi.reference.coldCacheP50} s  p95 ${figures.webhookToKodi.reference.coldCacheP95} s`,
  );
  console.log(
    `${THROUGHPUT_TITLES} titles scan → pipeline → notify: ${figures.throughput.totalSeconds} s, ${figures.throughput.titlesPerSecond} titles/s (target ≥ ${TARGET_TITLES_PER_SECOND}; reference, the scan alone: ${figures.throughput.reference.scanOnlyTitlesPerSecond} titles/s); TMDB at ${TMDB_RATE}/s refused ${figures.throughput.tmdb.refused429} with 429`,
  );
  console.log(
    `history events per title: pipeline ${figures.throughput.historyEventsPerTitle.pipeline}, notifyTitle ${figures.throughput.historyEventsPerTitle.notifyTitle}, providerFetch ${figures.throughput.historyEventsPerTitle.providerFetch}; target ≤ ${TARGET_EVENTS_PER_TITLE} in all; the scan itself ${scanEvents}`,
  );
  console.log(
    `CPU per title (ms): ${Object.entries(cpuMsPerTitle)
      .map(([who, ms]) => `${who} ${ms}`)
      .join(', ')}; Postgres transactions per title ${figures.throughput.profile.postgresTransactionsPerTitle}`,
  );
  console.log(`load average (1 min): ${loadAtStart} at start, ${figures.loadAverage1m.end} at end, ${machine.cores} cores`);
  console.log(JSON.stringify(figures));
}

/** `Movie 0001 (2000)/` folders, each a hard link to one real video and a movie.nfo naming TMDB 603. */
async function makeLibraryFolders(root: string, count: number, video: string): Promise<string> {
  for (const name of folderNames(count)) {
    const folder = path.join(root, name);
    fs.mkdirSync(folder, { recursive: true });
    fs.linkSync(video, path.join(folder, `${name}.mkv`));
    fs.writeFileSync(
      path.join(folder, 'movie.nfo'),
      `<movie>\n  <title>${name}</title>\n  <year>2000</year>\n  <uniqueid type="tmdb" default="true">603</uniqueid>\n</movie>\n`,
    );
  }
  return root;
}

function folderNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Movie ${String(i + 1).padStart(4, '0')} (2000)`);
}

/** When Kodi received the `nth` scan of this directory (after `since`); polls the fake's call log. */
async function waitForKodiScan(kodi: FakeKodi, directory: string, nth: number, since: number): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const scans = kodi.callsOf('VideoLibrary.Scan').filter((c) => c.params.directory === directory);
    if (scans.length >= nth && scans[nth - 1]!.receivedAt >= since) return scans[nth - 1]!.receivedAt;
    if (Date.now() > deadline) throw new Error(`Kodi never scanned ${directory} (${scans.length} scans so far)`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Transactions committed or rolled back in this database so far (pg_stat_database; the stats lag by < 1 s). */
async function postgresTransactions(sql: Sql): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const [row] = await sql<
    { n: string }[]
  >`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`;
  return Number(row!.n);
}

async function countEvents(client: Client, workflowId: string): Promise<number> {
  try {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    return history.events?.length ?? 0;
  } catch {
    return 0;
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

main()
  .then(() => cleanup.run())
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanup.run();
    process.exitCode = 1;
  });
