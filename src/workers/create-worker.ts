import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createProviderActivities } from '../activities/providers.js';
import { createScanActivities } from '../activities/scan.js';
import { PhaseConfigService } from '../config/phase-config-service.js';
import type { Database } from '../db/client.js';
import { ProviderRepository } from '../db/repositories/provider-repository.js';
import { ContentStore } from '../media/content-store.js';
import type { CredentialsCipher } from '../providers/credentials-cipher.js';
import { PROVIDER_DEFAULTS, PROVIDER_KINDS } from '../providers/defaults.js';
import { ProviderRegistry } from '../providers/registry.js';
import type { ProviderId } from '../providers/types.js';
import { providerTaskQueue } from '../workflows/provider-definitions.js';
import { defaultWorkDir, type RequestPipelineSettings } from '../config/request-pipeline-settings.js';
import { createEncodeWorker, createRequestPipelineActivities } from './request-pipeline-workers.js';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

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
  /** qBittorrent, indexers and encode slots; defaults: qBittorrent on 127.0.0.1:8080, no indexers, one slot. */
  requestPipeline?: RequestPipelineSettings;
}

/**
 * The workers of one process: the general one (every workflow, scan activities, provider bookkeeping) and
 * one per provider kind on that kind's task queue, whose rate the Temporal server enforces across every
 * worker process polling it.
 */
export async function createReelflowWorkers(opts: ReelflowWorkerOptions): Promise<Worker[]> {
  const phaseConfig = new PhaseConfigService(opts.db);
  const providers = new ProviderRepository(opts.db, opts.credentialsCipher);
  const registry = new ProviderRegistry();
  await registry.loadFrom(providers);
  const providerActivities = createProviderActivities({ db: opts.db, providers, registry });
  const common = { connection: opts.connection, namespace: opts.namespace };
  const requestPipeline = opts.requestPipeline ?? {
    qbittorrent: { baseUrl: 'http://127.0.0.1:8080' },
    category: 'reelflow',
    indexers: [],
    encodeSlots: 1,
    workDir: defaultWorkDir(opts.dataDir),
  };

  const general = await Worker.create({
    ...common,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath }),
    activities: {
      ...createScanActivities({ db: opts.db, phaseConfig, contentStore: new ContentStore(opts.db, opts.dataDir) }),
      ...providerActivities,
      ...createRequestPipelineActivities({ ...common, taskQueue: opts.taskQueue, db: opts.db, providers, settings: requestPipeline }),
    },
  });
  // Zero slots: this process does not encode; encoder machines run workers on that queue.
  const encoders = requestPipeline.encodeSlots > 0 ? [await createEncodeWorker({ ...common, taskQueue: opts.taskQueue, db: opts.db, settings: requestPipeline })] : [];
  const rates = await providerRates(providers);
  const perProvider = await Promise.all(
    PROVIDER_KINDS.map((kind) =>
      Worker.create({
        ...common,
        taskQueue: providerTaskQueue(opts.taskQueue, kind),
        activities: providerActivities,
        maxTaskQueueActivitiesPerSecond: rates[kind],
      }),
    ),
  );
  return [general, ...perProvider, ...encoders];
}

/**
 * Each kind's queue rate: the strictest enabled provider of that kind, else the kind's default. Read at
 * worker start; a changed rate applies when the workers restart.
 */
async function providerRates(providers: ProviderRepository): Promise<Record<ProviderId, number>> {
  const rates = Object.fromEntries(PROVIDER_KINDS.map((kind) => [kind, PROVIDER_DEFAULTS[kind].rateLimitPerSecond])) as Record<ProviderId, number>;
  const seen = new Set<ProviderId>();
  for (const provider of await providers.listEnabled()) {
    rates[provider.kind] = seen.has(provider.kind) ? Math.min(rates[provider.kind], provider.rateLimitPerSecond) : provider.rateLimitPerSecond;
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
