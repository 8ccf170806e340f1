import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { libraries } from './libraries.js';

export const scanStatus = pgEnum('scan_status', ['running', 'completed', 'failed', 'cancelled']);

/**
 * One row per libraryScan workflow chain (continue-as-new keeps the same scan id). The workflow writes its
 * counters here through activities, so listing scans never needs Temporal; live counters come from a query.
 */
export const scanRuns = pgTable(
  'scan_runs',
  {
    id: uuid('id').primaryKey(),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => libraries.id, { onDelete: 'cascade' }),
    workflowId: text('workflow_id').notNull(),
    status: scanStatus('status').notNull().default('running'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    directoriesTotal: integer('directories_total').notNull().default(0),
    directoriesScanned: integer('directories_scanned').notNull().default(0),
    titlesFound: integer('titles_found').notNull().default(0),
    titlesNew: integer('titles_new').notNull().default(0),
    titlesUpdated: integer('titles_updated').notNull().default(0),
    titlesRemoved: integer('titles_removed').notNull().default(0),
    assetsCached: integer('assets_cached').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    errorMessage: text('error_message'),
  },
  (t) => [
    index('scan_runs_library_idx').on(t.libraryId, t.startedAt),
    // GET /api/scans across libraries, newest first.
    index('scan_runs_started_idx').on(t.startedAt, t.id),
  ],
);

export type ScanRun = typeof scanRuns.$inferSelect;
