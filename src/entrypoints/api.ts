import { loadConfig } from '../config/env.js';
import { requireEndpoints } from './endpoints.js';
import { prepareDatabase, startApiRole } from './roles.js';
import { installTemporalRuntime } from '../workers/temporal-runtime.js';
import { exitOnStartupError, onShutdownSignal } from './shutdown.js';

/** `npm run api`: the REST API alone, against existing Postgres and Temporal servers. */
async function main() {
  const config = loadConfig();
  const endpoints = requireEndpoints(config, 'api');
  installTemporalRuntime(config.logLevel);
  await prepareDatabase(endpoints.databaseUrl);
  const api = await startApiRole(config, endpoints);
  if (api.generatedKeyFile) console.log(`Generated an API key (stored in ${api.generatedKeyFile}): ${api.apiKey}`);
  onShutdownSignal(() => api.stop());
}

main().catch(exitOnStartupError);
