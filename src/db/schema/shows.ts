import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { libraries } from './libraries.js';
import { titleColumns } from './title-columns.js';
import type { RatingValue } from './title-columns.js';

export const shows = pgTable(
  'shows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => libraries.id, { onDelete: 'cascade' }),
    ...titleColumns(),
    status: text('status'),
  },
  (t) => [
    unique('shows_library_folder').on(t.libraryId, t.folderKey),
    index('shows_library_title_idx').on(t.libraryId, t.title),
    // GET /api/activity counts titles with a change no pipeline published, every second.
    index('shows_pipeline_pending_idx')
      .on(t.libraryId)
      .where(sql`${t.changeSeq} > ${t.pipelineSeq} and ${t.deletedAt} is null`),
  ],
);

export const seasons = pgTable(
  'seasons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    showId: uuid('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'cascade' }),
    /** 0 for specials. */
    seasonNumber: integer('season_number').notNull(),
    name: text('name'),
    /** The season folder's `season.nfo`, relative to the show folder; read, never written. */
    nfoPath: text('nfo_path'),
    /** `<title>` of season.nfo (the show's `<namedseason>` is `name`). */
    nfoTitle: text('nfo_title'),
    plot: text('plot'),
    /** YYYY-MM-DD. */
    premiered: text('premiered'),
  },
  (t) => [unique('seasons_show_number').on(t.showId, t.seasonNumber)],
);

export const episodes = pgTable(
  'episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    showId: uuid('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'cascade' }),
    seasonNumber: integer('season_number').notNull(),
    episodeNumber: integer('episode_number').notNull(),
    /** The video holding this episode, relative to the show folder (shared by a multi-episode file). */
    videoPath: text('video_path').notNull(),
    title: text('title'),
    plot: text('plot'),
    aired: text('aired'),
    runtime: integer('runtime'),
    tmdbId: integer('tmdb_id'),
    imdbId: text('imdb_id'),
    tvdbId: integer('tvdb_id'),
    ratings: jsonb('ratings').$type<RatingValue[]>().notNull().default([]),
    directors: text('directors').array().notNull().default([]),
    credits: text('credits').array().notNull().default([]),
    nfoPath: text('nfo_path'),
    /** The episode's NFO that the last scan could not read; publishing leaves it untouched (see title columns). */
    unreadableNfoPath: text('unreadable_nfo_path'),
  },
  (t) => [unique('episodes_show_number').on(t.showId, t.seasonNumber, t.episodeNumber)],
);

export type Show = typeof shows.$inferSelect;
export type Season = typeof seasons.$inferSelect;
export type Episode = typeof episodes.$inferSelect;
