import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { ProcessingItemStatus } from '../../db/schema/index.js';
import { episodeStateQuery, itemWorkflowId, type EpisodeState } from '../../contracts/request.js';
import { itemUpgradeStateQuery, itemUpgradeWorkflowId } from '../../contracts/item-upgrade.js';

export interface ItemLiveDetail {
  step: EpisodeState['step'];
  waitingFor: string | null;
  waitUntil: string | null;
  /** The running activity (awaitDownload, encodeItem, ...) and what its last heartbeat said. */
  activity: {
    type: string;
    attempt: number;
    percent: number | null;
    bytesPerSecond: number | null;
    speed: number | null;
    state: string | null;
  } | null;
  /**
   * Set while the step's activity failed and Temporal retries it within the step retry window: what the
   * last attempt failed with, and until when it is retried before the item becomes FAILED.
   */
  retrying: {
    step: EpisodeState['step'];
    attempt: number;
    lastError: string;
    /** The end of the window (ISO); null for an activity bounded by attempts rather than time. */
    until: string | null;
  } | null;
}

const FINISHED: ProcessingItemStatus[] = ['COMPLETED', 'CANCELLED'];

interface FailureChain {
  message?: string | null;
  cause?: FailureChain | null;
}

/** What a person should read of a failure: its innermost message, as the workflow's `rootMessage` gives it. */
function innermostMessage(failure: FailureChain | null | undefined): string | null {
  if (!failure) return null;
  return innermostMessage(failure.cause) ?? failure.message ?? null;
}

function isoOf(timestamp: { seconds?: unknown; nanos?: number | null } | null | undefined): string | null {
  if (!timestamp?.seconds) return null;
  return new Date(Number(timestamp.seconds) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6)).toISOString();
}

/**
 * Live detail of an active item: its workflow's `state` query (step, what it waits for) and the heartbeat
 * of the activity it runs (download % and speed, encode % and speed). Null for finished items or when the
 * workflow cannot be reached; the processing_items row is the record either way. An item looking for an
 * upgrade (`upgradeUntil` set) answers from its itemUpgrade workflow: waiting for `upgrade`, or taking one.
 */
export async function itemLiveDetail(
  temporal: Client,
  itemId: string,
  status: ProcessingItemStatus,
  upgradeUntil: Date | null = null,
): Promise<ItemLiveDetail | null> {
  if (FINISHED.includes(status) && !upgradeUntil) return null;
  const handle = temporal.workflow.getHandle(upgradeUntil ? itemUpgradeWorkflowId(itemId) : itemWorkflowId(itemId));
  try {
    const [state, description] = await Promise.all([stateOf(handle, upgradeUntil !== null), handle.describe()]);
    const pending = description.raw.pendingActivities?.[0];
    let activity: ItemLiveDetail['activity'] = null;
    let retrying: ItemLiveDetail['retrying'] = null;
    if (pending) {
      const payload = pending.heartbeatDetails?.payloads?.[0];
      const details = (payload ? defaultPayloadConverter.fromPayload(payload) : {}) as {
        percent?: number;
        bytesPerSecond?: number;
        speed?: number | null;
        state?: string;
      };
      activity = {
        type: pending.activityType?.name ?? 'unknown',
        attempt: pending.attempt ?? 1,
        percent: details.percent ?? null,
        bytesPerSecond: details.bytesPerSecond ?? null,
        speed: details.speed ?? null,
        state: details.state ?? null,
      };
      const lastError = innermostMessage(pending.lastFailure);
      if (lastError !== null && (pending.attempt ?? 1) > 1)
        retrying = { step: state.step, attempt: pending.attempt!, lastError, until: isoOf(pending.expirationTime) };
    }
    return { step: state.step, waitingFor: state.waitingFor, waitUntil: state.waitUntil, activity, retrying };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    // A query needs a worker; without one the stored row still answers.
    return null;
  }
}

async function stateOf(handle: WorkflowHandle, upgrading: boolean): Promise<Pick<ItemLiveDetail, 'step' | 'waitingFor' | 'waitUntil'>> {
  if (upgrading) {
    const upgrade = await handle.query(itemUpgradeStateQuery);
    return { step: upgrade.release ? 'download' : 'done', waitingFor: upgrade.waitingFor, waitUntil: upgrade.waitUntil };
  }
  const state = await handle.query(episodeStateQuery);
  return { step: state.step, waitingFor: state.waitingFor, waitUntil: state.waitUntil };
}
