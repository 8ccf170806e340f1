import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection } from '@temporalio/worker';
import { PhaseConfigService } from '../../src/config/phase-config-service.js';
import { createDatabase } from '../../src/db/client.js';
import { dropDatabase, ensureDatabase } from '../../src/db/create-database.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { startTemporalDevServer } from '../../src/runtime/temporal-dev-server.js';
import { CredentialsCipher } from '../../src/providers/credentials-cipher.js';
import { createReelflowWorkers, runWorkers, workflowsPath } from '../../src/workers/create-worker.js';
import type { libraryScan } from '../../src/workflows/library-scan.js';
import { libraryScanWorkflowId, type ScanProgress } from '../../src/workflows/scan-definitions.js';
import { acquireTestPostgres } from '../../test/support/test-postgres.js';
import type { CleanupStack } from '../support/cleanup-stack.js';

export interface ScanEnvironment {
  createLibrary(name: string, rootPath: string): Promise<string>;
  /** Runs `libraryScan` for the library to completion; seconds from start request to result. */
  scan(libraryId: string): Promise<{ progress: ScanProgress; seconds: number }>;
  /** Pids of the Postgres backends serving the benchmark database; none when the server is not on this machine. */
  databaseBackendPids(): Promise<number[]>;
}

/**
 * One headless Temporal dev server, a fresh migrated Postgres database and the Reelflow workers running in
 * this process — the ones `npm run worker` would run, with their defaults. Every piece is registered on
 * `cleanup` as soon as it exists, so a failure half-way still stops what was started.
 */
export async function startScanEnvironment(workDir: string, cleanup: CleanupStack): Promise<ScanEnvironment> {
  // Settled, not Promise.all: whichever starts is registered for cleanup even when the other fails.
  const [server, pg, bundle] = await allOrThrow([
    startTemporalDevServer({ port: await findFreePort(), uiPort: null, logFile: path.join(workDir, 'temporal.log') }).then((started) => {
      cleanup.push('Temporal dev server', () => started.stop());
      return started;
    }),
    acquireTestPostgres().then((acquired) => {
      if (acquired.embedded) cleanup.push('embedded Postgres', () => acquired.embedded!.stop());
      return acquired;
    }),
    // Built up front with a quiet logger, so webpack's report does not end up between the figures.
    bundleWorkflowCode({ workflowsPath, logger: quietLogger }),
  ] as const);

  const databaseName = `reelflow_bench_scan_${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = await ensureDatabase(pg.adminUrl, databaseName);
  cleanup.push(`database ${databaseName}`, () => dropDatabase(pg.adminUrl, databaseName));
  await applyMigrations(databaseUrl);
  const { sql, db } = createDatabase(databaseUrl);
  cleanup.push('database pool', () => sql.end({ timeout: 5 }));
  await new PhaseConfigService(db).ensureDefaults();

  const taskQueue = `bench-scan-${randomUUID()}`;
  const workerConnection = await NativeConnection.connect({ address: server.address });
  cleanup.push('worker connection', () => workerConnection.close());
  const workers = await createReelflowWorkers({
    connection: workerConnection,
    namespace: 'default',
    taskQueue,
    db,
    dataDir: path.join(workDir, 'data'),
    // The benchmark database holds no provider credentials; a throwaway key is enough.
    credentialsCipher: new CredentialsCipher(randomBytes(32)),
    workflowBundle: { code: bundle.code },
  });
  const running = runWorkers(workers);
  cleanup.push('workers', async () => {
    running.shutdown();
    await running.done;
  });
  // A worker that stops on its own would leave the scan waiting forever; fail the scan instead.
  const workerStopped = running.done.then(
    () => Promise.reject(new Error('The worker stopped during the benchmark')),
    (error: unknown) => Promise.reject(new Error('The worker failed during the benchmark', { cause: error })),
  );
  workerStopped.catch(() => {});

  const clientConnection = await Connection.connect({ address: server.address });
  cleanup.push('client connection', () => clientConnection.close());
  const client = new Client({ connection: clientConnection });
  const libraries = new LibraryRepository(db);

  return {
    async createLibrary(name, rootPath) {
      return (await libraries.create({ name, kind: 'movie', rootPath })).id;
    },
    async scan(libraryId) {
      const started = performance.now();
      const handle = await client.workflow.start<typeof libraryScan>('libraryScan', {
        taskQueue,
        workflowId: libraryScanWorkflowId(libraryId),
        args: [{ libraryId }],
      });
      const progress = await Promise.race([handle.result(), workerStopped]);
      return { progress, seconds: (performance.now() - started) / 1000 };
    },
    async databaseBackendPids() {
      if (!LOOPBACK_HOSTS.has(new URL(databaseUrl).hostname)) return [];
      const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database()`;
      return rows.map((row) => row.pid);
    },
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

async function allOrThrow<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

const quietLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
