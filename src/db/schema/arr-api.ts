import { boolean, integer, jsonb, pgTable, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * What the Radarr/Sonarr-compatible API (/api/v3) keeps: Radarr and Sonarr name everything by small
 * integers, Reelflow by UUIDs. These tables give each thing an *arr client sees its integer id.
 */

/** The integer id a quality profile ('qualityProfile') or delivery target ('rootFolder') has in the *arr API. */
export const arrRefs = pgTable(
  'arr_refs',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ['qualityProfile', 'rootFolder'] }).notNull(),
    refId: uuid('ref_id').notNull(),
  },
  (t) => [unique('arr_refs_kind_ref_uq').on(t.kind, t.refId)],
);

/** A movie (Radarr) or series (Sonarr) an *arr client added, and the Reelflow requests it led to. */
export const arrTitles = pgTable(
  'arr_titles',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ['movie', 'series'] }).notNull(),
    /** 'tmdb:603' for a movie, 'tvdb:81189' for a series: what the client looks it up by. */
    externalKey: text('external_key').notNull(),
    tmdbId: integer('tmdb_id'),
    tvdbId: integer('tvdb_id'),
    imdbId: text('imdb_id'),
    title: text('title').notNull(),
    year: integer('year'),
    qualityProfileId: uuid('quality_profile_id').notNull(),
    targetId: uuid('target_id').notNull(),
    monitored: boolean('monitored').notNull().default(true),
    tags: jsonb('tags').$type<number[]>().notNull().default([]),
    /** Sonarr's season list as the client last sent it; a monitored season is a requested one. */
    seasons: jsonb('seasons').$type<{ seasonNumber: number; monitored: boolean }[]>().notNull().default([]),
    requestIds: jsonb('request_ids').$type<string[]>().notNull().default([]),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('arr_titles_kind_key_uq').on(t.kind, t.externalKey)],
);

export type ArrTitleRow = typeof arrTitles.$inferSelect;

/** Radarr/Sonarr tags (Seerr tags requests with the requesting user). */
export const arrTags = pgTable('arr_tags', {
  id: serial('id').primaryKey(),
  label: text('label').notNull().unique(),
});
