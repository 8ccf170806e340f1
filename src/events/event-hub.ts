import type { EventRepository } from '../db/repositories/event-repository.js';
import type { Sql } from '../db/client.js';
import { EVENTS_CHANNEL, type RecordedEvent } from './event-types.js';

type Listener = (event: RecordedEvent) => void;

/** How many missed events one reconnecting client is sent at most; older ones are in GET /api/history. */
export const REPLAY_LIMIT = 1_000;

/**
 * One API process's ear on the events channel. Workers record events in Postgres and announce them with
 * NOTIFY in the same statement; every API process LISTENs on one connection and hands each event to its
 * own live clients. Postgres is the one thing every worker and API process already shares, it delivers a
 * notification only once its transaction commits, and the events table behind it lets a client that comes
 * back with Last-Event-ID catch up whichever API process it reaches.
 */
export class EventHub {
  private readonly listeners = new Set<Listener>();
  private unlisten: (() => Promise<void>) | undefined;
  private started: Promise<void> | undefined;
  private lastSeenId = 0;

  constructor(
    private readonly sql: Sql,
    private readonly events: EventRepository,
  ) {}

  /**
   * Listens from the first client on: an API that no one watches holds no extra connection, and one started
   * while Postgres is down still starts (its health check says so). A failed start is tried again by the
   * next client.
   */
  listening(): Promise<void> {
    this.started ??= this.sql
      .listen(
        EVENTS_CHANNEL,
        (payload) => void this.onNotification(payload),
        // Called again after postgres.js re-established a dropped connection: what was announced meanwhile is
        // read back from the table.
        () => void this.catchUp(),
      )
      .then(
        (subscription) => {
          this.unlisten = subscription.unlisten;
        },
        (error: unknown) => {
          this.started = undefined;
          throw error;
        },
      );
    return this.started;
  }

  async stop(): Promise<void> {
    await this.unlisten?.().catch(() => undefined);
    this.listeners.clear();
  }

  /**
   * Live events from now on, after those recorded since `afterId` (a reconnecting client's Last-Event-ID).
   * Events announced while the missed ones are read are held back and then sent, each once, in order.
   */
  async subscribe(listener: Listener, afterId?: number): Promise<() => void> {
    await this.listening();
    let replaying = afterId !== undefined;
    const held: RecordedEvent[] = [];
    // What the table gave: an event both read back and announced live is sent once.
    const replayed = new Set<number>();
    const live: Listener = (event) => {
      if (replaying) held.push(event);
      else if (!replayed.has(event.id)) listener(event);
    };
    this.listeners.add(live);
    if (afterId !== undefined) {
      for (const event of await this.events.after(afterId, REPLAY_LIMIT)) {
        replayed.add(event.id);
        listener(event);
      }
      replaying = false;
      for (const event of held.splice(0)) live(event);
    }
    return () => this.listeners.delete(live);
  }

  get clients(): number {
    return this.listeners.size;
  }

  private async onNotification(payload: string): Promise<void> {
    let event: RecordedEvent | undefined;
    try {
      const announced = JSON.parse(payload) as Partial<RecordedEvent> & { id: number };
      // Too large for a notification: announced by id, read from the table.
      event = announced.type === undefined ? await this.events.get(announced.id) : normalise(announced as RecordedEvent);
    } catch {
      return; // not one of ours
    }
    if (event) this.dispatch(event);
  }

  private async catchUp(): Promise<void> {
    if (this.lastSeenId === 0) return;
    for (const event of await this.events.after(this.lastSeenId, REPLAY_LIMIT)) this.dispatch(event);
  }

  private dispatch(event: RecordedEvent): void {
    this.lastSeenId = Math.max(this.lastSeenId, event.id);
    for (const listener of this.listeners) listener(event);
  }
}

/** Postgres writes timestamps in its own format inside JSON; clients get ISO 8601 like everywhere else. */
export function normalise(event: RecordedEvent): RecordedEvent {
  return { ...event, occurredAt: new Date(event.occurredAt).toISOString() };
}
