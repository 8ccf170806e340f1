import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { NotificationSendRepository } from '../../src/db/repositories/notification-send-repository.js';
import { libraryFolders, movies, processingItems, requests, scanRuns } from '../../src/db/schema/index.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, type TestDatabase } from '../support/integration.js';
import { createProfile } from '../support/request-pipeline.js';
import { insertMovie } from '../support/title-rows.js';
import { tempDir } from '../support/temp-dir.js';

/** GET /api/activity from real rows: what runs now and what waits for a person. */
let database: TestDatabase;
let app: FastifyInstance;
let libraryId: string;
let scanId: string;
const items: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp({ database, temporal: await createTestClient(), taskQueue: `test-${randomUUID()}` });
  libraryId = (await new LibraryRepository(database.db).create({ name: 'Films', kind: 'movie', rootPath: tempDir() })).id;

  // A scan that has done one of its three folders.
  scanId = randomUUID();
  await database.db.insert(scanRuns).values({ id: scanId, libraryId, workflowId: `scan/${libraryId}` });
  const folder = (key: string, scanned: boolean) => ({
    libraryId,
    key,
    kind: 'movie' as const,
    folderPath: `/films/${key}`,
    fingerprint: key,
    videoFiles: [],
    fileCount: 1,
    seenScanId: scanId,
    ...(scanned ? { scannedScanId: scanId } : {}),
  });
  await database.db.insert(libraryFolders).values([folder('a', true), folder('b', false), folder('c', false)]);

  // Two titles with a change no pipeline published yet, one published, one removed.
  for (const [title, change, published] of [
    ['Waiting', 2, 1],
    ['New', 1, 0],
    ['Done', 3, 3],
  ] as const) {
    const movie = await insertMovie(database.db, libraryId, title, null);
    await database.db.update(movies).set({ changeSeq: change, pipelineSeq: published }).where(eq(movies.id, movie.id));
  }
  const removed = await insertMovie(database.db, libraryId, 'Removed', null);
  await database.db.update(movies).set({ changeSeq: 2, pipelineSeq: 1, deletedAt: new Date() }).where(eq(movies.id, removed.id));

  const qualityProfileId = await createProfile(app);
  const request = async (requireApproval: boolean) =>
    (
      await database.db
        .insert(requests)
        .values({ type: 'tv', title: 'Severance', year: 2022, requireApproval, qualityProfileId, workflowId: `request/${randomUUID()}` })
        .returning()
    )[0]!;
  const approving = await request(true);
  const plain = await request(false);
  const item = async (requestId: string, episode: number, values: Partial<typeof processingItems.$inferInsert>) =>
    (items[values.status!] = (
      await database.db
        .insert(processingItems)
        .values({ requestId, seasonNumber: 1, episodeNumber: episode, ...values })
        .returning()
    )[0]!.id);
  await item(plain.id, 1, {
    status: 'DOWNLOADING',
    progress: 42,
    selectedRelease: {
      title: 'Severance.S01E01.1080p',
      indexer: 'x',
      downloadUrl: 'x',
      sizeBytes: 1,
      seeders: 1,
      seasonPack: false,
      score: 1,
      accepted: true,
      rejections: [],
    },
  });
  await item(approving.id, 2, { status: 'FOUND' });
  await item(plain.id, 3, { status: 'FAILED', failedStep: 'deliver', lastError: 'target is read-only' });
  await item(plain.id, 4, { status: 'COMPLETED' });
  await item(plain.id, 5, { status: 'AWAITING' });

  const sends = new NotificationSendRepository(database.db);
  await sends.begin('pushover', 'notify/movie/x/change-1');
  await sends.failed('pushover', 'notify/movie/x/change-1', 'Pushover could not be reached');
  await sends.begin('discord', 'notify/movie/y/change-1');
  await sends.sent('discord', 'notify/movie/y/change-1', 'Discord message 1');
});

describe('GET /api/activity', () => {
  it('shows running scans, pipelines in flight, items on their way and what waits for a person', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/activity', headers: authHeaders });
    expect(response.statusCode).toBe(200);
    const activity = response.json();
    expect(activity.scans).toEqual([
      expect.objectContaining({ scanId, libraryId, libraryName: 'Films', directoriesTotal: 3, directoriesScanned: 1 }),
    ]);
    expect(activity.pipelines).toEqual([{ libraryId, libraryName: 'Films', titles: 2 }]);
    expect(activity.items.counts).toEqual({ active: 2, awaitingApproval: 1, failed: 1 });
    expect(activity.items.active.map((i: { itemId: string }) => i.itemId)).toEqual([items.DOWNLOADING]);
    expect(activity.items.active[0]).toMatchObject({
      name: 'Severance (2022) S01E01',
      status: 'DOWNLOADING',
      progress: 42,
      release: 'Severance.S01E01.1080p',
    });
    expect(activity.items.awaitingApproval.map((i: { itemId: string }) => i.itemId)).toEqual([items.FOUND]);
    expect(activity.items.failed).toEqual([
      expect.objectContaining({ itemId: items.FAILED, failedStep: 'deliver', lastError: 'target is read-only' }),
    ]);
    expect(activity.notifications.retrying).toEqual([
      expect.objectContaining({ service: 'pushover', attempts: 1, lastError: 'Pushover could not be reached' }),
    ]);
  });

  it('shows nothing running once the scan is done and the pipelines have published', async () => {
    await database.db.update(scanRuns).set({ status: 'completed' }).where(eq(scanRuns.id, scanId));
    await database.db.update(movies).set({ pipelineSeq: 99 }).where(eq(movies.libraryId, libraryId));
    const activity = (await app.inject({ method: 'GET', url: '/api/activity', headers: authHeaders })).json();
    expect(activity.scans).toEqual([]);
    expect(activity.pipelines).toEqual([]);
  });
});
