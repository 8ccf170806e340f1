import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { providers } from './providers.js';

/**
 * Each metadata provider's request schedule, shared by every process that calls it: the earliest moment
 * the next request may be sent. A request reserves the slot at `next_at` (or now, if that has passed) and
 * moves `next_at` one spacing on, in one statement; a 429 moves it to when the provider asked us to return.
 * UNLOGGED (set in its migration; drizzle has no word for it): every booking holds the row's lock until
 * its commit, and a logged commit waits for a WAL flush, which on a busy disk would cap every provider at a
 * few flushes a second. Lost in a crash, the schedule is simply idle again, as it is after any pause.
 */
export const providerRateSlots = pgTable('provider_rate_slots', {
  providerId: uuid('provider_id')
    .primaryKey()
    .references(() => providers.id, { onDelete: 'cascade' }),
  nextAt: timestamp('next_at', { withTimezone: true }).notNull(),
});
