import { Context } from '@temporalio/activity';
import type { EventRepository } from '../db/repositories/event-repository.js';
import type { RequestRepository } from '../db/repositories/request-repository.js';
import type { ProcessingItemStatus } from '../db/schema/requests.js';
import type { EventType, NewEvent, RecordedEvent } from './event-types.js';

/** The history event an item's transition is, when it is one (other transitions are live only). */
const ITEM_HISTORY: Partial<Record<ProcessingItemStatus, { type: EventType; verb: string }>> = {
  DOWNLOADING: { type: 'release.grabbed', verb: 'Grabbed' },
  DOWNLOADED: { type: 'item.downloaded', verb: 'Downloaded' },
  ENCODED: { type: 'item.encoded', verb: 'Encoded' },
  COMPLETED: { type: 'item.delivered', verb: 'Delivered' },
  FAILED: { type: 'item.failed', verb: 'Failed' },
  CANCELLED: { type: 'item.cancelled', verb: 'Cancelled' },
};

/**
 * Writes what happened into the events table, named for people: the one place that turns a transition or a
 * send into a history entry or a live event. Inside an activity, an event's identity is the activity that
 * recorded it (workflow, run, activity id), so a retried attempt records nothing twice.
 */
const ITEM_NAMES_KEPT = 1_000;

export class EventRecorder {
  /** Items' names by id: an item's request and episode never change, and progress is recorded every few seconds. */
  private readonly itemNames = new Map<string, { requestId: string; name: string }>();

  constructor(
    private readonly events: EventRepository,
    private readonly requests?: RequestRepository,
  ) {}

  record(event: NewEvent): Promise<RecordedEvent | undefined> {
    return this.events.record(event);
  }

  /** An item moved: a live `item.status`, and a history entry when the step is one people follow. */
  async itemTransition(
    itemId: string,
    status: ProcessingItemStatus,
    detail: { release?: string | null; error?: string | null; step?: string | null } = {},
  ): Promise<void> {
    const item = await this.describeItem(itemId);
    if (!item) return;
    const subjects = { requestId: item.requestId, itemId };
    await this.events.record({
      ...subjects,
      type: 'item.status',
      summary: `${item.name}: ${status}`,
      data: { status },
      dedupeKey: activityKey('status'),
    });
    const history = ITEM_HISTORY[status];
    // DOWNLOADING without a release is a retried download resuming, not a grab.
    if (!history || (status === 'DOWNLOADING' && !detail.release)) return;
    const what =
      status === 'DOWNLOADING'
        ? `${item.name}: ${detail.release}`
        : status === 'FAILED'
          ? `${item.name} at ${detail.step ?? 'a step'}: ${detail.error ?? 'no reason given'}`
          : item.name;
    await this.events.record({
      ...subjects,
      type: history.type,
      summary: `${history.verb} ${what}`,
      data: {
        status,
        ...(detail.release ? { release: detail.release } : {}),
        ...(detail.error ? { error: detail.error } : {}),
        ...(detail.step ? { step: detail.step } : {}),
      },
      dedupeKey: activityKey(history.type),
    });
  }

  /** Download or encode progress (0–100), live only. */
  async itemProgress(itemId: string, step: 'download' | 'encode', percent: number): Promise<void> {
    const item = await this.describeItem(itemId);
    if (!item) return;
    await this.events.record({
      requestId: item.requestId,
      itemId,
      type: 'item.progress',
      summary: `${item.name}: ${step} ${Math.round(percent)} %`,
      data: { step, percent },
    });
  }

  private async describeItem(itemId: string): Promise<{ requestId: string; name: string } | undefined> {
    const known = this.itemNames.get(itemId);
    if (known) return known;
    const item = await this.requests?.describeItem(itemId);
    if (item) {
      // Items in flight are few; the oldest name goes once a long-lived worker has seen many.
      if (this.itemNames.size >= ITEM_NAMES_KEPT) this.itemNames.delete(this.itemNames.keys().next().value!);
      this.itemNames.set(itemId, item);
    }
    return item;
  }
}

/** The recording activity's identity plus what it records, or null outside an activity. */
export function activityKey(what: string): string | null {
  let info;
  try {
    info = Context.current().info;
  } catch {
    return null;
  }
  const run = info.workflowExecution;
  return run ? `${run.workflowId}/${run.runId}/${info.activityId}/${what}` : null;
}
