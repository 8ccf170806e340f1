import { boolean, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { XmlElement } from '../../media/nfo/index.js';

export interface RatingValue {
  name: string;
  value: number;
  /** The NFO's spelling of the value (`6.400000`), kept so an unchanged rating is written back as it was. */
  valueText?: string;
  votes?: number;
  max?: number;
  isDefault: boolean;
}

/**
 * Metadata fields a person may edit. Each has a `<field>_locked` flag: once edited through the API, no
 * scan or provider refresh overwrites it until it is unlocked.
 */
export const lockableMovieFields = [
  'title',
  'originalTitle',
  'sortTitle',
  'year',
  'premiered',
  'plot',
  'outline',
  'tagline',
  'runtime',
  'mpaa',
  'genres',
  'countries',
  'studios',
  'tags',
  'directors',
  'credits',
  'setName',
] as const;
export type LockableMovieField = (typeof lockableMovieFields)[number];

/** Columns shared by movies and shows: NFO metadata, ids, identification and bookkeeping. */
export function titleColumns() {
  return {
    title: text('title').notNull(),
    originalTitle: text('original_title'),
    sortTitle: text('sort_title'),
    year: integer('year'),
    premiered: text('premiered'),
    plot: text('plot'),
    outline: text('outline'),
    tagline: text('tagline'),
    runtime: integer('runtime'),
    mpaa: text('mpaa'),
    tmdbId: integer('tmdb_id'),
    imdbId: text('imdb_id'),
    tvdbId: integer('tvdb_id'),
    ratings: jsonb('ratings').$type<RatingValue[]>().notNull().default([]),
    genres: text('genres').array().notNull().default([]),
    countries: text('countries').array().notNull().default([]),
    studios: text('studios').array().notNull().default([]),
    tags: text('tags').array().notNull().default([]),
    directors: text('directors').array().notNull().default([]),
    credits: text('credits').array().notNull().default([]),
    /** Path of the NFO read, relative to the title folder. */
    nfoPath: text('nfo_path'),
    /** Elements of the NFO we do not model, kept so publishing writes them back. */
    nfoExtra: jsonb('nfo_extra').$type<XmlElement[]>().notNull().default([]),
    /**
     * The title's NFO that the last scan could not read (malformed, of another kind, unreadable), relative to
     * the folder. Publishing leaves it byte for byte until a scan reads it or a person asks for it to be replaced.
     */
    unreadableNfoPath: text('unreadable_nfo_path'),
    /** A person asked (POST …/refresh with replaceUnreadableNfo) for the next publish to replace that NFO. */
    replaceUnreadableNfo: boolean('replace_unreadable_nfo').notNull().default(false),
    identificationStatus: text('identification_status', { enum: ['unidentified', 'identified'] }).notNull(),
    identificationSource: text('identification_source', {
      enum: ['nfo', 'folder-tag', 'folder-name', 'manual', 'provider', 'arr'],
    }).notNull(),
    folderPath: text('folder_path').notNull(),
    /** Key of the title's folder within its library (see library_folders). */
    folderKey: text('folder_key').notNull(),
    createdScanId: uuid('created_scan_id'),
    /**
     * Bumped in the same transaction as every change to the title (a scan or webhook saving it, a person
     * asking for a refresh). A title whose change_seq is above pipeline_seq has a change its pipeline has
     * not yet published: that is what makes the hand-off to the pipeline durable (see docs/architecture.md).
     */
    changeSeq: integer('change_seq').notNull().default(1),
    /** The change_seq the title's last completed pipeline pass covered; 0: never published, so "added". */
    pipelineSeq: integer('pipeline_seq').notNull().default(0),
    /** The scan that found the folder gone (with deletedAt). */
    removedScanId: uuid('removed_scan_id'),
    scanErrors: jsonb('scan_errors').$type<{ relativePath: string; reason: string }[]>().notNull().default([]),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    titleLocked: boolean('title_locked').notNull().default(false),
    originalTitleLocked: boolean('original_title_locked').notNull().default(false),
    sortTitleLocked: boolean('sort_title_locked').notNull().default(false),
    yearLocked: boolean('year_locked').notNull().default(false),
    premieredLocked: boolean('premiered_locked').notNull().default(false),
    plotLocked: boolean('plot_locked').notNull().default(false),
    outlineLocked: boolean('outline_locked').notNull().default(false),
    taglineLocked: boolean('tagline_locked').notNull().default(false),
    runtimeLocked: boolean('runtime_locked').notNull().default(false),
    mpaaLocked: boolean('mpaa_locked').notNull().default(false),
    genresLocked: boolean('genres_locked').notNull().default(false),
    countriesLocked: boolean('countries_locked').notNull().default(false),
    studiosLocked: boolean('studios_locked').notNull().default(false),
    tagsLocked: boolean('tags_locked').notNull().default(false),
    directorsLocked: boolean('directors_locked').notNull().default(false),
    creditsLocked: boolean('credits_locked').notNull().default(false),
  };
}
