import { executeChild, ParentClosePolicy } from '@temporalio/workflow';
import type { ScheduledRunInput, ScheduledRunResult } from '../contracts/scheduled-run.js';
import { startSearchAttributes } from '../contracts/workflows.js';

/**
 * What every schedule starts. A Schedule names its runs `<schedule id>-<time>`, so the work itself runs as
 * a child under its business-key id: a scheduled scan of a library is `scan/<libraryId>`, exactly like a
 * scan started through the API, and the server refuses a second one while one runs. This run waits for
 * the child, so the schedule's overlap policy (SKIP) covers the whole of the work.
 */
export async function scheduledRun(input: ScheduledRunInput): Promise<ScheduledRunResult> {
  try {
    await executeChild(input.workflowType, {
      workflowId: input.workflowId,
      args: input.args,
      // Found in the Web UI as a scan or sync started through the API is (`ReelflowLibraryId`, …).
      typedSearchAttributes: startSearchAttributes(input.workflowType, input.args[0] as never),
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      // Cancelling or terminating the tick must not take a scan or sync down halfway.
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    return { workflowId: input.workflowId, outcome: 'completed' };
  } catch (err) {
    // @temporalio/workflow does not re-export the error class; its name is part of the SDK's contract.
    if (err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError')
      return { workflowId: input.workflowId, outcome: 'already-running' };
    throw err;
  }
}
