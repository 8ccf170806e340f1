import { Context } from '@temporalio/activity';
import type { Database } from '../db/client.js';
import { CacheMaintenance, type RemovalBatch, type VerifyBatch } from '../media/cache-maintenance.js';

export interface MaintenanceActivityDeps {
  db: Database;
  dataDir: string;
}

/** Thin adapters over CacheMaintenance, one batch per call, cursors in and out. */
export function createMaintenanceActivities(deps: MaintenanceActivityDeps) {
  const maintenance = new CacheMaintenance(deps.db, deps.dataDir);
  return {
    removeUnreferencedCacheFiles(input: { afterId: string | null; limit: number }): Promise<RemovalBatch> {
      return maintenance.removeUnreferenced(input.afterId, input.limit);
    },
    verifyCacheFiles(input: { afterId: string | null; limit: number }): Promise<VerifyBatch> {
      return maintenance.verify(input.afterId, input.limit, (checked) => Context.current().heartbeat({ checked }));
    },
  };
}

export type MaintenanceActivities = ReturnType<typeof createMaintenanceActivities>;
