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
import type { BlocklistActivities } from '../activities/blocklist.js';
import type { DeliveryActivities } from '../activities/deliver.js';
import type { DownloadActivities } from '../activities/download.js';
import type { EncodeActivities } from '../activities/encode.js';
import type { PipelineTimingsActivities } from '../activities/pipeline-timings.js';
import type { ReleaseSearchActivities } from '../activities/release-search.js';
import type { ItemChangesInput, RequestItemActivities } from '../activities/request-items.js';
import type { MediaInfo, ProcessingItemStatus, ReleaseCandidate } from '../contracts/request.js';
import { folderRefreshWorkflowType, type FolderRefreshInput } from '../contracts/folder-refresh.js';
import {
  BLOCKLISTED,
  ENDABLE_WAITS,
  airDateChangedSignal,
  approveUpdate,
  cancelUpdate,
  endWaitSignal,
  episodePipelineInputSchema,
  episodeStateQuery,
  folderRefreshWorkflowIdForItem,
  rejectUpdate,
  releaseGuid,
  retryUpdate,
  selectReleaseUpdate,
  type DecisionResult,
  type EpisodePipelineInput,
  type EpisodeState,
  type PipelineStep,
  type PipelineTimings,
} from '../contracts/request.js';
import { encodeTaskQueue } from '../contracts/task-queues.js';
import {
  APPROVAL_TIMED_OUT,
  DESTINATION_REFUSED,
  DOWNLOAD_ERRORED,
  DOWNLOAD_STALLED,
  ENCODE_FAILED,
  INDEXERS_REFUSED,
  NO_INDEXERS,
  NO_RELEASE_LEFT,
  PROFILE_MISSING,
  SOURCE_MISSING,
  TARGET_MISSING,
  rootMessage,
} from '../contracts/failures.js';
import { ReelflowItemId, ReelflowRequestId, ReelflowStatus, ReelflowStep } from '../contracts/search-attributes.js';
import { startSearchAttributes } from '../contracts/workflows.js';
import { checkWorkflowInput } from '../contracts/workflow-input.js';
import { handOffToUpgrade } from './item-upgrade.js';
import { VisibleState } from './visible-state.js';
import { attemptsWithin, retriedForWindow, stepRetryWindowOf } from './step-retry.js';

/**
 * One episode (or a movie) of a request: wait for its air date → search → (approval) → download → encode →
 * deliver. A step that fails for a passing reason (a target offline, an indexer down) is first retried by
 * Temporal for the step retry window (step-retry.ts). A failure does not end it: it records the error and
 * waits for `retry` (resuming at the failed step) or `cancel`. Every transition is written to
 * processing_items; live detail is the `state` query.
 */
export async function episodePipeline(untrusted: EpisodePipelineInput): Promise<DecisionResult> {
  const input = checkWorkflowInput('episodePipeline', episodePipelineInputSchema, untrusted);
  const item = new Item(input.itemId);
  // Runs started with durations in their input keep them, so that their histories replay.
  const timings = input.timings ?? (await pipelineTimings());
  const run = new Run(input, item, timings);

  let from: PipelineStep = 'air-date';
  for (;;) {
    try {
      await item.cancellable(() => runSteps(run, from));
      // Runs recorded before upgrades ended here; now a delivered item may go on looking for a better release.
      if (patched(QUALITY_UPGRADES)) await handOffToUpgrade(input, item.state.release);
      return item.result();
    } catch (error) {
      if (item.cancelRequested || isCancellation(error)) return cleanUpAndCancel(run);
      await item.fail(error);
    }
    if ((await item.retryOrCancel()) === 'cancel') return cleanUpAndCancel(run);
    from = run.resumeAt(item.resume());
  }
}

/** The steps in order; a rejected release goes back to the search. */
async function runSteps(run: Run, first: PipelineStep): Promise<void> {
  let step: PipelineStep | 'done' = first;
  while (step !== 'done') {
    run.item.atStep(step);
    switch (step) {
      case 'air-date':
        await awaitAirDate(run);
        step = 'search';
        break;
      case 'search':
        // A release a person chose while the search waited is approved already.
        step = (await searchRelease(run)) === 'chosen' ? 'download' : 'approval';
        break;
      case 'approval':
        step = (await approval(run)) ? 'download' : 'search';
        break;
      case 'download':
        await download(run);
        step = 'encode';
        break;
      case 'encode':
        await encode(run);
        step = 'deliver';
        break;
      case 'deliver':
        await deliver(run);
        step = 'done';
        break;
    }
  }
  run.item.atStep('done');
}

// A transition is one row update of a few milliseconds: a local activity, run by the worker that runs this
// workflow and recorded with its next workflow task, without a task-queue round trip of its own.
const { recordItemTransition } = proxyLocalActivities<RequestItemActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
});
// The worker's configured durations, read once per run: the answer is in the history, so a replay sees it.
const { pipelineTimings } = proxyLocalActivities<PipelineTimingsActivities>({
  startToCloseTimeout: '10 seconds',
});
const { blocklistRelease } = proxyActivities<BlocklistActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
});
const { removeTorrent } = proxyActivities<DownloadActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumAttempts: 5, nonRetryableErrorTypes: [DOWNLOAD_ERRORED] },
});
// On the general queue: removing a folder or checking an encode must not wait for an encode slot.
const { removeWorkFiles, acceptEncodedItem } = proxyActivities<EncodeActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', maximumAttempts: 5, nonRetryableErrorTypes: [ENCODE_FAILED, PROFILE_MISSING] },
});

const FINISHED: ProcessingItemStatus[] = ['COMPLETED', 'CANCELLED'];
const SET_ASIDE_UNADDABLE_RELEASE = 'set-aside-unaddable-release';
const BLOCKLIST_REJECTED_RELEASE = 'blocklist-rejected-release';
const QUALITY_UPGRADES = 'quality-upgrades';
/** The waits at which a person may choose a release: the approval, and the wait for the next search. */
const CHOOSING_WAITS = ['approval', 'release'];

/** `byPerson`: a person's rejection puts the release on the blocklist; an approval timeout's does not. */
type Decision = { kind: 'approve' } | { kind: 'reject'; reason: string; byPerson: boolean };

/**
 * The item as people see and steer it: its live `state`, and what they asked for through updates and
 * signals (a decision, a retry, a cancel, the end of a wait), which the steps wait on.
 */
class Item {
  readonly state: EpisodeState;
  decision: Decision | undefined;
  /** The releases of the latest search, accepted and rejected: the ones a person may choose from. */
  offered: ReleaseCandidate[] = [];
  /** The release a person chose while the search waited, until the search takes it. */
  chosen: ReleaseCandidate | undefined;
  cancelRequested = false;
  /** The air date the request last announced (airDateChanged), when it moved since the start. */
  movedAirDate: { airDate: string | null } | undefined;
  private retryRequested = false;
  private waitEnded = false;
  private scope: CancellationScope | undefined;
  /** Status and step as search attributes, for the Web UI's queries. */
  private readonly visible = new VisibleState();

  constructor(readonly itemId: string) {
    this.state = {
      itemId,
      status: 'PENDING',
      step: 'air-date',
      waitingFor: null,
      waitUntil: null,
      release: null,
      torrentHash: null,
      lastError: null,
      failedStep: null,
    };
    setHandler(episodeStateQuery, () => this.state);
    setHandler(endWaitSignal, () => {
      this.waitEnded = true;
    });
    setHandler(airDateChangedSignal, (moved) => {
      this.movedAirDate = moved;
    });
    const mustAwaitApproval = () => {
      const { status, waitingFor } = this.state;
      if (waitingFor !== 'approval')
        throw new Error(`Item is ${status}${waitingFor ? `, waiting for ${waitingFor}` : ''}: there is no release waiting for approval`);
    };
    setHandler(
      approveUpdate,
      () => {
        this.decision = { kind: 'approve' };
        return this.result();
      },
      { validator: mustAwaitApproval },
    );
    setHandler(
      rejectUpdate,
      (args) => {
        this.decision = { kind: 'reject', reason: args.reason ?? 'rejected by a person', byPerson: true };
        return this.result();
      },
      { validator: (_args: { reason?: string }) => mustAwaitApproval() },
    );
    setHandler(
      selectReleaseUpdate,
      ({ guid }) => {
        const release = this.offered.find((r) => releaseGuid(r) === guid)!;
        this.state.release = release;
        if (this.state.waitingFor === 'approval') this.decision = { kind: 'approve' };
        else this.chosen = release;
        return this.result();
      },
      { validator: (args: { guid: string }) => this.mustOffer(args) },
    );
    setHandler(
      retryUpdate,
      () => {
        this.retryRequested = true;
        return this.result();
      },
      {
        validator: () => {
          if (this.state.status !== 'FAILED') throw new Error(`Item is ${this.state.status}: only a FAILED item can be retried`);
        },
      },
    );
    setHandler(
      cancelUpdate,
      () => {
        this.cancelRequested = true;
        this.scope?.cancel();
        return this.result();
      },
      {
        validator: () => {
          if (FINISHED.includes(this.state.status)) throw new Error(`Item is ${this.state.status}: it cannot be cancelled any more`);
          if (this.cancelRequested) throw new Error('Item is already being cancelled');
        },
      },
    );
  }

  result(): DecisionResult {
    return { itemId: this.itemId, status: this.state.status };
  }

  /** Refuses a choice of release the item cannot take: at the wrong step, not one of its releases, blocklisted. */
  private mustOffer(args: { guid: string } | undefined): void {
    const { status, waitingFor } = this.state;
    if (this.cancelRequested) throw new Error('Item is being cancelled: no release can be chosen');
    if (!waitingFor || !CHOOSING_WAITS.includes(waitingFor))
      throw new Error(
        `Item is ${status}${waitingFor ? `, waiting for ${waitingFor}` : ''}: a release can be chosen only while it waits for approval or for a release`,
      );
    const guid = args?.guid;
    if (typeof guid !== 'string') throw new Error('guid: a release guid is required');
    const release = this.offered.find((r) => releaseGuid(r) === guid);
    if (!release) throw new Error(`guid: "${guid}" is not one of the item's releases`);
    if (release.rejections.includes(BLOCKLISTED)) throw new Error(`guid: release "${release.title}" is blocklisted`);
  }

  async transition(status: ProcessingItemStatus, changes: ItemChangesInput = {}): Promise<void> {
    this.showStatus(status);
    await recordItemTransition({ itemId: this.itemId, status, changes });
  }

  /** The status the state and the search attribute show; `transition` also records it in processing_items. */
  showStatus(status: ProcessingItemStatus): void {
    this.state.status = status;
    this.visible.show(ReelflowStatus, status);
  }

  atStep(step: PipelineStep | 'done'): void {
    this.state.step = step;
    this.visible.show(ReelflowStep, step);
  }

  /** Runs the steps in a scope the `cancel` update cancels. */
  async cancellable(steps: () => Promise<void>): Promise<void> {
    this.scope = new CancellationScope();
    await this.scope.run(steps);
  }

  /**
   * A wait until `until` comes true or `ms` run out (false). Timed waits on time alone (air date, search
   * back-off, ENDABLE_WAITS) are cut short by the `endWait` signal. A person's decision is never skipped.
   */
  async wait(
    what: string,
    ms: number | undefined,
    until: () => boolean,
    endsAt = ms === undefined ? undefined : Date.now() + ms,
  ): Promise<boolean> {
    const endable = ENDABLE_WAITS.includes(what);
    this.state.waitingFor = what;
    this.state.waitUntil = endsAt === undefined ? null : new Date(endsAt).toISOString();
    this.waitEnded = false;
    try {
      const done = () => until() || (endable && this.waitEnded);
      // Without a timeout, condition() resolves to undefined, not true.
      if (ms === undefined) return (await condition(done), true);
      return await condition(done, ms);
    } finally {
      this.state.waitingFor = null;
      this.state.waitUntil = null;
    }
  }

  /** A person's decision on the release, or undefined when `ms` ran out first. */
  async awaitDecision(ms: number | undefined): Promise<Decision | undefined> {
    this.decision = undefined;
    const decided = await this.wait('approval', ms, () => this.decision !== undefined);
    return decided ? this.decision : undefined;
  }

  /** Records the failure at the step it happened in. */
  async fail(error: unknown): Promise<void> {
    this.state.failedStep = this.state.step === 'done' ? 'deliver' : this.state.step;
    this.state.lastError = rootMessage(error);
    await this.transition('FAILED', { failedStep: this.state.failedStep, lastError: this.state.lastError });
  }

  /** A failed item waits for a person: `retry` or `cancel` (an update, or the workflow's own cancellation). */
  async retryOrCancel(): Promise<'retry' | 'cancel'> {
    try {
      await this.wait('retry or cancel', undefined, () => this.retryRequested || this.cancelRequested);
    } catch (error) {
      if (isCancellation(error)) return 'cancel';
      throw error;
    }
    if (this.cancelRequested) return 'cancel';
    this.retryRequested = false;
    return 'retry';
  }

  /** Clears the failure once a retry was asked for; returns the step that failed. */
  resume(): PipelineStep {
    const failed = this.state.failedStep!;
    this.state.failedStep = null;
    this.state.lastError = null;
    return failed;
  }
}

/** One run of the pipeline: its input, durations, and what its steps found and made so far. */
class Run {
  /** Accepted releases not yet tried, best first. */
  candidates: ReleaseCandidate[] = [];
  /** Releases rejected or set aside: the next search leaves them out. */
  readonly excluded: string[] = [];
  sourceFile: string | null = null;
  sourceInfo: MediaInfo | undefined;
  encodedFile: string | null = null;
  /** Folder refreshes started by deliveries so far (each has its own workflow id). */
  deliveries = 0;
  readonly following: DownloadActivities;
  readonly encoding: EncodeActivities;
  /** The steps' short activities, retried by Temporal for the step retry window (step-retry.ts). */
  readonly searching: ReleaseSearchActivities;
  readonly adding: DownloadActivities;
  readonly delivering: DeliveryActivities;

  constructor(
    readonly input: EpisodePipelineInput,
    readonly item: Item,
    readonly timings: PipelineTimings,
  ) {
    // Retry options are not part of the history: a run replays the same commands whatever they were.
    const windowMs = stepRetryWindowOf(timings);
    this.searching = proxyActivities<ReleaseSearchActivities>(
      retriedForWindow(windowMs, { startToCloseTimeout: '2 minutes' }, [PROFILE_MISSING, NO_INDEXERS, INDEXERS_REFUSED]),
    );
    // A release that cannot be added is set aside for the next at once (DOWNLOAD_ERRORED); qBittorrent down is waited for.
    this.adding = proxyActivities<DownloadActivities>(retriedForWindow(windowMs, { startToCloseTimeout: '1 minute' }, [DOWNLOAD_ERRORED]));
    this.delivering = proxyActivities<DeliveryActivities>(
      retriedForWindow(
        windowMs,
        // Heartbeats every 5 s while it copies: a worker that dies mid-copy is noticed within this.
        { startToCloseTimeout: '1 hour', heartbeatTimeout: '20 seconds' },
        [TARGET_MISSING, DESTINATION_REFUSED, SOURCE_MISSING],
      ),
    );
    this.following = proxyActivities<DownloadActivities>({
      startToCloseTimeout: '30 days',
      heartbeatTimeout: timings.heartbeatTimeoutMs,
      // Cleaning up after a cancel must wait until the activity really stopped.
      cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
      retry: {
        initialInterval: '1 second',
        maximumInterval: '5 minutes',
        backoffCoefficient: 2,
        // Days long: its attempts, not a deadline, spread its retries over the window (qBittorrent restarting).
        maximumAttempts: attemptsWithin(windowMs),
        nonRetryableErrorTypes: [DOWNLOAD_ERRORED, DOWNLOAD_STALLED],
      },
    });
    this.encoding = proxyActivities<EncodeActivities>({
      taskQueue: encodeTaskQueue(workflowInfo().taskQueue),
      startToCloseTimeout: '24 hours',
      heartbeatTimeout: timings.heartbeatTimeoutMs,
      cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
      retry: { initialInterval: '1 second', maximumAttempts: 3 },
    });
  }

  /** Sets a release aside: it is neither tried again nor offered by the next search. */
  setAside(release: ReleaseCandidate): void {
    this.excluded.push(release.downloadUrl);
    this.candidates = this.candidates.filter((c) => c.downloadUrl !== release.downloadUrl);
  }

  /** Where a retry starts: a download retried with every candidate set aside starts again from a fresh search. */
  resumeAt(failed: PipelineStep): PipelineStep {
    const from = failed === 'download' && this.candidates.length === 0 && !this.item.state.release ? 'search' : failed;
    if (from === 'search') this.excluded.length = 0;
    return from;
  }
}

/** Waits for the air date, the latest one airDateChanged announced: a moved date starts the wait again. */
async function awaitAirDate({ input, item, timings }: Run): Promise<void> {
  for (let waiting = false; ; waiting = true) {
    const moved = item.movedAirDate;
    const airDate = moved ? moved.airDate : input.airDate;
    if (!airDate) return;
    const searchFrom = Date.parse(`${airDate}T00:00:00Z`) + timings.airDateDelayMs;
    const remaining = searchFrom - Date.now();
    if (!(remaining > 0)) return;
    if (!waiting) await item.transition('AWAITING');
    const ended = await item.wait('air date', remaining, () => item.movedAirDate !== moved, searchFrom);
    if (!ended || item.movedAirDate === moved) return;
  }
}

/** 'chosen' when a person chose a release while the search waited: it needs no approval. */
async function searchRelease(run: Run): Promise<'found' | 'chosen'> {
  const { input, item, timings } = run;
  let backoff = timings.searchRetryMs;
  await item.transition('SEARCHING', { lastError: null });
  for (;;) {
    const found = await run.searching.searchReleases({
      media: input.media,
      ids: input.ids,
      qualityProfileId: input.qualityProfileId,
      excluded: run.excluded,
    });
    const availableReleases = [...found.accepted, ...found.rejected];
    item.offered = availableReleases;
    if (found.accepted.length > 0) {
      run.candidates = found.accepted;
      item.state.release = run.candidates[0]!;
      await item.transition('FOUND', { availableReleases, qualityMet: found.qualityMet, selectedRelease: item.state.release });
      return 'found';
    }
    await item.transition('SEARCHING', {
      availableReleases,
      qualityMet: false,
      lastError: `No acceptable release yet (${availableReleases.length} seen)`,
    });
    await item.wait('release', backoff, () => item.chosen !== undefined);
    const chosen = item.chosen;
    if (chosen) {
      item.chosen = undefined;
      run.candidates = [];
      await item.transition('FOUND', { selectedRelease: chosen, lastError: null });
      return 'chosen';
    }
    backoff = Math.min(backoff * 2, timings.searchRetryMaxMs);
  }
}

/** True when the release may be downloaded; false when it was rejected and another must be found. */
async function approval(run: Run): Promise<boolean> {
  const { input, item } = run;
  if (!input.approval.required) return true;
  const timeoutMs = input.approval.timeoutSeconds ? input.approval.timeoutSeconds * 1000 : undefined;
  let decision = await item.awaitDecision(timeoutMs);
  if (!decision) {
    const auto = input.approval.autoAction ?? 'cancel';
    if (auto === 'cancel') {
      item.cancelRequested = true;
      throw ApplicationFailure.nonRetryable('No decision within the approval timeout: cancelled', APPROVAL_TIMED_OUT);
    }
    decision =
      auto === 'approve' ? { kind: 'approve' } : { kind: 'reject', reason: 'no decision within the approval timeout', byPerson: false };
  }
  if (decision.kind === 'reject') {
    const rejected = item.state.release!;
    // Runs recorded before the blocklist rejected without recording.
    if (decision.byPerson && patched(BLOCKLIST_REJECTED_RELEASE))
      await blocklistRelease({ itemId: input.itemId, requestId: input.requestId, release: rejected, reason: decision.reason });
    run.setAside(rejected);
    await item.transition('SEARCHING', { selectedRelease: null, lastError: `Release "${rejected.title}" rejected: ${decision.reason}` });
    item.state.release = null;
    return false;
  }
  return true;
}

/** Tries the accepted releases in order until one completes; a stalled or broken torrent is set aside. */
async function download(run: Run): Promise<void> {
  const { input, item, timings } = run;
  for (;;) {
    const release = item.state.release ?? run.candidates[0];
    if (!release) throw ApplicationFailure.nonRetryable('No acceptable release could be downloaded', NO_RELEASE_LEFT);
    item.state.release = release;
    let hash: string | undefined;
    try {
      ({ hash } = await run.adding.addRelease({ itemId: input.itemId, requestId: input.requestId, release }));
      item.state.torrentHash = hash;
      await item.transition('DOWNLOADING', { torrentHash: hash, selectedRelease: release, progress: 0 });
      const done = await run.following.awaitDownload({
        itemId: input.itemId,
        hash,
        media: input.media,
        pollMs: timings.downloadPollMs,
        stallMs: timings.downloadStallMs,
      });
      run.sourceFile = done.sourceFile;
      run.sourceInfo = done.sourceInfo;
      await item.transition('DOWNLOADED', { sourceFilePath: run.sourceFile, downloadedAt: new Date().toISOString(), progress: 100 });
      return;
    } catch (error) {
      const type = error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? error.cause.type : undefined;
      if (type !== DOWNLOAD_STALLED && type !== DOWNLOAD_ERRORED) throw error;
      // A release that could not even be added (a hash that does not match what the indexer serves, a link
      // whose indexer is gone) is set aside like a stalled one; runs recorded before this keep failing there.
      if (hash === undefined && !patched(SET_ASIDE_UNADDABLE_RELEASE)) throw error;
      run.setAside(release);
      item.state.release = null;
      if (hash !== undefined) await removeTorrent({ itemId: input.itemId, hash });
      await item.transition('DOWNLOADING', { torrentHash: null, lastError: `Release "${release.title}" set aside: ${rootMessage(error)}` });
    }
  }
}

async function encode(run: Run): Promise<void> {
  const { input, item } = run;
  // The activity records ENCODING when an encoder takes it: until then the item is DOWNLOADED, waiting for a slot.
  item.showStatus('ENCODING');
  const encoded = await run.encoding.encodeItem({
    itemId: input.itemId,
    source: run.sourceFile!,
    ...(run.sourceInfo ? { sourceInfo: run.sourceInfo } : {}),
    qualityProfileId: input.qualityProfileId,
  });
  // Verified before it is used; meanwhile the encoder's slot takes the next encode.
  const accepted = await acceptEncodedItem({ encoded, qualityProfileId: input.qualityProfileId });
  run.encodedFile = accepted.output;
  await item.transition('ENCODED', { encodedFilePath: run.encodedFile, encodedAt: new Date().toISOString(), progress: 100 });
}

async function deliver(run: Run): Promise<void> {
  const { input, item } = run;
  await item.transition('DELIVERING');
  const delivered = await run.delivering.deliverItem({
    itemId: input.itemId,
    file: run.encodedFile!,
    targetIds: input.targetIds,
    media: input.media,
  });
  for (const refresh of delivered.refreshes) {
    const args: FolderRefreshInput = { ...refresh, reason: `request ${input.requestId} delivered item ${input.itemId}` };
    try {
      // Abandoned: the library's pipeline runs on its own time; this item is done when the file is there.
      await startChild(folderRefreshWorkflowType, {
        workflowId: folderRefreshWorkflowIdForItem(input.itemId, run.deliveries++),
        args: [args],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        // The library's, and the request's and item's: every run a request caused is found by its id.
        typedSearchAttributes: [
          ...startSearchAttributes(folderRefreshWorkflowType, args),
          { key: ReelflowRequestId, value: input.requestId },
          { key: ReelflowItemId, value: input.itemId },
        ],
      });
    } catch (error) {
      // A retried delivery finds its refresh already started.
      if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) throw error;
    }
  }
  await removeWorkFiles({ itemId: input.itemId });
  await item.transition('COMPLETED', { deliveredPaths: delivered.paths, deliveredAt: new Date().toISOString(), lastError: null });
}

async function cleanUpAndCancel({ input, item }: Run): Promise<DecisionResult> {
  await CancellationScope.nonCancellable(async () => {
    if (item.state.torrentHash) await removeTorrent({ itemId: input.itemId, hash: item.state.torrentHash });
    await removeWorkFiles({ itemId: input.itemId });
    await item.transition('CANCELLED', { progress: 0 });
  });
  return item.result();
}
