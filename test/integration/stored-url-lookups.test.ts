import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ActorRepository } from '../../src/db/repositories/actor-repository.js';
import { ProviderAssetRepository } from '../../src/db/repositories/provider-asset-repository.js';
import { cacheFiles, providerAssets } from '../../src/db/schema/index.js';
import { createTestDatabase, type TestDatabase } from '../support/integration.js';

/**
 * "Are these bytes stored already?": an enrichment asks for every candidate URL and cast photo. Many titles
 * share a URL (an actor in many casts); the answer is one stored file per URL, found by index.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

async function storedFile(width: number) {
  const sha256 = randomUUID().replace(/-/g, '').padEnd(64, '0');
  const [row] = await database.db
    .insert(cacheFiles)
    .values({ sha256, sizeBytes: 10, path: `/cache/${sha256}.jpg`, format: 'jpg', width, height: width * 1.5 })
    .returning();
  return row!;
}

describe('lookups of stored bytes by URL', () => {
  it('finds a downloaded candidate of any title by its URL, once per URL, and nothing for a URL only offered', async () => {
    const file = await storedFile(1000);
    const shared = `https://image.tmdb.org/t/p/original/${randomUUID()}.jpg`;
    const offered = `https://image.tmdb.org/t/p/original/${randomUUID()}.jpg`;
    const titles = [randomUUID(), randomUUID(), randomUUID()];
    await database.db.insert(providerAssets).values([
      ...titles.map((entityId) => ({
        entityType: 'movie',
        entityId,
        assetType: 'poster',
        providerName: 'tmdb',
        providerUrl: shared,
        isDownloaded: true,
        contentHash: file.sha256,
        perceptualHash: 'ffff0000ffff0000',
      })),
      { entityType: 'movie', entityId: titles[0]!, assetType: 'fanart', providerName: 'tmdb', providerUrl: offered },
    ]);

    const found = await new ProviderAssetRepository(database.db).downloadedByUrls([shared, offered, 'https://elsewhere/none.jpg']);
    expect([...found.entries()]).toEqual([
      [shared, { sha256: file.sha256, cacheFileId: file.id, perceptualHash: 'ffff0000ffff0000', width: 1000, height: 1500 }],
    ]);
  });

  it("finds a cast photo stored for any title's actor by its URL, and nothing for one never stored", async () => {
    const file = await storedFile(300);
    const photo = `https://image.tmdb.org/t/p/original/${randomUUID()}.jpg`;
    const notStored = `https://image.tmdb.org/t/p/original/${randomUUID()}.jpg`;
    const actors = new ActorRepository(database.db);
    for (const entityId of [randomUUID(), randomUUID()]) {
      await actors.replace('movie', entityId, [
        { entityType: 'movie', entityId, name: 'Keanu Reeves', role: 'Neo', sortOrder: 0, thumbUrl: photo, thumbCacheFileId: file.id },
        {
          entityType: 'movie',
          entityId,
          name: 'Carrie-Anne Moss',
          role: 'Trinity',
          sortOrder: 1,
          thumbUrl: notStored,
          thumbCacheFileId: null,
        },
      ]);
    }

    const found = await actors.cachedThumbsByUrls([photo, notStored]);
    expect([...found.entries()]).toEqual([[photo, { sha256: file.sha256, cacheFileId: file.id, width: 300, height: 450 }]]);
  });
});
