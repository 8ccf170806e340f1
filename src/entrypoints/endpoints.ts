import type { AppConfig } from '../config/env.js';
import { ConfigError } from '../config/env.js';
import type { Endpoints } from './roles.js';

/** The single-role commands start no servers of their own, so they need to be told where the servers are. */
export function requireEndpoints(config: AppConfig, role: 'api' | 'worker'): Endpoints {
  if (!config.databaseUrl) {
    throw new ConfigError([`DATABASE_URL: required by \`npm run ${role}\` (only \`npm start\` runs an embedded Postgres)`]);
  }
  return { databaseUrl: config.databaseUrl, temporalAddress: config.temporalAddress ?? 'localhost:7233' };
}
