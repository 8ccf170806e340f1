import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_CONFIG } from '../../src/config/phase-config.js';
import { LibraryFolderRepository } from '../../src/db/repositories/library-folder-repository.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { ScanRunRepository } from '../../src/db/repositories/scan-run-repository.js';
import { TitleRepository } from '../../src/db/repositories/title-repository.js';
import { TitlePublisher } from '../../src/library/publish/title-publisher.js';
import { ScannedTitleWriter } from '../../src/library/scanned-title-writer.js';
import { ContentStore } from '../../src/media/content-store.js';
import { discoverLibrary, discoverTitleFolder } from '../../src/media/discovery/index.js';
import { scanTitleFolder } from '../../src/media/title-scan/index.js';
import { createTestDatabase, type TestDatabase } from '../support/integration.js';
import { makeVideo } from '../support/media-fixtures.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Publishing marks the folder it wrote into as scanned again, so the next scan does not read the folder
 * whole for Reelflow's own NFO: but only when nothing else changed it since its last scan. A file that
 * arrived in between (here a subtitle, copied in while the title was being enriched) must be found by the
 * next scan, not hidden behind the mark.
 */
const root = tempDir('reelflow-folder-mark-');
const folderPath = path.join(root, 'Marked Film (2001)');
const scanConfig = DEFAULT_PHASE_CONFIG.scan;
let database: TestDatabase;
let libraryId: string;
let movieId: string;

beforeAll(async () => {
  await makeVideo(path.join(folderPath, 'Marked Film (2001).mkv'));
  await writeFile(path.join(folderPath, 'movie.nfo'), '<movie><title>Marked Film</title><year>2001</year></movie>');
  database = await createTestDatabase();
  libraryId = (await new LibraryRepository(database.db).create({ name: 'Films', kind: 'movie', rootPath: root })).id;
  movieId = await scanFolder();
});

/** Discovers and scans the folder as folderRefresh does; the movie's id. */
async function scanFolder(): Promise<string> {
  const scanId = randomUUID();
  await new ScanRunRepository(database.db).begin({ id: scanId, libraryId, workflowId: `test-${scanId}` });
  const folder = await new LibraryFolderRepository(database.db).recordOne(
    libraryId,
    scanId,
    (await discoverTitleFolder(root, 'movie', folderPath, scanConfig))!,
  );
  const writer = new ScannedTitleWriter(database.db, new ContentStore(database.db, tempDir('reelflow-folder-mark-data-')));
  return (await writer.saveFolder(libraryId, scanId, folder, await scanTitleFolder({ ...folder }, { scanConfig }))).entityId;
}

/** Publishes the movie with a new plot, so its NFO is written. */
async function publishWithNewPlot() {
  await new TitleRepository(database.db).updateColumns('movie', movieId, { plot: `Plot ${randomUUID()}` });
  const publisher = new TitlePublisher({
    db: database.db,
    contentStore: new ContentStore(database.db, tempDir('reelflow-folder-mark-data-')),
  });
  const published = await publisher.publishMovie(movieId, DEFAULT_PHASE_CONFIG.publish, scanConfig);
  expect(published.written).toContain('movie.nfo');
}

/** How many folders the next library scan would scan. */
async function foldersToScan(): Promise<number> {
  const scanId = randomUUID();
  await new ScanRunRepository(database.db).begin({ id: scanId, libraryId, workflowId: `test-${scanId}` });
  const { titles } = await discoverLibrary(root, 'movie', scanConfig);
  return new LibraryFolderRepository(database.db).recordDiscovered(libraryId, scanId, titles);
}

describe('the folder a publish wrote into', () => {
  it('is marked scanned again when only the publish changed it', async () => {
    await publishWithNewPlot();
    expect(await foldersToScan()).toBe(0);
  });

  it('is left for the next scan when a file arrived after its last scan', async () => {
    await writeFile(path.join(folderPath, 'Marked Film (2001).en.srt'), '1\n00:00:00,000 --> 00:00:01,000\nHello\n');
    await publishWithNewPlot();
    expect(await foldersToScan()).toBe(1);

    // Once scanned, the subtitle is known, and the next publish marks the folder again.
    await scanFolder();
    await publishWithNewPlot();
    expect(await foldersToScan()).toBe(0);
  });
});
