import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  continueAsNew,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { IptvActivities } from '../activities/iptv.js';
import {
  iptvSyncProgressQuery,
  type IptvKind,
  type IptvSyncInput,
  type IptvSyncProgress,
  type IptvSyncRunRecord,
  type MatchBatchResult,
} from '../contracts/iptv.js';
import { providerTaskQueue } from '../contracts/task-queues.js';
import { checkWorkflowInput, providerIdInput } from '../contracts/workflow-input.js';
import {
  CREDENTIALS_DECRYPT_ERROR,
  IPTV_PROVIDER_DELETED,
  PROVIDER_AUTH_ERROR,
  PROVIDER_REQUEST_ERROR,
  PROVIDER_RESPONSE_ERROR,
  rootMessage,
} from '../contracts/failures.js';
import { historyIsLong } from './history.js';

const DEFAULT_BATCH_SIZE = 400;
/** Runs recorded before syncs had a row of their own replay without writing one. */
const SYNC_RUN_ROWS = 'iptv-sync-run-rows';
/** Runs recorded before it left titles TMDB could not be asked about to the next sync. */
const RETRY_FAILED_MATCHES = 'iptv-retry-failed-matches';
/**
 * Passes over the titles TMDB could not be asked about (a 429, an outage) after the first, each after the
 * longest Retry-After TMDB named or a doubling pause, whichever is longer; what still fails then waits for
 * the next sync.
 */
const RETRY_PASSES = 3;
const FIRST_RETRY_PAUSE_MS = 5_000;

const bookkeepingRetry = {
  initialInterval: '1 second',
  maximumInterval: '30 seconds',
  maximumAttempts: 10,
  nonRetryableErrorTypes: [IPTV_PROVIDER_DELETED],
};
const { describeIptvProvider, recordIptvChanges, recordIptvSyncRun } = proxyActivities<IptvActivities>({
  startToCloseTimeout: '1 minute',
  retry: bookkeepingRetry,
});

/**
 * The provider's kind and the run's row are one short statement each: local activities, in the workflow's
 * own worker, so the sync reaches its first TMDB request without two round trips to the server. Runs
 * recorded before the patch made them activity tasks.
 */
const LOCAL_BOOKKEEPING = 'iptv-local-bookkeeping';
const localBookkeeping = proxyLocalActivities<IptvActivities>({ startToCloseTimeout: '1 minute', retry: bookkeepingRetry });

/**
 * The provider's own calls run on its kind's queue (`<queue>/provider-xtream`, `…-m3u`), apart from the
 * general queue. A panel that does not answer fails the attempt; after three the run fails, saying which
 * call timed out.
 */
function panelCalls(kind: IptvKind) {
  return proxyActivities<IptvActivities>({
    taskQueue: providerTaskQueue(workflowInfo().taskQueue, kind),
    startToCloseTimeout: '2 hours',
    // Heartbeats every few seconds: a worker that dies mid-batch is noticed within this.
    heartbeatTimeout: '30 seconds',
    retry: {
      initialInterval: '2 seconds',
      backoffCoefficient: 2,
      maximumInterval: '1 minute',
      maximumAttempts: 3,
      nonRetryableErrorTypes: [
        IPTV_PROVIDER_DELETED,
        PROVIDER_AUTH_ERROR,
        PROVIDER_REQUEST_ERROR,
        PROVIDER_RESPONSE_ERROR,
        CREDENTIALS_DECRYPT_ERROR,
      ],
    },
  });
}

/**
 * Syncs one IPTV provider's catalogue: fetch the listing into provider_titles → match new and changed
 * titles to TMDB in batches (the catalogue stays in Postgres; the workflow carries a cursor) → record what
 * was added and removed. A provider deleted meanwhile ends the run cleanly as 'provider-deleted'. The
 * sync's row (iptv_sync_runs, the sync list) is written at the start, after the fetch and each batch, and
 * at the end, failed and cancelled included.
 */
export async function iptvSync(input: IptvSyncInput): Promise<IptvSyncProgress> {
  checkWorkflowInput('iptvSync', providerIdInput, input);
  const syncId = input.syncId ?? workflowInfo().firstExecutionRunId;
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const progress: IptvSyncProgress = input.resume?.progress ?? {
    syncId,
    providerId: input.providerId,
    phase: 'starting',
    listed: 0,
    malformed: 0,
    toMatch: 0,
    matched: 0,
    ignored: 0,
    matchErrors: 0,
    added: 0,
    removed: 0,
  };
  setHandler(iptvSyncProgressQuery, () => progress);
  const recordsRun = patched(SYNC_RUN_ROWS);
  const bookkeeping = patched(LOCAL_BOOKKEEPING) ? localBookkeeping : { describeIptvProvider, recordIptvSyncRun };
  const record = async (status: IptvSyncRunRecord['status'], errorMessage: string | null = null) => {
    if (recordsRun) await bookkeeping.recordIptvSyncRun({ workflowId: workflowInfo().workflowId, status, progress, errorMessage });
  };

  try {
    if (!input.resume) await record('running');
    const kind = input.resume?.kind ?? (await bookkeeping.describeIptvProvider({ providerId: input.providerId })).kind;
    const { fetchIptvCatalogue, matchIptvTitles } = panelCalls(kind);
    let afterKey = input.resume?.afterKey ?? null;

    if (!input.resume) {
      progress.phase = 'fetching';
      const fetched = await fetchIptvCatalogue({ providerId: input.providerId, syncId });
      Object.assign(progress, { listed: fetched.listed, malformed: fetched.malformed, toMatch: fetched.toMatch });
    }

    progress.phase = 'matching';
    await record('running');
    let failed = { titles: 0, retryAfterMs: 0 };
    for (;;) {
      const batch = await matchIptvTitles({ providerId: input.providerId, syncId, afterKey, limit: batchSize });
      progress.matched += batch.matched;
      progress.ignored += batch.ignored;
      progress.matchErrors += batch.errors;
      failed = { titles: failed.titles + batch.errors, retryAfterMs: Math.max(failed.retryAfterMs, batch.retryAfterMs ?? 0) };
      await record('running');
      if (batch.nextAfterKey === null) break;
      afterKey = batch.nextAfterKey;
      if (historyIsLong(input.maxHistoryEvents)) {
        await continueAsNew<typeof iptvSync>({ ...input, syncId, resume: { kind, afterKey, progress } });
      }
    }
    // The titles left pending are those TMDB could not be asked about: asked again within this run. (A
    // run continued as new counts only its own batches' failures; the pending rows are what is retried.)
    if (patched(RETRY_FAILED_MATCHES)) {
      for (let pass = 0; pass < RETRY_PASSES && failed.titles > 0; pass++) {
        await sleep(Math.max(failed.retryAfterMs, FIRST_RETRY_PAUSE_MS * 2 ** pass));
        failed = { titles: 0, retryAfterMs: 0 };
        for (let retryAfterKey: string | null = null; ;) {
          const batch: MatchBatchResult = await matchIptvTitles({
            providerId: input.providerId,
            syncId,
            afterKey: retryAfterKey,
            limit: batchSize,
          });
          progress.matched += batch.matched;
          progress.ignored += batch.ignored;
          // Errors count the titles still failing: those of this pass replace those of the one before.
          progress.matchErrors -= batch.matched + batch.ignored;
          failed = { titles: failed.titles + batch.errors, retryAfterMs: Math.max(failed.retryAfterMs, batch.retryAfterMs ?? 0) };
          await record('running');
          if (batch.nextAfterKey === null) break;
          retryAfterKey = batch.nextAfterKey;
        }
      }
    }

    progress.phase = 'monitoring';
    Object.assign(progress, await recordIptvChanges({ providerId: input.providerId, syncId }));
    progress.phase = 'completed';
    await record('completed');
    return progress;
  } catch (err) {
    if (providerDeleted(err)) {
      progress.phase = 'provider-deleted';
      return progress;
    }
    const ending = isCancellation(err) ? 'cancelled' : 'failed';
    progress.phase = ending;
    // Recorded even when cancelled; a row that cannot be written does not hide why the sync ended.
    await CancellationScope.nonCancellable(() => record(ending, rootMessage(err))).catch(() => undefined);
    throw err;
  }
}

function providerDeleted(err: unknown): boolean {
  return err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === IPTV_PROVIDER_DELETED;
}
