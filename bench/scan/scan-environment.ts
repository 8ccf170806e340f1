import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { PhaseConfigService } from '../../src/config/phase-config-service.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { startTemporalDevServer } from '../../src/runtime/temporal-dev-server.js';
import { bundleReelflowWorkflows } from '../../src/workers/bundle-workflows.js';
import type { libraryScan } from '../../src/workflows/library-scan.js';
import { libraryScanWorkflowId, type ScanProgress } from '../../src/contracts/scan.js';
import { acquireTestPostgres } from '../../test/support/test-postgres.js';
import { createBenchDatabase } from '../support/bench-database.js';
import type { CleanupStack } from '../support/cleanup-stack.js';
import { workerNodeFlags } from '../support/worker-node-flags.js';

export interface ScanEnvironment {
  createLibrary(name: string, rootPath: string, kind?: 'movie' | 'tv'): Promise<string>;
  /** Runs `libraryScan` for the library to completion; seconds from start request to result. */
  scan(libraryId: string): Promise<{ progress: ScanProgress; seconds: number }>;
  /** Pids of the Postgres backends serving the benchmark database; none when the server is not on this machine. */
  databaseBackendPids(): Promise<number[]>;
  /** Pid of the worker process, for its RSS and CPU time. */
  workerPid: number;
}

/**
 * One headless Temporal dev server, a fresh migrated Postgres database and the Reelflow workers in a
 * process of their own (`test/support/worker-process.ts`: `createReelflowWorkers` with its defaults, the
 * ones `npm run worker` runs), so the worker's memory and CPU are not mixed with this harness's. Every
 * piece is registered on `cleanup` as soon as it exists, so a failure half-way still stops what was started.
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
    bundleReelflowWorkflows(),
  ] as const);

  const databaseName = `reelflow_bench_scan_${process.pid}_${Date.now().toString(36)}`;
  const { databaseUrl, sql, db } = await createBenchDatabase(pg.adminUrl, databaseName, cleanup);
  cleanup.push('database pool', () => sql.end({ timeout: 5 }));
  await new PhaseConfigService(db).ensureDefaults();

  const taskQueue = `bench-scan-${randomUUID()}`;
  const bundlePath = path.join(workDir, 'workflow-bundle.js');
  await writeFile(bundlePath, bundle.code);
  const worker = await startWorkerProcess(
    {
      TEMPORAL_ADDRESS: server.address,
      DATABASE_URL: databaseUrl,
      TASK_QUEUE: taskQueue,
      DATA_DIR: path.join(workDir, 'data'),
      WORKFLOW_BUNDLE: bundlePath,
      // The benchmark database holds no provider credentials; a throwaway key is enough.
      SECRET_KEY_HEX: randomBytes(32).toString('hex'),
    },
    cleanup,
  );

  const clientConnection = await Connection.connect({ address: server.address });
  cleanup.push('client connection', () => clientConnection.close());
  const client = new Client({ connection: clientConnection });
  const libraries = new LibraryRepository(db);

  return {
    async createLibrary(name, rootPath, kind = 'movie') {
      return (await libraries.create({ name, kind, rootPath })).id;
    },
    async scan(libraryId) {
      const started = performance.now();
      const handle = await client.workflow.start<typeof libraryScan>('libraryScan', {
        taskQueue,
        workflowId: libraryScanWorkflowId(libraryId),
        args: [{ libraryId }],
      });
      const progress = await Promise.race([handle.result(), worker.stopped]);
      return { progress, seconds: (performance.now() - started) / 1000 };
    },
    async databaseBackendPids() {
      if (!LOOPBACK_HOSTS.has(new URL(databaseUrl).hostname)) return [];
      const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database()`;
      return rows.map((row) => row.pid);
    },
    workerPid: worker.pid,
  };
}

/**
 * Spawns the worker process and resolves once it polls (it prints READY). Its other output goes to
 * stderr, with the progress, so stdout keeps only the figures. `stopped` rejects if it exits on its own:
 * a scan would otherwise wait forever.
 */
async function startWorkerProcess(env: Record<string, string>, cleanup: CleanupStack): Promise<{ pid: number; stopped: Promise<never> }> {
  // Started with the V8 flags `npm run worker` uses: what a deployment gets.
  const child = spawn(process.execPath, [...workerNodeFlags(), '--import', 'tsx', 'test/support/worker-process.ts'], {
    // The scan alone: the title pipelines a scan starts are measured by bench:pipeline, and here they
    // would compete with the rescans being timed.
    env: { ...process.env, ...env, TITLE_PIPELINES_AFTER_SCAN: 'off' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  cleanup.push('worker process', async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const stopped = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error('The worker process could not start', { cause: error })));
    child.once('exit', (code, signal) =>
      reject(new Error(`The worker process stopped during the benchmark (${signal ?? `exit code ${code}`})`)),
    );
  });
  stopped.catch(() => {});
  const ready = new Promise<void>((resolve) => {
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line === 'READY') resolve();
        else console.error(line);
      }
    });
  });
  await Promise.race([ready, stopped]);
  return { pid: child.pid!, stopped };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

async function allOrThrow<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
