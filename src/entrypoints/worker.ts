import { loadConfig } from '../config/env.js';
import { requireEndpoints } from './endpoints.js';
import { prepareDatabase, startWorkerRole } from './roles.js';
import { installTemporalRuntime } from '../workers/temporal-runtime.js';
import { exitOnStartupError, onShutdownSignal } from './shutdown.js';

/** `npm run worker`: the Temporal worker alone, against existing Postgres and Temporal servers. */
async function main() {
  const config = loadConfig();
  const endpoints = requireEndpoints(config, 'worker');
  installTemporalRuntime(config.logLevel, config.temporalMetricsPort);
  await prepareDatabase(endpoints.databaseUrl);
  const worker = await startWorkerRole(config, endpoints);
  console.log(`Reelflow worker polling task queue "${config.taskQueue}" on ${endpoints.temporalAddress}`);
  onShutdownSignal(() => worker.stop());
}

main().catch(exitOnStartupError);
