import type { ActivityRepository } from '../../db/repositories/activity-repository.js';

/**
 * GET /api/activity: what runs now (scans with their counters, title pipelines in flight per library, items
 * downloading or encoding with their percent) and what waits for a person (releases to approve, failed
 * items to retry, notifications a service has not taken yet), in one answer.
 */
export class ActivityService {
  constructor(private readonly activity: ActivityRepository) {}

  async now() {
    const snapshot = await this.activity.snapshot();
    const awaitingApproval = snapshot.items.filter((i) => i.awaitingApproval);
    const failed = snapshot.items.filter((i) => i.status === 'FAILED');
    return {
      at: new Date().toISOString(),
      scans: snapshot.scans,
      pipelines: snapshot.pipelines,
      items: {
        counts: snapshot.itemCounts,
        active: snapshot.items.filter((i) => i.status !== 'FAILED' && !i.awaitingApproval),
        awaitingApproval,
        failed,
      },
      notifications: { retrying: snapshot.sends },
    };
  }
}
