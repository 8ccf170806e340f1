import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { EventType } from '../../events/event-types.js';

/**
 * What happened and how far running work has come, one row per event, in the order it was recorded. History
 * events (scan finished, title added, release grabbed, …) are the durable feed behind GET /api/history and
 * are kept for REELFLOW_HISTORY_DAYS; live events (progress) are kept a day, so a client of GET /api/events
 * that reconnects with Last-Event-ID catches up from here. Recording one announces it on a Postgres channel
 * in the same statement, so every API process hears of it once it is committed.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    type: text('type').$type<EventType>().notNull(),
    /** Part of the history feed, or live progress only. */
    history: boolean('history').notNull(),
    libraryId: uuid('library_id'),
    titleKind: text('title_kind').$type<'movie' | 'show' | 'episode'>(),
    titleId: uuid('title_id'),
    requestId: uuid('request_id'),
    itemId: uuid('item_id'),
    summary: text('summary').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text('dedupe_key'),
  },
  (t) => [
    uniqueIndex('events_dedupe_key_idx').on(t.dedupeKey),
    index('events_occurred_at_idx').on(t.occurredAt),
    index('events_history_idx').on(t.history, t.id),
    index('events_title_idx')
      .on(t.titleId, t.id)
      .where(sql`${t.titleId} is not null`),
    index('events_request_idx')
      .on(t.requestId, t.id)
      .where(sql`${t.requestId} is not null`),
    index('events_item_idx')
      .on(t.itemId, t.id)
      .where(sql`${t.itemId} is not null`),
    index('events_library_idx')
      .on(t.libraryId, t.id)
      .where(sql`${t.libraryId} is not null`),
  ],
);

export type EventRow = typeof events.$inferSelect;
