import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createScanActivities } from '../../src/activities/scan.js';
import { PhaseConfigService } from '../../src/config/phase-config-service.js';
import { LibraryFolderRepository, type DiscoveredFolder } from '../../src/db/repositories/library-folder-repository.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { ContentStore } from '../../src/media/content-store.js';
import { createTestDatabase, type TestDatabase } from '../support/integration.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A scan plans its batches ahead (planFolderBatches) so that two can be in flight: the ranges must cover
 * every folder left to scan exactly once, in key order, whatever the count, and the last range must run to
 * the end of the library.
 */
let database: TestDatabase;
let libraryId: string;
let folders: LibraryFolderRepository;
let plan: ReturnType<typeof createScanActivities>['planFolderBatches'];

beforeEach(async () => {
  database ??= await createTestDatabase();
  libraryId = (await new LibraryRepository(database.db).create({ name: `Movies ${randomUUID()}`, kind: 'movie', rootPath: tempDir() })).id;
  folders = new LibraryFolderRepository(database.db);
  const activities = createScanActivities({
    db: database.db,
    phaseConfig: new PhaseConfigService(database.db),
    contentStore: new ContentStore(database.db, tempDir()),
  });
  plan = activities.planFolderBatches;
});

const key = (n: number) => `Movie ${String(n).padStart(3, '0')} (2000)`;

async function discover(count: number): Promise<string[]> {
  const discovered: DiscoveredFolder[] = Array.from({ length: count }, (_, i) => ({
    key: key(i + 1),
    kind: 'movie',
    folderPath: `/media/movies/${key(i + 1)}`,
    fingerprint: `fingerprint-${i + 1}`,
    videoFiles: [],
    fileCount: 1,
  }));
  await folders.recordDiscovered(libraryId, randomUUID(), discovered);
  return discovered.map((f) => f.key);
}

/** Every range the scan would run, planning `count` at a time as the workflow does. */
async function allRanges(batchSize: number, count: number) {
  const ranges = [];
  let afterKey: string | null = null;
  for (;;) {
    const page = await plan({ libraryId, afterKey, batchSize, count });
    expect(page.length).toBeGreaterThan(0);
    ranges.push(...page);
    const last = page.at(-1)!;
    if (last.throughKey === null) return ranges;
    afterKey = last.throughKey;
  }
}

describe('planFolderBatches', () => {
  it('ends a batch at every batchSize-th folder and lets the last run to the end', async () => {
    const keys = await discover(7);
    expect(await plan({ libraryId, afterKey: null, batchSize: 3, count: 10 })).toEqual([
      { afterKey: null, throughKey: keys[2] },
      { afterKey: keys[2], throughKey: keys[5] },
      { afterKey: keys[5], throughKey: null },
    ]);
  });

  it('plans no empty batch after a last one that is full', async () => {
    const keys = await discover(6);
    expect(await plan({ libraryId, afterKey: null, batchSize: 3, count: 10 })).toEqual([
      { afterKey: null, throughKey: keys[2] },
      { afterKey: keys[2], throughKey: null },
    ]);
  });

  it('plans one empty last batch when nothing is left, so the scan still hands on what is outstanding', async () => {
    expect(await plan({ libraryId, afterKey: null, batchSize: 3, count: 10 })).toEqual([{ afterKey: null, throughKey: null }]);
  });

  it('plans at most `count` batches, and the next call goes on where the last ended', async () => {
    const keys = await discover(10);
    expect(await plan({ libraryId, afterKey: null, batchSize: 2, count: 2 })).toEqual([
      { afterKey: null, throughKey: keys[1] },
      { afterKey: keys[1], throughKey: keys[3] },
    ]);
    const ranges = await allRanges(2, 2);
    expect(ranges).toHaveLength(5);
    expect(ranges.at(-1)).toEqual({ afterKey: keys[7], throughKey: null });
  });

  it('covers every folder left to scan exactly once, leaving out those already scanned', async () => {
    const keys = await discover(23);
    // Three folders a webhook's refresh already scanned at their current fingerprint.
    const scanned = (await folders.nextToScan(libraryId, null, 23)).filter((f) => [0, 11, 22].includes(keys.indexOf(f.key)));
    await folders.markManyScanned(
      scanned.map((folder) => ({ folder, outcome: { scanError: null, fileErrors: 0 } })),
      randomUUID(),
    );
    const covered: string[] = [];
    for (const range of await allRanges(4, 3)) {
      const batch = await folders.toScanInRange(libraryId, range.afterKey, range.throughKey);
      expect(batch.length).toBeLessThanOrEqual(4);
      covered.push(...batch.map((f) => f.key));
    }
    expect(covered).toEqual(keys.filter((_, i) => ![0, 11, 22].includes(i)));
  });
});
