import { beforeAll, describe, expect, it } from 'vitest';
import { ProviderRateRepository } from '../../src/db/repositories/provider-rate-repository.js';
import { ProviderRepository } from '../../src/db/repositories/provider-repository.js';
import { createTestDatabase, testCipher, type TestDatabase } from '../support/integration.js';
import { configureProvider } from '../support/providers.js';

/** The shared request schedule's arithmetic, in Postgres's clock: slots one spacing apart, no burst. */
let database: TestDatabase;
let slots: ProviderRateRepository;

beforeAll(async () => {
  database = await createTestDatabase();
  slots = new ProviderRateRepository(database.db);
});

async function newProvider(): Promise<string> {
  const provider = await configureProvider(database.db, { kind: 'tmdb', baseUrl: 'http://127.0.0.1:9/3', credentials: { apiKey: 'k' } });
  return provider.id;
}

async function delayOf(providerId: string, spacingMs: number): Promise<number> {
  const answer = await slots.reserve(providerId, spacingMs);
  if (!answer.reserved) throw new Error('a reservation without a lead is always taken');
  return answer.delayMs;
}

describe('the provider rate schedule', () => {
  it('gives concurrent callers their own slots, one spacing apart', async () => {
    const providerId = await newProvider();
    const delays = (await Promise.all(Array.from({ length: 8 }, () => delayOf(providerId, 100)))).sort((a, b) => a - b);
    expect(delays[0]).toBeLessThan(20);
    for (let i = 1; i < delays.length; i++) {
      // Each slot is exactly 100 ms after the previous; the delays differ by that less the time between the
      // two statements (a few ms, more on a loaded machine), never by more, and never by nothing.
      expect(delays[i]! - delays[i - 1]!).toBeGreaterThan(0);
      expect(delays[i]! - delays[i - 1]!).toBeLessThanOrEqual(100.5);
    }
    expect(delays.at(-1)! - delays[0]!).toBeGreaterThan(400);
  });

  it('keeps no burst from an idle spell: the first slot after it is now, the next one a spacing on', async () => {
    const providerId = await newProvider();
    await delayOf(providerId, 50);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const delays = (await Promise.all([1, 2, 3].map(() => delayOf(providerId, 50)))).sort((a, b) => a - b);
    expect(delays[0]).toBeLessThan(10);
    expect(delays[1]).toBeGreaterThan(35);
    expect(delays[2]).toBeGreaterThan(85);
  });

  it('refuses a reservation beyond the lead asked for, and says when the schedule frees up', async () => {
    const providerId = await newProvider();
    await delayOf(providerId, 2_000);
    await delayOf(providerId, 2_000);
    const refused = await slots.reserve(providerId, 2_000, { withinMs: 1_000 });
    expect(refused).toMatchObject({ reserved: false });
    expect(refused.reserved ? 0 : refused.nextInMs).toBeGreaterThan(3_800);
    // A person's reservation (no lead) still takes the next slot, behind what is booked.
    expect(await delayOf(providerId, 2_000)).toBeGreaterThan(3_800);
    const near = await newProvider();
    expect(await slots.reserve(near, 100, { withinMs: 1_000 })).toMatchObject({ reserved: true });
  });

  it('pushes every later slot past a Retry-After, never pulls one earlier', async () => {
    const providerId = await newProvider();
    await slots.pushBack(providerId, 3_000);
    expect(await delayOf(providerId, 100)).toBeGreaterThan(2_900);
    await slots.pushBack(providerId, 500);
    expect(await delayOf(providerId, 100)).toBeGreaterThan(2_950);
  });

  it('goes with its provider', async () => {
    const providerId = await newProvider();
    await delayOf(providerId, 100);
    await new ProviderRepository(database.db, testCipher).delete(providerId);
    const rows = await database.sql`select 1 from provider_rate_slots where provider_id = ${providerId}`;
    expect(rows).toHaveLength(0);
  });
});
