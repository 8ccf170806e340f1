import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startEmbeddedPostgres, type RunningPostgres } from '../../src/runtime/embedded-postgres.js';
import { findFreePort } from '../../src/runtime/free-port.js';

const MACHINE_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The Postgres server tests run against: DATABASE_URL when set, else the machine's server on
 * 127.0.0.1:5432, else an embedded one in a temporary folder. Returns an admin URL.
 */
export async function acquireTestPostgres(): Promise<{ adminUrl: string; embedded?: RunningPostgres }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL };
  if (await answers(MACHINE_SERVER)) return { adminUrl: MACHINE_SERVER };
  const dir = path.join(os.tmpdir(), 'reelflow-test-postgres');
  const embedded = await startEmbeddedPostgres(dir, await findFreePort(), 'reelflow_test_admin');
  return { adminUrl: embedded.url, embedded };
}

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}
