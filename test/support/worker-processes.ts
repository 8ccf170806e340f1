import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';
import { testSecretKey } from './integration.js';
import { onCleanup } from './cleanup.js';

/**
 * Reelflow workers in processes of their own (test/support/worker-process.ts), for what one process
 * cannot show: a SIGKILL mid-activity, or limits that must hold across processes.
 */
export async function startWorkerProcess(opts: { databaseUrl: string; taskQueue: string; dataDir: string }): Promise<ChildProcess> {
  return startSupportProcess('test/support/worker-process.ts', {
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    DATABASE_URL: opts.databaseUrl,
    TASK_QUEUE: opts.taskQueue,
    DATA_DIR: opts.dataDir,
    WORKFLOW_BUNDLE: inject('workflowBundlePath'),
    SECRET_KEY_HEX: testSecretKey.toString('hex'),
  });
}

/** A test-support script in a process of its own, killed after the test file; resolves once it prints READY. */
export async function startSupportProcess(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    child.stdout?.destroy();
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('READY')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker process exited early (${code})`)));
  });
}
