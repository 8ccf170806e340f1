import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { PhaseConfigService } from '../../src/config/phase-config-service.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { startTemporalDevServer } from '../../src/runtime/temporal-dev-server.js';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { bundleReelflowWorkflows } from '../../src/workers/bundle-workflows.js';
import { createReelflowWorkers, runWorkers } from '../../src/workers/create-worker.js';
import { acquireTestPostgres } from '../../test/support/test-postgres.js';
import { createBenchDatabase } from './bench-database.js';
import type { CleanupStack } from './cleanup-stack.js';

/**
 * What a benchmark whose workers run in its own process starts: a Temporal dev server on a free port, a
 * fresh migrated database with the default phase settings, Reelflow's workers on a task queue of their own
 * and a client; each undone by `cleanup`.
 */
export async function startInProcessStack(name: string, workDir: string, cleanup: CleanupStack) {
  const [server, pg, bundle] = await Promise.all([
    startTemporalDevServer({ port: await findFreePort(), uiPort: null, logFile: path.join(workDir, 'temporal.log') }),
    acquireTestPostgres(),
    bundleReelflowWorkflows(),
  ]);
  cleanup.push('Temporal dev server', () => server.stop());
  if (pg.embedded) cleanup.push('embedded Postgres', () => pg.embedded!.stop());

  const databaseName = `reelflow_bench_${name}_${process.pid}_${Date.now().toString(36)}`;
  const { sql, db } = await createBenchDatabase(pg.adminUrl, databaseName, cleanup, { max: 20 });
  cleanup.push('database pool', () => sql.end({ timeout: 5 }));
  await new PhaseConfigService(db).ensureDefaults();

  const cipher = new CredentialsCipher(randomBytes(32));
  const taskQueue = `bench-${name}-${randomUUID()}`;
  const workerConnection = await NativeConnection.connect({ address: server.address });
  const workers = runWorkers(
    await createReelflowWorkers({
      connection: workerConnection,
      namespace: 'default',
      taskQueue,
      db,
      dataDir: path.join(workDir, 'data'),
      credentialsCipher: cipher,
      workflowBundle: { code: bundle.code },
    }),
  );
  cleanup.push('workers', async () => {
    workers.shutdown();
    await workers.done;
    await workerConnection.close();
  });
  const connection = await Connection.connect({ address: server.address });
  cleanup.push('client connection', () => connection.close());
  return { server, db, sql, cipher, taskQueue, client: new Client({ connection }) };
}
