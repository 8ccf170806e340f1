import type { EventRepository } from '../../db/repositories/event-repository.js';
import type { EventType, RecordedEvent } from '../../events/event-types.js';

export interface HistoryQuery {
  types?: EventType[];
  libraryId?: string;
  titleId?: string;
  requestId?: string;
  itemId?: string;
  since?: Date;
  until?: Date;
  before?: number;
  limit: number;
}

/** The durable feed of what happened, newest first, a page at a time. */
export class HistoryService {
  constructor(private readonly events: EventRepository) {}

  async page(query: HistoryQuery): Promise<{ events: RecordedEvent[]; nextBefore: number | null }> {
    const events = await this.events.history({ ...query, beforeId: query.before });
    return { events, nextBefore: events.length === query.limit ? events.at(-1)!.id : null };
  }
}
