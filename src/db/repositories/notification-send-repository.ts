import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { notificationSends } from '../schema/index.js';

export type SendStart =
  /** The message went out before: its answer, and nothing is to be sent. */
  | { kind: 'sent'; answer: string }
  /** Send it; `resend` when an earlier attempt died with its request in flight. */
  | { kind: 'send'; resend: boolean };

/** The ledger of people-service sends (see the notification_sends schema for why it exists). */
export class NotificationSendRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records an attempt beginning and says whether it is to send. Temporal runs one attempt of an activity
   * at a time, so the read and the write need no lock between them.
   */
  async begin(service: string, messageId: string): Promise<SendStart> {
    const previous = await this.db
      .select({ state: notificationSends.state, answer: notificationSends.answer })
      .from(notificationSends)
      .where(and(eq(notificationSends.service, service), eq(notificationSends.messageId, messageId)));
    if (previous[0]?.state === 'sent') return { kind: 'sent', answer: previous[0].answer ?? '' };
    const resend = previous[0]?.state === 'sending';
    await this.db
      .insert(notificationSends)
      .values({ service, messageId, state: 'sending', attempts: 1 })
      .onConflictDoUpdate({
        target: [notificationSends.service, notificationSends.messageId],
        set: {
          state: 'sending',
          attempts: sql`${notificationSends.attempts} + 1`,
          resends: sql`${notificationSends.resends} + ${resend ? 1 : 0}`,
          updatedAt: sql`now()`,
        },
      });
    return { kind: 'send', resend };
  }

  async sent(service: string, messageId: string, answer: string): Promise<void> {
    await this.db
      .update(notificationSends)
      .set({ state: 'sent', answer, lastError: null, updatedAt: sql`now()` })
      .where(and(eq(notificationSends.service, service), eq(notificationSends.messageId, messageId)));
  }

  /** The service refused or could not be reached: the next attempt sends again, and is no resend. */
  async failed(service: string, messageId: string, error: string): Promise<void> {
    await this.db
      .update(notificationSends)
      .set({ state: 'failed', lastError: error.slice(0, 1_000), updatedAt: sql`now()` })
      .where(and(eq(notificationSends.service, service), eq(notificationSends.messageId, messageId)));
  }

  async get(service: string, messageId: string) {
    const [row] = await this.db
      .select()
      .from(notificationSends)
      .where(and(eq(notificationSends.service, service), eq(notificationSends.messageId, messageId)));
    return row;
  }

  /** Rows untouched for longer than any retry window: their sends can no longer be retried. */
  async prune(olderThan: Date): Promise<number> {
    const removed = await this.db
      .delete(notificationSends)
      .where(lt(notificationSends.updatedAt, olderThan))
      .returning({ id: notificationSends.messageId });
    return removed.length;
  }
}
