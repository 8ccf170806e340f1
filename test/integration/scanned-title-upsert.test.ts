import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { ScanRunRepository } from '../../src/db/repositories/scan-run-repository.js';
import { ScannedTitleRepository, type ScannedTitleRow } from '../../src/db/repositories/scanned-title-repository.js';
import { movies } from '../../src/db/schema/index.js';
import { createTestDatabase, type TestDatabase } from '../support/integration.js';

/**
 * Two scans can save one folder's title at once (a Radarr webhook's folder scan beside the library's scan).
 * When the folder is new, neither finds a row to lock: both must still land, one as the insert and the
 * other as a change of the row the first made, never as a duplicate-key failure.
 */
let database: TestDatabase;
let libraryId: string;
let scanId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  libraryId = (await new LibraryRepository(database.db).create({ name: 'Movies', kind: 'movie', rootPath: '/media/movies' })).id;
  scanId = randomUUID();
  await new ScanRunRepository(database.db).begin({ id: scanId, libraryId, workflowId: `scan-${scanId}` });
});

function scannedRow(folderKey: string, title: string): ScannedTitleRow {
  return {
    libraryId,
    scanId,
    folderKey,
    values: {
      title,
      identificationStatus: 'unidentified',
      identificationSource: 'folder-name',
      folderPath: `/media/movies/${folderKey}`,
    },
    update: () => ({ title }),
  };
}

/** Resolves once some statement of this database waits on a lock another transaction holds. */
async function untilAStatementWaitsOnALock(): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const waiting = await database.sql`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
    if (waiting[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no statement came to wait on the first save');
}

describe('upsertTitles, two saves of one new folder at once', () => {
  it('inserts the title once and applies the second save as a change of it', async () => {
    const repository = new ScannedTitleRepository(database.db);
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));

    const first = repository.saveInTransaction(async (writes) => {
      const answers = await writes.upsertTitles('movie', [scannedRow('Heat (1995)', 'Heat')]);
      firstInserted();
      // Commits only once the second save is blocked behind this transaction's new row.
      await untilAStatementWaitsOnALock();
      return answers;
    });
    await inserted;
    const second = repository.saveInTransaction((writes) =>
      writes.upsertTitles('movie', [scannedRow('Heat (1995)', 'Heat (second scan)'), scannedRow('Ronin (1998)', 'Ronin')]),
    );

    const [firstAnswers, secondAnswers] = await Promise.all([first, second]);
    expect(firstAnswers).toEqual([{ entityId: expect.any(String), isNew: true }]);
    expect(secondAnswers).toEqual([
      { entityId: firstAnswers[0]!.entityId, isNew: false },
      { entityId: expect.any(String), isNew: true },
    ]);

    const rows = await database.db.select().from(movies).where(eq(movies.libraryId, libraryId));
    const heat = rows.filter((row) => row.folderKey === 'Heat (1995)');
    expect(heat).toHaveLength(1);
    expect(heat[0]).toMatchObject({ title: 'Heat (second scan)', changeSeq: 2 });
    expect(rows.map((row) => row.folderKey).sort()).toEqual(['Heat (1995)', 'Ronin (1998)']);
  });
});
