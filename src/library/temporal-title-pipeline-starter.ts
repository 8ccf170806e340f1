import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { priorityKeys } from '../workflows/provider-definitions.js';
import { titlePipelineWorkflowId, titlePipelineWorkflowType, type TitlePipelineInput } from '../workflows/title-pipeline-definitions.js';

const pipelineInput = z
  .object({
    kind: z.enum(['movie', 'show']),
    titleId: z.uuid(),
    priority: z.enum(['user', 'background']),
    event: z.enum(['added', 'updated']),
    reason: z.string().min(1).max(500),
    announce: z.boolean().optional(),
  })
  .strict();

export interface StartedPipeline {
  workflowId: string;
  runId: string;
}

/**
 * Starts a title's pipeline through Temporal. The workflow id is the title's and a running pipeline is
 * joined (USE_EXISTING), so a title already in its pipeline is never started twice, whoever asks — a
 * scan, a person, a webhook. The priority key puts a person's or a webhook's title ahead of a scan's.
 */
export class TemporalTitlePipelineStarter {
  constructor(
    private readonly temporal: Client,
    private readonly taskQueue: string,
  ) {}

  async start(input: TitlePipelineInput): Promise<StartedPipeline> {
    const parsed = pipelineInput.parse(input);
    const workflowId = titlePipelineWorkflowId(parsed.kind, parsed.titleId);
    const handle = await this.temporal.workflow.start(titlePipelineWorkflowType[parsed.kind], {
      taskQueue: this.taskQueue,
      workflowId,
      args: [parsed],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      priority: { priorityKey: priorityKeys[parsed.priority] },
    });
    return { workflowId, runId: handle.firstExecutionRunId };
  }
}

export type TitlePipelineStarter = Pick<TemporalTitlePipelineStarter, 'start'>;
