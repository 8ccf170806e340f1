import { createDatabase } from '../../src/db/client.js';
import { dropDatabase, ensureDatabase } from '../../src/db/create-database.js';
import { applyMigrations } from '../../src/db/migrate.js';
import type { CleanupStack } from './cleanup-stack.js';

/** A fresh, migrated database for one benchmark run, dropped by `cleanup`, with a pool on it. */
export async function createBenchDatabase(
  adminUrl: string,
  name: string,
  cleanup: CleanupStack,
  poolOptions?: Parameters<typeof createDatabase>[1],
) {
  const databaseUrl = await ensureDatabase(adminUrl, name);
  cleanup.push(`database ${name}`, () => dropDatabase(adminUrl, name));
  await applyMigrations(databaseUrl);
  return { databaseUrl, ...createDatabase(databaseUrl, poolOptions) };
}
