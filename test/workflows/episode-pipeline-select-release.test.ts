import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, test } from 'vitest';
import {
  BLOCKLISTED,
  approveUpdate,
  cancelUpdate,
  episodeStateQuery,
  rejectUpdate,
  selectReleaseUpdate,
  type ApprovalSettings,
} from '../../src/contracts/request.js';
import type { ReleaseCandidate } from '../../src/db/schema/index.js';
import { useTierWorkers } from './support/environment.js';
import {
  episodeInput,
  pipelineActivities,
  release,
  runsUntilCancelled,
  startEpisode,
  stateWhen,
  statuses,
  waitingFor,
  type EpisodeHandle,
} from './support/pipeline.js';

const workers = useTierWorkers();
const web = release('Severance.S01E02.1080p.WEB-DL');
const hdtv = release('Severance.S01E02.720p.HDTV');
const tooSmall: ReleaseCandidate = { ...release('Severance.S01E02.480p.HDTV'), accepted: false, rejections: ['480p is below 720p'] };
const withApproval: ApprovalSettings = { required: true, timeoutSeconds: null, autoAction: null };

/** The validator's reason for refusing the choice of `guid`. */
async function refusal(handle: EpisodeHandle, guid: string): Promise<string> {
  const error: unknown = await handle.executeUpdate(selectReleaseUpdate, { args: [{ guid }] }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause?.message ?? '';
}

describe.concurrent('episodePipeline: a person chooses the release', () => {
  test('at the approval wait the chosen release replaces the found one and is downloaded', async () => {
    const calls = pipelineActivities([web, hdtv]);
    const input = episodeInput({ approval: withApproval });

    const handle = await startEpisode(workers, calls, input);
    expect((await waitingFor(handle, 'approval')).release).toEqual(web);
    await expect(handle.executeUpdate(selectReleaseUpdate, { args: [{ guid: hdtv.guid! }] })).resolves.toEqual({
      itemId: input.itemId,
      status: 'FOUND',
    });

    expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
    expect(calls.of('addRelease').map((a) => a.release)).toEqual([hdtv]);
    expect(calls.of('recordItemTransition')).toContainEqual(
      expect.objectContaining({ status: 'DOWNLOADING', changes: expect.objectContaining({ selectedRelease: hdtv }) }),
    );
    expect(calls.count('searchReleases')).toBe(1);
  });

  test('while the search waits the chosen release (one the profile rejected) is taken at once, without approval', async () => {
    const calls = pipelineActivities([], {
      searchReleases: async () => ({ accepted: [], rejected: [tooSmall], qualityMet: false, failedIndexers: [] }),
    });
    const input = episodeInput({ approval: withApproval });

    const handle = await startEpisode(workers, calls, input);
    await waitingFor(handle, 'release');
    await expect(handle.executeUpdate(selectReleaseUpdate, { args: [{ guid: tooSmall.guid! }] })).resolves.toEqual({
      itemId: input.itemId,
      status: 'SEARCHING',
    });

    expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
    expect(calls.count('searchReleases')).toBe(1);
    expect(calls.of('addRelease').map((a) => a.release)).toEqual([tooSmall]);
    expect(statuses(calls).slice(0, 4)).toEqual(['SEARCHING', 'SEARCHING', 'FOUND', 'DOWNLOADING']);
    expect(calls.of('recordItemTransition')[2]).toEqual({
      itemId: input.itemId,
      status: 'FOUND',
      changes: { selectedRelease: tooSmall, lastError: null },
    });
  });

  test('refused once the item downloads, and when the item is being cancelled', async () => {
    // The cancel's clean-up holds until the test has tried to choose while the item is being cancelled.
    let tried!: () => void;
    const triedWhileCancelling = new Promise<void>((resolve) => (tried = resolve));
    const calls = pipelineActivities([web, hdtv], { awaitDownload: runsUntilCancelled, removeWorkFiles: () => triedWhileCancelling });
    const input = episodeInput();

    const handle = await startEpisode(workers, calls, input);
    await stateWhen(handle, (s) => s.status === 'DOWNLOADING', 'the download to begin');
    expect(await refusal(handle, hdtv.guid!)).toContain('Item is DOWNLOADING: a release can be chosen only while it waits');
    await handle.executeUpdate(cancelUpdate);
    await calls.called('removeWorkFiles');
    expect(await refusal(handle, hdtv.guid!)).toBe('Item is being cancelled: no release can be chosen');
    tried();

    expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'CANCELLED' });
    expect(calls.of('addRelease').map((a) => a.release)).toEqual([web]);
  });

  test('refused for a guid that is not one of the item’s releases and for a blocklisted release', async () => {
    const blocked: ReleaseCandidate = { ...hdtv, accepted: false, rejections: [BLOCKLISTED] };
    const calls = pipelineActivities([], {
      searchReleases: async () => ({ accepted: [web], rejected: [blocked, tooSmall], qualityMet: true, failedIndexers: [] }),
    });
    const input = episodeInput({ approval: withApproval });

    const handle = await startEpisode(workers, calls, input);
    await waitingFor(handle, 'approval');
    expect(await refusal(handle, 'https://indexer.test/details/unknown')).toContain(
      'guid: "https://indexer.test/details/unknown" is not one of the item\'s releases',
    );
    expect(await refusal(handle, blocked.guid!)).toContain(`guid: release "${hdtv.title}" is blocklisted`);

    // Nothing changed: the found release still waits for a decision.
    await expect(handle.query(episodeStateQuery)).resolves.toMatchObject({ waitingFor: 'approval', release: web });
    await handle.executeUpdate(approveUpdate);
    expect((await handle.result()).status).toBe('COMPLETED');
    expect(calls.of('addRelease').map((a) => a.release)).toEqual([web]);
  });

  test('a person’s rejection puts the release on the blocklist; an approval timeout’s does not', async () => {
    const calls = pipelineActivities([web, hdtv]);
    const input = episodeInput({ approval: withApproval });

    const handle = await startEpisode(workers, calls, input);
    await waitingFor(handle, 'approval');
    await handle.executeUpdate(rejectUpdate, { args: [{ reason: 'wrong language' }] });
    await calls.called('searchReleases', 2);
    await waitingFor(handle, 'approval');
    await handle.executeUpdate(approveUpdate);
    expect((await handle.result()).status).toBe('COMPLETED');
    expect(calls.of('blocklistRelease')).toEqual([
      { itemId: input.itemId, requestId: input.requestId, release: web, reason: 'wrong language' },
    ]);

    const timedOut = pipelineActivities([web, hdtv]);
    const autoReject = episodeInput({ approval: { required: true, timeoutSeconds: 1, autoAction: 'reject' } });
    const second = await startEpisode(workers, timedOut, autoReject);
    await waitingFor(second, 'release');
    await second.terminate();
    expect(timedOut.count('blocklistRelease')).toBe(0);
  });
});
