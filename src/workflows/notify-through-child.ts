import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { executeChild } from '@temporalio/workflow';
import { notifyTitleWorkflowId, type NotifyTitleInput } from '../contracts/notify.js';
import { startSearchAttributes } from '../contracts/workflows.js';
import { notifyTitle } from './notify-title.js';

/**
 * Tells people (and players after a delay) of one published change through the notifyTitle child: its id
 * names the change (notify/<kind>/<id>/change-<seq>) and a closed one is never started again, so the change
 * is announced once even if a pass for it ran twice, and its sends retry for their window in a history of
 * their own.
 */
export async function notifyThroughChild(notification: NotifyTitleInput): Promise<void> {
  try {
    await executeChild(notifyTitle, {
      workflowId: notifyTitleWorkflowId(notification),
      args: [notification],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: startSearchAttributes('notifyTitle', notification),
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
