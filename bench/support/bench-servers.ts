import fs from 'node:fs';
import path from 'node:path';
import { findFreePort } from '../../src/runtime/free-port.js';
import { startTemporalDevServer } from '../../src/runtime/temporal-dev-server.js';
import { bundleReelflowWorkflows } from '../../src/workers/bundle-workflows.js';
import { acquireTestPostgres } from '../../test/support/test-postgres.js';
import type { CleanupStack } from './cleanup-stack.js';

/**
 * What a benchmark whose worker runs in a process of its own starts first: a Temporal dev server on a free
 * port, the Postgres tests use, and the workflow bundle written where that process can load it.
 */
export async function startBenchServers(workDir: string, cleanup: CleanupStack) {
  const [server, pg, bundle] = await Promise.all([
    startTemporalDevServer({ port: await findFreePort(), uiPort: null, logFile: path.join(workDir, 'temporal.log') }),
    acquireTestPostgres(),
    bundleReelflowWorkflows(),
  ]);
  cleanup.push('Temporal dev server', () => server.stop());
  if (pg.embedded) cleanup.push('embedded Postgres', () => pg.embedded!.stop());
  const bundlePath = path.join(workDir, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, bundle.code);
  return { server, pg, bundlePath };
}
