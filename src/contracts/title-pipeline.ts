import type { EnrichTitleResult } from '../library/enrich/title-enricher.js';
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { FetchPriority } from './providers.js';
import type { NotifyTitleInput } from './notify.js';

/** The phase settings a title pipeline reads once per run. */
export type { PhaseConfiguration } from '../config/phase-config.js';

/** Shared by the title pipelines and whoever starts them (scan, API, folderRefresh). No runtime imports beyond Temporal's. */

export type PipelineTitleKind = 'movie' | 'show';

export interface TitlePipelineInput {
  kind: PipelineTitleKind;
  /** movies.id or shows.id. */
  titleId: string;
  /** 'user' for a person's click or a webhook, 'background' for what a library scan found. */
  priority: FetchPriority;
  /** Why, for the Temporal UI: "scan", "api refresh", "radarr Download". */
  reason: string;
  /** The change that started the run; later ones arrive as `titleChanged` signals. */
  change?: TitleChange;
}

/**
 * A change of the title its pipeline must publish: the title's change_seq after it was saved. The run
 * publishes in passes; a change that arrives during a pass gets a pass of its own, and one that an earlier
 * pass already covered (a start retried after the fact) is ignored.
 */
export interface TitleChange {
  seq: number;
  /** false: people (Discord, Pushover, e-mail) are not told, as for what a library's first scan finds; players still are. */
  announce?: boolean;
}

export const titleChangedSignal = defineSignal<[TitleChange]>('titleChanged');

export type PipelinePhase = 'starting' | 'enrich' | 'publish' | 'notify' | 'completed';

/** What a pass announces: a title no pass has published yet is new. */
export type TitleEvent = 'added' | 'updated';

export interface TitlePipelineState {
  phase: PipelinePhase;
  /** The change_seq the current (or last) pass publishes, and how many passes this run made. */
  publishingSeq?: number;
  passes: number;
  identification?: { status: 'identified' | 'unidentified'; reason: string };
  enriched?: Omit<EnrichTitleResult, 'status'>;
  published?: { written: string[]; unchanged: number };
}

export const titlePipelineStateQuery = defineQuery<TitlePipelineState>('state');

export const titlePipelineWorkflowType = { movie: 'moviePipeline', show: 'showPipeline' } as const satisfies Record<
  PipelineTitleKind,
  string
>;

/** One pipeline per title at a time, whoever asks: the id is the title's. */
export const titlePipelineWorkflowId = (kind: PipelineTitleKind, titleId: string) => `${kind}/${titleId}`;

/** One pass of a title's pipeline in one activity (`runTitlePass`). */
export interface TitlePassInput {
  kind: PipelineTitleKind;
  titleId: string;
  priority: FetchPriority;
  /** Whether people are told of this pass (see TitleChange.announce). */
  announce: boolean;
  /** The run was started for a change: a pass that finds every change published already does nothing. */
  forChange: boolean;
}

export interface TitlePassResult {
  /** The change_seq this pass published (or found published). */
  changeSeq: number;
  /** An earlier run published everything: this pass did nothing. */
  covered?: true;
  identification?: { status: 'identified' | 'unidentified'; reason: string };
  enriched?: Omit<EnrichTitleResult, 'status'>;
  published?: { written: string[]; unchanged: number };
  /**
   * People, or players after a delay, are to be told: the workflow runs the notifyTitle child with this and
   * then records the pass (finishPipelinePass). Absent: the players were told and the pass is recorded.
   */
  notification?: NotifyTitleInput;
}

/**
 * A library scan's batch of new titles (never published), imported together by one titleImport workflow:
 * one activity runs each title's pass, instead of a pipeline run per title. A batch with fewer new titles
 * than TITLE_IMPORT_MIN_TITLES starts a pipeline per title, as every later change of a title does.
 */
export interface TitleImportInput {
  libraryId: string;
  /** The scan that found the titles (its first run id). */
  scanId: string;
  titles: { kind: PipelineTitleKind; titleId: string }[];
  /** false for a library's first scan: players are told, people are not. */
  announce: boolean;
}

export interface TitleImportResult {
  /** Titles this import published. */
  published: number;
  /** Titles another run had published already, or that no longer exist. */
  skipped: number;
  /** Titles whose pass failed here: each was handed to a pipeline run of its own, with its retries. */
  handedOn: number;
  /** Titles whose people (or delayed players) were told through their notifyTitle child. */
  announced: number;
}

export const TITLE_IMPORT_MIN_TITLES = 8;

/** One import per scan batch: `import/<scanId>/<batch>`, so a scan's retried batch joins its import. */
export const titleImportWorkflowId = (scanId: string, batch: string) => `import/${scanId}/${batch}`;
