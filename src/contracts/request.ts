import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { uuidText } from './workflow-input.js';
import type { ApprovalAutoAction, ProcessingItemStatus, ReleaseCandidate } from '../db/schema/index.js';

/** Row shapes and the probe's answer, as the request workflows read them from activity results. */
export type { ProcessingItemStatus, ReleaseCandidate };
export type { MediaInfo } from '../media/probe.js';

/** Shared by mediaRequest, episodePipeline and their callers (API, tests). No runtime imports beyond Temporal's. */

export const requestWorkflowId = (requestId: string) => `request/${requestId}`;
export const itemWorkflowId = (itemId: string) => `item/${itemId}`;
export const folderRefreshWorkflowIdForItem = (itemId: string, attempt: number) => `folder-refresh/delivery/${itemId}/${attempt}`;

/**
 * Durations of the pipeline's waits and checks: the worker's configuration (REELFLOW_DOWNLOAD_POLL_SECONDS and
 * the others), read once per item through the `pipelineTimings` local activity. Tests configure their workers shorter.
 */
export interface PipelineTimings {
  /** How often a download's progress is read from qBittorrent. */
  downloadPollMs: number;
  /** A download that moves no byte for this long moves on to the next release. */
  downloadStallMs: number;
  /** Added to an episode's air date before searching (releases appear some hours after airing). */
  airDateDelayMs: number;
  /** First wait before searching again when nothing acceptable was found; doubles up to the maximum. */
  searchRetryMs: number;
  searchRetryMaxMs: number;
  /** A download or encode attempt whose worker is silent this long is retried elsewhere. */
  heartbeatTimeoutMs: number;
}

export interface MediaRequestInput {
  requestId: string;
}

export interface EpisodeMedia {
  kind: 'episode';
  show: string;
  year?: number | null;
  season: number;
  episode: number;
  episodeTitle: string | null;
  /** Episodes in the season: a season pack's size is shared among them. */
  episodesInSeason: number;
}

export interface MovieMedia {
  kind: 'movie';
  title: string;
  year: number | null;
}

export interface ApprovalSettings {
  required: boolean;
  timeoutSeconds: number | null;
  autoAction: ApprovalAutoAction | null;
}

export interface EpisodePipelineInput {
  itemId: string;
  requestId: string;
  media: EpisodeMedia | MovieMedia;
  ids: { tmdbId: number | null; tvdbId: number | null; imdbId: string | null };
  airDate: string | null;
  qualityProfileId: string;
  targetIds: string[];
  approval: ApprovalSettings;
  /**
   * Only in runs started before the durations came from the worker's configuration: those runs keep the
   * durations they were started with, so that their histories replay. Nothing sends it any more.
   */
  timings?: PipelineTimings;
}

export type PipelineStep = 'air-date' | 'search' | 'approval' | 'download' | 'encode' | 'deliver';

export interface EpisodeState {
  itemId: string;
  status: ProcessingItemStatus;
  step: PipelineStep | 'done';
  /** What the item waits for now: 'air date', 'release', 'approval', 'retry or cancel'; null when working. */
  waitingFor: string | null;
  /** When a timed wait ends (ISO), if it does. */
  waitUntil: string | null;
  release: ReleaseCandidate | null;
  torrentHash: string | null;
  lastError: string | null;
  failedStep: PipelineStep | null;
}

export interface MediaRequestState {
  requestId: string;
  phase: 'planning' | 'running' | 'done' | 'failed';
  itemIds: string[];
}

export interface DecisionResult {
  itemId: string;
  status: ProcessingItemStatus;
}

export const episodeStateQuery = defineQuery<EpisodeState>('state');
export const requestStateQuery = defineQuery<MediaRequestState>('state');
export const approveUpdate = defineUpdate<DecisionResult>('approve');
export const rejectUpdate = defineUpdate<DecisionResult, [{ reason?: string }]>('reject');
export const retryUpdate = defineUpdate<DecisionResult>('retry');
/**
 * A person chooses one of the item's releases by its guid (`releaseGuid`): at the approval wait it becomes
 * the approved release, during the wait for the next search it is taken at once. Refused at any other step,
 * for a guid the item was not offered, and for a blocklisted release.
 */
export const selectReleaseUpdate = defineUpdate<DecisionResult, [{ guid: string }]>('selectRelease');
export const cancelUpdate = defineUpdate<DecisionResult>('cancel');
/** The rejection a search gives a release on the blocklist. */
export const BLOCKLISTED = 'blocklisted';

/**
 * A release's stable name among an item's releases: the indexer's Torznab guid. Releases found before every
 * release carried one fall back to their download link, which the indexer gives for each.
 */
export const releaseGuid = (release: Pick<ReleaseCandidate, 'guid' | 'downloadUrl'>): string => release.guid ?? release.downloadUrl;

/** Ends a timed wait (air date, search backoff) now. */
export const endWaitSignal = defineSignal('endWait');
/** The waits `endWaitSignal` ends; a person's decision (approval, retry or cancel) is never skipped. */
export const ENDABLE_WAITS = ['air date', 'release'];

const positiveInt = z.number().int().positive();
const naturalInt = z.number().int().nonnegative();
const durationMs = z.number().int().nonnegative();
const timingsShape = {
  downloadPollMs: durationMs,
  downloadStallMs: durationMs,
  airDateDelayMs: durationMs,
  searchRetryMs: durationMs,
  searchRetryMaxMs: durationMs,
  heartbeatTimeoutMs: durationMs,
};
const nameText = z.string().trim().min(1, 'a non-empty name');

// Runs started before the durations came from the worker carry `timings` too; the check lets extra fields pass.
export const mediaRequestInputSchema = z.object({ requestId: uuidText });

export const episodePipelineInputSchema = z.object({
  itemId: uuidText,
  requestId: uuidText,
  media: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('episode'),
      show: nameText,
      year: z.number().int().nullable().optional(),
      season: naturalInt,
      episode: positiveInt,
      episodeTitle: z.string().nullable(),
      episodesInSeason: positiveInt,
    }),
    z.object({ kind: z.literal('movie'), title: nameText, year: z.number().int().nullable() }),
  ]),
  ids: z.object({
    tmdbId: positiveInt.nullable(),
    tvdbId: positiveInt.nullable(),
    imdbId: z
      .string()
      .regex(/^tt\d+$/, 'an IMDb id such as tt0133093')
      .nullable(),
  }),
  airDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .nullable(),
  qualityProfileId: uuidText,
  targetIds: z.array(uuidText),
  approval: z.object({
    required: z.boolean(),
    timeoutSeconds: positiveInt.nullable(),
    autoAction: z.enum(['approve', 'reject', 'cancel']).nullable(),
  }),
  timings: z.object(timingsShape).optional(),
});
