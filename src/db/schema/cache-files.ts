import { bigint, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Content-addressed store: one row (and one file under data/cache) per distinct content, however many
 * titles use it.
 */
export const cacheFiles = pgTable('cache_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  sha256: text('sha256').notNull().unique(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  /** Relative to the data dir: cache/<entityType>/<entityId>/<assetType>_<hash>.<ext>. */
  path: text('path').notNull(),
  format: text('format'),
  width: integer('width'),
  height: integer('height'),
  createdScanId: uuid('created_scan_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type CacheFile = typeof cacheFiles.$inferSelect;
