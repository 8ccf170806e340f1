import { NativeConnection } from '@temporalio/worker';
import { createDatabase } from '../../src/db/client.js';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { createReelflowWorkers, runWorkers } from '../../src/workers/create-worker.js';
import { installTemporalRuntime } from '../../src/workers/temporal-runtime.js';

/**
 * A Reelflow worker in a process of its own, so a test can kill it with SIGKILL mid-activity, as a crash
 * or an OOM kill would. Configured by environment; prints READY once polling.
 */
const { TEMPORAL_ADDRESS, DATABASE_URL, TASK_QUEUE, DATA_DIR, WORKFLOW_BUNDLE, SECRET_KEY_HEX } = process.env;
installTemporalRuntime('warn');
// Stdin is a pipe from the parent: when the parent goes, however it goes, so does this worker.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
const { db } = createDatabase(DATABASE_URL!);
const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS! });
const workers = await createReelflowWorkers({
  connection,
  namespace: 'default',
  taskQueue: TASK_QUEUE!,
  db,
  dataDir: DATA_DIR!,
  credentialsCipher: new CredentialsCipher(Buffer.from(SECRET_KEY_HEX!, 'hex')),
  workflowBundle: { codePath: WORKFLOW_BUNDLE! },
  // The scan benchmark measures the scan alone (bench:pipeline measures the pipelines a scan starts).
  titlePipelinesAfterScan: process.env.TITLE_PIPELINES_AFTER_SCAN !== 'off',
});
const running = runWorkers(workers);
console.log('READY');
await running.done;
