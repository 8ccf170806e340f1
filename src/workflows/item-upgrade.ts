import {
  ActivityCancellationType,
  CancellationScope,
  ParentClosePolicy,
  condition,
  continueAsNew,
  isCancellation,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { DeliveryActivities } from '../activities/deliver.js';
import type { DownloadActivities } from '../activities/download.js';
import type { EncodeActivities } from '../activities/encode.js';
import type { ItemUpgradeActivities } from '../activities/item-upgrade.js';
import type { PipelineTimingsActivities } from '../activities/pipeline-timings.js';
import type { ReleaseSearchActivities } from '../activities/release-search.js';
import type { ItemChangesInput, RequestItemActivities } from '../activities/request-items.js';
import type { UpgradeTimingsActivities } from '../activities/upgrade-timings.js';
import { folderRefreshWorkflowType, type FolderRefreshInput } from '../contracts/folder-refresh.js';
import {
  UPGRADE_WAIT,
  itemUpgradeInputSchema,
  itemUpgradeStateQuery,
  itemUpgradeWorkflowId,
  itemUpgradeWorkflowType,
  type ItemUpgradeInput,
  type ItemUpgradeResult,
  type ItemUpgradeState,
  type UpgradeOutcome,
} from '../contracts/item-upgrade.js';
import {
  cancelUpdate,
  endWaitSignal,
  type DecisionResult,
  type EpisodePipelineInput,
  type PipelineTimings,
  type ProcessingItemStatus,
  type ReleaseCandidate,
} from '../contracts/request.js';
import { encodeTaskQueue } from '../contracts/task-queues.js';
import { DOWNLOAD_ERRORED, DOWNLOAD_STALLED, ENCODE_FAILED, PROFILE_MISSING, rootMessage } from '../contracts/failures.js';
import { ReelflowItemId, ReelflowRequestId } from '../contracts/search-attributes.js';
import { startSearchAttributes } from '../contracts/workflows.js';
import { checkWorkflowInput } from '../contracts/workflow-input.js';
import { historyIsLong } from './history.js';

/**
 * Hands a delivered item to its upgrade search, which outlives the item's pipeline: abandoned, so that the
 * item's pipeline (and its request) conclude COMPLETED while the upgrade search goes on, as in Sonarr.
 */
export async function handOffToUpgrade(pipeline: EpisodePipelineInput, delivered: ReleaseCandidate | null): Promise<void> {
  const { itemId, requestId, media, ids, qualityProfileId, targetIds } = pipeline;
  const args: ItemUpgradeInput = { itemId, requestId, media, ids, qualityProfileId, targetIds, delivered };
  try {
    await startChild(itemUpgradeWorkflowType, {
      workflowId: itemUpgradeWorkflowId(itemId),
      args: [args],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      typedSearchAttributes: [
        { key: ReelflowRequestId, value: requestId },
        { key: ReelflowItemId, value: itemId },
      ],
    });
  } catch (error) {
    // A pipeline that delivered again after a retry finds the upgrade search already started.
    if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) throw error;
  }
}

/**
 * A delivered item below its profile's preferred quality: waits (back-off doubling up to its maximum), searches,
 * and takes the first release that meets the profile through download, encode and delivery; the delivery moves
 * the file it replaces to the target's recycle folder. Ends when an upgrade is delivered, when the window runs
 * out, or when a person cancels; the delivered file is never touched by an upgrade that does not complete.
 * While it waits the item stays COMPLETED with `upgradeUntil` set.
 */
export async function itemUpgrade(untrusted: ItemUpgradeInput): Promise<ItemUpgradeResult> {
  const input = checkWorkflowInput('itemUpgrade', itemUpgradeInputSchema, untrusted);
  const upgrade = new Upgrade(input.itemId);
  const timings = await upgradeTimings();
  let until = input.until === undefined ? undefined : Date.parse(input.until);
  if (until === undefined) {
    if (!(timings.upgradeWindowMs > 0)) return upgrade.result('not-needed');
    const judged = await judgeUpgrade({ qualityProfileId: input.qualityProfileId, delivered: input.delivered, accepted: [] });
    if (judged.deliveredMet) {
      // The item's quality is the delivered file's: a release a person chose may meet the profile.
      await recordUpgradeWait({ itemId: input.itemId, upgradeUntil: null, qualityMet: true });
      return upgrade.result('not-needed');
    }
    until = Date.now() + timings.upgradeWindowMs;
    await recordUpgradeWait({ itemId: input.itemId, upgradeUntil: iso(until), qualityMet: false });
  }
  upgrade.state.upgradeUntil = iso(until);
  const pipeline = await pipelineTimings();
  const excluded = input.excluded ?? (input.delivered ? [input.delivered.downloadUrl] : []);
  let backoff = input.backoffMs ?? timings.upgradeSearchMs;

  for (;;) {
    if (historyIsLong(input.maxHistoryEvents))
      return continueAsNew<typeof itemUpgrade>({ ...input, until: iso(until), excluded, backoffMs: backoff });
    const left = until - Date.now();
    if (left <= 0) return upgrade.finish('window-ended');
    const searchNow = await upgrade.wait(Math.min(backoff, left), until);
    if (upgrade.stopRequested) return upgrade.finish('stopped');
    if (!searchNow && Date.now() >= until) return upgrade.finish('window-ended');
    backoff = Math.min(backoff * 2, timings.upgradeSearchMaxMs);

    const upgrades = await searchUpgrades(input, excluded, upgrade);
    for (const release of upgrades) {
      // A cancel that came while it searched, when there was no download to cancel yet.
      if (upgrade.stopRequested) return upgrade.finish('stopped');
      const taken = await takeRelease(input, upgrade, pipeline, release);
      if (taken === 'delivered') return upgrade.result('upgraded');
      if (taken === 'stopped') return upgrade.finish('stopped');
      excluded.push(release.downloadUrl);
    }
    if (upgrade.stopRequested) return upgrade.finish('stopped');
  }
}

// A transition is one row update: a local activity, as in the item's pipeline.
const { recordItemTransition } = proxyLocalActivities<RequestItemActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
});
// The worker's configured durations, read once per run: the answer is in the history, so a replay sees it.
const { upgradeTimings } = proxyLocalActivities<UpgradeTimingsActivities>({ startToCloseTimeout: '10 seconds' });
const { pipelineTimings } = proxyLocalActivities<PipelineTimingsActivities>({ startToCloseTimeout: '10 seconds' });
const { judgeUpgrade, recordUpgradeWait } = proxyActivities<ItemUpgradeActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20, nonRetryableErrorTypes: [PROFILE_MISSING] },
});
const { searchReleases } = proxyActivities<ReleaseSearchActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});
const { addRelease, removeTorrent } = proxyActivities<DownloadActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumAttempts: 5, nonRetryableErrorTypes: [DOWNLOAD_ERRORED] },
});
const { removeWorkFiles, acceptEncodedItem } = proxyActivities<EncodeActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', maximumAttempts: 5, nonRetryableErrorTypes: [ENCODE_FAILED, PROFILE_MISSING] },
});
const { deliverItem } = proxyActivities<DeliveryActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});

/** The upgrade as people see and steer it: its `state`, `cancel` (stop looking) and `endWait` (search now). */
class Upgrade {
  readonly state: ItemUpgradeState;
  stopRequested = false;
  /** Set while an upgrade is delivered: from then on the new file is on its way and a cancel is refused. */
  delivering = false;
  private waitEnded = false;
  private scope: CancellationScope | undefined;

  constructor(readonly itemId: string) {
    this.state = { itemId, waitingFor: null, waitUntil: null, upgradeUntil: null, release: null };
    setHandler(itemUpgradeStateQuery, () => this.state);
    setHandler(endWaitSignal, () => {
      this.waitEnded = true;
    });
    setHandler(
      cancelUpdate,
      (): DecisionResult => {
        this.stopRequested = true;
        this.scope?.cancel();
        // The item stays COMPLETED with the file it has; a release being downloaded is removed.
        return { itemId, status: 'COMPLETED' };
      },
      {
        validator: () => {
          if (this.stopRequested) throw new Error('The upgrade search is already being stopped');
          if (this.delivering) throw new Error('An upgrade is being delivered: it can no longer be stopped');
        },
      },
    );
  }

  /** Waits `ms` for the next search; true when a person asked to search now. */
  async wait(ms: number, until: number): Promise<boolean> {
    this.waitEnded = false;
    this.state.waitingFor = UPGRADE_WAIT;
    this.state.waitUntil = iso(Date.now() + ms);
    this.state.upgradeUntil = iso(until);
    try {
      await condition(() => this.waitEnded || this.stopRequested, ms);
      return this.waitEnded;
    } finally {
      this.state.waitingFor = null;
      this.state.waitUntil = null;
    }
  }

  /** Runs a release's download and encode in a scope the `cancel` update cancels. */
  async cancellable<T>(work: () => Promise<T>): Promise<T> {
    this.scope = new CancellationScope();
    try {
      return await this.scope.run(work);
    } finally {
      this.scope = undefined;
    }
  }

  async transition(status: ProcessingItemStatus, changes: ItemChangesInput = {}): Promise<void> {
    await recordItemTransition({ itemId: this.itemId, status, changes });
  }

  /** The item stops looking: still COMPLETED, with the file it had. */
  async finish(outcome: UpgradeOutcome): Promise<ItemUpgradeResult> {
    await CancellationScope.nonCancellable(() => recordUpgradeWait({ itemId: this.itemId, upgradeUntil: null }));
    return this.result(outcome);
  }

  result(outcome: UpgradeOutcome): ItemUpgradeResult {
    this.state.upgradeUntil = null;
    return { itemId: this.itemId, outcome };
  }
}

/**
 * The accepted releases of a search that meet the profile, best first. A search that fails (every indexer
 * down, its retries spent) finds nothing this time: the item says why and waits for the next one.
 */
async function searchUpgrades(input: ItemUpgradeInput, excluded: string[], upgrade: Upgrade): Promise<ReleaseCandidate[]> {
  const { itemId, qualityProfileId } = input;
  try {
    const found = await searchReleases({ media: input.media, ids: input.ids, qualityProfileId, excluded });
    return (await judgeUpgrade({ qualityProfileId, delivered: null, accepted: found.accepted })).upgrades;
  } catch (error) {
    if (isCancellation(error)) throw error;
    await recordUpgradeWait({
      itemId,
      upgradeUntil: upgrade.state.upgradeUntil,
      lastError: `Upgrade search failed: ${rootMessage(error)}`,
    });
    return [];
  }
}

/**
 * Downloads, encodes and delivers one release. A release that fails on the way is cleaned up and set aside
 * ('failed'): the item keeps its delivered file and goes back to waiting. 'stopped' when a person cancelled.
 */
async function takeRelease(
  input: ItemUpgradeInput,
  upgrade: Upgrade,
  timings: PipelineTimings,
  release: ReleaseCandidate,
): Promise<'delivered' | 'failed' | 'stopped'> {
  const { itemId, requestId } = input;
  let hash: string | undefined;
  upgrade.state.release = release;
  try {
    const encoded = await upgrade.cancellable(async () => {
      ({ hash } = await addRelease({ itemId, requestId, release }));
      await upgrade.transition('DOWNLOADING', { torrentHash: hash, selectedRelease: release, progress: 0, lastError: null });
      const done = await following(timings).awaitDownload({
        itemId,
        hash,
        media: input.media,
        pollMs: timings.downloadPollMs,
        stallMs: timings.downloadStallMs,
      });
      await upgrade.transition('DOWNLOADED', { sourceFilePath: done.sourceFile, downloadedAt: new Date().toISOString(), progress: 100 });
      const made = await encoding(timings).encodeItem({
        itemId,
        source: done.sourceFile,
        ...(done.sourceInfo ? { sourceInfo: done.sourceInfo } : {}),
        qualityProfileId: input.qualityProfileId,
      });
      return acceptEncodedItem({ encoded: made, qualityProfileId: input.qualityProfileId });
    });
    // A cancel that came as the encode was accepted still stops the upgrade before its delivery.
    if (upgrade.stopRequested) throw new CancelledUpgrade();
    upgrade.delivering = true;
    await upgrade.transition('ENCODED', { encodedFilePath: encoded.output, encodedAt: new Date().toISOString(), progress: 100 });
    await upgrade.transition('DELIVERING');
    // The file it replaces goes to the target's recycle folder and onto the item's recycledFiles.
    const delivered = await deliverItem({ itemId, file: encoded.output, targetIds: input.targetIds, media: input.media });
    await refreshLibraries(input, delivered.refreshes);
    await removeWorkFiles({ itemId });
    await upgrade.transition('COMPLETED', {
      deliveredPaths: delivered.paths,
      deliveredAt: new Date().toISOString(),
      qualityMet: true,
      lastError: null,
    });
    await recordUpgradeWait({ itemId, upgradeUntil: null });
    return 'delivered';
  } catch (error) {
    const stopped = upgrade.stopRequested || isCancellation(error);
    await CancellationScope.nonCancellable(async () => {
      if (hash !== undefined) await removeTorrent({ itemId, hash });
      await removeWorkFiles({ itemId });
      // A stopped upgrade's item is recorded by `finish`; a failed one goes back to waiting, saying why.
      if (!stopped)
        await recordUpgradeWait({
          itemId,
          upgradeUntil: upgrade.state.upgradeUntil,
          lastError: `Upgrade to "${release.title}" set aside: ${rootMessage(error)}`,
        });
    });
    return stopped ? 'stopped' : 'failed';
  } finally {
    upgrade.delivering = false;
    upgrade.state.release = null;
  }
}

/** Hands the delivered folders to their libraries, as the item's first delivery did. */
async function refreshLibraries(input: ItemUpgradeInput, refreshes: { libraryId: string; folderPath: string }[]): Promise<void> {
  for (const [n, refresh] of refreshes.entries()) {
    const args: FolderRefreshInput = { ...refresh, reason: `request ${input.requestId} upgraded item ${input.itemId}` };
    await startChild(folderRefreshWorkflowType, {
      workflowId: `folder-refresh/upgrade/${input.itemId}/${workflowInfo().runId}/${n}`,
      args: [args],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      typedSearchAttributes: [
        ...startSearchAttributes(folderRefreshWorkflowType, args),
        { key: ReelflowRequestId, value: input.requestId },
        { key: ReelflowItemId, value: input.itemId },
      ],
    });
  }
}

function following(timings: PipelineTimings): DownloadActivities {
  return proxyActivities<DownloadActivities>({
    startToCloseTimeout: '30 days',
    heartbeatTimeout: timings.heartbeatTimeoutMs,
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: {
      initialInterval: '1 second',
      maximumInterval: '1 minute',
      maximumAttempts: 10,
      nonRetryableErrorTypes: [DOWNLOAD_ERRORED, DOWNLOAD_STALLED],
    },
  });
}

function encoding(timings: PipelineTimings): EncodeActivities {
  return proxyActivities<EncodeActivities>({
    taskQueue: encodeTaskQueue(workflowInfo().taskQueue),
    startToCloseTimeout: '24 hours',
    heartbeatTimeout: timings.heartbeatTimeoutMs,
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: { initialInterval: '1 second', maximumAttempts: 3 },
  });
}

/** A cancel that arrived once nothing was left to cancel but the delivery: it is not started. */
class CancelledUpgrade extends Error {}

const iso = (ms: number) => new Date(ms).toISOString();
