import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { providers } from './providers.js';

/**
 * Each metadata provider's request schedule, shared by every process that calls it: the earliest moment
 * the next request may be sent. A request reserves the slot at `next_at` (or now, if that has passed) and
 * moves `next_at` one spacing on, in one statement; a 429 moves it to when the provider asked us to return.
 */
export const providerRateSlots = pgTable('provider_rate_slots', {
  providerId: uuid('provider_id')
    .primaryKey()
    .references(() => providers.id, { onDelete: 'cascade' }),
  nextAt: timestamp('next_at', { withTimezone: true }).notNull(),
});
