import path from 'node:path';
import { loadConfig } from '../config/env.js';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres.js';
import { startTemporalDevServer } from '../runtime/temporal-dev-server.js';
import { prepareDatabase, startApiRole, startWorkerRole, type RunningRole } from './roles.js';
import { installTemporalRuntime } from '../workers/temporal-runtime.js';
import { exitOnStartupError, onShutdownSignal } from './shutdown.js';
import { BUILD_HINT, isWebUiBuilt } from '../api/web-ui.js';

/**
 * `npm start`: everything on one machine. Starts the Temporal dev server and an embedded Postgres unless
 * TEMPORAL_ADDRESS / DATABASE_URL point elsewhere, then the worker and the API. Ctrl-C stops all of it,
 * in reverse order.
 */
async function main() {
  const config = loadConfig();
  installTemporalRuntime(config.logLevel, config.temporalMetricsPort);
  const started: RunningRole[] = [];
  const stopAll = async () => {
    for (const role of started.reverse()) await role.stop().catch((err: unknown) => console.error(err));
  };
  onShutdownSignal(stopAll);

  try {
    let temporalAddress = config.temporalAddress;
    let temporalUi: string | null = null;
    if (!temporalAddress) {
      console.log('Starting the Temporal dev server...');
      const server = await startTemporalDevServer({
        port: config.temporalDevPort,
        uiPort: config.temporalUiPort,
        dbFile: path.join(config.dataDir, 'temporal', 'temporal.db'),
        logFile: path.join(config.dataDir, 'temporal', 'server.log'),
        namespace: config.temporalNamespace,
      });
      started.push(server);
      temporalAddress = server.address;
      temporalUi = server.uiUrl;
    }

    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      console.log('Starting the embedded Postgres...');
      const pg = await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'), config.embeddedPostgresPort, 'reelflow');
      started.push(pg);
      databaseUrl = pg.url;
    }

    await prepareDatabase(databaseUrl);
    started.push(await startWorkerRole(config, { databaseUrl, temporalAddress }));
    const sdkMetrics = config.temporalMetricsPort > 0 ? `http://127.0.0.1:${config.temporalMetricsPort}/metrics` : undefined;
    const api = await startApiRole(config, { databaseUrl, temporalAddress }, sdkMetrics);
    started.push(api);

    console.log('');
    console.log(`Reelflow is running.`);
    console.log(`  API          ${api.url}`);
    console.log(`  API docs     ${api.url}/docs`);
    console.log(`  Web UI       ${isWebUiBuilt() ? `${api.url}  (sign in with the API key)` : `not built: ${BUILD_HINT}`}`);
    if (temporalUi) console.log(`  Temporal UI  ${temporalUi}`);
    else console.log(`  Temporal     ${temporalAddress}`);
    if (api.generatedKeyFile) console.log(`  API key      ${api.apiKey}  (generated; stored in ${api.generatedKeyFile})`);
    else console.log(`  API key      from ${config.apiKey ? 'REELFLOW_API_KEY' : path.join(config.dataDir, 'api-key')}`);
    console.log('Press Ctrl-C to stop.');
  } catch (err) {
    await stopAll();
    throw err;
  }
}

main().catch(exitOnStartupError);
