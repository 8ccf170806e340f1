import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, test } from 'vitest';
import { approveUpdate, endWaitSignal, episodeStateQuery, rejectUpdate, type ApprovalSettings } from '../../src/contracts/request.js';
import { tierPipelineTimings, useTierWorkers } from './support/environment.js';
import { episodeInput, hashOf, pipelineActivities, release, startEpisode, statuses, waitingFor } from './support/pipeline.js';

const workers = useTierWorkers();
const web = release('Severance.S01E02.1080p.WEB-DL');
const hdtv = release('Severance.S01E02.720p.HDTV');
const withApproval = (timeoutSeconds: number | null = null, autoAction: ApprovalSettings['autoAction'] = null): ApprovalSettings => ({
  required: true,
  timeoutSeconds,
  autoAction,
});

describe.concurrent('episodePipeline: from search to a delivered file', () => {
  test('without approval: search → download → encode → deliver, and the delivered folder goes to its library', async () => {
    const libraryId = randomUUID();
    const folderPath = '/library/shows/Severance (2022)';
    const calls = pipelineActivities([web, hdtv], {
      deliverItem: async () => ({
        paths: [`${folderPath}/Season 01/Severance - S01E02 - Half Loop.mkv`],
        refreshes: [{ libraryId, folderPath }],
      }),
    });
    const input = episodeInput();

    const handle = await startEpisode(workers, calls, input);
    const result = await handle.result();
    // The folder refresh is abandoned to run on its own time.
    await calls.called('startTitlePipeline');

    expect(result).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
    expect(statuses(calls)).toEqual(['SEARCHING', 'FOUND', 'DOWNLOADING', 'DOWNLOADED', 'ENCODED', 'DELIVERING', 'COMPLETED']);
    expect(calls.sequence('recordItemTransition', 'scanOneFolder', 'startTitlePipeline')).toEqual([
      'searchReleases',
      'addRelease',
      'awaitDownload',
      'encodeItem',
      'acceptEncodedItem',
      'deliverItem',
      'removeWorkFiles',
    ]);
    expect(calls.of('searchReleases')[0]).toMatchObject({
      media: input.media,
      ids: input.ids,
      qualityProfileId: input.qualityProfileId,
      excluded: [],
    });
    expect(calls.of('addRelease')).toEqual([{ itemId: input.itemId, requestId: input.requestId, release: web }]);
    // Durations as the worker is configured: the input carries none.
    expect(calls.of('awaitDownload')[0]).toMatchObject({
      itemId: input.itemId,
      hash: hashOf(web),
      media: input.media,
      pollMs: tierPipelineTimings.downloadPollMs,
      stallMs: tierPipelineTimings.downloadStallMs,
    });
    expect(calls.of('encodeItem')[0]).toMatchObject({
      itemId: input.itemId,
      source: `/downloads/${hashOf(web)}/episode.mkv`,
      qualityProfileId: input.qualityProfileId,
    });
    expect(calls.of('deliverItem')).toEqual([
      { itemId: input.itemId, file: `/work/${input.itemId}/episode.mkv`, targetIds: input.targetIds, media: input.media },
    ]);
    expect(calls.of('scanOneFolder')).toEqual([
      expect.objectContaining({ libraryId, folderPath, reason: expect.stringContaining(input.requestId) }),
    ]);
    // A finished item keeps its torrent seeding; only the work folder goes.
    expect(calls.count('removeTorrent')).toBe(0);
    await expect(handle.query(episodeStateQuery)).resolves.toMatchObject({
      status: 'COMPLETED',
      step: 'done',
      release: web,
      torrentHash: hashOf(web),
    });
  });

  test('a run started with durations in its input keeps them, so that its history replays', async () => {
    const calls = pipelineActivities([web]);
    const input = episodeInput({ timings: { ...tierPipelineTimings, downloadPollMs: 70, downloadStallMs: 7_000 } });

    const handle = await startEpisode(workers, calls, input);

    expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
    expect(calls.of('awaitDownload')).toEqual([expect.objectContaining({ pollMs: 70, stallMs: 7_000 })]);
  });

  test('with approval: the first accepted release waits for a person, and approving downloads it', async () => {
    const calls = pipelineActivities([web, hdtv]);
    const input = episodeInput({ approval: withApproval() });

    const handle = await startEpisode(workers, calls, input);
    const waiting = await waitingFor(handle, 'approval');
    expect(waiting).toMatchObject({ status: 'FOUND', step: 'approval', release: web, waitUntil: null });
    // endWait ends timed waits only: a person's decision is never skipped.
    await handle.signal(endWaitSignal);
    await expect(handle.query(episodeStateQuery)).resolves.toMatchObject({ waitingFor: 'approval' });
    expect(calls.count('addRelease')).toBe(0);
    await expect(handle.executeUpdate(approveUpdate)).resolves.toEqual({ itemId: input.itemId, status: 'FOUND' });

    expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
    expect(calls.of('addRelease').map((a) => a.release)).toEqual([web]);
  });

  test('rejecting a release sets it aside: the next search excludes it and the next release waits for approval', async () => {
    const calls = pipelineActivities([web, hdtv]);
    const input = episodeInput({ approval: withApproval() });

    const handle = await startEpisode(workers, calls, input);
    await waitingFor(handle, 'approval');
    await handle.executeUpdate(rejectUpdate, { args: [{ reason: 'wrong language' }] });
    await calls.called('searchReleases', 2);
    const next = await waitingFor(handle, 'approval');
    expect(next.release).toEqual(hdtv);
    await handle.executeUpdate(approveUpdate);

    expect((await handle.result()).status).toBe('COMPLETED');
    expect(calls.of('searchReleases').map((s) => s.excluded)).toEqual([[], [web.downloadUrl]]);
    expect(calls.of('recordItemTransition')).toContainEqual(
      expect.objectContaining({
        status: 'SEARCHING',
        changes: expect.objectContaining({ selectedRelease: null, lastError: expect.stringContaining('wrong language') }),
      }),
    );
    expect(calls.of('addRelease').map((a) => a.release)).toEqual([hdtv]);
  });

  test('approve and reject are refused while no release waits for approval', async () => {
    const calls = pipelineActivities([]);
    const input = episodeInput({ approval: withApproval() });

    const handle = await startEpisode(workers, calls, input);
    await waitingFor(handle, 'release');
    await expect(handle.executeUpdate(approveUpdate)).rejects.toThrow(WorkflowUpdateFailedError);
    await expect(handle.executeUpdate(rejectUpdate, { args: [{}] })).rejects.toThrow(WorkflowUpdateFailedError);
    await handle.terminate();
    expect(calls.count('addRelease')).toBe(0);
  });

  test('approval timeout with auto-approve downloads the release without a person', async () => {
    const calls = pipelineActivities([web, hdtv]);
    const input = episodeInput({ approval: withApproval(1, 'approve') });

    const handle = await startEpisode(workers, calls, input);

    expect((await handle.result()).status).toBe('COMPLETED');
    expect(calls.of('addRelease').map((a) => a.release)).toEqual([web]);
  });

  test('approval timeout with auto-reject sets each release aside in turn, then waits for a new one', async () => {
    const calls = pipelineActivities([web, hdtv]);
    const input = episodeInput({ approval: withApproval(1, 'reject') });

    const handle = await startEpisode(workers, calls, input);
    await waitingFor(handle, 'release');
    await handle.terminate();

    expect(calls.of('searchReleases').map((s) => s.excluded)).toEqual([[], [web.downloadUrl], [web.downloadUrl, hdtv.downloadUrl]]);
    expect(calls.count('addRelease')).toBe(0);
    expect(
      calls.of('recordItemTransition').filter((t) => t.changes?.lastError?.includes('no decision within the approval timeout')),
    ).toHaveLength(2);
  });

  test.each(['cancel', null] as const)('approval timeout with auto-action %s cancels the item and cleans up', async (autoAction) => {
    const calls = pipelineActivities([web]);
    const input = episodeInput({ approval: withApproval(1, autoAction) });

    const handle = await startEpisode(workers, calls, input);

    expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'CANCELLED' });
    expect(statuses(calls)).toEqual(['SEARCHING', 'FOUND', 'CANCELLED']);
    expect(calls.of('removeWorkFiles')).toEqual([{ itemId: input.itemId }]);
    expect(calls.count('addRelease')).toBe(0);
    expect(calls.count('removeTorrent')).toBe(0);
  });
});

describe.concurrent('episodePipeline: timed waits end early on endWait', () => {
  test('an episode that has not aired waits for its air date; endWait searches now', async () => {
    const calls = pipelineActivities([web]);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60_000).toISOString().slice(0, 10);
    const input = episodeInput({ airDate: tomorrow });

    const handle = await startEpisode(workers, calls, input);
    const waiting = await waitingFor(handle, 'air date');
    expect(waiting).toMatchObject({ status: 'AWAITING', step: 'air-date', waitUntil: expect.stringContaining(tomorrow) });
    expect(calls.count('searchReleases')).toBe(0);
    await handle.signal(endWaitSignal);

    expect((await handle.result()).status).toBe('COMPLETED');
    expect(statuses(calls).slice(0, 2)).toEqual(['AWAITING', 'SEARCHING']);
  });

  test('nothing acceptable found: the item waits for a release; endWait searches again', async () => {
    let offered: (typeof web)[] = [];
    const tooSmall = { ...hdtv, accepted: false, rejections: ['720p is below the profile'] };
    const calls = pipelineActivities([], {
      searchReleases: async () => ({ accepted: offered, rejected: [tooSmall], qualityMet: offered.length > 0, failedIndexers: [] }),
    });
    const input = episodeInput();

    const handle = await startEpisode(workers, calls, input);
    const waiting = await waitingFor(handle, 'release');
    expect(waiting).toMatchObject({ status: 'SEARCHING', waitUntil: expect.any(String) });
    offered = [web];
    await handle.signal(endWaitSignal);

    expect((await handle.result()).status).toBe('COMPLETED');
    expect(calls.count('searchReleases')).toBe(2);
    expect(calls.of('recordItemTransition')[1]).toMatchObject({
      status: 'SEARCHING',
      changes: { availableReleases: [tooSmall], qualityMet: false, lastError: expect.stringContaining('No acceptable release') },
    });
  });
});
