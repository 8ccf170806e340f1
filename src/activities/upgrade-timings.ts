import type { UpgradeTimings } from '../contracts/item-upgrade.js';

/**
 * The upgrade search's durations as this worker is configured (REELFLOW_UPGRADE_WINDOW_SECONDS and the
 * others). An item's upgrade reads them once per run, as a local activity: the answer is in its history.
 */
export function createUpgradeTimingsActivities(timings: UpgradeTimings) {
  return {
    async upgradeTimings(): Promise<UpgradeTimings> {
      return timings;
    },
  };
}

export type UpgradeTimingsActivities = ReturnType<typeof createUpgradeTimingsActivities>;
