import { Context } from '@temporalio/activity';
import type { Database } from '../db/client.js';
import { CacheMaintenance, type RemovalBatch, type VerifyBatch } from '../media/cache-maintenance.js';
import { heartbeatWhile } from './heartbeat-while.js';

export interface MaintenanceActivityDeps {
  db: Database;
  dataDir: string;
}

/** Thin adapters over CacheMaintenance, one batch per call, cursors in and out. */
export function createMaintenanceActivities(deps: MaintenanceActivityDeps) {
  const maintenance = new CacheMaintenance(deps.db, deps.dataDir);
  return {
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
