import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cacheFiles } from '../../src/db/schema/index.js';
import { ContentStore, type ContentToStore } from '../../src/media/content-store.js';
import { createTestDatabase, type TestDatabase } from '../support/integration.js';
import { tempDir, writeTree } from '../support/temp-dir.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});

const sha256 = (bytes: string) => createHash('sha256').update(bytes).digest('hex');

/** A store over a fresh data folder, and a title folder holding a poster of bytes no other test has. */
function storeAndPoster(label: string) {
  const folder = tempDir('reelflow-title-');
  const bytes = `${label} ${randomUUID()}`;
  writeTree(folder, { 'poster.jpg': bytes });
  const dataDir = tempDir('reelflow-store-');
  return { dataDir, store: new ContentStore(database.db, dataDir), poster: path.join(folder, 'poster.jpg'), bytes };
}

/** A movie's artwork file to store, with the bytes the scan read from it (the file may be gone since). */
const movieArtwork = (sourcePath: string, entityId: string, assetType: string, bytes: string): ContentToStore => ({
  sourcePath,
  sha256: sha256(bytes),
  sizeBytes: Buffer.byteLength(bytes),
  entityType: 'movie',
  entityId,
  assetType,
});

describe('ContentStore.putMany', () => {
  it('stores each new content once, keeps what it held, and answers in the order asked', async () => {
    const dataDir = tempDir('reelflow-store-');
    const folder = tempDir('reelflow-title-');
    // A unique run tag keeps these bytes apart from any other test's in the shared database.
    const tag = randomUUID();
    writeTree(folder, {
      'poster.jpg': `poster ${tag}`,
      'folder.jpg': `poster ${tag}`,
      'fanart.jpg': `fanart ${tag}`,
      'logo.png': `logo ${tag}`,
    });
    const store = new ContentStore(database.db, dataDir);
    const entityId = randomUUID();
    const content = (name: string, assetType: string) =>
      movieArtwork(path.join(folder, name), entityId, assetType, fs.readFileSync(path.join(folder, name), 'utf8'));
    const held = await store.put(content('logo.png', 'clearlogo'));
    expect(held.stored).toBe(true);

    const answers = await store.putMany([
      content('poster.jpg', 'poster'),
      content('logo.png', 'clearlogo'),
      content('folder.jpg', 'poster'),
      content('fanart.jpg', 'fanart'),
    ]);

    expect(answers.map((a) => a.stored)).toEqual([true, false, false, true]);
    expect(answers[1]!.cacheFile.id).toBe(held.cacheFile.id);
    // poster.jpg and folder.jpg hold the same bytes: one row, one file.
    expect(answers[2]!.cacheFile.id).toBe(answers[0]!.cacheFile.id);
    expect(answers[0]!.cacheFile.sha256).toBe(sha256(`poster ${tag}`));
    expect(answers[3]!.cacheFile.sha256).toBe(sha256(`fanart ${tag}`));
    const rows = await database.db.select().from(cacheFiles);
    for (const bytes of [`poster ${tag}`, `fanart ${tag}`, `logo ${tag}`]) {
      const matching = rows.filter((row) => row.sha256 === sha256(bytes));
      expect(matching).toHaveLength(1);
      expect(fs.readFileSync(store.absolutePath(matching[0]!), 'utf8')).toBe(bytes);
    }
    // The person's files are where they were, untouched.
    expect(fs.readFileSync(path.join(folder, 'folder.jpg'), 'utf8')).toBe(`poster ${tag}`);
  });

  it('takes the row of a writer that stored the same bytes first, and removes its own copy', async () => {
    const { dataDir, store, poster, bytes } = storeAndPoster('raced');
    const content = movieArtwork(poster, randomUUID(), 'poster', bytes);
    // Another worker's transaction holds the same bytes' row, not yet committed: our lookup does not see it,
    // and our insert waits on the unique index until that transaction commits.
    const other = await database.sql.reserve();
    try {
      await other`begin`;
      const [winner] = await other<{ id: string }[]>`
        insert into cache_files (sha256, size_bytes, path) values (${content.sha256}, ${content.sizeBytes}, 'cache/movie/other/poster.jpg')
        returning id`;
      const answer = store.putMany([content]);
      await vi.waitFor(
        async () => {
          const waiting =
            await database.sql`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
          expect(waiting).toHaveLength(1);
        },
        { timeout: 10_000 },
      );
      await other`commit`;
      const [stored] = await answer;
      expect(stored).toMatchObject({ stored: false, cacheFile: { id: winner!.id, path: 'cache/movie/other/poster.jpg' } });
    } finally {
      other.release();
    }
    // Our copy under our own name is gone: the cache holds no file the row does not name.
    expect(fs.existsSync(path.join(dataDir, 'cache', 'movie', content.entityId))).toBe(true);
    expect(fs.readdirSync(path.join(dataDir, 'cache', 'movie', content.entityId))).toEqual([]);
  });

  it('stores the same bytes for one title several times at once, in the same millisecond, without failing either', async () => {
    // Two attempts of one title's enrichment (a retry while the first still runs) store the same picture
    // at the same place at the same moment: each copy needs a temporary name of its own.
    const { dataDir, store, poster, bytes } = storeAndPoster('twice');
    const content = movieArtwork(poster, randomUUID(), 'poster', bytes);
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, () => store.put(content)));
      expect(new Set(answers.map((answer) => answer.cacheFile.id)).size).toBe(1);
    } finally {
      now.mockRestore();
    }
    const [row] = await database.db.select().from(cacheFiles).where(eq(cacheFiles.sha256, content.sha256));
    expect(fs.readFileSync(store.absolutePath(row!), 'utf8')).toBe(bytes);
    expect(fs.readdirSync(path.join(dataDir, 'cache', 'movie', content.entityId))).toEqual([path.basename(row!.path)]);
  });

  it('fails when a file cannot be copied, after storing the others with their rows', async () => {
    const { dataDir, store, poster, bytes } = storeAndPoster('kept');
    const entityId = randomUUID();
    // The fanart went away between the scan that hashed it and the store.
    const fanart = path.join(path.dirname(poster), 'fanart.jpg');
    await expect(
      store.putMany([movieArtwork(poster, entityId, 'poster', bytes), movieArtwork(fanart, entityId, 'fanart', `gone ${bytes}`)]),
    ).rejects.toThrow(/ENOENT/);
    const [row] = await database.db
      .select()
      .from(cacheFiles)
      .where(eq(cacheFiles.sha256, sha256(bytes)));
    expect(fs.readFileSync(store.absolutePath(row!), 'utf8')).toBe(bytes);
    // Every file the cache holds has its row.
    expect(fs.readdirSync(path.join(dataDir, 'cache', 'movie', entityId))).toEqual([path.basename(row!.path)]);
  });

  it('answers nothing when given nothing', async () => {
    const store = new ContentStore(database.db, tempDir('reelflow-store-'));
    expect(await store.putMany([])).toEqual([]);
  });
});
