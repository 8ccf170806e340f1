import { proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { NotifyActivities } from '../activities/notify.js';
import type { PipelineActivities } from '../activities/pipeline.js';
import { TITLE_NOT_FOUND } from '../contracts/failures.js';
import { priorityKeys } from '../contracts/providers.js';
import { pipelineTaskQueue } from '../contracts/task-queues.js';
import type { FetchPriority } from '../contracts/providers.js';

/** The title pipeline's activities, with the timeouts and retries of each kind. */
export function pipelineActivityProxies(fetchPriority: FetchPriority) {
  const priority = { priorityKey: priorityKeys[fetchPriority] };
  return {
    // One indexed read or write each: run in the workflow's own worker as local activities, which saves a
    // server round trip and history events.
    quick: proxyLocalActivities<PipelineActivities>({
      startToCloseTimeout: '30 seconds',
      retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10, nonRetryableErrorTypes: [TITLE_NOT_FOUND] },
    }),
    // The notification plan and the players' signal-with-start: a read and a call to the Temporal server.
    notifyQuick: proxyLocalActivities<NotifyActivities>({
      startToCloseTimeout: '15 seconds',
      retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
    }),
    // Provider fetches wait behind the provider pacer; downloads take their time.
    slow: proxyActivities<PipelineActivities>({
      taskQueue: pipelineTaskQueue(workflowInfo().taskQueue),
      // Long (a cold enrichment waits on rate-limited providers and downloads artwork) but heartbeating every
      // few seconds: a worker that dies mid-pass is noticed within the heartbeat timeout, not half an hour.
      startToCloseTimeout: '30 minutes',
      heartbeatTimeout: '20 seconds',
      priority,
      retry: { initialInterval: '2 seconds', maximumInterval: '2 minutes', maximumAttempts: 10, nonRetryableErrorTypes: [TITLE_NOT_FOUND] },
    }),
  };
}

export type PipelineActivityProxies = ReturnType<typeof pipelineActivityProxies>;
