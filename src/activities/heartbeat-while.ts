import { Context } from '@temporalio/activity';

/**
 * How often a long activity tells Temporal it is alive. Every heartbeating activity has a heartbeat timeout
 * of 15–30 seconds, so a worker that dies mid-activity is noticed within that, not at the start-to-close
 * timeout (docs/architecture.md, "Timeouts").
 */
export const HEARTBEAT_EVERY_MS = 5_000;

/** Runs `work` while heartbeating on a timer, for activities whose work has no natural progress points. */
export async function heartbeatWhile<T>(work: () => Promise<T>, details?: () => unknown): Promise<T> {
  const context = Context.current();
  const ticker = setInterval(() => context.heartbeat(details?.()), HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(ticker);
  }
}
