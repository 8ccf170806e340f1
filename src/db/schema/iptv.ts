import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const iptvKinds = ['xtream', 'm3u'] as const;
export type IptvKind = (typeof iptvKinds)[number];

export interface IptvCategories {
  movies: boolean;
  tvshows: boolean;
}

/** One clean-up rule for catalogue names: a regular expression (flags "giu") and what replaces a match. */
export interface NameCleanupRule {
  pattern: string;
  replacement: string;
}

/**
 * IPTV providers (Xtream Codes panels, M3U playlists). Their own table because their configuration
 * (categories, name clean-up, sync interval, concurrency) means nothing to a metadata provider; the
 * credentials are stored as the credentials cipher's output, as for `providers`.
 */
export const iptvProviders = pgTable(
  'iptv_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: iptvKinds }).notNull(),
    name: text('name').notNull().unique(),
    enabled: boolean('enabled').notNull().default(true),
    /** Xtream: the panel's root (player_api.php and stream paths below it). M3U: the playlist URL. */
    baseUrl: text('base_url').notNull(),
    credentialsEncrypted: text('credentials_encrypted').notNull(),
    categories: jsonb('categories').$type<IptvCategories>().notNull(),
    nameCleanup: jsonb('name_cleanup').$type<NameCleanupRule[]>().notNull().default([]),
    /** Requests in flight at once against this provider. */
    maxConcurrent: integer('max_concurrent').notNull(),
    /** Requests per window. */
    rateLimitRequests: integer('rate_limit_requests').notNull(),
    rateLimitWindowMs: integer('rate_limit_window_ms').notNull(),
    timeoutMs: integer('timeout_ms').notNull(),
    syncIntervalSeconds: integer('sync_interval_seconds').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'iptv_providers_limits_positive',
      sql`${t.maxConcurrent} > 0 and ${t.rateLimitRequests} > 0 and ${t.rateLimitWindowMs} > 0 and ${t.timeoutMs} > 0`,
    ),
    check('iptv_providers_interval_positive', sql`${t.syncIntervalSeconds} > 0`),
  ],
);

/** Streams of a title: a movie's one stream, or a show's streams per episode key (`S01-E01`). */
export interface TitleStreams {
  movie?: string;
  episodes?: Record<string, string>;
}

/**
 * The catalogue of each IPTV provider as last synced, one row per title (unique provider + title key).
 * A sync upserts what the provider lists now; `matchState` says whether the title still has to be matched
 * to TMDB (new or changed since its last match), and `present` whether the last sync saw it.
 */
export const providerTitles = pgTable(
  'provider_titles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => iptvProviders.id, { onDelete: 'cascade' }),
    /** `movie:<stream id>` / `tv:<series id>` (Xtream), `movie:<tvg-id or name>` (M3U). */
    titleKey: text('title_key').notNull(),
    type: text('type', { enum: ['movie', 'tv'] }).notNull(),
    name: text('name').notNull(),
    cleanedTitle: text('cleaned_title').notNull(),
    year: integer('year'),
    category: text('category'),
    /** The id the provider's detail calls take (Xtream stream or series id); the stream URL for M3U. */
    sourceId: text('source_id').notNull(),
    /** Whether the provider's detail call (get_vod_info / get_series_info) adds ids or episodes. */
    detailsFromProvider: boolean('details_from_provider').notNull().default(false),
    /** What the provider said: its tmdb / imdb ids, when it gave them. */
    providerTmdbId: integer('provider_tmdb_id'),
    providerImdbId: text('provider_imdb_id'),
    /** sha256 over what the provider listed; a changed fingerprint is matched again. */
    fingerprint: text('fingerprint').notNull(),
    streams: jsonb('streams').$type<TitleStreams>().notNull(),
    matchState: text('match_state', { enum: ['pending', 'matched', 'ignored'] }).notNull(),
    tmdbId: integer('tmdb_id'),
    matchedBy: text('matched_by', { enum: ['provider-tmdb-id', 'imdb-id', 'search-with-year', 'search'] }),
    matchedTitle: text('matched_title'),
    ignored: boolean('ignored').notNull().default(false),
    ignoredReason: text('ignored_reason'),
    /** Why the last attempt to match could not finish (TMDB unreachable); the title stays pending. */
    lastError: text('last_error'),
    present: boolean('present').notNull().default(true),
    firstSeenSyncId: text('first_seen_sync_id').notNull(),
    lastSeenSyncId: text('last_seen_sync_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('provider_titles_provider_key').on(t.providerId, t.titleKey),
    index('provider_titles_pending_idx').on(t.providerId, t.matchState, t.titleKey),
    index('provider_titles_list_idx').on(t.providerId, t.type, t.ignored),
    // A library title's streams: looked up by its TMDB id.
    index('provider_titles_tmdb_idx').on(t.type, t.tmdbId),
  ],
);

/** What each sync added or removed: the monitor step's record, read by GET /api/iptv/providers/:id/changes. */
export const iptvSyncChanges = pgTable(
  'iptv_sync_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => iptvProviders.id, { onDelete: 'cascade' }),
    syncId: text('sync_id').notNull(),
    titleKey: text('title_key').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: ['movie', 'tv'] }).notNull(),
    change: text('change', { enum: ['added', 'removed'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('iptv_sync_changes_once').on(t.providerId, t.syncId, t.titleKey, t.change),
    index('iptv_sync_changes_provider_idx').on(t.providerId, t.createdAt),
  ],
);

export type IptvProviderRow = typeof iptvProviders.$inferSelect;
export type ProviderTitleRow = typeof providerTitles.$inferSelect;
export type IptvSyncChangeRow = typeof iptvSyncChanges.$inferSelect;

export const iptvSyncStatuses = ['running', 'completed', 'failed', 'cancelled'] as const;
export type IptvSyncStatus = (typeof iptvSyncStatuses)[number];

/**
 * One row per iptvSync chain (continue-as-new keeps the sync id), written by the workflow through an
 * activity at its start, after each step and batch, and at its end, so listing syncs never needs Temporal.
 * Removed with its provider.
 */
export const iptvSyncRuns = pgTable(
  'iptv_sync_runs',
  {
    /** The sync id: the first run id of the workflow chain. */
    id: text('id').primaryKey(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => iptvProviders.id, { onDelete: 'cascade' }),
    workflowId: text('workflow_id').notNull(),
    status: text('status', { enum: iptvSyncStatuses }).notNull(),
    /** The workflow's phase when the row was last written (fetching, matching, monitoring, ...). */
    phase: text('phase').notNull(),
    listed: integer('listed').notNull().default(0),
    malformed: integer('malformed').notNull().default(0),
    toMatch: integer('to_match').notNull().default(0),
    matched: integer('matched').notNull().default(0),
    ignored: integer('ignored').notNull().default(0),
    matchErrors: integer('match_errors').notNull().default(0),
    added: integer('added').notNull().default(0),
    removed: integer('removed').notNull().default(0),
    errorMessage: text('error_message'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // GET /api/iptv/syncs: newest first, across providers or within one.
    index('iptv_sync_runs_started_idx').on(t.startedAt, t.id),
    index('iptv_sync_runs_provider_idx').on(t.providerId, t.startedAt),
  ],
);

export type IptvSyncRunRow = typeof iptvSyncRuns.$inferSelect;
