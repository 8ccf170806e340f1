import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findFreePort, isPortInUse } from '../../src/runtime/free-port.js';
import { onCleanup } from './cleanup.js';
import { tempDir } from './temp-dir.js';

export interface RsyncDaemon {
  /** `rsync://127.0.0.1:<port>/media`, the writable module. */
  url: string;
  /** The folder behind the module. */
  root: string;
  port: number;
}

/**
 * A real `rsync --daemon` on loopback with one writable module, `media`, for this test file. It runs as
 * the test's own user (no chroot, no uid switch), so the files it writes are the test's to read.
 */
export async function startRsyncDaemon(opts: { port?: number } = {}): Promise<RsyncDaemon> {
  const dir = tempDir('reelflow-rsyncd-');
  const root = path.join(dir, 'media');
  // A port given: a target made for it earlier found the daemon down until now.
  const port = opts.port ?? (await findFreePort());
  const config = path.join(dir, 'rsyncd.conf');
  const ids = process.getuid && process.getgid ? `uid = ${process.getuid()}\ngid = ${process.getgid()}\n` : '';
  writeFileSync(
    config,
    `use chroot = false\n${ids}pid file = ${path.join(dir, 'rsyncd.pid')}\n[media]\n  path = ${root}\n  read only = false\n`,
  );
  mkdirSync(root, { recursive: true });
  const child = spawn(
    'rsync',
    [
      '--daemon',
      '--no-detach',
      `--config=${config}`,
      `--port=${port}`,
      '--address=127.0.0.1',
      `--log-file=${path.join(dir, 'rsyncd.log')}`,
    ],
    { stdio: 'ignore' },
  );
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  );
  await waitForPort(port);
  return { url: `rsync://127.0.0.1:${port}/media`, root, port };
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await isPortInUse(port))) {
    if (Date.now() > deadline) throw new Error(`rsync --daemon did not listen on port ${port} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
