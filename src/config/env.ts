import path from 'node:path';
import { z } from 'zod';
import type { PipelineTimings } from '../contracts/request.js';
import type { UpgradeTimings } from '../contracts/item-upgrade.js';
import {
  DEFAULT_PIPELINE_TIMINGS,
  DEFAULT_REQUEST_WATCH_MS,
  DEFAULT_UPGRADE_TIMINGS,
  defaultWorkDir,
  parseIndexerList,
  type RequestPipelineSettings,
} from './request-pipeline-settings.js';

/**
 * The application's configuration, read once from the environment. Every variable is documented in the
 * README; a bad value stops start-up with a message naming the variable and what it expects.
 */

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'a port number' })
    .int('a whole port number')
    .min(1, 'a port between 1 and 65535')
    .max(65535, 'a port between 1 and 65535')
    .default(fallback);

/** A duration in seconds (fractions allowed), defaulting to one of DEFAULT_PIPELINE_TIMINGS. */
const seconds = (defaultMs: number, { zeroAllowed = false } = {}) => {
  const number = z.coerce.number({ message: 'a number of seconds' });
  return (zeroAllowed ? number.min(0, 'at least 0 seconds') : number.positive('more than 0 seconds')).default(defaultMs / 1000);
};

/** The Web UI port of the dev server `npm start` runs. */
export const DEFAULT_TEMPORAL_UI_PORT = 8233;

/** The Web UI of the dev server `npm start` runs on this port: where API answers link to when nothing else is configured. */
export const devServerUiUrl = (port = DEFAULT_TEMPORAL_UI_PORT) => `http://127.0.0.1:${port}`;

const envSchema = z.object({
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// connection URL')
      .optional(),
  ),
  TEMPORAL_ADDRESS: optionalString.pipe(
    z
      .string()
      .regex(/^[^\s:/]+:\d{1,5}$/, 'host:port, e.g. localhost:7233')
      .optional(),
  ),
  TEMPORAL_NAMESPACE: z.string().min(1, 'a namespace name').default('default'),
  REELFLOW_TASK_QUEUE: z.string().min(1, 'a task queue name').default('reelflow'),
  REELFLOW_API_KEY: optionalString.pipe(z.string().min(16, 'at least 16 characters').optional()),
  REELFLOW_SECRET_KEY: optionalString,
  REELFLOW_DATA_DIR: z.string().min(1).default('./data'),
  PORT: port(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  TEMPORAL_UI_PORT: port(DEFAULT_TEMPORAL_UI_PORT),
  REELFLOW_TEMPORAL_UI_URL: optionalString.pipe(z.string().url('a URL such as https://temporal.example.org').optional()),
  TEMPORAL_DEV_PORT: port(7233),
  EMBEDDED_POSTGRES_PORT: port(54329),
  TEMPORAL_METRICS_PORT: z.coerce
    .number({ message: 'a port number, or 0 to turn the exporter off' })
    .int()
    .min(0, 'a port between 0 and 65535')
    .max(65535, 'a port between 0 and 65535')
    .default(9464),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MEDIA_ROOTS: optionalString,
  QBITTORRENT_URL: z.string().url('a URL such as http://127.0.0.1:8080').default('http://127.0.0.1:8080'),
  QBITTORRENT_USERNAME: optionalString,
  QBITTORRENT_PASSWORD: optionalString,
  QBITTORRENT_SAVE_PATH: optionalString,
  QBITTORRENT_CATEGORY: z.string().min(1, 'a category name').default('reelflow'),
  TORZNAB_INDEXERS: optionalString,
  REELFLOW_METRICS_AUTH: z.enum(['key', 'none'], { message: 'key (the API key is needed) or none (anyone may scrape)' }).default('key'),
  REELFLOW_DOWNLOAD_POLL_SECONDS: seconds(DEFAULT_PIPELINE_TIMINGS.downloadPollMs),
  REELFLOW_DOWNLOAD_STALL_SECONDS: seconds(DEFAULT_PIPELINE_TIMINGS.downloadStallMs),
  REELFLOW_AIR_DATE_DELAY_SECONDS: seconds(DEFAULT_PIPELINE_TIMINGS.airDateDelayMs, { zeroAllowed: true }),
  REELFLOW_SEARCH_RETRY_SECONDS: seconds(DEFAULT_PIPELINE_TIMINGS.searchRetryMs),
  REELFLOW_SEARCH_RETRY_MAX_SECONDS: seconds(DEFAULT_PIPELINE_TIMINGS.searchRetryMaxMs),
  REELFLOW_HEARTBEAT_TIMEOUT_SECONDS: seconds(DEFAULT_PIPELINE_TIMINGS.heartbeatTimeoutMs),
  REELFLOW_STEP_RETRY_WINDOW_SECONDS: seconds(DEFAULT_PIPELINE_TIMINGS.stepRetryWindowMs!, { zeroAllowed: true }),
  REELFLOW_REQUEST_WATCH_SECONDS: seconds(DEFAULT_REQUEST_WATCH_MS),
  REELFLOW_UPGRADE_WINDOW_SECONDS: seconds(DEFAULT_UPGRADE_TIMINGS.upgradeWindowMs, { zeroAllowed: true }),
  REELFLOW_UPGRADE_SEARCH_SECONDS: seconds(DEFAULT_UPGRADE_TIMINGS.upgradeSearchMs),
  REELFLOW_UPGRADE_SEARCH_MAX_SECONDS: seconds(DEFAULT_UPGRADE_TIMINGS.upgradeSearchMaxMs),
  REELFLOW_HISTORY_DAYS: z.coerce
    .number({ message: 'a whole number of days' })
    .int('a whole number of days')
    .min(1, 'at least 1 day')
    .max(3_650, 'at most 3650 days')
    .default(90),
  REELFLOW_ENCODE_SLOTS: z.coerce
    .number({ message: 'a whole number of encodes' })
    .int('a whole number of encodes')
    .min(0, 'at least 0 (0: this process does not encode)')
    .max(64, 'at most 64')
    .default(1),
});

export interface AppConfig {
  databaseUrl: string | undefined;
  temporalAddress: string | undefined;
  temporalNamespace: string;
  taskQueue: string;
  apiKey: string | undefined;
  /** REELFLOW_SECRET_KEY, validated by resolveCredentialsCipher (it names the variable on a bad value). */
  secretKey: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** Ports of the servers `npm start` runs itself when TEMPORAL_ADDRESS / DATABASE_URL are unset. */
  temporalUiPort: number;
  /** The Temporal Web UI that API answers link runs to (`temporalUrl`): REELFLOW_TEMPORAL_UI_URL, else the dev server's. */
  temporalUiUrl: string;
  temporalDevPort: number;
  embeddedPostgresPort: number;
  /** Where the worker's Temporal SDK serves Prometheus metrics on loopback; 0 turns it off. */
  temporalMetricsPort: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Absolute library roots allowed; empty means any readable folder. */
  mediaRoots: string[];
  /** Whether GET /metrics needs the API key (`key`) or is open to whoever reaches the port (`none`). */
  metricsAuth: 'key' | 'none';
  /** The request pipeline's qBittorrent, indexers, encode slots and durations. */
  requestPipeline: RequestPipelineSettings;
  /** How long the history feed (GET /api/history) keeps an event; the maintenance workflow prunes older ones. */
  historyDays: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const got = env[name];
      return `${name}: expected ${issue.message}${got === undefined ? '' : `, got ${JSON.stringify(got)}`}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.REELFLOW_DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    temporalAddress: e.TEMPORAL_ADDRESS,
    temporalNamespace: e.TEMPORAL_NAMESPACE,
    taskQueue: e.REELFLOW_TASK_QUEUE,
    apiKey: e.REELFLOW_API_KEY,
    secretKey: e.REELFLOW_SECRET_KEY,
    dataDir,
    port: e.PORT,
    host: e.HOST,
    temporalUiPort: e.TEMPORAL_UI_PORT,
    temporalUiUrl: e.REELFLOW_TEMPORAL_UI_URL ?? devServerUiUrl(e.TEMPORAL_UI_PORT),
    temporalDevPort: e.TEMPORAL_DEV_PORT,
    embeddedPostgresPort: e.EMBEDDED_POSTGRES_PORT,
    temporalMetricsPort: e.TEMPORAL_METRICS_PORT,
    logLevel: e.LOG_LEVEL,
    mediaRoots: parseMediaRoots(e.MEDIA_ROOTS),
    metricsAuth: e.REELFLOW_METRICS_AUTH,
    historyDays: e.REELFLOW_HISTORY_DAYS,
    requestPipeline: {
      qbittorrent: { baseUrl: e.QBITTORRENT_URL, username: e.QBITTORRENT_USERNAME, password: e.QBITTORRENT_PASSWORD },
      downloadSavePath: e.QBITTORRENT_SAVE_PATH,
      category: e.QBITTORRENT_CATEGORY,
      indexers: parseIndexers(e.TORZNAB_INDEXERS),
      encodeSlots: e.REELFLOW_ENCODE_SLOTS,
      workDir: defaultWorkDir(dataDir),
      timings: pipelineTimings(e),
      requestWatchMs: Math.round(e.REELFLOW_REQUEST_WATCH_SECONDS * 1000),
      upgradeTimings: upgradeTimings(e),
    },
  };
}

function pipelineTimings(e: z.infer<typeof envSchema>): PipelineTimings {
  const ms = (s: number) => Math.round(s * 1000);
  return {
    downloadPollMs: ms(e.REELFLOW_DOWNLOAD_POLL_SECONDS),
    downloadStallMs: ms(e.REELFLOW_DOWNLOAD_STALL_SECONDS),
    airDateDelayMs: ms(e.REELFLOW_AIR_DATE_DELAY_SECONDS),
    searchRetryMs: ms(e.REELFLOW_SEARCH_RETRY_SECONDS),
    searchRetryMaxMs: ms(e.REELFLOW_SEARCH_RETRY_MAX_SECONDS),
    heartbeatTimeoutMs: ms(e.REELFLOW_HEARTBEAT_TIMEOUT_SECONDS),
    stepRetryWindowMs: ms(e.REELFLOW_STEP_RETRY_WINDOW_SECONDS),
  };
}

function upgradeTimings(e: z.infer<typeof envSchema>): UpgradeTimings {
  const ms = (s: number) => Math.round(s * 1000);
  return {
    upgradeWindowMs: ms(e.REELFLOW_UPGRADE_WINDOW_SECONDS),
    upgradeSearchMs: ms(e.REELFLOW_UPGRADE_SEARCH_SECONDS),
    upgradeSearchMaxMs: ms(e.REELFLOW_UPGRADE_SEARCH_MAX_SECONDS),
  };
}

function parseIndexers(value: string | undefined) {
  try {
    return parseIndexerList(value);
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
}

/** MEDIA_ROOTS is a comma-separated list of absolute folders. */
function parseMediaRoots(value: string | undefined): string[] {
  if (!value) return [];
  const roots = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const relative = roots.filter((r) => !path.isAbsolute(r));
  if (relative.length > 0) {
    throw new ConfigError([
      `MEDIA_ROOTS: expected comma-separated absolute paths, got relative ${relative.map((r) => JSON.stringify(r)).join(', ')}`,
    ]);
  }
  return roots.map((r) => path.resolve(r));
}
