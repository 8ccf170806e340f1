import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { lazySchema, uuidText } from './workflow-input.js';
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
  /**
   * How long a step that fails for a passing reason (a delivery target offline, a full disk, an indexer or
   * qBittorrent down) is retried with back-off before the item becomes FAILED and waits for a person; 0: not
   * retried. Unset in runs started before it existed: they get DEFAULT_STEP_RETRY_WINDOW_MS.
   */
  stepRetryWindowMs?: number;
}

/** The step retry window of REELFLOW_STEP_RETRY_WINDOW_SECONDS' default: an hour. */
export const DEFAULT_STEP_RETRY_WINDOW_MS = 60 * 60_000;

/**
 * How a TV request keeps watching its seasons after the first plan (Sonarr's "monitored", adapted):
 * `none` plans once; `existing` re-reads the requested seasons for new episodes and moved air dates;
 * `future` also takes the seasons after the last one requested as the provider announces them; `all` is
 * `future` with every season from 1 up to the last one requested. A movie is always `none`.
 */
export const requestMonitorModes = ['none', 'existing', 'future', 'all'] as const;
export type RequestMonitor = (typeof requestMonitorModes)[number];

export interface MediaRequestInput {
  requestId: string;
  /**
   * Only in a watching run continued as new: every item planned so far with the air date its pipeline was
   * last told, so the next re-plan starts none twice and signals only moved dates.
   */
  known?: Record<string, string | null>;
  /** A watching run continues as new at this history length (tests set it low); DEFAULT_MAX_HISTORY_EVENTS otherwise. */
  maxHistoryEvents?: number;
}

/** What a watching request needs to know before it sleeps: its mode and the worker's re-check cadence. */
export interface RequestWatch {
  monitor: RequestMonitor;
  /** REELFLOW_REQUEST_WATCH_SECONDS: the time between two re-plans of a watched request. */
  cadenceMs: number;
  /** The provider called the show ended or cancelled when the request was planned: nothing to watch for. */
  showEnded?: boolean;
}

/** A re-plan's answer: only what changed against the items the workflow already knows. */
export interface RequestReplan {
  /** Items planned by this re-plan (or by an earlier attempt of it), ready to start. */
  added: Omit<EpisodePipelineInput, 'timings'>[];
  /** Known items whose air date the provider moved. */
  moved: { itemId: string; airDate: string | null }[];
  /** The provider says the show has ended or was cancelled: no episode will be added any more. */
  showEnded: boolean;
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

/**
 * The provider moved the item's air date: an item still waiting for its air date waits for the new one
 * (or searches at once when the new date has passed); at any other step it is ignored.
 */
export const airDateChangedSignal = defineSignal<[{ airDate: string | null }]>('airDateChanged');

/** Ends a timed wait (air date, search backoff) now. */
export const endWaitSignal = defineSignal('endWait');
/** The waits `endWaitSignal` ends; a person's decision (approval, retry or cancel) is never skipped. */
export const ENDABLE_WAITS = ['air date', 'release'];

// Built on first use, not at module level: see lazySchema.
const positiveInt = () => z.number().int().positive();
const naturalInt = () => z.number().int().nonnegative();
const durationMs = () => z.number().int().nonnegative();
const timingsShape = () => ({
  downloadPollMs: durationMs(),
  downloadStallMs: durationMs(),
  airDateDelayMs: durationMs(),
  searchRetryMs: durationMs(),
  searchRetryMaxMs: durationMs(),
  heartbeatTimeoutMs: durationMs(),
  stepRetryWindowMs: durationMs().optional(),
});
const nameText = () => z.string().trim().min(1, 'a non-empty name');

// Runs started before the durations came from the worker carry `timings` too; the check lets extra fields pass.
export const mediaRequestInputSchema = lazySchema(() =>
  z.object({
    requestId: uuidText(),
    known: z.record(uuidText(), z.string().nullable()).optional(),
    maxHistoryEvents: z.number().int().positive().optional(),
  }),
);

export const episodePipelineInputSchema = lazySchema(() =>
  z.object({
    itemId: uuidText(),
    requestId: uuidText(),
    media: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('episode'),
        show: nameText(),
        year: z.number().int().nullable().optional(),
        season: naturalInt(),
        episode: positiveInt(),
        episodeTitle: z.string().nullable(),
        episodesInSeason: positiveInt(),
      }),
      z.object({ kind: z.literal('movie'), title: nameText(), year: z.number().int().nullable() }),
    ]),
    ids: z.object({
      tmdbId: positiveInt().nullable(),
      tvdbId: positiveInt().nullable(),
      imdbId: z
        .string()
        .regex(/^tt\d+$/, 'an IMDb id such as tt0133093')
        .nullable(),
    }),
    airDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
      .nullable(),
    qualityProfileId: uuidText(),
    targetIds: z.array(uuidText()),
    approval: z.object({
      required: z.boolean(),
      timeoutSeconds: positiveInt().nullable(),
      autoAction: z.enum(['approve', 'reject', 'cancel']).nullable(),
    }),
    timings: z.object(timingsShape()).optional(),
  }),
);
