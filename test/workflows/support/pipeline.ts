import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { WorkflowHandle } from '@temporalio/client';
import type { BlocklistActivities } from '../../../src/activities/blocklist.js';
import type { DeliveryActivities } from '../../../src/activities/deliver.js';
import type { DownloadActivities } from '../../../src/activities/download.js';
import type { EncodeActivities } from '../../../src/activities/encode.js';
import type { FolderRefreshActivities } from '../../../src/activities/folder-refresh.js';
import type { ReleaseSearchActivities } from '../../../src/activities/release-search.js';
import type { RequestItemActivities } from '../../../src/activities/request-items.js';
import type { ReleaseCandidate } from '../../../src/db/schema/index.js';
import type { MediaInfo } from '../../../src/media/probe.js';
import type { episodePipeline } from '../../../src/workflows/episode-pipeline.js';
import { episodeStateQuery, itemWorkflowId, type EpisodePipelineInput, type EpisodeState } from '../../../src/contracts/request.js';
import { ActivityCalls, eventually } from './activity-calls.js';
import type { TierWorkers } from './environment.js';

/** Every activity an item's pipeline calls, its folder-refresh child's included. */
export type PipelineActivities = Pick<RequestItemActivities, 'recordItemTransition'> &
  Pick<ReleaseSearchActivities, 'searchReleases'> &
  Pick<DownloadActivities, 'addRelease' | 'awaitDownload' | 'removeTorrent'> &
  Pick<EncodeActivities, 'encodeItem' | 'acceptEncodedItem' | 'removeWorkFiles'> &
  Pick<DeliveryActivities, 'deliverItem'> &
  Pick<BlocklistActivities, 'blocklistRelease'> &
  FolderRefreshActivities;

export function release(title: string): ReleaseCandidate {
  return {
    title,
    indexer: 'test-indexer',
    guid: `https://indexer.test/details/${encodeURIComponent(title)}`,
    downloadUrl: `https://indexer.test/${encodeURIComponent(title)}.torrent`,
    sizeBytes: 1_500_000_000,
    seeders: 12,
    resolution: 1080,
    seasonPack: false,
    score: 100,
    accepted: true,
    rejections: [],
  };
}

export const hashOf = (candidate: ReleaseCandidate) => `hash-${candidate.title}`;

const sourceInfo: MediaInfo = {
  container: 'mkv',
  durationSeconds: 3000,
  sizeBytes: 1_500_000_000,
  bitrate: 4_000_000,
  video: [],
  audio: [],
  subtitles: [],
};

/** What a completed download of the torrent `hash` hands on to the encode. */
export const downloadedFile = (hash: string) => ({ sourceFile: `/downloads/${hash}/episode.mkv`, sourceInfo });

/**
 * Stand-ins that take an item through every step: the indexer offers `releases` (less the excluded ones),
 * each download completes, the encode and delivery succeed. Tests replace the ones their branch needs, or
 * make one fail the first time it is called (as it does once its retries are spent).
 */
export function pipelineActivities(
  releases: ReleaseCandidate[],
  replace: Partial<PipelineActivities> = {},
  options: { firstCallFails?: { activity: keyof PipelineActivities; message: string } } = {},
): ActivityCalls<PipelineActivities> {
  const standIns: PipelineActivities = {
    recordItemTransition: async () => {},
    searchReleases: async ({ excluded }) => ({
      accepted: releases.filter((r) => !excluded.includes(r.downloadUrl)),
      rejected: [],
      qualityMet: true,
      failedIndexers: [],
    }),
    addRelease: async ({ release }) => ({ hash: hashOf(release), owner: 'reelflow' as const }),
    awaitDownload: async ({ hash }) => downloadedFile(hash),
    removeTorrent: async () => ({ removed: true }),
    encodeItem: async ({ itemId }) => ({
      partial: `/work/${itemId}/episode.partial.mkv`,
      output: `/work/${itemId}/episode.mkv`,
      source: sourceInfo,
    }),
    acceptEncodedItem: async ({ encoded }) => ({ output: encoded.output, sizeBytes: 700_000_000 }),
    removeWorkFiles: async () => {},
    deliverItem: async ({ targetIds }) => ({
      paths: targetIds.map((id) => `/targets/${id}/Show/Season 01/Show - S01E02.mkv`),
      refreshes: [],
    }),
    scanOneFolder: async () => ({ outcome: 'scanned', kind: 'show', titleId: randomUUID(), isNew: true, fileErrors: 0 }),
    startTitlePipeline: async ({ titleId }) => ({ workflowId: `pipeline/show/${titleId}` }),
    blocklistRelease: async () => ({ id: randomUUID() }),
    ...replace,
  };
  const failing = options.firstCallFails;
  if (failing) {
    const succeeding = standIns[failing.activity] as (input: unknown) => Promise<unknown>;
    let calls = 0;
    Object.assign(standIns, { [failing.activity]: (input: unknown) => (calls++ === 0 ? fails(failing.message)() : succeeding(input)) });
  }
  return new ActivityCalls(standIns);
}

/** A failure that gives up at once, as an activity does once its retries are spent. */
export function fails(message: string, type = 'TestFailure'): () => Promise<never> {
  return async () => {
    throw ApplicationFailure.nonRetryable(message, type);
  };
}

/** A long-running activity (a download, an encode) that heartbeats until it is cancelled. */
export async function runsUntilCancelled(): Promise<never> {
  const context = Context.current();
  for (;;) {
    context.heartbeat();
    await context.sleep(20);
  }
}

/** An item's pipeline input as mediaRequest passes it on; its durations come from the tier's workers. */
export function episodeInput(replace: Partial<EpisodePipelineInput> = {}): EpisodePipelineInput {
  return {
    itemId: randomUUID(),
    requestId: randomUUID(),
    media: { kind: 'episode', show: 'Severance', year: 2022, season: 1, episode: 2, episodeTitle: 'Half Loop', episodesInSeason: 9 },
    ids: { tmdbId: 95396, tvdbId: 371980, imdbId: 'tt11280740' },
    airDate: null,
    qualityProfileId: randomUUID(),
    targetIds: [randomUUID()],
    approval: { required: false, timeoutSeconds: null, autoAction: null },
    ...replace,
  };
}

export type EpisodeHandle = WorkflowHandle<typeof episodePipeline>;

/** Starts an item's pipeline as mediaRequest would, under the item's workflow id, served by `calls`' stand-ins. */
export function startEpisode(
  workers: TierWorkers,
  calls: ActivityCalls<PipelineActivities>,
  input: EpisodePipelineInput,
): Promise<EpisodeHandle> {
  workers.serve(calls.activities, input.itemId);
  return workers.client.workflow.start<typeof episodePipeline>('episodePipeline', {
    workflowId: itemWorkflowId(input.itemId),
    taskQueue: workers.taskQueue,
    args: [input],
  });
}

/** The statuses the item was written with, in order. */
export const statuses = (calls: ActivityCalls<PipelineActivities>) => calls.of('recordItemTransition').map((t) => t.status);

/** Waits until the item's live state matches (a step reached, a wait begun); returns that state. */
export async function stateWhen(handle: EpisodeHandle, matches: (state: EpisodeState) => boolean, what: string): Promise<EpisodeState> {
  let state: EpisodeState | undefined;
  await eventually(
    async () => {
      state = await handle.query(episodeStateQuery);
      return matches(state);
    },
    `${what} (last state: ${JSON.stringify(state)})`,
  );
  return state!;
}

export const waitingFor = (handle: EpisodeHandle, wait: string) =>
  stateWhen(handle, (s) => s.waitingFor === wait, `the item to wait for ${wait}`);
