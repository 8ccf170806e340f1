import { Context } from '@temporalio/activity';
import type { Database } from '../db/client.js';
import { EventRepository } from '../db/repositories/event-repository.js';
import { NotificationSendRepository } from '../db/repositories/notification-send-repository.js';
import { CacheMaintenance, type RemovalBatch, type VerifyBatch } from '../media/cache-maintenance.js';
import { heartbeatWhile } from './heartbeat-while.js';

export interface MaintenanceActivityDeps {
  db: Database;
  dataDir: string;
  /** How long history events are kept. */
  historyDays: number;
}

/**
 * A send can be retried for at most a week (the longest retry window); its ledger row is kept a month past
 * that, for anyone looking into what was sent.
 */
const NOTIFICATION_SENDS_KEPT_DAYS = 37;
const DAY_MS = 24 * 60 * 60_000;

/** Thin adapters over CacheMaintenance, one batch per call, cursors in and out; and the send ledger's upkeep. */
export function createMaintenanceActivities(deps: MaintenanceActivityDeps) {
  const maintenance = new CacheMaintenance(deps.db, deps.dataDir);
  const sends = new NotificationSendRepository(deps.db);
  const events = new EventRepository(deps.db);
  return {
    /** History past REELFLOW_HISTORY_DAYS, and live progress events past a day (a reconnecting client's catch-up). */
    async pruneEvents(): Promise<number> {
      return events.prune(new Date(Date.now() - deps.historyDays * DAY_MS), new Date(Date.now() - DAY_MS));
    },
    async pruneNotificationSends(): Promise<number> {
      return sends.prune(new Date(Date.now() - NOTIFICATION_SENDS_KEPT_DAYS * DAY_MS));
    },
    removeUnreferencedCacheFiles(input: { afterId: string | null; limit: number }): Promise<RemovalBatch> {
      return heartbeatWhile(() => maintenance.removeUnreferenced(input.afterId, input.limit));
    },
    verifyCacheFiles(input: { afterId: string | null; limit: number }): Promise<VerifyBatch> {
      let checked = 0;
      return heartbeatWhile(
        () => maintenance.verify(input.afterId, input.limit, (n) => Context.current().heartbeat({ checked: (checked = n) })),
        () => ({ checked }),
      );
    },
  };
}

export type MaintenanceActivities = ReturnType<typeof createMaintenanceActivities>;
