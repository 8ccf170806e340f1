import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { terminate } from './child-process.js';
import { isPortInUse } from './free-port.js';
import { devServerSearchAttributeFlags } from './search-attributes.js';
import { locateTemporalCli } from './temporal-cli.js';
import { dynamicConfigFlags } from './temporal-dynamic-config.js';

export interface DevServerOptions {
  port: number;
  /** null runs the server headless. */
  uiPort: number | null;
  /** SQLite file for durable state; omitted keeps everything in memory (tests). */
  dbFile?: string;
  /** Where the server's own log goes. */
  logFile: string;
  namespace?: string;
}

export interface RunningDevServer {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` as a child process and waits until its frontend answers. */
export async function startTemporalDevServer(opts: DevServerOptions): Promise<RunningDevServer> {
  for (const port of [opts.port, opts.uiPort]) {
    if (port !== null && (await isPortInUse(port))) {
      throw new Error(
        `Port ${port} is already in use, so the Temporal dev server cannot start. ` +
          'Stop whatever holds it, or set TEMPORAL_ADDRESS to use a server that is already running.',
      );
    }
  }
  const cli = await locateTemporalCli();
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'warn'];
  // Task priorities and one partition per task queue, as docker-compose's server has them.
  args.push(...dynamicConfigFlags());
  // Reelflow's search attributes exist before the first workflow starts with them (tests start right away).
  args.push(...devServerSearchAttributeFlags());
  if (opts.uiPort === null) args.push('--headless');
  else args.push('--ui-port', String(opts.uiPort));
  if (opts.dbFile) {
    fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    // WAL lets the UI read while the server writes; the dev server is single-node, so this is safe.
    args.push('--db-filename', opts.dbFile, '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL');
  }
  if (opts.namespace && opts.namespace !== 'default') args.push('--namespace', opts.namespace);

  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.openSync(opts.logFile, 'a');
  // Its own process group: Ctrl-C reaches only us, and we stop the server after the worker has drained.
  const child = spawn(cli, args, { stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);

  const address = `127.0.0.1:${opts.port}`;
  const exitedEarly = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) =>
      reject(
        new Error(`The Temporal dev server exited (${signal ?? code}) before it was ready; see ${opts.logFile}:\n${tail(opts.logFile)}`),
      ),
    );
    child.once('error', reject);
  });
  try {
    await Promise.race([waitUntilServing(address, 60_000), exitedEarly]);
  } catch (err) {
    await terminate(child);
    throw err;
  }
  exitedEarly.catch(() => {});
  return {
    address,
    uiUrl: opts.uiPort === null ? null : `http://127.0.0.1:${opts.uiPort}`,
    stop: () => terminate(child),
  };
}

async function waitUntilServing(address: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`The Temporal dev server at ${address} did not answer within ${timeoutMs / 1000}s: ${String(lastError)}`);
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}
