import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { build } from '../../src/api/app.js';
import { PhaseConfigService } from '../../src/config/phase-config-service.js';
import { createDatabase, type Database, type Sql } from '../../src/db/client.js';
import { ensureDatabase } from '../../src/db/create-database.js';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { createReelflowWorkers, runWorkers } from '../../src/workers/create-worker.js';
import { tempDir } from './temp-dir.js';
import { onCleanup } from './cleanup.js';

export const TEST_API_KEY = 'test-api-key-0123456789abcdef';

export interface TestDatabase {
  url: string;
  db: Database;
  sql: Sql;
}

/** A fresh database for this test file, copied from the migrated template; closed after the file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${inject('databasePrefix')}_${randomUUID().slice(0, 8)}`;
  const url = await ensureDatabase(inject('adminDatabaseUrl'), name, inject('templateDatabase'));
  const { db, sql } = createDatabase(url, { max: 5 });
  await new PhaseConfigService(db).ensureDefaults();
  onCleanup(() => sql.end());
  return { url, db, sql };
}

/** A client of the shared dev server; closed after the file. */
export async function createTestClient(): Promise<Client> {
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  onCleanup(() => connection.close());
  return new Client({ connection });
}

export interface RunningTestWorker {
  taskQueue: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Real workers (general + provider queues) on their own task queue, with the workflow bundle built once. */
export async function startTestWorker(
  db: Database,
  taskQueue = `test-${randomUUID()}`,
  dataDir = tempDir('reelflow-data-'),
  credentialsCipher: CredentialsCipher = testCipher,
  /** Scan tests look at the scan alone; pipeline tests ask for the pipelines a scan starts. */
  options: { titlePipelinesAfterScan?: boolean } = {},
): Promise<RunningTestWorker> {
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const workers = await createReelflowWorkers({
    connection,
    namespace: 'default',
    taskQueue,
    db,
    dataDir,
    credentialsCipher,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    titlePipelinesAfterScan: options.titlePipelinesAfterScan ?? false,
  });
  const running = runWorkers(workers);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    running.shutdown();
    await running.done;
    await connection.close();
  };
  onCleanup(stop);
  return { taskQueue, dataDir, stop };
}

/** One key per test process, shared by test apps and workers so a worker can read what the API stored. */
export const testSecretKey = randomBytes(32);
export const testCipher = new CredentialsCipher(testSecretKey);

export async function createTestApp(deps: {
  database: TestDatabase;
  temporal: Client;
  taskQueue: string;
  mediaRoots?: string[];
  /** A random key unless a test needs to read what was stored. */
  credentialsCipher?: CredentialsCipher;
  /** The built web UI to serve; web/dist unless given. */
  webRoot?: string;
  /** The workers' data directory, for the artwork images the API serves. */
  dataDir?: string;
}): Promise<FastifyInstance> {
  const app = await build({
    config: { taskQueue: deps.taskQueue, mediaRoots: deps.mediaRoots ?? [], dataDir: deps.dataDir },
    apiKey: TEST_API_KEY,
    db: deps.database.db,
    sql: deps.database.sql,
    temporal: deps.temporal,
    credentialsCipher: deps.credentialsCipher ?? testCipher,
    webRoot: deps.webRoot,
  });
  onCleanup(() => app.close());
  return app;
}

export const authHeaders = { 'x-api-key': TEST_API_KEY };
