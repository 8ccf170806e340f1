import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createScanActivities } from '../activities/scan.js';
import { PhaseConfigService } from '../config/phase-config-service.js';
import type { Database } from '../db/client.js';
import { ContentStore } from '../media/content-store.js';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface ReelflowWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Database;
  /** Where the content-addressed cache lives (REELFLOW_DATA_DIR). */
  dataDir: string;
  /** A prebuilt bundle (tests build one per run); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

/** The general worker: every workflow, and the activities of the library pipeline. */
export async function createReelflowWorker(opts: ReelflowWorkerOptions): Promise<Worker> {
  const phaseConfig = new PhaseConfigService(opts.db);
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath }),
    activities: {
      ...createScanActivities({ db: opts.db, phaseConfig, contentStore: new ContentStore(opts.db, opts.dataDir) }),
    },
  });
}
