/**
 * The Temporal server settings Reelflow relies on, beyond the defaults. The dev server gets them as
 * `--dynamic-config-value` flags (temporal-dev-server.ts); docker-compose's server reads the same values
 * from deploy/temporal/dynamicconfig/reelflow.yaml, which a unit test holds equal to these.
 */
export const TEMPORAL_DYNAMIC_CONFIG = {
  // Task priorities (a person's request before background refreshes) need the new matcher on server 1.29.
  'matching.useNewMatcher': true,
  // One partition per task queue: a provider queue's rate is then one token bucket, not four that each let
  // a burst through, and the queue's backlog is handed out in priority order as a whole.
  'matching.numTaskqueueReadPartitions': 1,
  'matching.numTaskqueueWritePartitions': 1,
} as const satisfies Record<string, boolean | number>;

/** The settings as the Temporal CLI's `server start-dev` takes them. */
export function dynamicConfigFlags(): string[] {
  return Object.entries(TEMPORAL_DYNAMIC_CONFIG).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${value}`]);
}
