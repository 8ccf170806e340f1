import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { iptvSyncWorkflowId } from '../../contracts/iptv.js';
import { startWorkflow } from '../../contracts/workflows.js';

export interface StartedSync {
  syncId: string;
  workflowId: string;
  alreadyRunning: boolean;
}

/** Starts iptvSync for a provider, or answers with the run already going (scheduled or not). */
export async function startIptvSync(temporal: Client, taskQueue: string, providerId: string): Promise<StartedSync> {
  const workflowId = iptvSyncWorkflowId(providerId);
  try {
    const handle = await startWorkflow(temporal, 'iptvSync', {
      taskQueue,
      workflowId,
      args: [{ providerId }],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    return { syncId: handle.firstExecutionRunId, workflowId, alreadyRunning: false };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const description = await temporal.workflow.getHandle(workflowId).describe();
    return { syncId: description.raw.workflowExecutionInfo?.firstRunId || description.runId, workflowId, alreadyRunning: true };
  }
}
