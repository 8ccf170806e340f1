import { Context } from '@temporalio/activity';

/**
 * Attempts of an activity that throw a provider's passing failure (429, 5xx, timeout) for Temporal to retry
 * after its back-off or the provider's Retry-After; from this attempt on, the failure is reported as that
 * provider's part of the answer and the work goes on with the other providers.
 */
const ATTEMPTS_RETRYING_PASSING_FAILURES = 3;

/** Whether the running activity (if any) still retries a provider's passing failure; false outside activities. */
export function retriesPassingProviderFailures(): boolean {
  let attempt: number;
  try {
    attempt = Context.current().info.attempt;
  } catch {
    return false;
  }
  return attempt <= ATTEMPTS_RETRYING_PASSING_FAILURES;
}
