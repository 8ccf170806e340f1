import type { PipelineStep } from '../contracts/request.js';
import type { ItemStatusCondition } from '../db/repositories/request-list-repository.js';
import { processingItemStatuses, type ProcessingItemStatus } from '../db/schema/index.js';

/**
 * Where an item stands, read from its row alone so that a list can filter and show it without asking each
 * item's workflow: the pipeline step it is in, and what it waits for. They are the values the workflow's
 * `state` query gives while the row's status holds (`step` as is; `waitingFor` named for a query string).
 */

export const itemSteps = ['air-date', 'search', 'approval', 'download', 'encode', 'deliver', 'done'] as const;
export type ItemStep = (typeof itemSteps)[number];

/**
 * - `airDate`: AWAITING, the episode has not aired yet (a timer; search-now ends it).
 * - `release`: SEARCHING, no acceptable release yet; searched again with back-off (search-now ends it).
 * - `approval`: FOUND under a request that requires approval; a person approves or rejects.
 * - `encoder`: DOWNLOADED, waiting for a free encoder slot.
 * - `retry`: FAILED, a person retries or cancels.
 */
export const itemWaits = ['airDate', 'release', 'approval', 'encoder', 'retry'] as const;
export type ItemWait = (typeof itemWaits)[number];

const STEP_OF_STATUS: Record<Exclude<ProcessingItemStatus, 'FAILED'>, ItemStep> = {
  PENDING: 'air-date',
  AWAITING: 'air-date',
  SEARCHING: 'search',
  FOUND: 'approval',
  DOWNLOADING: 'download',
  // Once downloaded the workflow is in its encode step, waiting for an encoder to take the item.
  DOWNLOADED: 'encode',
  ENCODING: 'encode',
  ENCODED: 'deliver',
  DELIVERING: 'deliver',
  COMPLETED: 'done',
  CANCELLED: 'done',
};

/** The step: the status's, or for a FAILED item the step it failed in (where a retry resumes). */
export function itemStep(status: ProcessingItemStatus, failedStep: string | null): ItemStep {
  if (status !== 'FAILED') return STEP_OF_STATUS[status];
  return (itemSteps as readonly string[]).includes(failedStep ?? '') ? (failedStep as PipelineStep) : 'search';
}

export function itemWaitingFor(status: ProcessingItemStatus, requireApproval: boolean): ItemWait | null {
  switch (status) {
    case 'AWAITING':
      return 'airDate';
    case 'SEARCHING':
      return 'release';
    case 'FOUND':
      return requireApproval ? 'approval' : null;
    case 'DOWNLOADED':
      return 'encoder';
    case 'FAILED':
      return 'retry';
    default:
      return null;
  }
}

const PIPELINE_STEPS = itemSteps.filter((s): s is PipelineStep => s !== 'done');

/**
 * Row conditions that select the items in any of the given steps and waits (each optional): every status,
 * with the failed steps and the request's approval setting where they decide. Built by trying every
 * combination, so the filter can never disagree with `itemStep` and `itemWaitingFor`.
 */

export function itemStageConditions(steps?: readonly ItemStep[], waits?: readonly ItemWait[]): ItemStatusCondition[] {
  const wanted = (status: ProcessingItemStatus, failedStep: PipelineStep | null, requireApproval: boolean) =>
    (!steps || steps.includes(itemStep(status, failedStep))) &&
    (!waits || waits.some((w) => w === itemWaitingFor(status, requireApproval)));
  const conditions: ItemStatusCondition[] = [];
  for (const status of processingItemStatuses) {
    if (status === 'FAILED') {
      const failedSteps = PIPELINE_STEPS.filter((step) => wanted(status, step, false));
      if (failedSteps.length === PIPELINE_STEPS.length) conditions.push({ status });
      else if (failedSteps.length > 0) conditions.push({ status, failedSteps });
    } else {
      const approvals = [true, false].filter((requireApproval) => wanted(status, null, requireApproval));
      if (approvals.length === 2) conditions.push({ status });
      else if (approvals.length === 1) conditions.push({ status, requireApproval: approvals[0]! });
    }
  }
  return conditions;
}

/** The step and the wait of one item row. */
export function itemStage(
  item: { status: ProcessingItemStatus; failedStep: string | null },
  requireApproval: boolean,
): { step: ItemStep; waitingFor: ItemWait | null } {
  return { step: itemStep(item.status, item.failedStep), waitingFor: itemWaitingFor(item.status, requireApproval) };
}
