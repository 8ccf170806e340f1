import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, isPortInUse } from '../../src/runtime/free-port.js';
import { tempDir, writeTree } from '../support/temp-dir.js';

/**
 * `npm start` with no DATABASE_URL and no TEMPORAL_ADDRESS: it must run its own Temporal dev server and
 * embedded Postgres, serve the API and the Temporal UI, run a scan, and leave nothing behind on Ctrl-C.
 * Ports are chosen free so the test never collides with a Reelflow already running on this machine.
 */
const dataDir = tempDir('reelflow-start-');
const libraryRoot = tempDir('reelflow-start-media-');
let ports: { api: number; temporal: number; ui: number; postgres: number; sdkMetrics: number };
let child: ChildProcess;
let output = '';

beforeAll(async () => {
  // mkdtemp makes 0700 folders; as root the embedded Postgres runs as the `postgres` user, which must enter it.
  fs.chmodSync(dataDir, 0o755);
  ports = {
    api: await findFreePort(),
    temporal: await findFreePort(),
    ui: await findFreePort(),
    postgres: await findFreePort(),
    sdkMetrics: await findFreePort(),
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    REELFLOW_DATA_DIR: dataDir,
    PORT: String(ports.api),
    TEMPORAL_DEV_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.ui),
    EMBEDDED_POSTGRES_PORT: String(ports.postgres),
    TEMPORAL_METRICS_PORT: String(ports.sdkMetrics),
  };
  // Its own process group, so the test can signal the whole group as a terminal's Ctrl-C does.
  child = spawn(process.execPath, ['--import', 'tsx', 'src/entrypoints/start.ts'], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  // A start that fails (a port taken, say) exits with its reason: said at once, not after the timeout.
  await waitFor(
    () => output.includes('Press Ctrl-C to stop.') || child.exitCode !== null,
    110_000,
    () => output,
  );
  if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}:\n${output}`);
}, 120_000);

afterAll(() => {
  if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
});

describe('npm start', () => {
  it('prints the URLs and a generated API key', () => {
    expect(output).toContain(`API          http://localhost:${ports.api}`);
    expect(output).toContain(`API docs     http://localhost:${ports.api}/docs`);
    expect(output).toContain(`Temporal UI  http://127.0.0.1:${ports.ui}`);
    const key = fs.readFileSync(path.join(dataDir, 'api-key'), 'utf8').trim();
    expect(output).toContain(`API key      ${key}`);
  });

  it('serves the web UI at /, or says how to build it', async () => {
    const built = fs.existsSync(path.resolve('web/dist/index.html'));
    expect(output).toContain(built ? `Web UI       http://localhost:${ports.api}  (sign in with the API key)` : 'Web UI       not built: ');
    const page = await fetch(`http://127.0.0.1:${ports.api}/library`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(built ? 200 : 404);
    if (built) expect(await page.text()).toContain('<div id="root">');
  });

  it('serves /healthz 200 and the Temporal UI', async () => {
    const health = await fetch(`http://127.0.0.1:${ports.api}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', postgres: { ok: true }, temporal: { ok: true } });
    expect((await fetch(`http://127.0.0.1:${ports.ui}/`)).status).toBe(200);
  });

  it('runs a scan started over HTTP, visible on its Temporal server', async () => {
    writeTree(libraryRoot, { 'Dune (2021)/Dune (2021).mkv': 'v' });
    const headers = { 'x-api-key': fs.readFileSync(path.join(dataDir, 'api-key'), 'utf8').trim(), 'content-type': 'application/json' };
    const base = `http://127.0.0.1:${ports.api}`;
    const library = (await (
      await fetch(`${base}/api/libraries`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'Movies', kind: 'movie', rootPath: libraryRoot }),
      })
    ).json()) as { id: string };
    const scan = (await (
      await fetch(`${base}/api/libraries/${library.id}/scan`, { method: 'POST', headers: { 'x-api-key': headers['x-api-key'] } })
    ).json()) as {
      scanId: string;
      workflowId: string;
    };

    const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
    try {
      const result = await new Client({ connection }).workflow.getHandle(scan.workflowId).result();
      expect(result).toMatchObject({ scanId: scan.scanId, phase: 'completed', directoriesTotal: 1 });
    } finally {
      await connection.close();
    }
  });

  it("serves Prometheus metrics: its own and the Temporal SDK worker's", async () => {
    const headers = { 'x-api-key': fs.readFileSync(path.join(dataDir, 'api-key'), 'utf8').trim() };
    const text = await (await fetch(`http://127.0.0.1:${ports.api}/metrics`, { headers })).text();
    expect(text).toMatch(/^# HELP reelflow_provider_cache_requests_total /m);
    expect(text).toMatch(/^temporal_\w+/m);
  });

  it('shuts everything down on Ctrl-C: exit code 0, no port left bound', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    // The servers are children; give the OS a moment to release their sockets.
    await waitFor(
      async () => !(await anyPortInUse()),
      10_000,
      () => 'ports still bound',
    );
    expect(await anyPortInUse()).toBe(false);
  }, 30_000);
});

async function anyPortInUse(): Promise<boolean> {
  const inUse = await Promise.all(Object.values(ports).map((p) => isPortInUse(p)));
  return inUse.some(Boolean);
}

async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out; last state:\n${describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
