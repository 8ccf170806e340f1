import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';
import { events, type EventRow } from '../schema/index.js';
import { EVENTS_CHANNEL, isHistoryEvent, type EventType, type NewEvent, type RecordedEvent } from '../../events/event-types.js';

/** A NOTIFY payload must stay under 8,000 bytes; a larger event is announced by id and read by the listener. */
const NOTIFY_PAYLOAD_LIMIT = 7_500;

export interface HistoryFilter {
  libraryId?: string;
  titleId?: string;
  requestId?: string;
  itemId?: string;
  types?: EventType[];
  since?: Date;
  until?: Date;
  /** Events older than this id (the next page of a newest-first listing). */
  beforeId?: number;
  limit: number;
}

export class EventRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records an event and announces it on the events channel in one statement, so listeners hear of it
   * exactly when it is committed. An event whose dedupe key was recorded before is dropped: nothing is
   * inserted and nothing announced. Returns the recorded event, or undefined when it was a repeat.
   */
  async record(event: NewEvent): Promise<RecordedEvent | undefined> {
    const history = isHistoryEvent(event.type);
    const rows = await this.db.execute<{ id: string }>(sql`
      with recorded as (
        insert into ${events} (type, history, library_id, title_kind, title_id, request_id, item_id, summary, data, dedupe_key)
        values (${event.type}, ${history}, ${event.libraryId ?? null}, ${event.titleKind ?? null}, ${event.titleId ?? null},
                ${event.requestId ?? null}, ${event.itemId ?? null}, ${event.summary}, ${JSON.stringify(event.data ?? {})}::jsonb, ${event.dedupeKey ?? null})
        on conflict (dedupe_key) do nothing
        returning *
      ), payload as (
        select id, json_build_object(
          'id', id, 'occurredAt', occurred_at, 'type', type, 'libraryId', library_id, 'titleKind', title_kind, 'titleId', title_id,
          'requestId', request_id, 'itemId', item_id, 'summary', summary, 'data', data)::text as json
        from recorded
      )
      select id, pg_notify(${EVENTS_CHANNEL}, case when length(json) <= ${NOTIFY_PAYLOAD_LIMIT} then json else json_build_object('id', id)::text end), json
      from payload`);
    const row = rows[0] as { id: string; json: string } | undefined;
    if (!row) return undefined;
    const recorded = JSON.parse(row.json) as RecordedEvent;
    return { ...recorded, occurredAt: new Date(recorded.occurredAt).toISOString() };
  }

  async get(id: number): Promise<RecordedEvent | undefined> {
    const [row] = await this.db.select().from(events).where(eq(events.id, id));
    return row ? toRecorded(row) : undefined;
  }

  /** Every event after `afterId`, oldest first: what a client reconnecting with Last-Event-ID missed. */
  async after(afterId: number, limit: number): Promise<RecordedEvent[]> {
    const rows = await this.db.select().from(events).where(gt(events.id, afterId)).orderBy(asc(events.id)).limit(limit);
    return rows.map(toRecorded);
  }

  /** The history feed, newest first. */
  async history(filter: HistoryFilter): Promise<RecordedEvent[]> {
    const where: SQL[] = [eq(events.history, true)];
    if (filter.libraryId) where.push(eq(events.libraryId, filter.libraryId));
    if (filter.titleId) where.push(eq(events.titleId, filter.titleId));
    if (filter.requestId) where.push(eq(events.requestId, filter.requestId));
    if (filter.itemId) where.push(eq(events.itemId, filter.itemId));
    if (filter.types && filter.types.length > 0) where.push(inArray(events.type, filter.types));
    if (filter.since) where.push(gte(events.occurredAt, filter.since));
    if (filter.until) where.push(lte(events.occurredAt, filter.until));
    if (filter.beforeId !== undefined) where.push(lt(events.id, filter.beforeId));
    const rows = await this.db
      .select()
      .from(events)
      .where(and(...where))
      .orderBy(desc(events.id))
      .limit(filter.limit);
    return rows.map(toRecorded);
  }

  /** History older than `historyBefore` and live events older than `liveBefore`. */
  async prune(historyBefore: Date, liveBefore: Date): Promise<number> {
    const removed = await this.db
      .delete(events)
      .where(
        or(
          and(eq(events.history, true), lt(events.occurredAt, historyBefore)),
          and(eq(events.history, false), lt(events.occurredAt, liveBefore)),
        ),
      )
      .returning({ id: events.id });
    return removed.length;
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    type: row.type,
    libraryId: row.libraryId,
    titleKind: row.titleKind,
    titleId: row.titleId,
    requestId: row.requestId,
    itemId: row.itemId,
    summary: row.summary,
    data: row.data,
  };
}
