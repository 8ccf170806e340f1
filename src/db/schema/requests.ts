import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { qualityProfiles } from './quality-profiles.js';

export const requestType = pgEnum('request_type', ['movie', 'tv']);
export const requestStatus = pgEnum('request_status', ['PENDING', 'PROCESSING', 'COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED']);

/** The one state model of an episode (or a movie) on its way in. */
export const processingItemStatuses = [
  'PENDING',
  'AWAITING',
  'SEARCHING',
  'FOUND',
  'DOWNLOADING',
  'DOWNLOADED',
  'ENCODING',
  'ENCODED',
  'DELIVERING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
] as const;
export type ProcessingItemStatus = (typeof processingItemStatuses)[number];
export const processingItemStatus = pgEnum('processing_item_status', processingItemStatuses);

export type ApprovalAutoAction = 'approve' | 'reject' | 'cancel';
/** contracts/request.ts' requestMonitorModes (the schema imports no contracts). */
export type RequestMonitor = 'none' | 'existing' | 'future' | 'all';

/**
 * A person's request for a movie or some seasons/episodes of a show. Its counters are the processing items'
 * statuses counted in one query; `status` is what mediaRequest concluded.
 */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: requestType('type').notNull(),
    tmdbId: integer('tmdb_id'),
    tvdbId: integer('tvdb_id'),
    imdbId: text('imdb_id'),
    title: text('title'),
    year: integer('year'),
    /** A movie's release date (YYYY-MM-DD) as the provider gave it when the request was planned: the calendar's. */
    releaseDate: text('release_date'),
    /** Whole seasons asked for (TV). */
    seasons: jsonb('seasons').$type<number[]>().notNull().default([]),
    /** Single episodes asked for (TV), beside whole seasons. */
    episodes: jsonb('episodes').$type<{ season: number; episode: number }[]>().notNull().default([]),
    qualityProfileId: uuid('quality_profile_id')
      .notNull()
      .references(() => qualityProfiles.id),
    targetIds: jsonb('target_ids').$type<string[]>().notNull().default([]),
    requireApproval: boolean('require_approval').notNull().default(false),
    approvalTimeoutSeconds: integer('approval_timeout_seconds'),
    approvalAutoAction: text('approval_auto_action').$type<ApprovalAutoAction>(),
    /** How a TV request keeps watching its seasons (contracts' RequestMonitor); requests made before it plan once. */
    monitor: text('monitor').$type<RequestMonitor>().notNull().default('none'),
    status: requestStatus('status').notNull().default('PENDING'),
    workflowId: text('workflow_id').notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // GET /api/requests: newest first, alone or within a status.
    index('requests_created_idx').on(t.createdAt, t.id),
    index('requests_status_created_idx').on(t.status, t.createdAt, t.id),
  ],
);

export type RequestRow = typeof requests.$inferSelect;

/** A release seen by a search, kept so a person can see the alternatives and why each was or was not taken. */
export interface ReleaseCandidate {
  title: string;
  /** The configured indexer's name: its URL (with its API key) is looked up when the release is fetched. */
  indexer: string;
  /**
   * The indexer's id for the release (often its details page), its download link when the indexer gave none.
   * Absent only in releases found before every release carried one (`releaseGuid` reads either).
   */
  guid?: string;
  /** The link without credentials: each is a placeholder `{indexer-secret:…}` filled from the indexer's URL. */
  downloadUrl: string;
  /** The magnet link, when the indexer gave one beside a .torrent link, without credentials too. */
  magnetUrl?: string;
  /** v1 info hash, 40 lower-case hex digits, checked against the magnet link. */
  infoHash?: string;
  sizeBytes: number;
  seeders: number;
  resolution?: number;
  seasonPack: boolean;
  score: number;
  accepted: boolean;
  rejections: string[];
}

/** A file that stood where a delivery put this item's file: kept, never replaced. */
export interface RecycledFile {
  /** Where it was (and where the delivered file is now). */
  location: string;
  /** Where it is kept, in the target's recycle folder. */
  keptAt: string;
  /** When it was moved (ISO). */
  at: string;
}

/** One episode (or the movie) of a request, written by its episodePipeline at every transition. */
export const processingItems = pgTable(
  'processing_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    /** 0 for a movie. */
    seasonNumber: integer('season_number').notNull().default(0),
    episodeNumber: integer('episode_number').notNull().default(0),
    title: text('title'),
    status: processingItemStatus('status').notNull().default('PENDING'),
    /** The step a FAILED item failed in; retry resumes there. */
    failedStep: text('failed_step'),
    airDate: text('air_date'),
    sourceFilePath: text('source_file_path'),
    encodedFilePath: text('encoded_file_path'),
    deliveredPaths: jsonb('delivered_paths').$type<string[]>().notNull().default([]),
    torrentHash: text('torrent_hash'),
    selectedRelease: jsonb('selected_release').$type<ReleaseCandidate>(),
    availableReleases: jsonb('available_releases').$type<ReleaseCandidate[]>().notNull().default([]),
    qualityMet: boolean('quality_met'),
    /** 0..100 within the current step (download, encode). */
    progress: real('progress').notNull().default(0),
    lastError: text('last_error'),
    /** Files a delivery found in its way and moved to the target's recycle folder. */
    recycledFiles: jsonb('recycled_files').$type<RecycledFile[]>().notNull().default([]),
    /**
     * While set, the COMPLETED item was delivered below its profile's preferred quality and keeps looking for
     * an upgrade until then (its itemUpgrade workflow); null once it stopped looking, or never did.
     */
    upgradeUntil: timestamp('upgrade_until', { withTimezone: true }),
    /** How many times the row was written: the benchmark's bound on writes per download. */
    writeCount: integer('write_count').notNull().default(0),
    downloadedAt: timestamp('downloaded_at', { withTimezone: true }),
    encodedAt: timestamp('encoded_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('processing_items_episode_uq').on(t.requestId, t.seasonNumber, t.episodeNumber),
    index('processing_items_torrent_idx').on(t.torrentHash),
    // GET /api/activity reads the items still on their way, every second.
    index('processing_items_open_idx')
      .on(t.status)
      .where(sql`${t.status} not in ('COMPLETED', 'CANCELLED')`),
    // GET /api/items: newest first, alone or within a status (steps and waits are statuses too).
    index('processing_items_created_idx').on(t.createdAt, t.id),
    index('processing_items_status_created_idx').on(t.status, t.createdAt, t.id),
  ],
);

export type ProcessingItemRow = typeof processingItems.$inferSelect;
