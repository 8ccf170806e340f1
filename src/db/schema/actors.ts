import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { cacheFiles } from './cache-files.js';
import { entityTypes } from './assets.js';

/** Cast of a title as its NFO lists it; the thumb is cached when the title's `.actors/` folder has it. */
export const actors = pgTable(
  'actors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type', { enum: entityTypes }).notNull(),
    entityId: uuid('entity_id').notNull(),
    name: text('name').notNull(),
    role: text('role'),
    sortOrder: integer('sort_order').notNull(),
    thumbUrl: text('thumb_url'),
    thumbCacheFileId: uuid('thumb_cache_file_id').references(() => cacheFiles.id),
  },
  (t) => [
    index('actors_entity_idx').on(t.entityType, t.entityId),
    // "Is this photo stored already?" for every cast member an enrichment sees: one index probe per URL,
    // however many titles share the actor.
    index('actors_cached_thumb_url_idx')
      .on(t.thumbUrl)
      .where(sql`${t.thumbCacheFileId} is not null`),
  ],
);

/** Files in a title folder that are none of video, NFO, artwork or subtitle. */
export const unknownFiles = pgTable(
  'unknown_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type', { enum: entityTypes }).notNull(),
    entityId: uuid('entity_id').notNull(),
    relativePath: text('relative_path').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  },
  (t) => [index('unknown_files_entity_idx').on(t.entityType, t.entityId)],
);

/** What a scan could not use, and why: unreadable folders, symlink loops, malformed files. */
export const scanIssues = pgTable(
  'scan_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scanId: uuid('scan_id').notNull(),
    libraryId: uuid('library_id').notNull(),
    /** The title folder concerned; null for problems found while walking the library. */
    folderKey: text('folder_key'),
    path: text('path').notNull(),
    reason: text('reason').notNull(),
  },
  // The walk and the folder scan can meet the same problem (a symlink loop); it is one issue.
  (t) => [unique('scan_issues_scan_path_reason').on(t.scanId, t.path, t.reason)],
);
