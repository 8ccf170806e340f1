/**
 * What Reelflow tells people about, durably (the history feed, GET /api/history) and live (the event
 * stream, GET /api/events). History events say what happened once; live events say how far something
 * running has come and are kept only a day, long enough for a client that reconnects to catch up.
 */
export const HISTORY_EVENT_TYPES = [
  'scan.finished',
  'title.added',
  'title.updated',
  'title.removed',
  'webhook.received',
  'release.grabbed',
  'item.downloaded',
  'item.encoded',
  'item.delivered',
  'item.completed',
  'item.failed',
  'item.cancelled',
  'item.approved',
  'item.rejected',
  'item.release-selected',
  'notification.sent',
  'notification.failed',
] as const;

export const LIVE_EVENT_TYPES = ['scan.progress', 'item.status', 'item.progress', 'pipeline.phase'] as const;

export type HistoryEventType = (typeof HISTORY_EVENT_TYPES)[number];
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];
export type EventType = HistoryEventType | LiveEventType;

export const isHistoryEvent = (type: EventType): type is HistoryEventType => (HISTORY_EVENT_TYPES as readonly string[]).includes(type);

/** What an event is about; every field optional, each one a filter of the feed. */
export interface EventSubjects {
  libraryId?: string | null;
  titleKind?: 'movie' | 'show' | 'episode' | null;
  titleId?: string | null;
  requestId?: string | null;
  itemId?: string | null;
}

export interface NewEvent extends EventSubjects {
  type: EventType;
  /** One sentence a person reads: "Added: Heat (1995)". */
  summary: string;
  data?: Record<string, unknown>;
  /**
   * The event's identity when what causes it can run twice (a retried activity): a second record with the
   * same key is dropped. Null for things that happen once by nature.
   */
  dedupeKey?: string | null;
}

export interface RecordedEvent extends Required<Omit<NewEvent, 'dedupeKey' | 'data'>> {
  id: number;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** The Postgres channel events are announced on; every API process listens to it. */
export const EVENTS_CHANNEL = 'reelflow_events';
