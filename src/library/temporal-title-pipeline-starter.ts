import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { TitleChangeRepository } from '../db/repositories/title-change-repository.js';
import { priorityKeys } from '../contracts/providers.js';
import {
  titleChangedSignal,
  titlePipelineWorkflowId,
  titlePipelineWorkflowType,
  type PipelineTitleKind,
  type TitleChange,
} from '../contracts/title-pipeline.js';
import { signalWithStartWorkflow } from '../contracts/workflows.js';

const pipelineRequest = z
  .object({
    kind: z.enum(['movie', 'show']),
    titleId: z.uuid(),
    priority: z.enum(['user', 'background']),
    reason: z.string().min(1).max(500),
    announce: z.boolean().optional(),
  })
  .strict();

export type TitlePipelineRequest = z.input<typeof pipelineRequest>;

export interface EnsuredPipeline {
  workflowId: string;
  /** The change handed to the pipeline; absent when an earlier pass had already published the title's latest change. */
  seq?: number;
}

/**
 * Hands a title's latest change to its pipeline through Temporal, idempotently. The title's change_seq
 * says what is to be published and pipeline_seq what was (TitleChangeRepository): when nothing is
 * outstanding, nothing starts — so a start retried after its pipeline closed starts no second run. Otherwise
 * a signal-with-start gives the change to the running pipeline (one per title: the id is the title's) or
 * starts one; the pipeline ignores a change an earlier pass covered. The priority key puts a person's or a
 * webhook's title ahead of a scan's.
 */
export class TemporalTitlePipelineStarter {
  private readonly changes: TitleChangeRepository;

  constructor(
    private readonly temporal: Client,
    private readonly taskQueue: string,
    db: Database,
  ) {
    this.changes = new TitleChangeRepository(db);
  }

  /** A change already saved (a scan, a webhook's folder refresh) reaches the pipeline. */
  async ensure(request: TitlePipelineRequest): Promise<EnsuredPipeline> {
    const parsed = pipelineRequest.parse(request);
    const workflowId = titlePipelineWorkflowId(parsed.kind, parsed.titleId);
    const state = await this.changes.state(parsed.kind, parsed.titleId);
    if (!state || state.changeSeq <= state.pipelineSeq) return { workflowId };
    const change: TitleChange = { seq: state.changeSeq, ...(parsed.announce === false ? { announce: false } : {}) };
    await signalWithStartWorkflow(this.temporal, titlePipelineWorkflowType[parsed.kind], {
      taskQueue: this.taskQueue,
      workflowId,
      args: [{ kind: parsed.kind, titleId: parsed.titleId, priority: parsed.priority, reason: parsed.reason, change }],
      signal: titleChangedSignal,
      signalArgs: [change],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      priority: { priorityKey: priorityKeys[parsed.priority] },
    });
    return { workflowId, seq: change.seq };
  }

  /** A person's "refresh now": one more pass unless one is already outstanding, which it then joins. */
  async refresh(request: TitlePipelineRequest): Promise<EnsuredPipeline> {
    const parsed = pipelineRequest.parse(request);
    await this.changes.requestRefresh(parsed.kind, parsed.titleId);
    return this.ensure(parsed);
  }
}

export type TitlePipelineStarter = Pick<TemporalTitlePipelineStarter, 'ensure' | 'refresh'>;
export type { PipelineTitleKind };
