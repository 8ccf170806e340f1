import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Artwork candidates a provider offered for an entity: the seed's provider_assets, with Postgres types.
 * The provider URL is the source of truth; analysis and selection state are filled by enrichment.
 */
export const providerAssets = pgTable(
  'provider_assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'movie', 'tv' or 'music'. */
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    assetType: text('asset_type').notNull(),
    providerName: text('provider_name').notNull(),
    providerUrl: text('provider_url').notNull(),
    /** Votes, language, season…, as the provider gave them. */
    providerMetadata: jsonb('provider_metadata').$type<Record<string, unknown>>(),
    width: integer('width'),
    height: integer('height'),
    analyzed: boolean('analyzed').notNull().default(false),
    contentHash: text('content_hash'),
    perceptualHash: text('perceptual_hash'),
    score: integer('score'),
    isSelected: boolean('is_selected').notNull().default(false),
    isRejected: boolean('is_rejected').notNull().default(false),
    isDownloaded: boolean('is_downloaded').notNull().default(false),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
    selectedAt: timestamp('selected_at', { withTimezone: true }),
    selectedBy: text('selected_by', { enum: ['user', 'auto'] }),
  },
  (t) => [
    unique('provider_assets_entity_type_url').on(t.entityType, t.entityId, t.assetType, t.providerUrl),
    index('provider_assets_entity_idx').on(t.entityType, t.entityId),
    index('provider_assets_type_idx').on(t.entityType, t.entityId, t.assetType),
    index('provider_assets_fetched_idx').on(t.fetchedAt),
    // Maintenance asks, per cache file, whether any candidate still names its bytes.
    index('provider_assets_content_hash_idx').on(t.contentHash),
    // "Are these bytes stored already?" for every candidate an enrichment sees, whichever title has them.
    index('provider_assets_downloaded_url_idx')
      .on(t.providerUrl)
      .where(sql`${t.isDownloaded}`),
  ],
);

/**
 * One row per entity and provider: when the provider was last asked (the cache's age, even when it had
 * no images) and the title metadata it answered (details, cast, crew, ratings, certification, collection,
 * trailers); null for art-only providers.
 */
export const providerMetadata = pgTable(
  'provider_metadata',
  {
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    providerName: text('provider_name').notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    /** The language the provider was asked in (phase.enrichment.language): a cache in another is stale. */
    language: text('language').notNull().default('en'),
    imageCount: integer('image_count').notNull().default(0),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId, t.providerName] }), index('provider_metadata_fetched_idx').on(t.fetchedAt)],
);

/**
 * One row per show season and provider that knows the season: its episodes as the provider listed them
 * (a ProviderSeason). A provider that answered "no such season" leaves no row, so a season announced later is
 * asked for again rather than remembered as missing for a week.
 */
export const providerSeasons = pgTable(
  'provider_seasons',
  {
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    seasonNumber: integer('season_number').notNull(),
    providerName: text('provider_name').notNull(),
    season: jsonb('season').$type<Record<string, unknown>>().notNull(),
    /** The language the provider was asked in: a cache in another is stale. */
    language: text('language').notNull().default('en'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Named: the generated name would pass Postgres's 63-character limit for identifiers.
  (t) => [primaryKey({ name: 'provider_seasons_pk', columns: [t.entityType, t.entityId, t.seasonNumber, t.providerName] })],
);

export type ProviderAssetRow = typeof providerAssets.$inferSelect;
export type ProviderMetadataRow = typeof providerMetadata.$inferSelect;
export type ProviderSeasonRow = typeof providerSeasons.$inferSelect;
