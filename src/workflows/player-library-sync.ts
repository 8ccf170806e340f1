import { continueAsNew, setHandler, sleep } from '@temporalio/workflow';
import {
  folderChangedSignal,
  foldersChangedSignal,
  playerSyncStateQuery,
  playerTargetName,
  type FolderChange,
  type PlayerLibrarySyncInput,
  type PlayerRefreshOutcome,
  type PlayerRefreshJob,
  type PlayerSyncState,
} from '../contracts/notify.js';
import { rootMessage } from '../contracts/failures.js';
import { checkWorkflowInput, libraryIdInput } from '../contracts/workflow-input.js';
import { gatherAndSend } from './gather-and-send.js';
import { deliveryActivities } from './notify-title.js';
import { batchRefreshJobs, mergeFolderChange } from './player-batch.js';

/** Keys kept to recognise a repeated signal; older ones cannot be repeated any more (their retries are long over). */
const SEEN_KEYS_KEPT = 2_000;

/**
 * One media player (a Kodi group, Jellyfin or Plex) and one library: folder changes arrive as signals from
 * notifyTitle and the title pipelines (many at once from a titleImport) and are sent as one refresh per folder — or one of the whole library when more than
 * `maxFolderRefreshes` changed. The first change after a quiet spell goes out at once (a webhook's title
 * reaches Kodi without waiting); changes arriving within `coalesceSeconds` of the previous refresh are
 * gathered into the next batch, so a scan that publishes many titles gives few refreshes. While every
 * reachable Kodi host plays a video the refresh waits on a timer and looks again. Each refresh is one
 * activity, retried while the player is down; one that completed is never sent again.
 */
export async function playerLibrarySync(input: PlayerLibrarySyncInput): Promise<PlayerSyncState> {
  checkWorkflowInput('playerLibrarySync', libraryIdInput, input);
  const { plan, libraryId } = input;
  const pending = new Map<string, FolderChange>();
  const seenKeys = new Set<string>(input.carried?.seenKeys);
  const state: PlayerSyncState = { target: playerTargetName(plan.target), libraryId, pending: [], refreshed: 0, failed: [] };

  const accept = (change: FolderChange) => {
    const key = `${change.notificationKey}\u0000${change.folderPath}`;
    if (seenKeys.has(key)) return;
    seenKeys.add(key);
    mergeFolderChange(pending, change);
  };
  // Carried changes were accepted by the previous run: their keys are already in seenKeys.
  for (const change of input.carried?.pending ?? []) mergeFolderChange(pending, change);
  setHandler(folderChangedSignal, accept);
  setHandler(foldersChangedSignal, (changes) => changes.forEach(accept));
  setHandler(playerSyncStateQuery, () => ({ ...state, pending: [...pending.keys()] }));

  await gatherAndSend({
    windowMs: plan.coalesceSeconds * 1000,
    hasPending: () => pending.size > 0,
    sendPending,
    maxHistoryEvents: input.maxHistoryEvents,
    continueAsNew: () =>
      continueAsNew<typeof playerLibrarySync>({
        ...input,
        carried: { pending: [...pending.values()], seenKeys: [...seenKeys].slice(-SEEN_KEYS_KEPT) },
      }),
  });
  return state;

  async function sendPending(): Promise<void> {
    const jobs = batchRefreshJobs([...pending.values()], plan.maxFolderRefreshes);
    pending.clear();
    for (const job of jobs) {
      const outcome = await refreshWhenNotPlaying(job);
      // A full scan (a folder the player cannot name) already covered the rest of this batch.
      if (outcome?.status === 'refreshed' && outcome.coveredEverything) break;
    }
    state.current = undefined;
  }

  /** Sends one refresh; while the player plays a video, waits on a timer and asks again (for at most the retry window). */
  async function refreshWhenNotPlaying(job: PlayerRefreshJob): Promise<PlayerRefreshOutcome | undefined> {
    state.current = { job };
    const giveUpWaitingAt = Date.now() + plan.delivery.retryWindowMinutes * 60_000;
    try {
      for (;;) {
        const ignorePlaying = Date.now() >= giveUpWaitingAt;
        const send = deliveryActivities(plan.delivery, jobSummary(job));
        const outcome = await send.refreshPlayer({ target: plan.target, libraryId, job, ignorePlaying });
        if (outcome.status === 'refreshed') {
          state.refreshed++;
          return outcome;
        }
        state.current = { job, deferredSince: state.current?.deferredSince ?? new Date().toISOString(), deferredBecause: outcome.detail };
        await sleep(plan.playingRecheckSeconds * 1000);
      }
    } catch (error) {
      // Down for longer than the window, or refused: recorded, and the other refreshes still go out.
      state.failed.push({ job, error: rootMessage(error) });
      return undefined;
    }
  }
}

function jobSummary(job: PlayerRefreshJob): string {
  const clean = job.cleanFirst ? 'clean + ' : '';
  return job.scope.kind === 'library' ? `${clean}refresh the whole library` : `${clean}${job.scope.change} ${job.scope.path}`;
}
