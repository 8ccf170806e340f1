import { defineQuery } from '@temporalio/workflow';
import type { FetchPriority } from './provider-definitions.js';

/** Shared by the title pipelines and whoever starts them (scan, API, folderRefresh). No runtime imports beyond Temporal's. */

export type PipelineTitleKind = 'movie' | 'show';

export interface TitlePipelineInput {
  kind: PipelineTitleKind;
  /** movies.id or shows.id. */
  titleId: string;
  /** 'user' for a person's click or a webhook, 'background' for what a library scan found. */
  priority: FetchPriority;
  /** What happened to the title: a new one is announced as added. */
  event: 'added' | 'updated';
  /** Why, for the Temporal UI: "scan", "api refresh", "radarr Download". */
  reason: string;
  /** false: people (Discord, Pushover, e-mail) are not told, as for what a library's first scan finds; players still are. */
  announce?: boolean;
}

export type PipelinePhase = 'starting' | 'enrich' | 'publish' | 'notify' | 'completed';

export interface TitlePipelineState {
  phase: PipelinePhase;
  identification?: { status: 'identified' | 'unidentified'; reason: string };
  enriched?: { fieldsUpdated: number; actors: number; artworkSelected: number; artworkDownloaded: number; episodesUpdated: number; episodeThumbs: number; problems: string[] };
  published?: { written: string[]; unchanged: number };
}

export const titlePipelineStateQuery = defineQuery<TitlePipelineState>('state');

export const titlePipelineWorkflowType: Record<PipelineTitleKind, string> = { movie: 'moviePipeline', show: 'showPipeline' };

/** One pipeline per title at a time, whoever asks: the id is the title's. */
export const titlePipelineWorkflowId = (kind: PipelineTitleKind, titleId: string) => `${kind}/${titleId}`;

/**
 * The pipeline's own activities (identify, enrich, publish) run on a queue of their own: they wait on
 * providerFetch / providerSearch workflows, whose bookkeeping activities run on the main queue, so sharing
 * the main queue's slots could leave every slot waiting on work that no slot is free to do.
 */
export const pipelineTaskQueue = (mainTaskQueue: string) => `${mainTaskQueue}/pipeline`;
