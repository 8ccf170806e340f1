import { ApplicationFailure } from '@temporalio/activity';
import { describe, expect, test } from 'vitest';
import { itemLiveDetail, type ItemLiveDetail } from '../../src/services/requests/item-live-detail.js';
import { DESTINATION_REFUSED, INDEXERS_REFUSED, QBITTORRENT_UNREACHABLE, TARGET_OFFLINE } from '../../src/contracts/failures.js';
import { eventually } from './support/activity-calls.js';
import { tierPipelineTimings, useTierWorkers } from './support/environment.js';
import { episodeInput, pipelineActivities, release, startEpisode, statuses, waitingFor } from './support/pipeline.js';

const workers = useTierWorkers();
const web = release('Severance.S01E02.1080p.WEB-DL');
const offline = 'local folder /srv/media is offline or not writable: EROFS: read-only file system';

/** A stand-in that fails with a passing fault `times` times, then does what `then` does. */
function failsTransiently<F extends (input: never) => Promise<unknown>>(times: number, type: string, message: string, then: F): F {
  let calls = 0;
  return (async (input: never) => {
    if (calls++ < times) throw ApplicationFailure.retryable(message, type);
    return then(input);
  }) as F;
}

describe.concurrent('episodePipeline: a step failing for a passing reason is retried for the window first', () => {
  test('a delivery that fails twice with its target offline, then succeeds, completes without FAILED; meanwhile the item shows it', async () => {
    const calls = pipelineActivities([web], {
      deliverItem: failsTransiently(2, TARGET_OFFLINE, offline, pipelineActivities([web]).activities.deliverItem),
    });
    const input = episodeInput();

    const handle = await startEpisode(workers, calls, input);
    // Between the attempts the live detail names the step, the attempt, the last error and the window's end.
    let seen: ItemLiveDetail['retrying'] = null;
    await eventually(async () => {
      seen = (await itemLiveDetail(workers.client, input.itemId, 'DELIVERING'))?.retrying ?? null;
      return seen !== null;
    }, 'the item to show its retried delivery');
    expect(seen).toMatchObject({ step: 'deliver', lastError: offline });
    expect(seen!.attempt).toBeGreaterThanOrEqual(2);
    expect(Date.parse(seen!.until!)).toBeGreaterThan(Date.now() - tierPipelineTimings.stepRetryWindowMs!);

    expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
    expect(calls.count('deliverItem')).toBe(3);
    expect(statuses(calls)).not.toContain('FAILED');
    expect(statuses(calls).at(-1)).toBe('COMPLETED');
  });

  test('qBittorrent unreachable when the release is added: retried, then the download goes on', async () => {
    const calls = pipelineActivities([web], {
      addRelease: failsTransiently(
        1,
        QBITTORRENT_UNREACHABLE,
        'qBittorrent did not answer',
        pipelineActivities([web]).activities.addRelease,
      ),
    });
    const input = episodeInput();

    const handle = await startEpisode(workers, calls, input);
    expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
    expect(calls.count('addRelease')).toBe(2);
    expect(statuses(calls)).not.toContain('FAILED');
  });

  test('a target offline past the window: FAILED at deliver with the last error, after the retries', async () => {
    let attempts = 0;
    const calls = pipelineActivities([web], {
      deliverItem: async () => {
        attempts++;
        throw ApplicationFailure.retryable(`${offline} (attempt ${attempts})`, TARGET_OFFLINE);
      },
    });
    const input = episodeInput();
    const started = Date.now();

    const handle = await startEpisode(workers, calls, input);
    const failed = await waitingFor(handle, 'retry or cancel');
    const elapsed = Date.now() - started;

    expect(failed).toMatchObject({ status: 'FAILED', failedStep: 'deliver', lastError: `${offline} (attempt ${attempts})` });
    expect(attempts).toBe(3);
    // Retried after 1 s and 2 s; the next (4 s later) would end past the 5 s window, so it stops there.
    expect(elapsed).toBeGreaterThanOrEqual(3_000);
    expect(calls.of('recordItemTransition').at(-1)).toMatchObject({ status: 'FAILED', changes: { failedStep: 'deliver' } });
    await handle.terminate();
  });

  test.each([
    { activity: 'deliverItem' as const, type: DESTINATION_REFUSED, step: 'deliver', message: '/srv/media is not a usable folder' },
    {
      activity: 'searchReleases' as const,
      type: INDEXERS_REFUSED,
      step: 'search',
      message: 'Every indexer refused the credentials: HTTP 401',
    },
  ])('$type is final: FAILED at $step at once, after one attempt', async ({ activity, type, step, message }) => {
    // Thrown retryable on purpose: the retry policy's list of final types must stop it all the same.
    const calls = pipelineActivities([web], {
      [activity]: async () => {
        throw ApplicationFailure.retryable(message, type);
      },
    });
    const input = episodeInput();

    const handle = await startEpisode(workers, calls, input);
    const failed = await waitingFor(handle, 'retry or cancel');

    expect(failed).toMatchObject({ status: 'FAILED', failedStep: step, lastError: message });
    expect(calls.count(activity)).toBe(1);
    await handle.terminate();
  });
});
