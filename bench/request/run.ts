import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { build } from '../../src/api/app.js';
import { DEFAULT_PIPELINE_TIMINGS, type RequestPipelineSettings } from '../../src/config/request-pipeline-settings.js';
import { ProviderRepository } from '../../src/db/repositories/provider-repository.js';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { startTemporalDevServer } from '../../src/runtime/temporal-dev-server.js';
import { bundleReelflowWorkflows } from '../../src/workers/bundle-workflows.js';
import { createReelflowWorkers, runWorkers } from '../../src/workers/create-worker.js';
import { installTemporalRuntime } from '../../src/workers/temporal-runtime.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../../test/fakes/tmdb.js';
import { startFakeTorznab } from '../../test/fakes/torznab.js';
import { makeVideo } from '../../test/support/media-fixtures.js';
import { introducePeers, launchQbittorrent, seed } from '../../test/support/qbittorrent-process.js';
import { acquireTestPostgres } from '../../test/support/test-postgres.js';
import { createTorrent } from '../../test/support/torrent-creator.js';
import type { Sql } from '../../src/db/client.js';
import { createBenchDatabase } from '../support/bench-database.js';
import { CleanupStack } from '../support/cleanup-stack.js';
import { describeMachine, loadAverage1m } from '../support/machine.js';
import { stackCpuSnapshot, stackCpuSpent } from '../support/process-cpu.js';

/**
 * `npm run bench:request [-- --quick | --video WxH]`: one season of 10 generated episodes through the whole request
 * pipeline (Torznab fake → real qBittorrent → real ffmpeg → local delivery) with one encode slot, against
 * the reference measured in the same run: the same 10 encodes as plain ffmpeg commands, one after another.
 * Also counts the processing_items writes each item made while downloading (target ≤ 101), with a
 * trigger the benchmark adds to its own database.
 */
const quick = process.argv.includes('--quick');
const EPISODES = 10;
/**
 * Each episode is a minute of 1080p, as the release's name says, by default: the pipeline's fixed costs (a cold provider cache,
 * the indexer search, the BitTorrent handshake before the first file, two ffprobes per episode) are the
 * same whatever the episode, so smaller frames measure those rather than orchestration around encodes.
 * `--video 854x480` runs another size.
 */
const VIDEO = quick ? { seconds: 20, width: 480, height: 270 } : { seconds: 60, ...frameSize(argValue('--video') ?? '1920x1080') };
const ENCODE = {
  videoCodec: 'libx264' as const,
  crf: 23,
  preset: quick ? ('veryfast' as const) : ('medium' as const),
  maxHeight: 1080,
  audioCodec: 'aac' as const,
  audioBitrateKbps: 128,
};
const SHOW = {
  id: 990010,
  name: 'Bench Show',
  seasons: [
    {
      number: 1,
      episodes: Array.from({ length: EPISODES }, (_, i) => ({ number: i + 1, name: `Episode ${i + 1}`, airDate: '2020-01-01' })),
    },
  ],
};

installTemporalRuntime('error');
const cleanup = new CleanupStack();
process.once('SIGINT', () => void cleanup.run().then(() => process.exit(130)));

async function main() {
  const machine = describeMachine();
  const loadBefore = loadAverage1m();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelflow-bench-request-'));
  cleanup.push('work dir', () => fs.rmSync(workDir, { recursive: true, force: true }));
  const dirs = Object.fromEntries(['seed', 'get', 'seedData', 'target', 'data', 'reference'].map((d) => [d, path.join(workDir, d)]));
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });

  const [server, pg, bundle, tmdb, indexer, seeder, downloader] = await Promise.all([
    startTemporalDevServer({ port: await findFreePort(), uiPort: null, logFile: path.join(workDir, 'temporal.log') }),
    acquireTestPostgres(),
    bundleReelflowWorkflows(),
    startFakeTmdb({ shows: [SHOW] }),
    startFakeTorznab(),
    launchQbittorrent(dirs.seed!),
    launchQbittorrent(dirs.get!),
  ]);
  cleanup.push('Temporal dev server', () => server.stop());
  cleanup.push('fakes', async () => void (await Promise.all([tmdb.close(), indexer.close()])));
  cleanup.push('qBittorrent', async () => void (await Promise.all([seeder.stop(), downloader.stop()])));
  if (pg.embedded) cleanup.push('embedded Postgres', () => pg.embedded!.stop());
  cleanup.push('peer introductions', introducePeers(downloader, seeder, 200));

  const databaseName = `reelflow_bench_request_${process.pid}`;
  const { sql, db } = await createBenchDatabase(pg.adminUrl, databaseName, cleanup);
  cleanup.push('pool', () => sql.end({ timeout: 5 }));
  await countItemWrites(sql);
  const cipher = new CredentialsCipher(randomBytes(32));
  await new ProviderRepository(db, cipher).create({
    kind: 'tmdb',
    name: 'TMDB',
    enabled: true,
    priority: 0,
    rateLimitPerSecond: 40,
    timeoutMs: 10_000,
    baseUrl: tmdb.baseUrl,
    credentials: { apiKey: TMDB_FAKE_API_KEY },
  });

  // The season pack: 10 real episodes, seeded by one qBittorrent and listed on the indexer.
  const packName = 'Bench.Show.S01.1080p.WEB-DL.x264-BENCH';
  const packDir = path.join(dirs.seedData!, packName);
  const files = Array.from({ length: EPISODES }, (_, i) => `Bench.Show.S01E${String(i + 1).padStart(2, '0')}.1080p.WEB-DL.x264-BENCH.mkv`);
  for (const file of files) await makeVideo(path.join(packDir, file), { ...VIDEO, audio: [{ language: 'eng', channels: 2 }] });
  const { torrent, infoHash } = await createTorrent({ root: packDir, files, name: packName, pieceLength: 64 * 1024 });
  await seed(seeder, torrent, dirs.seedData!);
  indexer.releases.push({
    title: packName,
    torrent,
    infoHash,
    sizeBytes: 10 * 1024 ** 3,
    seeders: 20,
    tvdbId: 424242,
    tmdbId: SHOW.id,
    season: 1,
  });

  const taskQueue = `bench-request-${randomUUID()}`;
  const settings: RequestPipelineSettings = {
    qbittorrent: { baseUrl: downloader.baseUrl },
    category: 'bench',
    indexers: [{ name: 'fake', apiUrl: indexer.apiUrl }],
    encodeSlots: 1,
    workDir: path.join(dirs.data!, 'encode'),
    // A download's progress is read often enough that the measured time is the pipeline's, not the poll's.
    timings: { ...DEFAULT_PIPELINE_TIMINGS, downloadPollMs: 200, heartbeatTimeoutMs: 15_000 },
  };
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  const bundlePath = path.join(workDir, 'workflows.js');
  fs.writeFileSync(bundlePath, bundle.code);
  const workers = await createReelflowWorkers({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    db,
    dataDir: dirs.data!,
    credentialsCipher: cipher,
    workflowBundle: { codePath: bundlePath },
    requestPipeline: settings,
  });
  const running = runWorkers(workers);
  cleanup.push('workers', async () => {
    running.shutdown();
    await running.done;
    await nativeConnection.close();
  });
  const connection = await Connection.connect({ address: server.address });
  cleanup.push('client', () => connection.close());
  const temporal = new Client({ connection });
  const apiKey = randomUUID();
  const app = await build({ config: { taskQueue, mediaRoots: [] }, apiKey, db, sql, temporal, credentialsCipher: cipher });
  cleanup.push('api', () => app.close());
  const headers = { 'x-api-key': apiKey };
  const profile = (
    await app.inject({ method: 'POST', url: '/api/quality-profiles', headers, payload: { name: 'bench', encode: ENCODE } })
  ).json();
  const target = (
    await app.inject({ method: 'POST', url: '/api/delivery-targets', headers, payload: { name: 'bench', path: dirs.target } })
  ).json();

  // The reference: the same encodes as plain ffmpeg, one after another, half before the pipeline and half
  // after it, so that a machine whose load drifts (it is shared) weighs on both sides alike.
  const sources = files.map((f) => path.join(packDir, f));
  const referenceEncode = async (i: number) => {
    const t0 = performance.now();
    await ffmpeg([
      '-hide_banner',
      '-nostdin',
      '-y',
      '-loglevel',
      'error',
      '-i',
      sources[i]!,
      '-map',
      '0:v:0',
      '-map',
      '0:a?',
      '-c:v',
      ENCODE.videoCodec,
      '-crf',
      String(ENCODE.crf),
      '-preset',
      ENCODE.preset,
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      `${ENCODE.audioBitrateKbps}k`,
      '-f',
      'matroska',
      path.join(dirs.reference!, `${i}.mkv`),
    ]);
    return (performance.now() - t0) / 1000;
  };
  let referenceSeconds = 0;
  for (let i = 0; i < EPISODES / 2; i++) referenceSeconds += await referenceEncode(i);

  // The pipeline: request → COMPLETED.
  const cpuBefore = stackCpuSnapshot({ qbittorrent: 'qbittorrent-nox' });
  const started = performance.now();
  const startedAt = new Date();
  const created = await app.inject({
    method: 'POST',
    url: '/api/requests',
    headers,
    payload: { type: 'tv', tmdbId: SHOW.id, tvdbId: 424242, seasons: [1], qualityProfileId: profile.id, targetIds: [target.id] },
  });
  if (created.statusCode !== 201) throw new Error(`request refused: ${created.body}`);
  const requestId = created.json().id;
  const result = await temporal.workflow.getHandle(created.json().workflowId).result();
  const pipelineSeconds = (performance.now() - started) / 1000;
  const cpu = stackCpuSpent(cpuBefore, stackCpuSnapshot({ qbittorrent: 'qbittorrent-nox' }));
  if (result.status !== 'COMPLETED')
    throw new Error(
      `request ended ${result.status}: ${JSON.stringify(await sql`select status, last_error from processing_items where request_id = ${requestId}`)}`,
    );
  const [downloadSpan] = await sql<
    { seconds: number }[]
  >`select extract(epoch from max(at) filter (where status = 'DOWNLOADED') - min(at) filter (where status = 'DOWNLOADING'))::float as seconds from bench_item_writes`;
  const writes = await sql<
    { item_id: string; n: number }[]
  >`select item_id, count(*)::int as n from bench_item_writes where status in ('DOWNLOADING', 'DOWNLOADED') group by item_id`;
  const totalWrites = await sql<{ n: number }[]>`select count(*)::int as n from bench_item_writes`;
  // Where the time went: each item's encode (ENCODING, written when an encoder takes it, → ENCODED; ffprobe checks
  // included) and the span of all encodes.
  const [encodes] = await sql<{ sum: number; span: number }[]>`
    with per_item as (
      select item_id, min(at) filter (where status = 'ENCODING') as started, min(at) filter (where status = 'ENCODED') as finished
      from bench_item_writes group by item_id)
    select sum(extract(epoch from finished - started))::float as sum, extract(epoch from max(finished) - min(started))::float as span from per_item`;

  // When each phase first and last happened, seconds after the request was made.
  const timeline = await sql<{ status: string; first: number; last: number }[]>`
    select status, extract(epoch from min(at) - ${startedAt.toISOString()}::timestamptz)::float as first, extract(epoch from max(at) - ${startedAt.toISOString()}::timestamptz)::float as last
    from bench_item_writes group by status order by min(at)`;

  for (let i = EPISODES / 2; i < EPISODES; i++) referenceSeconds += await referenceEncode(i);

  const perDownload = writes.map((w) => w.n);
  const figures = {
    benchmark: 'request',
    quick,
    episodes: EPISODES,
    video: VIDEO,
    encode: { codec: ENCODE.videoCodec, preset: ENCODE.preset, slots: 1 },
    pipelineSeconds: round(pipelineSeconds),
    downloadPhaseSeconds: round(downloadSpan?.seconds ?? 0),
    pipelineEncodeSumSeconds: round(encodes?.sum ?? 0),
    pipelineEncodeSpanSeconds: round(encodes?.span ?? 0),
    referenceEncodeSeconds: round(referenceSeconds),
    overheadPercent: round(((pipelineSeconds - referenceSeconds) / referenceSeconds) * 100),
    encodeSpanOverheadPercent: round((((encodes?.span ?? 0) - referenceSeconds) / referenceSeconds) * 100),
    overheadExcludingDownloadPercent: round(((pipelineSeconds - (downloadSpan?.seconds ?? 0) - referenceSeconds) / referenceSeconds) * 100),
    itemWritesPerDownloadMax: Math.max(...perDownload),
    itemWritesPerDownloadMean: round(perDownload.reduce((a, b) => a + b, 0) / perDownload.length),
    itemWritesTotal: totalWrites[0]!.n,
    cpuSeconds: cpu,
    timeline: Object.fromEntries(timeline.map((t) => [t.status, [round(t.first), round(t.last)]])),
    loadAverage1mBefore: loadBefore,
    loadAverage1mAfter: loadAverage1m(),
  };
  console.log(
    `machine: ${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}, load ${loadBefore} → ${figures.loadAverage1mAfter}`,
  );
  console.log(
    `${EPISODES} episodes (${VIDEO.seconds} s ${VIDEO.width}x${VIDEO.height}), one season pack, x264 ${ENCODE.preset}, 1 encode slot`,
  );
  console.log(`pipeline, request to COMPLETED: ${figures.pipelineSeconds} s (download phase ${figures.downloadPhaseSeconds} s)`);
  console.log(
    `inside it: the 10 encode activities took ${figures.pipelineEncodeSumSeconds} s together, first start to last end ${figures.pipelineEncodeSpanSeconds} s (${figures.encodeSpanOverheadPercent} % over the reference)`,
  );
  console.log(
    `reference, the same 10 encodes as plain ffmpeg one after another (5 before the pipeline, 5 after): ${figures.referenceEncodeSeconds} s`,
  );
  console.log(
    `orchestration overhead: ${figures.overheadPercent} % of the reference, ${figures.overheadExcludingDownloadPercent} % leaving out the download phase (target ≤ 10 %)`,
  );
  console.log(
    `CPU seconds during the pipeline: ${Object.entries(cpu)
      .map(([who, seconds]) => `${who} ${seconds}`)
      .join(', ')} (${round(pipelineSeconds * machine.cores)} available)`,
  );
  console.log(`timeline (s after the request): ${timeline.map((t) => `${t.status} ${round(t.first)}–${round(t.last)}`).join(', ')}`);
  console.log(
    `processing_items writes per download: max ${figures.itemWritesPerDownloadMax}, mean ${figures.itemWritesPerDownloadMean} (target ≤ 101); all writes: ${figures.itemWritesTotal}`,
  );
  console.log(JSON.stringify(figures));
}

/** Every UPDATE of a processing item, logged by a trigger that exists only in the benchmark's database. */
async function countItemWrites(sql: Sql) {
  await sql.unsafe(`
    create table bench_item_writes (item_id uuid, status text, progress real, at timestamptz default clock_timestamp());
    create function bench_log_item_write() returns trigger language plpgsql as $$
      begin insert into bench_item_writes (item_id, status, progress) values (new.id, new.status, new.progress); return new; end $$;
    create trigger bench_item_writes after update on processing_items for each row execute function bench_log_item_write();
  `);
}

function ffmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg failed: ${stderr}`))));
  });
}

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

function frameSize(text: string): { width: number; height: number } {
  const match = /^(\d+)x(\d+)$/.exec(text);
  if (!match) throw new Error(`--video takes WIDTHxHEIGHT, e.g. 1280x720; got "${text}"`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

const round = (n: number) => Math.round(n * 100) / 100;

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
