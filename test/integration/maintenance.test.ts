import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { actors, assets, cacheFileIssues, cacheFiles, events, notificationSends, providerAssets } from '../../src/db/schema/index.js';
import type { MaintenanceSummary } from '../../src/contracts/maintenance.js';
import { createTestClient, createTestDatabase, startTestWorker, type TestDatabase } from '../support/integration.js';
import { insertMovie } from '../support/title-rows.js';
import { tempDir } from '../support/temp-dir.js';

/** The maintenance workflow on a real content store: unreferenced files removed, hashes verified, damage repaired or flagged. */
const taskQueue = `test-${randomUUID()}`;
let database: TestDatabase;
let temporal: Client;
let dataDir: string;
let titleFolder: string;
const ids: Record<string, string> = {};
let orphanFile: string;

const sha256 = (bytes: string) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  database = await createTestDatabase();
  temporal = await createTestClient();
  dataDir = tempDir('reelflow-data-');
  await startTestWorker(database.db, taskQueue, dataDir);
  const libraryId = (await new LibraryRepository(database.db).create({ name: 'Films', kind: 'movie', rootPath: tempDir() })).id;
  titleFolder = tempDir();
  const movie = await insertMovie(database.db, libraryId, 'Film', 1);
  await database.db.execute(`update movies set folder_path = '${titleFolder}' where id = '${movie.id}'`);

  const store = async (name: string, bytes: string, opts: { ageHours?: number; onDisk?: string | null; source?: string } = {}) => {
    const relative = `cache/movie/${movie.id}/${name}_${sha256(bytes)}.jpg`;
    const onDisk = opts.onDisk === undefined ? bytes : opts.onDisk;
    if (onDisk !== null) {
      fs.mkdirSync(path.dirname(path.join(dataDir, relative)), { recursive: true });
      fs.writeFileSync(path.join(dataDir, relative), onDisk);
    }
    const [row] = await database.db
      .insert(cacheFiles)
      .values({
        sha256: sha256(bytes),
        sizeBytes: bytes.length,
        path: relative,
        createdAt: new Date(Date.now() - (opts.ageHours ?? 0) * 3_600_000),
      })
      .returning();
    ids[name] = row!.id;
    if (opts.source !== undefined) {
      fs.writeFileSync(path.join(titleFolder, `${name}.jpg`), opts.source);
      await database.db.insert(assets).values({
        entityType: 'movie',
        entityId: movie.id,
        assetType: name,
        source: 'local',
        sourcePath: `${name}.jpg`,
        cacheFileId: row!.id,
      });
    }
    return path.join(dataDir, relative);
  };
  orphanFile = await store('orphan', 'old unreferenced bytes', { ageHours: 2 });
  await store('fresh', 'just stored, not yet referenced');
  await store('intact', 'intact bytes', { source: 'intact bytes' });
  await store('damaged', 'original bytes', { onDisk: 'bit rot', source: 'original bytes' });
  await store('lost', 'lost bytes', { onDisk: null, source: 'the artwork next to the film changed since' });

  // Used only through provider_assets.content_hash (selected, and a downloaded candidate) or an actor's photo.
  const candidate = (assetType: string, bytes: string, isSelected: boolean) => ({
    entityType: 'movie',
    entityId: movie.id,
    assetType,
    providerName: 'tmdb',
    providerUrl: `https://image.tmdb.org/${assetType}.jpg`,
    contentHash: sha256(bytes),
    isSelected,
    isDownloaded: true,
    selectedBy: isSelected ? ('auto' as const) : null,
  });
  await store('poster', 'selected provider poster', { ageHours: 2 });
  await store('fanart', 'downloaded provider candidate', { ageHours: 2 });
  await database.db
    .insert(providerAssets)
    .values([candidate('poster', 'selected provider poster', true), candidate('fanart', 'downloaded provider candidate', false)]);
  await store('actor', 'actor photo', { ageHours: 2 });
  await database.db
    .insert(actors)
    .values({ entityType: 'movie', entityId: movie.id, name: 'Keanu Reeves', sortOrder: 0, thumbCacheFileId: ids.actor! });

  // The send ledger: a row past its keeping time (no retry can reach it) and one a retry may still read.
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3_600_000);
  await database.db.insert(notificationSends).values([
    {
      service: 'discord',
      messageId: 'notify/movie/old/change-1',
      state: 'sent',
      attempts: 1,
      answer: 'Discord message 1',
      updatedAt: daysAgo(40),
    },
    {
      service: 'discord',
      messageId: 'notify/movie/recent/change-1',
      state: 'sent',
      attempts: 1,
      answer: 'Discord message 2',
      updatedAt: daysAgo(8),
    },
  ]);
  // Events: history is kept 90 days (the workers' default), live progress a day.
  await database.db.insert(events).values([
    { type: 'title.added', history: true, summary: 'history past its time', occurredAt: daysAgo(91) },
    { type: 'title.added', history: true, summary: 'history kept', occurredAt: daysAgo(30) },
    { type: 'item.progress', history: false, summary: 'progress past its time', occurredAt: daysAgo(2) },
    { type: 'item.progress', history: false, summary: 'progress kept', occurredAt: new Date() },
  ]);
});

describe('maintenance', () => {
  it('removes unreferenced cache files, re-copies a damaged file from its source, flags what it cannot repair', async () => {
    const summary: MaintenanceSummary = await temporal.workflow.execute('maintenance', {
      taskQueue,
      workflowId: `maintenance-${randomUUID()}`,
      args: [{}],
    });
    expect(summary).toEqual({
      removed: 1,
      freedBytes: 'old unreferenced bytes'.length,
      checked: 7,
      repaired: 1,
      flagged: 1,
      sendsPruned: 1,
      eventsPruned: 2,
    });
    const ledger = await database.db.select({ messageId: notificationSends.messageId }).from(notificationSends);
    expect(ledger.map((row) => row.messageId)).toEqual(['notify/movie/recent/change-1']);
    const keptEvents = await database.db.select({ summary: events.summary }).from(events);
    expect(keptEvents.map((row) => row.summary).sort()).toEqual(['history kept', 'progress kept']);

    const remaining = await database.db.select().from(cacheFiles);
    const kept = [ids.fresh, ids.intact, ids.damaged, ids.lost, ids.poster, ids.fanart, ids.actor];
    expect(remaining.map((row) => row.id).sort()).toEqual(kept.sort());
    for (const name of ['poster', 'fanart', 'actor'])
      expect(fs.existsSync(path.join(dataDir, remaining.find((row) => row.id === ids[name])!.path)), name).toBe(true);
    expect(fs.existsSync(orphanFile)).toBe(false);
    const damaged = remaining.find((row) => row.id === ids.damaged)!;
    expect(fs.readFileSync(path.join(dataDir, damaged.path), 'utf8')).toBe('original bytes');

    const issues = await database.db.select().from(cacheFileIssues);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ cacheFileId: ids.lost, problem: 'missing' });
    expect(issues[0]!.detail).toContain('the file is gone');
  });

  it('a second run finds nothing to remove or repair', async () => {
    const summary: MaintenanceSummary = await temporal.workflow.execute('maintenance', {
      taskQueue,
      workflowId: `maintenance-${randomUUID()}`,
      args: [{}],
    });
    expect(summary).toEqual({ removed: 0, freedBytes: 0, checked: 7, repaired: 0, flagged: 1, sendsPruned: 0, eventsPruned: 0 });
  });
});
