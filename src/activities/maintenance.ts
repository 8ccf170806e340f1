import { Context } from '@temporalio/activity';
import type { Database } from '../db/client.js';
import { NotificationSendRepository } from '../db/repositories/notification-send-repository.js';
import { CacheMaintenance, type RemovalBatch, type VerifyBatch } from '../media/cache-maintenance.js';
import { heartbeatWhile } from './heartbeat-while.js';

export interface MaintenanceActivityDeps {
  db: Database;
  dataDir: string;
}

/**
 * A send can be retried for at most a week (the longest retry window); its ledger row is kept a month past
 * that, for anyone looking into what was sent.
 */
const NOTIFICATION_SENDS_KEPT_DAYS = 37;

/** Thin adapters over CacheMaintenance, one batch per call, cursors in and out; and the send ledger's upkeep. */
export function createMaintenanceActivities(deps: MaintenanceActivityDeps) {
  const maintenance = new CacheMaintenance(deps.db, deps.dataDir);
  const sends = new NotificationSendRepository(deps.db);
  return {
    async pruneNotificationSends(): Promise<number> {
      return sends.prune(new Date(Date.now() - NOTIFICATION_SENDS_KEPT_DAYS * 24 * 60 * 60_000));
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
