import { NativeConnection } from '@temporalio/worker';
import { createDatabase } from '../../src/db/client.js';
import { installTemporalRuntime } from '../../src/workers/temporal-runtime.js';
import { createEncodeWorker } from '../../src/workers/request-pipeline-workers.js';

/**
 * An encoder machine in a process of its own: only the encode queue's worker, so a test can SIGKILL it
 * mid-encode. Configured by environment; prints READY once polling.
 */
const { TEMPORAL_ADDRESS, DATABASE_URL, TASK_QUEUE, WORK_DIR } = process.env;
installTemporalRuntime('warn');
// Stdin is a pipe from the parent: when the parent goes, however it goes, so does this worker.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
const { db } = createDatabase(DATABASE_URL!, { max: 2 });
const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS! });
const worker = await createEncodeWorker({
  connection,
  namespace: 'default',
  taskQueue: TASK_QUEUE!,
  db,
  settings: { qbittorrent: { baseUrl: 'http://127.0.0.1:1' }, category: 'unused', indexers: [], encodeSlots: 1, workDir: WORK_DIR! },
});
const running = worker.run();
console.log('READY');
await running;
