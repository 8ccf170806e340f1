import { NativeConnection } from '@temporalio/worker';
import { createDatabase } from '../../src/db/client.js';
import { createReelflowWorker } from '../../src/workers/create-worker.js';
import { installTemporalRuntime } from '../../src/workers/roles.js';

/**
 * A Reelflow worker in a process of its own, so a test can kill it with SIGKILL mid-activity, as a crash
 * or an OOM kill would. Configured by environment; prints READY once polling.
 */
const { TEMPORAL_ADDRESS, DATABASE_URL, TASK_QUEUE, DATA_DIR, WORKFLOW_BUNDLE } = process.env;
installTemporalRuntime('warn');
const { db } = createDatabase(DATABASE_URL!);
const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS! });
const worker = await createReelflowWorker({
  connection,
  namespace: 'default',
  taskQueue: TASK_QUEUE!,
  db,
  dataDir: DATA_DIR!,
  workflowBundle: { codePath: WORKFLOW_BUNDLE! },
});
const running = worker.run();
console.log('READY');
await running;
