import { patched, proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { FolderRefreshActivities } from '../activities/folder-refresh.js';
import type { FolderRefreshInput, RefreshedFolder } from '../contracts/folder-refresh.js';
import { priorityKeys } from '../contracts/providers.js';
import { checkWorkflowInput, folderRefreshInput } from '../contracts/workflow-input.js';
import {
  FOLDER_OUTSIDE_LIBRARY,
  INVALID_FOLDER_REFRESH_INPUT,
  LIBRARY_NOT_FOUND,
  UNSUPPORTED_LIBRARY_KIND,
} from '../contracts/failures.js';

const retry = {
  initialInterval: '1 second',
  maximumInterval: '1 minute',
  maximumAttempts: 10,
  nonRetryableErrorTypes: [LIBRARY_NOT_FOUND, UNSUPPORTED_LIBRARY_KIND, FOLDER_OUTSIDE_LIBRARY, INVALID_FOLDER_REFRESH_INPUT],
};

// A show folder with hundreds of episodes takes a while to probe: the scan heartbeats, so a worker that dies
// mid-folder is noticed within the heartbeat timeout.
const { scanOneFolder } = proxyActivities<FolderRefreshActivities>({
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '20 seconds',
  priority: { priorityKey: priorityKeys.user },
  retry,
});

// Two reads and one call to the Temporal server. Runs recorded before it was a local activity (the patch
// below) made it an activity task of its own: a round trip more on the path a webhook waits on.
const { startTitlePipeline } = proxyActivities<FolderRefreshActivities>({
  startToCloseTimeout: '15 seconds',
  priority: { priorityKey: priorityKeys.user },
  retry,
});
const local = proxyLocalActivities<FolderRefreshActivities>({ startToCloseTimeout: '15 seconds', retry });
const PIPELINE_START_LOCAL = 'folder-refresh-local-pipeline-start';

/**
 * One folder of a library changed: scan it as a library scan would → start (or join) its title's
 * pipeline. A folder that is gone marks its title removed instead.
 */
export async function folderRefresh(input: FolderRefreshInput): Promise<RefreshedFolder & { pipelineWorkflowId?: string }> {
  checkWorkflowInput('folderRefresh', folderRefreshInput, input);
  const refreshed = await scanOneFolder({ ...input, scanId: workflowInfo().firstExecutionRunId });
  if (refreshed.outcome !== 'scanned') return refreshed;
  const start = patched(PIPELINE_START_LOCAL) ? local.startTitlePipeline : startTitlePipeline;
  const { workflowId } = await start({ kind: refreshed.kind, titleId: refreshed.titleId, reason: input.reason });
  return { ...refreshed, pipelineWorkflowId: workflowId };
}
