import { ApplicationFailure } from '@temporalio/activity';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, test } from 'vitest';
import { episodeStateQuery, retryUpdate, type PipelineStep } from '../../src/contracts/request.js';
import { DOWNLOAD_ERRORED, DOWNLOAD_STALLED } from '../../src/contracts/failures.js';
import { useTierWorkers } from './support/environment.js';
import {
  downloadedFile,
  episodeInput,
  hashOf,
  pipelineActivities,
  release,
  startEpisode,
  statuses,
  waitingFor,
  type PipelineActivities,
} from './support/pipeline.js';

const workers = useTierWorkers();
const web = release('Severance.S01E02.1080p.WEB-DL');
const hdtv = release('Severance.S01E02.720p.HDTV');

describe.concurrent('episodePipeline: a release that will not download is set aside', () => {
  test.each([DOWNLOAD_STALLED, DOWNLOAD_ERRORED])(
    '%s: the torrent is removed and the next accepted release is downloaded',
    async (failureType) => {
      const calls = pipelineActivities([web, hdtv], {
        awaitDownload: async ({ hash }) => {
          if (hash === hashOf(web)) throw ApplicationFailure.nonRetryable('made no progress for 1800 s', failureType);
          return downloadedFile(hash);
        },
      });
      const input = episodeInput();

      const handle = await startEpisode(workers, calls, input);

      expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
      expect(calls.of('addRelease').map((a) => a.release)).toEqual([web, hdtv]);
      expect(calls.of('removeTorrent')).toEqual([{ itemId: input.itemId, hash: hashOf(web) }]);
      expect(calls.of('recordItemTransition')).toContainEqual({
        itemId: input.itemId,
        status: 'DOWNLOADING',
        changes: { torrentHash: null, lastError: expect.stringMatching(/set aside: made no progress/) },
      });
      // Only the release that completed is encoded; the search ran once.
      expect(calls.of('encodeItem')).toEqual([expect.objectContaining({ source: `/downloads/${hashOf(hdtv)}/episode.mkv` })]);
      expect(calls.count('searchReleases')).toBe(1);
    },
  );

  test('every release stalled: the item fails at download, and a retry searches afresh', async () => {
    let stalling = true;
    const calls = pipelineActivities([web, hdtv], {
      awaitDownload: async ({ hash }) => {
        if (stalling) throw ApplicationFailure.nonRetryable('made no progress', DOWNLOAD_STALLED);
        return downloadedFile(hash);
      },
    });
    const input = episodeInput();

    const handle = await startEpisode(workers, calls, input);
    const failed = await waitingFor(handle, 'retry or cancel');
    expect(failed).toMatchObject({ status: 'FAILED', failedStep: 'download', lastError: 'No acceptable release could be downloaded' });
    expect(calls.of('removeTorrent').map((r) => r.hash)).toEqual([hashOf(web), hashOf(hdtv)]);
    stalling = false;
    await handle.executeUpdate(retryUpdate);

    expect((await handle.result()).status).toBe('COMPLETED');
    // The releases set aside get another chance: the new search excludes nothing.
    expect(calls.of('searchReleases').map((s) => s.excluded)).toEqual([[], []]);
    expect(calls.of('addRelease').map((a) => a.release)).toEqual([web, hdtv, web]);
  });
});

const failingSteps: { step: PipelineStep; activity: keyof PipelineActivities; before: keyof PipelineActivities | null }[] = [
  { step: 'search', activity: 'searchReleases', before: null },
  { step: 'download', activity: 'addRelease', before: 'searchReleases' },
  { step: 'download', activity: 'awaitDownload', before: 'searchReleases' },
  { step: 'encode', activity: 'encodeItem', before: 'awaitDownload' },
  { step: 'encode', activity: 'acceptEncodedItem', before: 'awaitDownload' },
  { step: 'deliver', activity: 'deliverItem', before: 'acceptEncodedItem' },
];

describe.concurrent('episodePipeline: a failed step waits for retry, which resumes at that step', () => {
  test.each(failingSteps)(
    '$activity fails → FAILED at $step; retry runs $step again, not the steps before',
    async ({ step, activity, before }) => {
      const message = `${activity} gave up`;
      const calls = pipelineActivities([web], {}, { firstCallFails: { activity, message } });
      const input = episodeInput();

      const handle = await startEpisode(workers, calls, input);
      const failed = await waitingFor(handle, 'retry or cancel');
      expect(failed).toMatchObject({ status: 'FAILED', failedStep: step, lastError: message });
      expect(calls.of('recordItemTransition').at(-1)).toEqual({
        itemId: input.itemId,
        status: 'FAILED',
        changes: { failedStep: step, lastError: message },
      });
      await expect(handle.executeUpdate(retryUpdate)).resolves.toEqual({ itemId: input.itemId, status: 'FAILED' });

      expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
      expect(calls.count(activity)).toBe(2);
      if (before) expect(calls.count(before)).toBe(1);
      await expect(handle.query(episodeStateQuery)).resolves.toMatchObject({ failedStep: null, lastError: null });
      expect(statuses(calls).at(-1)).toBe('COMPLETED');
    },
  );

  test('retry is refused unless the item failed', async () => {
    const calls = pipelineActivities([web]);
    const input = episodeInput({ approval: { required: true, timeoutSeconds: null, autoAction: null } });

    const handle = await startEpisode(workers, calls, input);
    await waitingFor(handle, 'approval');
    await expect(handle.executeUpdate(retryUpdate)).rejects.toThrow(WorkflowUpdateFailedError);
    await expect(handle.query(episodeStateQuery)).resolves.toMatchObject({ status: 'FOUND', waitingFor: 'approval' });
    await handle.terminate();
  });
});
