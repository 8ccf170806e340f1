import { index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { libraries } from './libraries.js';

/**
 * How another machine (Radarr, Sonarr, a download box) names this library's folders: a webhook's
 * `/movies/Heat (1995)` becomes `<localPrefix>/Heat (1995)` here.
 */
export const pathMappings = pgTable(
  'path_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => libraries.id, { onDelete: 'cascade' }),
    remotePrefix: text('remote_prefix').notNull(),
    localPrefix: text('local_prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('path_mappings_library_remote').on(t.libraryId, t.remotePrefix)],
);

export interface StoredCandidate {
  externalIds: { tmdb?: number; imdb?: string; tvdb?: number };
  title: string;
  originalTitle?: string;
  year?: number;
  overview?: string;
  posterUrl?: string;
  confidence: number;
}

/** What the last identification search offered for an unidentified title, for a person to choose from. */
export const identificationCandidates = pgTable('identification_candidates', {
  entityType: text('entity_type', { enum: ['movie', 'show'] }).notNull(),
  entityId: uuid('entity_id').primaryKey(),
  candidates: jsonb('candidates').$type<StoredCandidate[]>().notNull(),
  reason: text('reason').notNull(),
  searchedAt: timestamp('searched_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every Radarr/Sonarr delivery we accepted: the event key makes a repeated delivery one row (and one
 * workflow), and the outcome says what it led to.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source', { enum: ['radarr', 'sonarr'] }).notNull(),
    eventType: text('event_type').notNull(),
    eventKey: text('event_key').notNull(),
    /** What it led to: 'test', 'ignored', 'refresh', 'removed', 'unmapped', … */
    outcome: text('outcome').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('webhook_events_source_key').on(t.source, t.eventKey), index('webhook_events_received_idx').on(t.receivedAt)],
);

export type PathMappingRow = typeof pathMappings.$inferSelect;
export type WebhookEventRow = typeof webhookEvents.$inferSelect;
