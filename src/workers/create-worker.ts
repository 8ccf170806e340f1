import { createProviderCache } from '../cache/create-provider-cache.js';
import { InProcessProviderFetcher } from '../cache/in-process-provider-fetcher.js';
import { retriesPassingProviderFailures } from '../activities/activity-attempt.js';
import { ProviderCacheRepository } from '../db/repositories/provider-cache-repository.js';
import { ProviderCalls } from '../providers/provider-calls.js';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createFolderRefreshActivities } from '../activities/folder-refresh.js';
import { createIptvActivities } from '../activities/iptv.js';
import { createMaintenanceActivities } from '../activities/maintenance.js';
import { createNotifyActivities } from '../activities/notify.js';
import { createPipelineActivities } from '../activities/pipeline.js';
import { createProviderRefreshActivities } from '../activities/provider-refresh.js';
import { createProviderActivities, runLogger } from '../activities/providers.js';
import { createScanActivities } from '../activities/scan.js';
import { PhaseConfigService } from '../config/phase-config-service.js';
import type { Database } from '../db/client.js';
import { IptvProviderRepository } from '../db/repositories/iptv-provider-repository.js';
import { ProviderRepository } from '../db/repositories/provider-repository.js';
import { iptvKinds } from '../db/schema/iptv.js';
import { TitleEnricher } from '../library/enrich/title-enricher.js';
import { TitlePublisher } from '../library/publish/title-publisher.js';
import { TemporalTitlePipelineStarter } from '../library/temporal-title-pipeline-starter.js';
import { TemporalTitleImportStarter } from '../library/temporal-title-import-starter.js';
import { ContentStore } from '../media/content-store.js';
import type { CredentialsCipher } from '../security/credentials-cipher.js';
import { PROVIDER_DEFAULTS, PROVIDER_KINDS } from '../contracts/provider-kinds.js';
import { pacedProviderRegistry } from '../providers/paced-registry.js';
import { taskQueueRate } from '../providers/http/provider-pacer.js';
import { activityCallPriority } from './activity-call-priority.js';
import type { ProviderId } from '../providers/types.js';
import { pipelineTaskQueue, providerTaskQueue } from '../contracts/task-queues.js';

/** Pipeline activities (identify, enrich, publish) one worker process runs at once. */
const PIPELINE_ACTIVITY_SLOTS = 16;
import { defaultWorkDir, type RequestPipelineSettings } from '../config/request-pipeline-settings.js';
import { createEncodeWorker, createRequestPipelineActivities } from './request-pipeline-workers.js';
import { HEARTBEAT_FLUSH_INTERVAL } from './heartbeat-flush.js';
import { workflowsPath } from './bundle-workflows.js';

export interface ReelflowWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Database;
  /** Where the content-addressed cache lives (REELFLOW_DATA_DIR). */
  dataDir: string;
  credentialsCipher: CredentialsCipher;
  /** A prebuilt bundle (tests build one per run); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Whether a library scan starts the pipeline of every new or changed title (default true). */
  titlePipelinesAfterScan?: boolean;
  /** How long history events are kept (REELFLOW_HISTORY_DAYS); 90 days when not given. */
  historyDays?: number;
  /** qBittorrent, indexers and encode slots; defaults: qBittorrent on 127.0.0.1:8080, no indexers, one slot. */
  requestPipeline?: RequestPipelineSettings;
}

/**
 * The workers of one process: the general one (every workflow, scan activities, provider bookkeeping) and
 * one per provider kind on that kind's task queue, which the Temporal server hands out in priority order at
 * the provider's rate across every worker process polling it.
 */
export async function createReelflowWorkers(opts: ReelflowWorkerOptions): Promise<Worker[]> {
  const phaseConfig = new PhaseConfigService(opts.db);
  const providers = new ProviderRepository(opts.db, opts.credentialsCipher);
  // Every provider request of this process books its slot on the provider's schedule in Postgres.
  const registry = pacedProviderRegistry(opts.db, activityCallPriority);
  await registry.loadFrom(providers);
  const providerActivities = createProviderActivities({ db: opts.db, providers, registry });
  const common = { connection: opts.connection, namespace: opts.namespace, maxHeartbeatThrottleInterval: HEARTBEAT_FLUSH_INTERVAL };
  const contentStore = new ContentStore(opts.db, opts.dataDir);
  // The pipelines, scheduled refreshes and IPTV matching reach providers and start workflows as the API
  // does: through a client on this connection and the provider cache.
  const client = new Client({ connection: opts.connection, namespace: opts.namespace });
  const pipelines = new TemporalTitlePipelineStarter(client, opts.taskQueue, opts.db);
  // Inside the workers, a fetch runs in the activity that needs it (enrichment, IPTV matching): the activity
  // is what Temporal retries, and every provider request still takes a slot of the shared rate schedule.
  const providerCache = createProviderCache({
    db: opts.db,
    temporal: client,
    taskQueue: opts.taskQueue,
    fetcher: new InProcessProviderFetcher({
      calls: new ProviderCalls(providers, registry),
      cache: new ProviderCacheRepository(opts.db),
      logger: runLogger,
      retryPassingFailures: retriesPassingProviderFailures,
    }),
  });
  const refreshActivities = createProviderRefreshActivities({ db: opts.db, providers, registry, cache: providerCache, pipelines });
  const iptvActivities = createIptvActivities({
    db: opts.db,
    iptvProviders: new IptvProviderRepository(opts.db, opts.credentialsCipher),
    registry,
    cache: providerCache,
  });
  const enricher = new TitleEnricher({ db: opts.db, providerCache, contentStore, workDir: path.join(opts.dataDir, 'tmp') });
  const publisher = new TitlePublisher({ db: opts.db, contentStore });
  const requestPipeline = opts.requestPipeline ?? {
    qbittorrent: { baseUrl: 'http://127.0.0.1:8080' },
    category: 'reelflow',
    indexers: [],
    encodeSlots: 1,
    workDir: defaultWorkDir(opts.dataDir),
  };

  const notifyActivities = createNotifyActivities({
    db: opts.db,
    credentialsCipher: opts.credentialsCipher,
    workflowTaskQueue: opts.taskQueue,
  });
  const pipelineActivities = createPipelineActivities({
    db: opts.db,
    phaseConfig,
    enricher,
    publisher,
    notifications: notifyActivities,
    pipelines,
  });
  const general = await Worker.create({
    ...common,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath }),
    activities: {
      ...createScanActivities({
        db: opts.db,
        phaseConfig,
        contentStore,
        ...(opts.titlePipelinesAfterScan === false ? {} : { pipelines, imports: new TemporalTitleImportStarter(client, opts.taskQueue) }),
      }),
      ...providerActivities,
      // Registered here too for the pipelines' local activities (configuration, title description).
      ...pipelineActivities,
      ...createFolderRefreshActivities({ db: opts.db, phaseConfig, contentStore, pipelines }),
      ...notifyActivities,
      ...refreshActivities,
      ...createMaintenanceActivities({ db: opts.db, dataDir: opts.dataDir, historyDays: opts.historyDays ?? 90 }),
      describeIptvProvider: iptvActivities.describeIptvProvider,
      recordIptvChanges: iptvActivities.recordIptvChanges,
      recordIptvSyncRun: iptvActivities.recordIptvSyncRun,
      ...createRequestPipelineActivities({
        ...common,
        taskQueue: opts.taskQueue,
        db: opts.db,
        settings: requestPipeline,
        credentialsCipher: opts.credentialsCipher,
      }),
    },
  });
  const pipeline = await Worker.create({
    ...common,
    taskQueue: pipelineTaskQueue(opts.taskQueue),
    activities: pipelineActivities,
    // Downloads, hashing and NFO writes of this many titles at once per worker process.
    maxConcurrentActivityTaskExecutions: PIPELINE_ACTIVITY_SLOTS,
  });
  // Zero slots: this process does not encode; encoder machines run workers on that queue.
  const encoders =
    requestPipeline.encodeSlots > 0
      ? [await createEncodeWorker({ ...common, taskQueue: opts.taskQueue, db: opts.db, settings: requestPipeline })]
      : [];
  const rates = await providerRates(providers);
  const perProvider = await Promise.all(
    PROVIDER_KINDS.map((kind) =>
      Worker.create({
        ...common,
        taskQueue: providerTaskQueue(opts.taskQueue, kind),
        activities: { ...providerActivities, ...refreshActivities },
        // The limit itself is the pacer's (provider-pacer.ts), per HTTP request and burst-free. The queue's
        // rate, a little lower, keeps the backlog here, where the server hands a person's call out first,
        // rather than in activities sleeping for a slot against their start-to-close timeout.
        maxTaskQueueActivitiesPerSecond: taskQueueRate(rates[kind]),
      }),
    ),
  );
  // IPTV panels: a queue per kind keeps their slow catalogue calls off the general queue. Each provider's
  // own limits (concurrency, requests per window) are kept by its sync run, the only one talking to it.
  const perIptvKind = await Promise.all(
    iptvKinds.map((kind) => Worker.create({ ...common, taskQueue: providerTaskQueue(opts.taskQueue, kind), activities: iptvActivities })),
  );
  return [general, pipeline, ...perProvider, ...perIptvKind, ...encoders];
}

/**
 * Each kind's queue rate: the strictest enabled provider of that kind, else the kind's default. Read at
 * worker start; a changed rate applies when the workers restart.
 */
async function providerRates(providers: ProviderRepository): Promise<Record<ProviderId, number>> {
  const rates = Object.fromEntries(PROVIDER_KINDS.map((kind) => [kind, PROVIDER_DEFAULTS[kind].rateLimitPerSecond])) as Record<
    ProviderId,
    number
  >;
  const seen = new Set<ProviderId>();
  for (const provider of await providers.listEnabled()) {
    rates[provider.kind] = seen.has(provider.kind)
      ? Math.min(rates[provider.kind], provider.rateLimitPerSecond)
      : provider.rateLimitPerSecond;
    seen.add(provider.kind);
  }
  return rates;
}

/** Runs the workers until `shutdown()`; resolves when all have drained. */
export function runWorkers(workers: Worker[]): { done: Promise<void>; shutdown(): void } {
  const done = Promise.all(workers.map((w) => w.run())).then(() => undefined);
  return {
    done,
    shutdown() {
      for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
    },
  };
}
