import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { count, eq, isNotNull, and } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { libraryFolders, movies } from '../../src/db/schema/index.js';
import type { ScanProgress } from '../../src/contracts/scan.js';
import { makeVideo } from '../support/media-fixtures.js';
import { createTestClient, createTestDatabase, startTestWorker, type TestDatabase } from '../support/integration.js';
import { tempDir } from '../support/temp-dir.js';
import { startWorkerProcess } from '../support/worker-processes.js';

/**
 * A worker killed with SIGKILL in the middle of a scan: another worker takes over after the batch's
 * heartbeat timeout, and the finished scan has every title exactly once with exact counters.
 */
const TITLES = 40;
const root = tempDir('reelflow-crash-');
const taskQueue = `test-${randomUUID()}`;
let database: TestDatabase;
let doomed: ChildProcess | undefined;

beforeAll(async () => {
  for (let i = 0; i < TITLES; i++) {
    const name = `Movie ${String(i).padStart(2, '0')} (${1950 + i})`;
    await makeVideo(path.join(root, name, `${name}.mkv`));
  }
  database = await createTestDatabase();
});

afterAll(() => {
  doomed?.kill('SIGKILL');
});

async function scannedFolders(libraryId: string): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(libraryFolders)
    .where(and(eq(libraryFolders.libraryId, libraryId), isNotNull(libraryFolders.scannedScanId)));
  return row!.n;
}

describe('a worker killed mid-scan', () => {
  it('loses and duplicates nothing', async () => {
    const library = await new LibraryRepository(database.db).create({ name: 'Crash', kind: 'movie', rootPath: root });
    const dataDir = tempDir('reelflow-crash-data-');
    doomed = await startWorkerProcess({ databaseUrl: database.url, taskQueue, dataDir });

    const temporal = await createTestClient();
    const handle = await temporal.workflow.start('libraryScan', {
      taskQueue,
      workflowId: `scan/${library.id}`,
      // Small batches so the kill lands inside one, with folders of it done and others not.
      args: [{ libraryId: library.id, batchSize: 10 }],
    });

    const deadline = Date.now() + 60_000;
    while ((await scannedFolders(library.id)) < 3) {
      if (Date.now() > deadline) throw new Error('the scan never started scanning folders');
      await new Promise((r) => setTimeout(r, 20));
    }
    doomed.kill('SIGKILL');
    const killedAt = await scannedFolders(library.id);
    expect(killedAt).toBeLessThan(TITLES);

    await startTestWorker(database.db, taskQueue, dataDir);
    const result = (await handle.result()) as ScanProgress;

    expect(result).toMatchObject({
      phase: 'completed',
      titlesFound: TITLES,
      titlesNew: TITLES,
      directoriesScanned: TITLES,
      titlesUpdated: 0,
      errors: 0,
    });
    const rows = await database.db.select({ folderKey: movies.folderKey }).from(movies).where(eq(movies.libraryId, library.id));
    expect(rows).toHaveLength(TITLES);
    expect(new Set(rows.map((r) => r.folderKey)).size).toBe(TITLES);
  }, 120_000);
});
