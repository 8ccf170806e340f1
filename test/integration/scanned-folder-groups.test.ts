import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PHASE_CONFIG } from '../../src/config/phase-config.js';
import { LibraryFolderRepository } from '../../src/db/repositories/library-folder-repository.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { ScanRunRepository } from '../../src/db/repositories/scan-run-repository.js';
import { libraryFolders, movies, providerAssets, scanIssues } from '../../src/db/schema/index.js';
import { loadTitleChildren } from '../../src/db/repositories/title-children.js';
import { createFolderSaveBatcher, GATHERED_FOLDERS, MAX_FOLDERS_PER_GROUP } from '../../src/library/folder-save-batcher.js';
import { ScannedTitleWriter, type FolderToSave } from '../../src/library/scanned-title-writer.js';
import { ContentStore } from '../../src/media/content-store.js';
import { discoverLibrary } from '../../src/media/discovery/index.js';
import { scanTitleFolder } from '../../src/media/title-scan/index.js';
import { makeImage, makeVideo } from '../support/media-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/integration.js';
import { tempDir, writeTree } from '../support/temp-dir.js';

/**
 * A scan writes the folders its slots finish together (ScannedTitleWriter.saveFolders, grouped by the
 * folder save batcher). A group must leave exactly the rows that saving each folder alone leaves, and one
 * folder Postgres refuses must fail alone.
 */
let database: TestDatabase;
let writer: ScannedTitleWriter;
const template = tempDir('reelflow-groups-');

const movieNfo = (title: string, year: number, tmdb: number) => `<movie>
  <title>${title}</title><year>${year}</year><uniqueid type="tmdb" default="true">${tmdb}</uniqueid>
  <actor><name>${title} Lead</name><role>Hero</role><order>0</order></actor>
  <actor><name>${title} Second</name><role>Friend</role><order>1</order></actor>
  <thumb aspect="clearlogo">https://image.tmdb.org/t/p/original/${tmdb}.png</thumb>
</movie>`;

beforeAll(async () => {
  database = await createTestDatabase();
  writer = new ScannedTitleWriter(database.db, new ContentStore(database.db, tempDir('reelflow-groups-data-')));
  for (const [i, name] of ['Alpha (2001)', 'Bravo (2002)', 'Charlie (2003)'].entries()) {
    const folder = path.join(template, name);
    await makeVideo(path.join(folder, `${name}.mkv`), { audio: [{ language: 'eng' }], subtitles: [{ language: 'eng' }] });
    writeTree(folder, { 'movie.nfo': movieNfo(name.slice(0, -7), 2001 + i, 100 + i), 'notes.txt': `notes ${i}` });
    await makeImage(path.join(folder, 'poster.jpg'), 20 + i, 30, 'green');
  }
  // An NFO that cannot be read is a file error of its folder; its video is still the title's.
  const broken = path.join(template, 'Delta (2004)');
  await makeVideo(path.join(broken, 'Delta (2004).mkv'));
  writeTree(broken, { 'movie.nfo': '<movie><title>Unclosed</movie>' });
}, 120_000);

/** A library of its own (a copy of the template folders), discovered: its scan id and folders, scanned. */
async function scannedLibrary(from = template): Promise<{ libraryId: string; scanId: string; folders: FolderToSave[] }> {
  const root = tempDir('reelflow-groups-library-');
  fs.cpSync(from, root, { recursive: true });
  const library = await new LibraryRepository(database.db).create({ name: path.basename(root), kind: 'movie', rootPath: root });
  const scanId = randomUUID();
  await new ScanRunRepository(database.db).begin({ id: scanId, libraryId: library.id, workflowId: `scan-${scanId}` });
  const folderRows = new LibraryFolderRepository(database.db);
  const { titles } = await discoverLibrary(root, 'movie', DEFAULT_PHASE_CONFIG.scan);
  await folderRows.recordDiscovered(library.id, scanId, titles);
  const toScan = await folderRows.nextToScan(library.id, null, 1_000);
  const folders = await Promise.all(toScan.map(async (folder) => ({ folder, scanned: await scanTitleFolder({ ...folder }) })));
  return { libraryId: library.id, scanId, folders };
}

/** A library folder of `count` movie folders, each an NFO and a file named as a video that is none. */
function manyFolders(count: number): string {
  const many = tempDir('reelflow-groups-many-');
  for (let i = 0; i < count; i++) {
    const name = `Film ${String(i).padStart(2, '0')} (2000)`;
    writeTree(path.join(many, name), { 'movie.nfo': movieNfo(`Film ${i}`, 2000, 1000 + i), [`${name}.mkv`]: 'not a video' });
  }
  return many;
}

/** Everything a scan writes for a library's movies, by folder key, without ids that differ between libraries. */
async function rowsOf(libraryId: string) {
  const db = database.db;
  const titles = await db.select().from(movies).where(eq(movies.libraryId, libraryId)).orderBy(asc(movies.folderKey));
  const byFolder: Record<string, unknown> = {};
  for (const title of titles) {
    const children = await loadTitleChildren(db, 'movie', title.id);
    const candidates = await db.select().from(providerAssets).where(eq(providerAssets.entityId, title.id));
    const [mark] = await db
      .select()
      .from(libraryFolders)
      .where(and(eq(libraryFolders.libraryId, libraryId), eq(libraryFolders.key, title.folderKey)));
    const issues = await db
      .select()
      .from(scanIssues)
      .where(and(eq(scanIssues.libraryId, libraryId), eq(scanIssues.folderKey, title.folderKey)));
    byFolder[title.folderKey] = {
      title: [title.title, title.year, title.tmdbId, title.unreadableNfoPath === null, title.changeSeq],
      files: children.mediaFiles,
      cast: children.actors.map((c) => [c.name, c.role, c.order]),
      unknown: children.unknownFiles.map((f) => f.relativePath),
      artwork: children.assets.map(({ id: _id, ...asset }) => asset),
      candidates: candidates.map((c) => [c.providerName, c.assetType, c.providerUrl]).sort(),
      mark: [mark!.scannedFingerprint === mark!.fingerprint, mark!.scanError, mark!.fileErrors],
      issues: issues.map((i) => path.relative(path.dirname(path.dirname(i.path)), i.path)).sort(),
    };
  }
  return byFolder;
}

/** The writer itself, with each group's size and the times it was written noted. */
function observedWriter() {
  const groups: number[] = [];
  const writes: { started: number; ended?: number }[] = [];
  const observed: ScannedTitleWriter = Object.assign(Object.create(writer) as ScannedTitleWriter, {
    saveFolders: async (...args: Parameters<ScannedTitleWriter['saveFolders']>) => {
      groups.push(args[2].length);
      const write: { started: number; ended?: number } = { started: performance.now() };
      writes.push(write);
      try {
        return await writer.saveFolders(...args);
      } finally {
        write.ended = performance.now();
      }
    },
  });
  return { groups, writes, observed };
}

describe('saving scanned folders in groups', () => {
  it('leaves the same rows as saving each folder alone', async () => {
    const together = await scannedLibrary();
    const apart = await scannedLibrary();

    const savedTogether = await writer.saveFolders(together.libraryId, together.scanId, together.folders);
    const savedApart = [];
    for (const { folder, scanned } of apart.folders)
      savedApart.push(await writer.saveFolder(apart.libraryId, apart.scanId, folder, scanned));

    expect(savedTogether.map((s) => [s.isNew, s.fileErrors])).toEqual(savedApart.map((s) => [s.isNew, s.fileErrors]));
    expect(savedTogether.every((s) => s.isNew)).toBe(true);
    const rows = await rowsOf(together.libraryId);
    expect(rows).toEqual(await rowsOf(apart.libraryId));
    // What was compared is what a scan writes, not empty lists.
    expect(Object.keys(rows)).toHaveLength(4);
    expect(rows['Alpha (2001)']).toMatchObject({
      title: ['Alpha', 2001, 100, true, 1],
      cast: [
        ['Alpha Lead', 'Hero', 0],
        ['Alpha Second', 'Friend', 1],
      ],
      unknown: ['notes.txt'],
      candidates: [['nfo', 'clearlogo', 'https://image.tmdb.org/t/p/original/100.png']],
      mark: [true, null, 0],
    });
    const alpha = rows['Alpha (2001)'] as { files: { streams: unknown[] }[]; artwork: unknown[] };
    expect(alpha.files[0]!.streams.length).toBeGreaterThanOrEqual(3);
    expect(alpha.artwork).toHaveLength(1);
    expect((rows['Delta (2004)'] as { issues: string[]; mark: unknown[] }).issues).toEqual(['Delta (2004)/movie.nfo']);

    // A second group over the same folders updates the rows in place: the same rows, one change later.
    await writer.saveFolders(together.libraryId, together.scanId, together.folders);
    const again = await rowsOf(together.libraryId);
    expect((again['Alpha (2001)'] as { title: unknown[] }).title).toEqual(['Alpha', 2001, 100, true, 2]);
    for (const key of Object.keys(rows)) {
      expect({ ...(again[key] as object), title: null }).toEqual({ ...(rows[key] as object), title: null });
    }
  }, 60_000);

  it('groups the folders that finish while a group is written, and fails only the folder Postgres refuses', async () => {
    const library = await scannedLibrary();
    const { groups, observed } = observedWriter();
    const save = createFolderSaveBatcher(observed, library.libraryId, library.scanId);
    const [first, ...rest] = library.folders;
    // Text with a NUL byte is refused by Postgres: that folder's title cannot be written.
    const refused = rest[1]!;
    if (refused.scanned.kind !== 'movie' || !refused.scanned.nfo) throw new Error('the fixture folder should be a movie with an NFO');
    refused.scanned.nfo.title = 'Bad\u0000Title';

    const firstSaved = save(first!);
    await vi.waitFor(() => expect(groups).toHaveLength(1));
    const answers = await Promise.allSettled([firstSaved, ...rest.map((folder) => save(folder))]);

    // The first folder went alone; the three that came while it was written went as one group, which
    // Postgres refused, so each of the three was saved again alone.
    expect(groups).toEqual([1, 3, 1, 1, 1]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const refusal = (answers[2] as PromiseRejectedResult).reason as Error;
    expect(refusal.message).toContain('insert into "movies"');
    // Postgres text cannot hold NUL: sent as JSON, the row's \u0000 is refused when the JSON is read.
    expect(String(refusal.cause)).toMatch(/0x00|invalid byte sequence|unsupported Unicode escape sequence/);
    const rows = await rowsOf(library.libraryId);
    expect(Object.keys(rows).sort()).toEqual([first!, rest[0]!, rest[2]!].map((f) => f.folder.key).sort());
  }, 60_000);
  it('writes at most MAX_FOLDERS_PER_GROUP folders a group, one group after another', async () => {
    const count = MAX_FOLDERS_PER_GROUP + 9;
    const library = await scannedLibrary(manyFolders(count));
    expect(library.folders).toHaveLength(count);
    const { groups, writes, observed } = observedWriter();
    const save = createFolderSaveBatcher(observed, library.libraryId, library.scanId);

    const [first, ...rest] = library.folders;
    const firstSaved = save(first!);
    await vi.waitFor(() => expect(groups).toHaveLength(1));
    const saved = await Promise.all([firstSaved, ...rest.map((folder) => save(folder))]);

    expect(groups).toEqual([1, MAX_FOLDERS_PER_GROUP, count - 1 - MAX_FOLDERS_PER_GROUP]);
    for (const [i, write] of writes.entries()) {
      if (i > 0) expect(write.started).toBeGreaterThanOrEqual(writes[i - 1]!.ended!);
    }
    expect(saved.every((folder) => folder.isNew && folder.fileErrors === 1)).toBe(true);
    expect(Object.keys(await rowsOf(library.libraryId))).toHaveLength(count);
  }, 60_000);
  it('holds a group of a batch with more to come until enough folders are in, and never holds the last', async () => {
    const count = GATHERED_FOLDERS + 4;
    const library = await scannedLibrary(manyFolders(count));
    const { groups, observed } = observedWriter();
    const started = performance.now();
    const save = createFolderSaveBatcher(observed, library.libraryId, library.scanId, { folders: count, gatherMs: 20_000 });

    const [first, ...rest] = library.folders;
    const firstSaved = save(first!);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // More folders are to come: the first one waits for them rather than going alone.
    expect(groups).toEqual([]);
    const saved = [firstSaved];
    for (const folder of rest) {
      saved.push(save(folder));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(saved);
    // Sixteen went together; the batch's last four went as soon as they were all in, not after 20 s.
    expect(groups).toEqual([GATHERED_FOLDERS, count - GATHERED_FOLDERS]);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(Object.keys(await rowsOf(library.libraryId))).toHaveLength(count);
  }, 60_000);

  it('writes a batch of one folder at once, and a batch whose last folders never come after the wait', async () => {
    const alone = await scannedLibrary();
    const single = observedWriter();
    const started = performance.now();
    await createFolderSaveBatcher(single.observed, alone.libraryId, alone.scanId, { folders: 1, gatherMs: 20_000 })(alone.folders[0]!);
    expect(single.groups).toEqual([1]);
    expect(performance.now() - started).toBeLessThan(10_000);

    // Four folders expected, two handed in (the others failed before their save): written after the wait.
    const short = await scannedLibrary();
    const partial = observedWriter();
    const save = createFolderSaveBatcher(partial.observed, short.libraryId, short.scanId, { folders: 4, gatherMs: 400 });
    const waitStarted = performance.now();
    await Promise.all(short.folders.slice(0, 2).map((folder) => save(folder)));
    expect(partial.groups).toEqual([2]);
    expect(performance.now() - waitStarted).toBeGreaterThanOrEqual(390);
  }, 60_000);
});
