import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { build } from '../../src/api/app.js';
import type { RequestPipelineSettings } from '../../src/config/request-pipeline-settings.js';
import { RequestRepository } from '../../src/db/repositories/request-repository.js';
import type { ProcessingItemRow } from '../../src/db/schema/index.js';
import { createReelflowWorkers, runWorkers } from '../../src/workers/create-worker.js';
import type { PipelineTimings } from '../../src/contracts/request.js';
import type { UpgradeTimings } from '../../src/contracts/item-upgrade.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY, type FakeTmdbShow } from '../fakes/tmdb.js';
import { startFakeTorznab, type FakeRelease, type FakeTorznab } from '../fakes/torznab.js';
import { onCleanup } from './cleanup.js';
import { authHeaders, createTestClient, createTestDatabase, TEST_API_KEY, testCipher, type TestDatabase } from './integration.js';
import { makeVideo, type VideoSpec } from './media-fixtures.js';
import { configureProvider } from './providers.js';
import { introducePeers, seed, startQbittorrent, type QbittorrentInstance } from './qbittorrent.js';
import { tempDir } from './temp-dir.js';
import { createTorrent } from './torrent-creator.js';
import { waitFor } from './wait-for.js';

export { waitFor };

/** Waits short enough for tests, configured on the test workers: the dev server cannot skip time. */
export const TEST_TIMINGS: PipelineTimings = {
  downloadPollMs: 300,
  downloadStallMs: 8_000,
  airDateDelayMs: 0,
  searchRetryMs: 1_000,
  searchRetryMaxMs: 2_000,
  heartbeatTimeoutMs: 3_000,
  // Attempts after 1, 3, 7 and 15 s: a target that comes back within seconds is reached.
  stepRetryWindowMs: 30_000,
};

/** Upgrades off unless a test looks for them: a delivered item below its profile then never waits. */
export const TEST_UPGRADES_OFF: UpgradeTimings = { upgradeWindowMs: 0, upgradeSearchMs: 1_000, upgradeSearchMaxMs: 1_000 };

export interface RequestPipelineEnvironment {
  database: TestDatabase;
  temporal: Client;
  app: FastifyInstance;
  taskQueue: string;
  seeder: QbittorrentInstance;
  downloader: QbittorrentInstance;
  indexer: FakeTorznab;
  settings: RequestPipelineSettings;
  requests: RequestRepository;
  /** Generates real videos, makes a torrent of them, seeds it, and lists it on the indexer. */
  publishRelease(
    release: Omit<FakeRelease, 'torrent' | 'sizeBytes' | 'infoHash'> & {
      files: string[];
      video?: VideoSpec;
      sizeBytes?: number;
      unseeded?: boolean;
      notVideo?: boolean;
    },
  ): Promise<{ infoHash: string; dataDir: string }>;
  waitForItem(itemId: string, until: (item: ProcessingItemRow) => boolean, timeoutMs?: number): Promise<ProcessingItemRow>;
  waitForItems(requestId: string, until: (items: ProcessingItemRow[]) => boolean, timeoutMs?: number): Promise<ProcessingItemRow[]>;
}

/**
 * Everything the request pipeline meets, for real or as a loopback fake: two qbittorrent-nox (a seeder and
 * the one Reelflow drives), a Torznab indexer fake, a TMDB fake configured as the provider, the workers
 * (general queue, encode queue unless encodeSlots is 0) and the API.
 */
export async function startRequestPipelineEnvironment(
  opts: { encodeSlots?: number; shows?: FakeTmdbShow[]; upgradeTimings?: UpgradeTimings } = {},
): Promise<RequestPipelineEnvironment> {
  const database = await createTestDatabase();
  const temporal = await createTestClient();
  const taskQueue = `test-requests-${Math.random().toString(36).slice(2, 10)}`;
  const [seeder, downloader, indexer, tmdb] = await Promise.all([
    startQbittorrent('seed'),
    startQbittorrent('get'),
    startFakeTorznab(),
    startFakeTmdb({ shows: opts.shows }),
  ]);
  onCleanup(() => indexer.close());
  onCleanup(() => tmdb.close());
  introducePeers(downloader, seeder);
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });

  const dataDir = tempDir('reelflow-requests-data-');
  const settings: RequestPipelineSettings = {
    qbittorrent: { baseUrl: downloader.baseUrl },
    category: 'reelflow-test',
    indexers: [{ name: 'fake', apiUrl: indexer.apiUrl }],
    encodeSlots: opts.encodeSlots ?? 2,
    workDir: path.join(dataDir, 'encode'),
    timings: TEST_TIMINGS,
    upgradeTimings: opts.upgradeTimings ?? TEST_UPGRADES_OFF,
  };
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const workers = await createReelflowWorkers({
    connection,
    namespace: 'default',
    taskQueue,
    db: database.db,
    dataDir,
    credentialsCipher: testCipher,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    requestPipeline: settings,
  });
  const running = runWorkers(workers);
  onCleanup(async () => {
    running.shutdown();
    await running.done;
    await connection.close();
  });
  // Item workflows still waiting (for a retry, an approval) would keep the worker from draining.
  onCleanup(() => terminateOpenWorkflows(temporal, taskQueue));

  const app = await build({
    config: { taskQueue, mediaRoots: [] },
    apiKey: TEST_API_KEY,
    db: database.db,
    sql: database.sql,
    temporal,
    credentialsCipher: testCipher,
  });
  onCleanup(() => app.close());
  const requests = new RequestRepository(database.db);

  return {
    database,
    temporal,
    app,
    taskQueue,
    seeder,
    downloader,
    indexer,
    settings,
    requests,
    async publishRelease(release) {
      const dataDir = tempDir('reelflow-release-');
      const root = release.files.length > 1 ? path.join(dataDir, release.title) : dataDir;
      mkdirSync(root, { recursive: true });
      for (const file of release.files) {
        // A fake release: named like a video, holding noise.
        if (release.notVideo) writeFileSync(path.join(root, file), randomBytes(256 * 1024));
        else await makeVideo(path.join(root, file), release.video ?? { seconds: 2 });
      }
      const { torrent, infoHash } = await createTorrent(
        release.files.length > 1 ? { root, files: release.files, name: release.title } : { root, files: release.files },
      );
      // An unseeded release is listed but nobody has it: its download stalls.
      if (!release.unseeded) {
        await seed(seeder, torrent, dataDir);
        // qBittorrent adds a torrent in the background, and a setting made on a hash it does not list yet
        // (a test's upload limit) is dropped: the release is published once the seeder lists it.
        await waitFor(
          async () => seeder.client.get(infoHash),
          10_000,
          async () => `the seeder never listed ${release.title}`,
        );
      }
      const { files: _files, video: _video, unseeded: _unseeded, notVideo: _notVideo, ...listed } = release;
      indexer.releases.push({ ...listed, torrent, infoHash, sizeBytes: release.sizeBytes ?? 700 * 1024 * 1024 });
      return { infoHash, dataDir: root };
    },
    async waitForItem(itemId, until, timeoutMs = 45_000) {
      return waitFor(
        async () => {
          const item = await requests.getItem(itemId);
          return item && until(item) ? item : undefined;
        },
        timeoutMs,
        async () => JSON.stringify(await requests.getItem(itemId)),
      );
    },
    async waitForItems(requestId, until, timeoutMs = 45_000) {
      return waitFor(
        async () => {
          const items = await requests.listItems(requestId);
          return items.length > 0 && until(items) ? items : undefined;
        },
        timeoutMs,
        async () =>
          JSON.stringify((await requests.listItems(requestId)).map((i) => ({ id: i.id, status: i.status, lastError: i.lastError }))),
      );
    },
  };
}

async function terminateOpenWorkflows(temporal: Client, taskQueue: string) {
  for await (const workflow of temporal.workflow.list({ query: `TaskQueue = "${taskQueue}" AND ExecutionStatus = "Running"` })) {
    await temporal.workflow
      .getHandle(workflow.workflowId, workflow.runId)
      .terminate('test cleanup')
      .catch(() => undefined);
  }
}

export async function createProfile(app: FastifyInstance, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/quality-profiles',
    headers: authHeaders,
    payload: {
      name: `profile-${Math.random().toString(36).slice(2, 8)}`,
      minResolution: 720,
      preferredResolution: 1080,
      encode: { videoCodec: 'libx264', crf: 30, preset: 'ultrafast', maxHeight: 720 },
      ...overrides,
    },
  });
  if (response.statusCode !== 201) throw new Error(`profile: ${response.body}`);
  return response.json().id;
}

export async function createTarget(
  app: FastifyInstance,
  targetPath: string,
  libraryId: string | null = null,
  kind: 'local' | 'rsync' = 'local',
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/delivery-targets',
    headers: authHeaders,
    payload: { name: `target-${Math.random().toString(36).slice(2, 8)}`, kind, path: targetPath, libraryId },
  });
  if (response.statusCode !== 201) throw new Error(`target: ${response.body}`);
  return response.json().id;
}

/** ffmpeg processes whose command line mentions `text` (a folder, a file): none may outlive a cancel or a kill. */
export function ffmpegProcessesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmd.includes('ffmpeg') && cmd.includes(text)) found.push(pid);
    } catch {
      // Gone between listing and reading.
    }
  }
  return found;
}
