import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const encodePresets = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow', 'slower', 'veryslow'] as const;

/** How an encode is made: ffmpeg's codec names, CRF, the tallest frame kept, the audio. */
export interface EncodeSettings {
  videoCodec: 'libx264' | 'libx265';
  crf: number;
  preset: (typeof encodePresets)[number];
  /** Frames taller than this are scaled down, keeping the aspect ratio. */
  maxHeight: number;
  audioCodec: 'aac' | 'copy';
  audioBitrateKbps: number;
}

/**
 * What a request accepts and how it is encoded. Resolutions are frame heights (480, 720, 1080, 2160);
 * sizes are per episode (or per movie) in megabytes.
 */
export const qualityProfiles = pgTable('quality_profiles', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  minResolution: integer('min_resolution').notNull().default(720),
  preferredResolution: integer('preferred_resolution').notNull().default(1080),
  minSizeMb: integer('min_size_mb').notNull().default(0),
  maxSizeMb: integer('max_size_mb').notNull().default(20_000),
  rejectedWords: jsonb('rejected_words').$type<string[]>().notNull().default([]),
  preferredWords: jsonb('preferred_words').$type<string[]>().notNull().default([]),
  encode: jsonb('encode').$type<EncodeSettings>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type QualityProfileRow = typeof qualityProfiles.$inferSelect;
