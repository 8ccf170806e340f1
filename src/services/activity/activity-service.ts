import { itemWorkflowId } from '../../contracts/request.js';
import { libraryScanWorkflowId } from '../../contracts/scan.js';
import type { ActivityRepository } from '../../db/repositories/activity-repository.js';
import type { TemporalLinks } from '../temporal-links.js';

/**
 * GET /api/activity: what runs now (scans with their counters, title pipelines in flight per library, items
 * downloading or encoding with their percent) and what waits for a person (releases to approve, failed
 * items to retry, notifications a service has not taken yet), in one answer. Each scan and item links to
 * its workflow's latest run in the Temporal Web UI (`temporalUrl`).
 */
export class ActivityService {
  constructor(
    private readonly activity: ActivityRepository,
    private readonly links: TemporalLinks,
  ) {}

  async now() {
    const snapshot = await this.activity.snapshot();
    const items = snapshot.items.map((i) => ({ ...i, temporalUrl: this.links.workflow(itemWorkflowId(i.itemId)) }));
    const awaitingApproval = items.filter((i) => i.awaitingApproval);
    const failed = items.filter((i) => i.status === 'FAILED');
    return {
      at: new Date().toISOString(),
      scans: snapshot.scans.map((s) => ({ ...s, temporalUrl: this.links.workflow(libraryScanWorkflowId(s.libraryId)) })),
      pipelines: snapshot.pipelines,
      items: {
        counts: snapshot.itemCounts,
        active: items.filter((i) => i.status !== 'FAILED' && !i.awaitingApproval),
        awaitingApproval,
        failed,
      },
      notifications: { retrying: snapshot.sends },
    };
  }
}
