import {
  ActivityCancellationType,
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  ParentClosePolicy,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { DeliveryActivities } from '../activities/deliver.js';
import type { DownloadActivities } from '../activities/download.js';
import type { EncodeActivities } from '../activities/encode.js';
import type { ReleaseSearchActivities } from '../activities/release-search.js';
import type { ItemChangesInput, RequestItemActivities } from '../activities/request-items.js';
import type { MediaInfo, ProcessingItemStatus, ReleaseCandidate } from '../contracts/request.js';
import { folderRefreshWorkflowType, type FolderRefreshInput } from '../contracts/folder-refresh.js';
import {
  ENDABLE_WAITS,
  approveUpdate,
  cancelUpdate,
  endWaitSignal,
  episodePipelineInputSchema,
  episodeStateQuery,
  folderRefreshWorkflowIdForItem,
  rejectUpdate,
  retryUpdate,
  type DecisionResult,
  type EpisodePipelineInput,
  type EpisodeState,
  type PipelineStep,
} from '../contracts/request.js';
import { encodeTaskQueue } from '../contracts/task-queues.js';
import { DOWNLOAD_ERRORED, DOWNLOAD_STALLED, rootMessage } from '../contracts/failures.js';
import { checkWorkflowInput } from '../contracts/workflow-input.js';

// A transition is one row update of a few milliseconds: a local activity, run by the worker that runs this
// workflow and recorded with its next workflow task, without a task-queue round trip of its own.
const { recordItemTransition } = proxyLocalActivities<RequestItemActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
});
const { searchReleases } = proxyActivities<ReleaseSearchActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});
const { addRelease, removeTorrent } = proxyActivities<DownloadActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumAttempts: 5, nonRetryableErrorTypes: [DOWNLOAD_ERRORED] },
});
// On the general queue: removing a folder or checking an encode must not wait for an encode slot.
const { removeWorkFiles, acceptEncodedItem } = proxyActivities<EncodeActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', maximumAttempts: 5, nonRetryableErrorTypes: ['EncodeFailed', 'ProfileMissing'] },
});
const { deliverItem } = proxyActivities<DeliveryActivities>({
  startToCloseTimeout: '1 hour',
  // Heartbeats every 5 s while it copies: a worker that dies mid-copy is noticed within this.
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});

const FINISHED: ProcessingItemStatus[] = ['COMPLETED', 'CANCELLED'];
const SET_ASIDE_UNADDABLE_RELEASE = 'set-aside-unaddable-release';

/**
 * One episode (or a movie) of a request: wait for its air date → search → (approval) → download → encode →
 * deliver. A failure does not end it: it records the error and waits for `retry` (resuming at the failed
 * step) or `cancel`. Every transition is written to processing_items; live detail is the `state` query.
 */
export async function episodePipeline(untrusted: EpisodePipelineInput): Promise<DecisionResult> {
  const input = checkWorkflowInput('episodePipeline', episodePipelineInputSchema, untrusted);
  const timings = input.timings;
  const following = proxyActivities<DownloadActivities>({
    startToCloseTimeout: '30 days',
    heartbeatTimeout: timings.heartbeatTimeoutMs,
    // Cleaning up after a cancel must wait until the activity really stopped.
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10, nonRetryableErrorTypes: [DOWNLOAD_ERRORED, DOWNLOAD_STALLED] },
  });
  const encoding = proxyActivities<EncodeActivities>({
    taskQueue: encodeTaskQueue(workflowInfo().taskQueue),
    startToCloseTimeout: '24 hours',
    heartbeatTimeout: timings.heartbeatTimeoutMs,
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: { initialInterval: '1 second', maximumAttempts: 3 },
  });

  const state: EpisodeState = {
    itemId: input.itemId,
    status: 'PENDING',
    step: 'air-date',
    waitingFor: null,
    waitUntil: null,
    release: null,
    torrentHash: null,
    lastError: null,
    failedStep: null,
  };
  let decision: { kind: 'approve' } | { kind: 'reject'; reason: string } | undefined;
  let retryRequested = false;
  let cancelRequested = false;
  let waitEnded = false;
  let scope: CancellationScope | undefined;
  let candidates: ReleaseCandidate[] = [];
  const excluded: string[] = [];
  let sourceFile: string | null = null;
  let sourceInfo: MediaInfo | undefined;
  let encodedFile: string | null = null;
  let deliveries = 0;

  const result = (): DecisionResult => ({ itemId: input.itemId, status: state.status });
  setHandler(episodeStateQuery, () => state);
  setHandler(endWaitSignal, () => {
    waitEnded = true;
  });
  const mustAwaitApproval = () => {
    if (state.waitingFor !== 'approval') throw new Error(`Item is ${state.status}${state.waitingFor ? `, waiting for ${state.waitingFor}` : ''}: there is no release waiting for approval`);
  };
  setHandler(
    approveUpdate,
    () => {
      decision = { kind: 'approve' };
      return result();
    },
    { validator: mustAwaitApproval },
  );
  setHandler(
    rejectUpdate,
    (args) => {
      decision = { kind: 'reject', reason: args.reason ?? 'rejected by a person' };
      return result();
    },
    { validator: (_args: { reason?: string }) => mustAwaitApproval() },
  );
  setHandler(
    retryUpdate,
    () => {
      retryRequested = true;
      return result();
    },
    {
      validator: () => {
        if (state.status !== 'FAILED') throw new Error(`Item is ${state.status}: only a FAILED item can be retried`);
      },
    },
  );
  setHandler(
    cancelUpdate,
    () => {
      cancelRequested = true;
      scope?.cancel();
      return result();
    },
    {
      validator: () => {
        if (FINISHED.includes(state.status)) throw new Error(`Item is ${state.status}: it cannot be cancelled any more`);
        if (cancelRequested) throw new Error('Item is already being cancelled');
      },
    },
  );

  async function transition(status: ProcessingItemStatus, changes: ItemChangesInput = {}): Promise<void> {
    state.status = status;
    await recordItemTransition({ itemId: input.itemId, status, changes });
  }

  /**
   * A wait until `until` comes true or `ms` run out (false). Timed waits on time alone (air date, search
   * back-off, ENDABLE_WAITS) are cut short by the `endWait` signal. A person's decision is never skipped.
   */
  async function wait(what: string, ms: number | undefined, until: () => boolean, endsAt = ms === undefined ? undefined : Date.now() + ms): Promise<boolean> {
    const endable = ENDABLE_WAITS.includes(what);
    state.waitingFor = what;
    state.waitUntil = endsAt === undefined ? null : new Date(endsAt).toISOString();
    waitEnded = false;
    try {
      const done = () => until() || (endable && waitEnded);
      // Without a timeout, condition() resolves to undefined, not true.
      if (ms === undefined) return (await condition(done), true);
      return await condition(done, ms);
    } finally {
      state.waitingFor = null;
      state.waitUntil = null;
    }
  }

  async function awaitAirDate(): Promise<void> {
    if (!input.airDate) return;
    const searchFrom = Date.parse(`${input.airDate}T00:00:00Z`) + timings.airDateDelayMs;
    const remaining = searchFrom - Date.now();
    if (!(remaining > 0)) return;
    await transition('AWAITING');
    await wait('air date', remaining, () => false, searchFrom);
  }

  async function searchRelease(): Promise<void> {
    let backoff = timings.searchRetryMs;
    await transition('SEARCHING', { lastError: null });
    for (;;) {
      const found = await searchReleases({ media: input.media, ids: input.ids, qualityProfileId: input.qualityProfileId, excluded });
      const availableReleases = [...found.accepted, ...found.rejected];
      if (found.accepted.length > 0) {
        candidates = found.accepted;
        state.release = candidates[0]!;
        await transition('FOUND', { availableReleases, qualityMet: found.qualityMet, selectedRelease: state.release });
        return;
      }
      await transition('SEARCHING', { availableReleases, qualityMet: false, lastError: `No acceptable release yet (${availableReleases.length} seen)` });
      await wait('release', backoff, () => false);
      backoff = Math.min(backoff * 2, timings.searchRetryMaxMs);
    }
  }

  /** True when the release may be downloaded; false when it was rejected and another must be found. */
  async function approval(): Promise<boolean> {
    if (!input.approval.required) return true;
    decision = undefined;
    const timeoutMs = input.approval.timeoutSeconds ? input.approval.timeoutSeconds * 1000 : undefined;
    const decided = await wait('approval', timeoutMs, () => decision !== undefined);
    if (!decided) {
      const auto = input.approval.autoAction ?? 'cancel';
      if (auto === 'cancel') {
        cancelRequested = true;
        throw ApplicationFailure.nonRetryable('No decision within the approval timeout: cancelled', 'ApprovalTimedOut');
      }
      decision = auto === 'approve' ? { kind: 'approve' } : { kind: 'reject', reason: 'no decision within the approval timeout' };
    }
    if (decision?.kind === 'reject') {
      const rejected = state.release!;
      excluded.push(rejected.downloadUrl);
      candidates = candidates.filter((c) => c.downloadUrl !== rejected.downloadUrl);
      await transition('SEARCHING', { selectedRelease: null, lastError: `Release "${rejected.title}" rejected: ${decision.reason}` });
      state.release = null;
      return false;
    }
    return true;
  }

  /** Tries the accepted releases in order until one completes; a stalled or broken torrent is set aside. */
  async function download(): Promise<void> {
    for (;;) {
      const release = state.release ?? candidates[0];
      if (!release) throw ApplicationFailure.nonRetryable('No acceptable release could be downloaded', 'NoReleaseLeft');
      state.release = release;
      let hash: string | undefined;
      try {
        ({ hash } = await addRelease({ itemId: input.itemId, requestId: input.requestId, release }));
        state.torrentHash = hash;
        await transition('DOWNLOADING', { torrentHash: hash, selectedRelease: release, progress: 0 });
        const done = await following.awaitDownload({ itemId: input.itemId, hash, media: input.media, pollMs: timings.downloadPollMs, stallMs: timings.downloadStallMs });
        sourceFile = done.sourceFile;
        sourceInfo = done.sourceInfo;
        await transition('DOWNLOADED', { sourceFilePath: sourceFile, downloadedAt: new Date().toISOString(), progress: 100 });
        return;
      } catch (error) {
        const type = error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? error.cause.type : undefined;
        if (type !== DOWNLOAD_STALLED && type !== DOWNLOAD_ERRORED) throw error;
        // A release that could not even be added (a hash that does not match what the indexer serves, a link
        // whose indexer is gone) is set aside like a stalled one; runs recorded before this keep failing there.
        if (hash === undefined && !patched(SET_ASIDE_UNADDABLE_RELEASE)) throw error;
        excluded.push(release.downloadUrl);
        candidates = candidates.filter((c) => c.downloadUrl !== release.downloadUrl);
        state.release = null;
        if (hash !== undefined) await removeTorrent({ itemId: input.itemId, hash });
        await transition('DOWNLOADING', { torrentHash: null, lastError: `Release "${release.title}" set aside: ${rootMessage(error)}` });
      }
    }
  }

  async function encode(): Promise<void> {
    // The activity records ENCODING when an encoder takes it: until then the item is DOWNLOADED, waiting for a slot.
    state.status = 'ENCODING';
    const encoded = await encoding.encodeItem({ itemId: input.itemId, source: sourceFile!, ...(sourceInfo ? { sourceInfo } : {}), qualityProfileId: input.qualityProfileId });
    // Verified before it is used; meanwhile the encoder's slot takes the next encode.
    const accepted = await acceptEncodedItem({ encoded, qualityProfileId: input.qualityProfileId });
    encodedFile = accepted.output;
    await transition('ENCODED', { encodedFilePath: encodedFile, encodedAt: new Date().toISOString(), progress: 100 });
  }

  async function deliver(): Promise<void> {
    await transition('DELIVERING');
    const delivered = await deliverItem({ itemId: input.itemId, file: encodedFile!, targetIds: input.targetIds, media: input.media });
    for (const refresh of delivered.refreshes) {
      const args: FolderRefreshInput = { ...refresh, reason: `request ${input.requestId} delivered item ${input.itemId}` };
      try {
        // Abandoned: the library's pipeline runs on its own time; this item is done when the file is there.
        await startChild(folderRefreshWorkflowType, {
          workflowId: folderRefreshWorkflowIdForItem(input.itemId, deliveries++),
          args: [args],
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
      } catch (error) {
        // A retried delivery finds its refresh already started.
        if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) throw error;
      }
    }
    await removeWorkFiles({ itemId: input.itemId });
    await transition('COMPLETED', { deliveredPaths: delivered.paths, deliveredAt: new Date().toISOString(), lastError: null });
  }

  const steps: Record<PipelineStep, () => Promise<PipelineStep | 'done'>> = {
    'air-date': async () => (await awaitAirDate(), 'search'),
    search: async () => (await searchRelease(), 'approval'),
    approval: async () => ((await approval()) ? 'download' : 'search'),
    download: async () => (await download(), 'encode'),
    encode: async () => (await encode(), 'deliver'),
    deliver: async () => (await deliver(), 'done'),
  };

  async function runFrom(first: PipelineStep): Promise<void> {
    let step: PipelineStep | 'done' = first;
    while (step !== 'done') {
      state.step = step;
      step = await steps[step]();
    }
    state.step = 'done';
  }

  async function cleanUpAndCancel(): Promise<DecisionResult> {
    await CancellationScope.nonCancellable(async () => {
      if (state.torrentHash) await removeTorrent({ itemId: input.itemId, hash: state.torrentHash });
      await removeWorkFiles({ itemId: input.itemId });
      await transition('CANCELLED', { progress: 0 });
    });
    return result();
  }

  let from: PipelineStep = 'air-date';
  for (;;) {
    scope = new CancellationScope();
    try {
      await scope.run(() => runFrom(from));
      return result();
    } catch (error) {
      if (cancelRequested || isCancellation(error)) return cleanUpAndCancel();
      state.failedStep = state.step === 'done' ? 'deliver' : state.step;
      state.lastError = rootMessage(error);
      await transition('FAILED', { failedStep: state.failedStep, lastError: state.lastError });
    }
    try {
      await wait('retry or cancel', undefined, () => retryRequested || cancelRequested);
    } catch (error) {
      if (isCancellation(error)) return cleanUpAndCancel();
      throw error;
    }
    if (cancelRequested) return cleanUpAndCancel();
    retryRequested = false;
    // A download retried with every candidate set aside starts again from a fresh search.
    from = state.failedStep === 'download' && candidates.length === 0 && !state.release ? 'search' : state.failedStep!;
    if (from === 'search') excluded.length = 0;
    state.failedStep = null;
    state.lastError = null;
  }
}
