import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { webhookEvents, type WebhookEventRow } from '../schema/index.js';

export type WebhookSource = WebhookEventRow['source'];

export interface WebhookEventToRecord {
  source: WebhookSource;
  eventType: string;
  eventKey: string;
  outcome: string;
  detail: Record<string, unknown>;
}

/** Radarr/Sonarr deliveries accepted, one row per delivery (source + event key), and what each led to. */
export class WebhookEventRepository {
  constructor(private readonly db: Database) {}

  async isRecorded(source: WebhookSource, eventKey: string): Promise<boolean> {
    const rows = await this.db
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.source, source), eq(webhookEvents.eventKey, eventKey)));
    return rows.length > 0;
  }

  /** True when this delivery is new; a repeated one keeps its first row. */
  async record(event: WebhookEventToRecord): Promise<boolean> {
    const rows = await this.db.insert(webhookEvents).values(event).onConflictDoNothing().returning({ id: webhookEvents.id });
    return rows.length > 0;
  }

  latest(limit: number): Promise<WebhookEventRow[]> {
    return this.db.select().from(webhookEvents).orderBy(desc(webhookEvents.receivedAt)).limit(limit);
  }
}
