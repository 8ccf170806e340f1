import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { entityTypes } from './assets.js';

/** A video file of a movie (several versions possible) or an episode, as ffprobe saw it. */
export const mediaFiles = pgTable(
  'media_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type', { enum: entityTypes }).notNull(),
    entityId: uuid('entity_id').notNull(),
    /** Relative to the title folder. */
    relativePath: text('relative_path').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /**
     * The file's modification time (ms) when it was probed: with its size, what tells a later scan that the
     * stored probe still describes the file. Null for a probe stored before it was kept.
     */
    mtimeMs: doublePrecision('mtime_ms'),
    /** PROBE_REVISION of the code that made the probe; a rescan keeps only a probe of the current one. */
    probeRevision: integer('probe_revision'),
    container: text('container'),
    durationSeconds: doublePrecision('duration_seconds'),
    bitrate: bigint('bitrate', { mode: 'number' }),
    probeError: text('probe_error'),
  },
  (t) => [index('media_files_entity_idx').on(t.entityType, t.entityId)],
);

/** One stream of a media file; external subtitle files are streams with `external` set. */
export const mediaStreams = pgTable(
  'media_streams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediaFileId: uuid('media_file_id')
      .notNull()
      .references(() => mediaFiles.id, { onDelete: 'cascade' }),
    streamType: text('stream_type', { enum: ['video', 'audio', 'subtitle'] }).notNull(),
    streamIndex: integer('stream_index'),
    codec: text('codec'),
    language: text('language'),
    title: text('title'),
    isDefault: boolean('is_default').notNull().default(false),
    isForced: boolean('is_forced').notNull().default(false),
    external: boolean('external').notNull().default(false),
    /** External subtitle file, relative to the title folder. */
    externalPath: text('external_path'),
    width: integer('width'),
    height: integer('height'),
    hdr: text('hdr'),
    channels: integer('channels'),
    details: jsonb('details'),
  },
  (t) => [index('media_streams_file_idx').on(t.mediaFileId)],
);

export type MediaFile = typeof mediaFiles.$inferSelect;
export type MediaStream = typeof mediaStreams.$inferSelect;
