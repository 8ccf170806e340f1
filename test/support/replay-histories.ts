import { Worker, type ReplayResult } from '@temporalio/worker';
import { inject } from 'vitest';

/**
 * Replays workflow histories against the bundle this test run built (global setup), one result per history:
 * a determinism error is in its `error`, so a test can name every history that no longer replays.
 */
export async function replayHistories(histories: { workflowId: string; history: unknown }[]): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  const options = { workflowBundle: { codePath: inject('workflowBundlePath') } };
  for await (const result of Worker.runReplayHistories(options, histories)) results.push(result);
  return results;
}
