import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { priorityKeys } from '../contracts/providers.js';
import { titleImportWorkflowId, type TitleImportInput } from '../contracts/title-pipeline.js';
import { startWorkflow } from '../contracts/workflows.js';

/**
 * Starts the titleImport of one scan batch's new titles. The id names the scan and the batch (the folder key
 * the batch started after), and a closed import is never started again: a scan batch retried after its
 * import ran starts nothing, and one retried while it runs joins it.
 */
export class TemporalTitleImportStarter {
  constructor(
    private readonly temporal: Client,
    private readonly taskQueue: string,
  ) {}

  async start(input: TitleImportInput & { afterKey: string | null }): Promise<{ workflowId: string }> {
    const { afterKey, ...args } = input;
    const batch = afterKey === null ? 'first' : createHash('sha256').update(afterKey).digest('hex').slice(0, 16);
    const workflowId = titleImportWorkflowId(input.scanId, batch);
    try {
      await startWorkflow(this.temporal, 'titleImport', {
        taskQueue: this.taskQueue,
        workflowId,
        args: [args],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        priority: { priorityKey: priorityKeys.background },
        staticSummary: `${args.titles.length} new titles of a library scan`,
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    return { workflowId };
  }
}

export type TitleImportStarter = Pick<TemporalTitleImportStarter, 'start'>;
