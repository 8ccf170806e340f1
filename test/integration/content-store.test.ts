import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheFiles } from '../../src/db/schema/index.js';
import { ContentStore, type ContentToStore } from '../../src/media/content-store.js';
import { createTestDatabase, type TestDatabase } from '../support/integration.js';
import { tempDir, writeTree } from '../support/temp-dir.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});

const sha256 = (bytes: string) => createHash('sha256').update(bytes).digest('hex');

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
    const content = (name: string, assetType: string): ContentToStore => ({
      sourcePath: path.join(folder, name),
      sha256: sha256(fs.readFileSync(path.join(folder, name), 'utf8')),
      sizeBytes: fs.statSync(path.join(folder, name)).size,
      entityType: 'movie',
      entityId,
      assetType,
    });
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

  it('answers nothing when given nothing', async () => {
    const store = new ContentStore(database.db, tempDir('reelflow-store-'));
    expect(await store.putMany([])).toEqual([]);
  });
});
