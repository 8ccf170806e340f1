/** How often each kind of periodic work runs unless a person changed it (PATCH /api/schedules/:id). */
export const SCHEDULE_DEFAULTS = {
  providerRefreshSeconds: 7 * 24 * 60 * 60,
  libraryScanSeconds: 24 * 60 * 60,
  maintenanceSeconds: 24 * 60 * 60,
} as const;

/** A schedule's timing: an interval or a cron expression (UTC), never both. */
export type ScheduleTiming = { intervalSeconds: number; cron?: undefined } | { cron: string; intervalSeconds?: undefined };
