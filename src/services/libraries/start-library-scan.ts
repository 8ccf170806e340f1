import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { libraryScanWorkflowId } from '../../contracts/scan.js';
import { startWorkflow } from '../../contracts/workflows.js';

export interface StartedScan {
  scanId: string;
  workflowId: string;
  alreadyRunning: boolean;
}

/**
 * Starts `libraryScan` for a library, or answers with the one already running: the workflow id is the
 * library's, so the server refuses a second run. The scan id is the first run id of the workflow chain,
 * which continue-as-new keeps, so for a running scan it is read from the server.
 */
export async function startLibraryScan(temporal: Client, taskQueue: string, libraryId: string): Promise<StartedScan> {
  const workflowId = libraryScanWorkflowId(libraryId);
  try {
    const handle = await startWorkflow(temporal, 'libraryScan', {
      taskQueue,
      workflowId,
      args: [{ libraryId }],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    return { scanId: handle.firstExecutionRunId, workflowId, alreadyRunning: false };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const description = await temporal.workflow.getHandle(workflowId).describe();
    const scanId = description.raw.workflowExecutionInfo?.firstRunId || description.runId;
    return { scanId, workflowId, alreadyRunning: true };
  }
}
