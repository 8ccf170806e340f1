import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per message sent to a people service (Discord, Pushover, e-mail), keyed by the service and the
 * message's own id (the notify run's id, or a digest's). It is what makes a send idempotent across
 * activity retries: an attempt records `sending` before the request and `sent` with the service's answer
 * after it, so a retry of a send whose answer was recorded (a worker killed before Temporal heard of it)
 * answers from here instead of sending again. An attempt that finds `sending` follows one that died with
 * its request in flight; whether the service got it cannot be known, so it sends again and counts a resend.
 */
export const notificationSends = pgTable(
  'notification_sends',
  {
    service: text('service').notNull(),
    messageId: text('message_id').notNull(),
    state: text('state').$type<NotificationSendState>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Attempts that began after one that died with its request in flight. */
    resends: integer('resends').notNull().default(0),
    answer: text('answer'),
    lastError: text('last_error'),
    firstAttemptAt: timestamp('first_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'notification_sends_pk', columns: [t.service, t.messageId] }),
    check('notification_sends_state_check', sql`${t.state} in ('sending', 'sent', 'failed')`),
    index('notification_sends_updated_at_idx').on(t.updatedAt),
  ],
);

export type NotificationSendState = 'sending' | 'sent' | 'failed';
