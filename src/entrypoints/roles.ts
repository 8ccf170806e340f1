import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { build } from '../api/app.js';
import type { AppConfig } from '../config/env.js';
import { PhaseConfigService } from '../config/phase-config-service.js';
import { createDatabase } from '../db/client.js';
import { applyMigrations } from '../db/migrate.js';
import { resolveApiKey } from './api-key.js';
import { resolveCredentialsCipher } from '../security/credentials-cipher.js';
import { createReelflowWorkers, runWorkers } from '../workers/create-worker.js';
import { registerSearchAttributes } from '../runtime/search-attributes.js';
import { ScheduleService } from '../schedules/schedule-service.js';

/** Where the two roles find their dependencies; `npm start` fills it with the embedded services. */
export interface Endpoints {
  databaseUrl: string;
  temporalAddress: string;
}

export interface RunningRole {
  stop(): Promise<void>;
}

/** Migrations and default settings, applied by whichever role starts first (serialised by a lock). */
export async function prepareDatabase(databaseUrl: string): Promise<void> {
  await applyMigrations(databaseUrl);
  const { sql, db } = createDatabase(databaseUrl, { max: 1 });
  try {
    await new PhaseConfigService(db).ensureDefaults();
  } finally {
    await sql.end();
  }
}

export async function startWorkerRole(config: AppConfig, endpoints: Endpoints): Promise<RunningRole> {
  const { sql, db } = createDatabase(endpoints.databaseUrl);
  const connection = await NativeConnection.connect({ address: endpoints.temporalAddress });
  // Before any workflow runs: the workflows upsert them, and each role may be the first to start.
  await registerSearchAttributes(connection, config.temporalNamespace);
  const { cipher: credentialsCipher } = resolveCredentialsCipher(config.secretKey, config.dataDir);
  const workers = await createReelflowWorkers({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    db,
    dataDir: config.dataDir,
    credentialsCipher,
    requestPipeline: config.requestPipeline,
    historyDays: config.historyDays,
  });
  const running = runWorkers(workers);
  return {
    async stop() {
      running.shutdown();
      await running.done;
      await connection.close();
      // Queries of activities that outlive the drain (cancelled, not yet returned) must not hold up the exit.
      await sql.end({ timeout: 5 });
    },
  };
}

export interface RunningApi extends RunningRole {
  url: string;
  apiKey: string;
  generatedKeyFile?: string;
  app: FastifyInstance;
}

/** `temporalMetricsUrl`: the SDK metrics of a worker in this same process (npm start), for /metrics. */
export async function startApiRole(config: AppConfig, endpoints: Endpoints, temporalMetricsUrl?: string): Promise<RunningApi> {
  const { sql, db } = createDatabase(endpoints.databaseUrl);
  const connection = await Connection.connect({ address: endpoints.temporalAddress });
  const temporal = new Client({ connection, namespace: config.temporalNamespace });
  // Before the API starts any workflow with them (the worker's role does the same; whichever is first adds them).
  const searchAttributes = await registerSearchAttributes(connection, config.temporalNamespace);
  const { apiKey, generatedAt } = resolveApiKey(config.apiKey, config.dataDir);
  const { cipher: credentialsCipher } = resolveCredentialsCipher(config.secretKey, config.dataDir);
  const app = await build({ config, apiKey, db, sql, temporal, credentialsCipher, temporalMetricsUrl }, { level: config.logLevel });
  // Every periodic job is a Temporal Schedule made from configuration: created, updated or deleted here.
  const synced = await new ScheduleService({ temporal, db, credentialsCipher, taskQueue: config.taskQueue }).syncAll();
  app.log.info(synced, 'schedules in step with configuration');
  if (searchAttributes.added.length > 0) app.log.info(searchAttributes, 'search attributes registered');
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${config.port}`,
    apiKey,
    generatedKeyFile: generatedAt,
    app,
    async stop() {
      await app.close();
      await connection.close();
      // Queries of activities that outlive the drain (cancelled, not yet returned) must not hold up the exit.
      await sql.end({ timeout: 5 });
    },
  };
}
