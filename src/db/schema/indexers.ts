import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Torznab indexers, managed by people (/api/indexers) or by Prowlarr's application sync (/api/v3/indexer).
 * The id is an integer because Prowlarr keeps it as the remote indexer id. The API key is stored only as the
 * credentials cipher's output, like provider credentials.
 */
export const indexers = pgTable(
  'indexers',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull().unique(),
    /** The Torznab endpoint without its key: Prowlarr's baseUrl + apiPath, e.g. http://prowlarr:9696/12/api. */
    url: text('url').notNull(),
    apiKeyEncrypted: text('api_key_encrypted'),
    /** Newznab category ids the indexer is asked for (2000 movies, 5000 TV and their subcategories). */
    categories: jsonb('categories').$type<number[]>().notNull().default([]),
    /** Lower is asked first, as in Radarr and Sonarr (1–50, default 25). */
    priority: integer('priority').notNull().default(25),
    enabled: boolean('enabled').notNull().default(true),
    /** 'api' (a person), 'prowlarr' (its application sync) or 'env' (seeded from TORZNAB_INDEXERS). */
    managedBy: text('managed_by', { enum: ['api', 'prowlarr', 'env'] })
      .notNull()
      .default('api'),
    /** Fields Prowlarr sent that Reelflow does not use (minimumSeeders, seedCriteria…), answered back as they came. */
    extraFields: jsonb('extra_fields').$type<{ name: string; value: unknown }[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('indexers_priority_range', sql`${t.priority} between 1 and 50`)],
);

export type IndexerRow = typeof indexers.$inferSelect;
