import { spawn, type ChildProcess } from 'node:child_process';
import type { CleanupStack } from './cleanup-stack.js';

export interface WorkerProcessOptions {
  address: string;
  databaseUrl: string;
  taskQueue: string;
  dataDir: string;
  bundlePath: string;
  secretKey: Buffer;
}

/** The Reelflow workers in a process of their own (test/support/worker-process.ts); resolves once polling. */
export function startWorkerProcess(opts: WorkerProcessOptions, cleanup: CleanupStack): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/worker-process.ts'], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: opts.address,
      DATABASE_URL: opts.databaseUrl,
      TASK_QUEUE: opts.taskQueue,
      DATA_DIR: opts.dataDir,
      WORKFLOW_BUNDLE: opts.bundlePath,
      SECRET_KEY_HEX: opts.secretKey.toString('hex'),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  cleanup.push('worker process', () => {
    child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('READY')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker process exited early (${code})`)));
  });
}
