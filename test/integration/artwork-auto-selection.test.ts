import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProviderAssetRepository } from '../../src/db/repositories/provider-asset-repository.js';
import { providerAssets } from '../../src/db/schema/index.js';
import { createTestDatabase, type TestDatabase } from '../support/integration.js';

/**
 * Enrichment writes its choice of a title's artwork as a whole, against the rows as they are when it
 * writes: two runs of one title that overlap (a retried activity whose first attempt still runs) leave
 * one run's choice, never a mix of both; a person's choice is never overwritten.
 */
let database: TestDatabase;
let repository: ProviderAssetRepository;

beforeAll(async () => {
  database = await createTestDatabase();
  repository = new ProviderAssetRepository(database.db);
});

/** A title's poster candidates, as the providers offered them; some chosen by a person. */
async function posters(choices: ('none' | 'user-selected' | 'user-rejected')[]) {
  const entityId = randomUUID();
  const rows = await database.db
    .insert(providerAssets)
    .values(
      choices.map((choice, i) => ({
        entityType: 'movie',
        entityId,
        assetType: 'poster',
        providerName: 'tmdb',
        providerUrl: `https://image.tmdb.org/t/p/original/${entityId}-${i}.jpg`,
        ...(choice === 'user-selected' ? { isSelected: true, selectedBy: 'user' as const, selectedAt: new Date() } : {}),
        ...(choice === 'user-rejected' ? { isRejected: true, selectedBy: 'user' as const, selectedAt: new Date() } : {}),
      })),
    )
    .returning();
  return rows.map((row) => row.id);
}

async function selection(ids: string[]) {
  const rows = await Promise.all(
    ids.map(async (id) => (await database.db.select().from(providerAssets).where(eq(providerAssets.id, id)))[0]!),
  );
  return rows.map((row) => [row.isSelected, row.selectedBy, row.isRejected]);
}

describe('ProviderAssetRepository.applyAutoSelection', () => {
  it('selects what a run kept and unselects the rest', async () => {
    const ids = await posters(['none', 'none', 'none']);
    await repository.applyAutoSelection(ids, [ids[1]!]);
    expect(await selection(ids)).toEqual([
      [false, null, false],
      [true, 'auto', false],
      [false, null, false],
    ]);
  });

  it('of two overlapping runs that both read nothing selected, leaves the last one’s choice alone selected', async () => {
    const [english, textless] = await posters(['none', 'none']);
    // The first run kept the English poster; the second, whose copy of it failed, kept the text-less one.
    await repository.applyAutoSelection([english!, textless!], [english!]);
    await repository.applyAutoSelection([english!, textless!], [textless!]);
    expect(await selection([english!, textless!])).toEqual([
      [false, null, false],
      [true, 'auto', false],
    ]);
  });

  it('leaves a person’s choices as they are, whatever the run kept', async () => {
    const ids = await posters(['user-selected', 'user-rejected', 'none']);
    await repository.applyAutoSelection(ids, [ids[1]!, ids[2]!]);
    expect(await selection(ids)).toEqual([
      [true, 'user', false],
      [false, 'user', true],
      [true, 'auto', false],
    ]);
    await repository.applyAutoSelection(ids, []);
    expect(await selection(ids)).toEqual([
      [true, 'user', false],
      [false, 'user', true],
      [false, null, false],
    ]);
  });

  it('rewrites nothing that already matches: an unchanged choice keeps when it was made', async () => {
    const ids = await posters(['none', 'none']);
    await repository.applyAutoSelection(ids, [ids[0]!]);
    const [before] = await database.db.select().from(providerAssets).where(eq(providerAssets.id, ids[0]!));
    await repository.applyAutoSelection(ids, [ids[0]!]);
    const [after] = await database.db.select().from(providerAssets).where(eq(providerAssets.id, ids[0]!));
    expect(after!.selectedAt).toEqual(before!.selectedAt);
    expect(after!.isSelected).toBe(true);
  });
});
