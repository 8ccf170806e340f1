import { describe, expect, test } from 'vitest';
import { cancelUpdate, type EpisodePipelineInput, type EpisodeState } from '../../src/contracts/request.js';
import type { ActivityCalls } from './support/activity-calls.js';
import { useTierWorkers } from './support/environment.js';
import {
  episodeInput,
  fails,
  hashOf,
  pipelineActivities,
  release,
  runsUntilCancelled,
  startEpisode,
  stateWhen,
  statuses,
  type EpisodeHandle,
  type PipelineActivities,
} from './support/pipeline.js';

const workers = useTierWorkers();
const web = release('Severance.S01E02.1080p.WEB-DL');

interface CancelCase {
  where: string;
  input: () => EpisodePipelineInput;
  activities: (running: RunningActivity) => ActivityCalls<PipelineActivities>;
  reached: (state: EpisodeState) => boolean;
  /** The torrent a cancel removes, if the item had one. */
  torrent: string | null;
}

/** A download or encode in progress: whether it had stopped when the item's work files were removed. */
interface RunningActivity {
  /** The stand-in runs: the status says DOWNLOADING a moment before a worker has picked the activity up. */
  started?: boolean;
  stopped: boolean;
  filesRemovedWhileRunning: boolean;
}

/** Stand-ins for a download or encode that runs until cancelled, and a clean-up that notes whether it had stopped. */
function runningUntilCancelled(running: RunningActivity) {
  return {
    run: async (): Promise<never> => {
      running.started = true;
      try {
        return await runsUntilCancelled();
      } finally {
        running.stopped = true;
      }
    },
    removeWorkFiles: async () => {
      running.filesRemovedWhileRunning ||= !running.stopped;
    },
  };
}

const tomorrow = () => new Date(Date.now() + 24 * 60 * 60_000).toISOString().slice(0, 10);

const cases: CancelCase[] = [
  {
    where: 'waiting for the air date',
    input: () => episodeInput({ airDate: tomorrow() }),
    activities: () => pipelineActivities([web]),
    reached: (s) => s.waitingFor === 'air date',
    torrent: null,
  },
  {
    where: 'waiting for a release',
    input: () => episodeInput(),
    activities: () => pipelineActivities([]),
    reached: (s) => s.waitingFor === 'release',
    torrent: null,
  },
  {
    where: 'waiting for approval',
    input: () => episodeInput({ approval: { required: true, timeoutSeconds: null, autoAction: null } }),
    activities: () => pipelineActivities([web]),
    reached: (s) => s.waitingFor === 'approval',
    torrent: null,
  },
  {
    where: 'downloading',
    input: () => episodeInput(),
    activities: (running) => {
      const { run, removeWorkFiles } = runningUntilCancelled(running);
      return pipelineActivities([web], { awaitDownload: run, removeWorkFiles });
    },
    reached: (s) => s.status === 'DOWNLOADING',
    torrent: hashOf(web),
  },
  {
    where: 'encoding',
    input: () => episodeInput(),
    activities: (running) => {
      const { run, removeWorkFiles } = runningUntilCancelled(running);
      return pipelineActivities([web], { encodeItem: run, removeWorkFiles });
    },
    reached: (s) => s.status === 'ENCODING',
    torrent: hashOf(web),
  },
  {
    where: 'failed, waiting for retry or cancel',
    input: () => episodeInput(),
    activities: () => pipelineActivities([web], { deliverItem: fails('target unreachable') }),
    reached: (s) => s.waitingFor === 'retry or cancel',
    torrent: hashOf(web),
  },
];

/** What a cancelled item leaves: CANCELLED, its torrent and work files gone, no step after the cancel. */
async function expectCleanedUp(handle: EpisodeHandle, calls: ActivityCalls<PipelineActivities>, itemId: string, torrent: string | null) {
  expect(await handle.result()).toEqual({ itemId, status: 'CANCELLED' });
  expect(statuses(calls).at(-1)).toBe('CANCELLED');
  expect(calls.of('removeTorrent')).toEqual(torrent ? [{ itemId, hash: torrent }] : []);
  expect(calls.of('removeWorkFiles')).toEqual([{ itemId }]);
  // The clean-up is the last thing the item does.
  const cleanUp = torrent ? ['removeTorrent', 'removeWorkFiles'] : ['removeWorkFiles'];
  expect(calls.sequence('recordItemTransition').slice(-cleanUp.length)).toEqual(cleanUp);
}

describe.concurrent('episodePipeline: cancel from every wait and step cleans up', () => {
  test.each(cases)('cancel update while $where', async ({ input: makeInput, activities, reached, torrent, where }) => {
    const running: RunningActivity = { stopped: false, filesRemovedWhileRunning: false };
    const calls = activities(running);
    const input = makeInput();

    const handle = await startEpisode(workers, calls, input);
    await stateWhen(handle, reached, where);
    if (where === 'downloading' || where === 'encoding') await untilStarted(running);
    await handle.executeUpdate(cancelUpdate);

    await expectCleanedUp(handle, calls, input.itemId, torrent);
    // A running download or encode has stopped before its files are removed.
    if (where === 'downloading' || where === 'encoding')
      expect(running).toEqual({ started: true, stopped: true, filesRemovedWhileRunning: false });
  });

  test('cancelling the workflow itself (a cancelled request reaches its items so) cleans up the same way', async () => {
    const running: RunningActivity = { stopped: false, filesRemovedWhileRunning: false };
    const downloading = cases.find((c) => c.where === 'downloading')!;
    const calls = downloading.activities(running);
    const input = episodeInput();

    const handle = await startEpisode(workers, calls, input);
    await stateWhen(handle, downloading.reached, 'the download to run');
    await untilStarted(running);
    await handle.cancel();

    await expectCleanedUp(handle, calls, input.itemId, hashOf(web));
    expect(running).toEqual({ started: true, stopped: true, filesRemovedWhileRunning: false });
  });
});

/** Waits until the long-running stand-in is really running, so the cancel meets a started activity. */
async function untilStarted(running: RunningActivity): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!running.started) {
    if (Date.now() > deadline) throw new Error('the download or encode never started');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
