import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProviderId } from '../../providers/types.js';

/**
 * Configured metadata providers. Credentials are stored only as the credentials cipher's output (AES-256-GCM
 * over the JSON object), so a database dump or backup alone never reveals a key. `kind` is text with a check
 * rather than an enum so that adding a kind (xtream, m3u) is a one-line constraint change.
 */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<ProviderId>().notNull(),
    name: text('name').notNull().unique(),
    enabled: boolean('enabled').notNull().default(true),
    /** Lower is asked first. */
    priority: integer('priority').notNull().default(0),
    baseUrl: text('base_url').notNull(),
    credentialsEncrypted: text('credentials_encrypted').notNull(),
    rateLimitPerSecond: real('rate_limit_per_second').notNull(),
    timeoutMs: integer('timeout_ms').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('providers_kind_check', sql`${t.kind} in ('tmdb', 'tvdb', 'fanart_tv', 'musicbrainz')`),
    check('providers_rate_limit_positive', sql`${t.rateLimitPerSecond} > 0`),
    check('providers_timeout_positive', sql`${t.timeoutMs} > 0`),
  ],
);

export type ProviderRow = typeof providers.$inferSelect;
