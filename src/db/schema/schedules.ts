import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What a person changed on a schedule through the API (interval or cron, paused). Start-up builds every
 * schedule from configuration and lays these over it, so an edit survives a restart. The schedules
 * themselves live in Temporal; this is only the edit.
 */
export const scheduleOverrides = pgTable('schedule_overrides', {
  scheduleId: text('schedule_id').primaryKey(),
  intervalSeconds: integer('interval_seconds'),
  cron: text('cron'),
  paused: boolean('paused'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Where providerRefresh left off: when TMDB's change list was last read, per entity type. The next run
 * asks only for what changed since then.
 */
export const providerRefreshState = pgTable('provider_refresh_state', {
  entityType: text('entity_type').primaryKey(),
  changesCheckedAt: timestamp('changes_checked_at', { withTimezone: true }).notNull(),
});

/** The last integrity check of each cache file by the maintenance workflow; only problems are kept. */
export const cacheFileIssues = pgTable('cache_file_issues', {
  cacheFileId: text('cache_file_id').primaryKey(),
  path: text('path').notNull(),
  /** 'missing' (no file), 'mismatch' (bytes no longer hash to the row's sha256, and no source to re-copy). */
  problem: text('problem', { enum: ['missing', 'mismatch'] }).notNull(),
  detail: text('detail').notNull(),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ScheduleOverrideRow = typeof scheduleOverrides.$inferSelect;
