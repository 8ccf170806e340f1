import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Releases a person rejected: every later search of every item gives them the rejection "blocklisted" and
 * never takes them. Known by the indexer's guid (unique per indexer) and, when known, by the info hash (the
 * same torrent on another indexer). The item and request ids say where it was rejected; they are not foreign
 * keys, as the entry outlives the request.
 */
export const blocklist = pgTable(
  'blocklist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    guid: text('guid').notNull(),
    indexer: text('indexer').notNull(),
    /** v1 info hash, 40 lower-case hex digits. */
    infoHash: text('info_hash'),
    title: text('title').notNull(),
    itemId: uuid('item_id').notNull(),
    requestId: uuid('request_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One entry per release rejected on an item: a retried recording adds nothing.
    unique('blocklist_item_release_uq').on(t.itemId, t.indexer, t.guid),
    index('blocklist_guid_idx').on(t.guid),
    index('blocklist_info_hash_idx').on(t.infoHash),
    index('blocklist_created_at_idx').on(t.createdAt),
  ],
);

export type BlocklistRow = typeof blocklist.$inferSelect;
