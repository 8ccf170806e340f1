import { Client, Connection } from '@temporalio/client';
import { inspect } from 'node:util';
import { NativeConnection, Runtime, DefaultLogger, type LogEntry, type LogLevel } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { build } from '../api/app.js';
import type { AppConfig } from '../config/env.js';
import { PhaseConfigService } from '../config/phase-config-service.js';
import { createDatabase } from '../db/client.js';
import { applyMigrations } from '../db/migrate.js';
import { resolveApiKey } from './api-key.js';
import { resolveCredentialsCipher } from '../providers/credentials-cipher.js';
import { createReelflowWorkers, runWorkers } from './create-worker.js';
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

/**
 * Once per process, before any connection: the SDK's log level, and no signal handlers of its own, since
 * our shutdown stops the API, then the worker, then the servers, in that order.
 */
export function installTemporalRuntime(level: AppConfig['logLevel'], metricsPort = 0): void {
  const map: Record<AppConfig['logLevel'], LogLevel> = {
    fatal: 'ERROR',
    error: 'ERROR',
    warn: 'WARN',
    info: 'WARN', // the SDK's INFO is per-task chatter; our own logs carry the story
    debug: 'DEBUG',
    trace: 'TRACE',
    silent: 'ERROR',
  };
  Runtime.install({
    logger: new DefaultLogger(map[level], printSdkLog),
    shutdownSignals: [],
    // The SDK's own metrics (task latencies, slots, polls), served by its Rust core on loopback.
    ...(metricsPort > 0 ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${metricsPort}` } } } } : {}),
  });
}

/**
 * The SDK's lines on stderr, as its default logger prints them, less one warning: provider workers run
 * activities only, so "no workflows registered" is their design, not news.
 */
function printSdkLog(entry: LogEntry): void {
  if (entry.message.startsWith('No workflows registered')) return;
  const time = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
  process.stderr.write(`${time} [${entry.level}] ${entry.message}${entry.meta ? ` ${inspect(entry.meta, { breakLength: Infinity })}` : ''}\n`);
}

export async function startWorkerRole(config: AppConfig, endpoints: Endpoints): Promise<RunningRole> {
  const { sql, db } = createDatabase(endpoints.databaseUrl);
  const connection = await NativeConnection.connect({ address: endpoints.temporalAddress });
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
  const { apiKey, generatedAt } = resolveApiKey(config.apiKey, config.dataDir);
  const { cipher: credentialsCipher } = resolveCredentialsCipher(config.secretKey, config.dataDir);
  const app = await build({ config, apiKey, db, sql, temporal, credentialsCipher, temporalMetricsUrl }, { level: config.logLevel });
  // Every periodic job is a Temporal Schedule made from configuration: created, updated or deleted here.
  const synced = await new ScheduleService({ temporal, db, credentialsCipher, taskQueue: config.taskQueue }).syncAll();
  app.log.info(synced, 'schedules in step with configuration');
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
