import type { Client } from '@temporalio/client';
import type { Registry } from 'prom-client';
import type { ProviderCacheManager } from '../cache/provider-cache-manager.js';
import type { AppConfig } from '../config/env.js';
import type { Database, Sql } from '../db/client.js';
import type { EventHub } from '../events/event-hub.js';
import type { TitlePipelineStarter } from '../library/temporal-title-pipeline-starter.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { ScheduleService } from '../schedules/schedule-service.js';
import type { CredentialsCipher } from '../security/credentials-cipher.js';
import type { TemporalLinks } from '../services/temporal-links.js';

// What the app is built from and what every route plugin receives: apart from app.ts so that routes
// import it without importing the app that registers them.
/** What the app is built from. */
export interface AppInput {
  /**
   * metricsAuth: REELFLOW_METRICS_AUTH; `key` when not given. temporalUiUrl and temporalNamespace: where
   * `temporalUrl` links point; the dev server's UI and `default` when not given.
   */
  config: Pick<AppConfig, 'taskQueue' | 'mediaRoots'> & Partial<Pick<AppConfig, 'metricsAuth' | 'temporalUiUrl' | 'temporalNamespace'>>;
  apiKey: string;
  db: Database;
  sql: Sql;
  temporal: Client;
  /** Where this process's Temporal SDK serves its Prometheus metrics, to include them in /metrics. */
  temporalMetricsUrl?: string;
  /** Encrypts provider credentials at rest; from resolveCredentialsCipher(REELFLOW_SECRET_KEY, dataDir). */
  credentialsCipher: CredentialsCipher;
  /** Shared with an in-process worker (npm start); otherwise the app makes its own. */
  providerRegistry?: ProviderRegistry;
  /** The built web UI (web/dist unless given); the API runs without it. */
  webRoot?: string;
}

/** What every route plugin receives: the input plus the services built from it. */
export interface AppDeps extends AppInput {
  providerCache: ProviderCacheManager;
  metrics: Registry;
  providerRegistry: ProviderRegistry;
  /** Temporal Schedules of every periodic job; routes that change libraries or IPTV providers keep them in step. */
  schedules: ScheduleService;
  /** Starts (or joins) a title's pipeline. */
  titlePipelines: TitlePipelineStarter;
  /** Events recorded by any process, heard through Postgres, handed to this process's live clients. */
  eventHub: EventHub;
  /** `temporalUrl` of every answer about a run: `temporalLinks.workflow(workflowId, runId?)`. */
  temporalLinks: TemporalLinks;
}
