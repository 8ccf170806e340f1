import { doublePrecision, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { cacheFiles } from './cache-files.js';

export const entityTypes = ['movie', 'show', 'season', 'episode'] as const;
export type EntityType = (typeof entityTypes)[number];

/**
 * Artwork a title has: today the local files found next to the media (source 'local'), each pointing at
 * its content in the cache. Season art carries its season (-1 all seasons, 0 specials).
 */
export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type', { enum: entityTypes }).notNull(),
    entityId: uuid('entity_id').notNull(),
    assetType: text('asset_type').notNull(),
    season: integer('season'),
    source: text('source', { enum: ['local', 'provider'] }).notNull(),
    /** Local: path relative to the title folder. */
    sourcePath: text('source_path').notNull(),
    /**
     * Local: the file's modification time (ms) when the scan read it; with its size (the cache file's), what
     * tells a later scan the file is unchanged. Null for provider artwork and rows stored before it was kept.
     */
    sourceMtimeMs: doublePrecision('source_mtime_ms'),
    cacheFileId: uuid('cache_file_id')
      .notNull()
      .references(() => cacheFiles.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('assets_entity_source').on(t.entityType, t.entityId, t.sourcePath), index('assets_cache_file_idx').on(t.cacheFileId)],
);

export type Asset = typeof assets.$inferSelect;
