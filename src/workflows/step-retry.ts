import type { ActivityOptions } from '@temporalio/workflow';
import { DEFAULT_STEP_RETRY_WINDOW_MS, type PipelineTimings } from '../contracts/request.js';

/** The back-off between attempts of a step: 1 s, doubling, at most 5 minutes apart. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 5 * 60_000;

/** The step retry window a run uses; runs started before it was configured get the default. */
export const stepRetryWindowOf = (timings: PipelineTimings): number => timings.stepRetryWindowMs ?? DEFAULT_STEP_RETRY_WINDOW_MS;

/**
 * Options of a step's short activity (a search, adding a torrent, a delivery): Temporal retries it with
 * back-off until `windowMs` after its first attempt (the schedule-to-close timeout), and the item becomes
 * FAILED only then, with the last attempt's error. A failure of one of `finalTypes` (or thrown
 * non-retryable) ends it at once. The window also bounds the attempts themselves: a delivery's copy must
 * fit in it. A window of 0 means one attempt.
 */
export function retriedForWindow(
  windowMs: number,
  attempt: Pick<ActivityOptions, 'startToCloseTimeout' | 'heartbeatTimeout'>,
  finalTypes: string[],
): ActivityOptions {
  const retry = {
    initialInterval: FIRST_RETRY_MS,
    backoffCoefficient: 2,
    maximumInterval: MAX_RETRY_MS,
    nonRetryableErrorTypes: finalTypes,
  };
  if (windowMs <= 0) return { ...attempt, retry: { ...retry, maximumAttempts: 1 } };
  return { ...attempt, scheduleToCloseTimeout: windowMs, retry };
}

/**
 * For a long-running activity (following a download for days), whose lifetime a schedule-to-close timeout
 * cannot bound: the number of attempts whose back-offs add up to the window, so quick failures in a row (an
 * unreachable qBittorrent) are retried for about the window, and a download that failed once after days
 * still gets its retries.
 */
export function attemptsWithin(windowMs: number): number {
  let attempts = 1;
  let waited = 0;
  for (let next = FIRST_RETRY_MS; waited + next <= windowMs; next = Math.min(next * 2, MAX_RETRY_MS)) {
    waited += next;
    attempts++;
  }
  return attempts;
}
