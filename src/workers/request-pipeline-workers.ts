import { createProviderCache } from '../cache/create-provider-cache.js';
import { Client } from '@temporalio/client';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { createBlocklistActivities } from '../activities/blocklist.js';
import { createDeliveryActivities } from '../activities/deliver.js';
import { createDownloadActivities } from '../activities/download.js';
import { createEncodeActivities } from '../activities/encode.js';
import { createItemUpgradeActivities } from '../activities/item-upgrade.js';
import { createPipelineTimingsActivities } from '../activities/pipeline-timings.js';
import { createReleaseSearchActivities } from '../activities/release-search.js';
import { createRequestItemActivities } from '../activities/request-items.js';
import { createUpgradeTimingsActivities } from '../activities/upgrade-timings.js';
import {
  DEFAULT_PIPELINE_TIMINGS,
  DEFAULT_REQUEST_WATCH_MS,
  DEFAULT_UPGRADE_TIMINGS,
  type RequestPipelineSettings,
} from '../config/request-pipeline-settings.js';
import type { Database } from '../db/client.js';
import { BlocklistRepository } from '../db/repositories/blocklist-repository.js';
import { DeliveryTargetRepository } from '../db/repositories/delivery-target-repository.js';
import { QualityProfileRepository } from '../db/repositories/quality-profile-repository.js';
import { EventRepository } from '../db/repositories/event-repository.js';
import { RequestRepository } from '../db/repositories/request-repository.js';
import { EventRecorder } from '../events/event-recorder.js';
import { QbittorrentClient } from '../integrations/qbittorrent/qbittorrent-client.js';
import type { CredentialsCipher } from '../security/credentials-cipher.js';
import { configuredIndexers } from '../services/indexers/configured-indexers.js';
import { encodeTaskQueue } from '../contracts/task-queues.js';
import { HEARTBEAT_FLUSH_INTERVAL } from './heartbeat-flush.js';

export interface RequestPipelineDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Database;
  settings: RequestPipelineSettings;
  credentialsCipher: CredentialsCipher;
}

/**
 * The request pipeline's activities on the general queue: its configured durations, bookkeeping, search,
 * download, delivery.
 */
export function createRequestPipelineActivities(deps: RequestPipelineDeps) {
  const requests = new RequestRepository(deps.db);
  const events = new EventRecorder(new EventRepository(deps.db), requests);
  const profiles = new QualityProfileRepository(deps.db);
  const blocklist = new BlocklistRepository(deps.db);
  const temporal = new Client({ connection: deps.connection, namespace: deps.namespace });
  const providerCache = createProviderCache({ db: deps.db, temporal, taskQueue: deps.taskQueue });
  // One source for search and download: the download puts back the credentials of the indexer that found the release.
  const indexers = configuredIndexers(deps.db, deps.credentialsCipher, deps.settings.indexers);
  return {
    ...createPipelineTimingsActivities(deps.settings.timings ?? DEFAULT_PIPELINE_TIMINGS),
    ...createUpgradeTimingsActivities(deps.settings.upgradeTimings ?? DEFAULT_UPGRADE_TIMINGS),
    ...createItemUpgradeActivities({ profiles, requests }),
    ...createRequestItemActivities({
      requests,
      providerCache,
      events,
      watchCadenceMs: deps.settings.requestWatchMs ?? DEFAULT_REQUEST_WATCH_MS,
    }),
    ...createReleaseSearchActivities({ indexers, profiles, blocklist }),
    ...createBlocklistActivities({ blocklist }),
    ...createDownloadActivities({
      qbittorrent: new QbittorrentClient(deps.settings.qbittorrent),
      requests,
      events,
      savePath: deps.settings.downloadSavePath,
      category: deps.settings.category,
      indexers,
    }),
    ...createDeliveryActivities({ targets: new DeliveryTargetRepository(deps.db), requests }),
    // Verification and delivery read the encode where the encoder left it (a shared work folder), so this
    // queue can check it, move it into place and remove it too.
    ...pick(createEncodeActivities({ requests, events, profiles, workDir: deps.settings.workDir }), 'acceptEncodedItem', 'removeWorkFiles'),
  };
}

function itemRecorders(db: Database): { requests: RequestRepository; events: EventRecorder } {
  const requests = new RequestRepository(db);
  return { requests, events: new EventRecorder(new EventRepository(db), requests) };
}

function pick<T extends object, K extends keyof T>(from: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>;
}

/** The encode queue's worker: its slot count is how many ffmpeg processes this machine runs at once. */
export function createEncodeWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Database;
  settings: RequestPipelineSettings;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: encodeTaskQueue(opts.taskQueue),
    maxHeartbeatThrottleInterval: HEARTBEAT_FLUSH_INTERVAL,
    activities: createEncodeActivities({
      ...itemRecorders(opts.db),
      profiles: new QualityProfileRepository(opts.db),
      workDir: opts.settings.workDir,
    }),
    maxConcurrentActivityTaskExecutions: opts.settings.encodeSlots,
  });
}
