import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { RequestItemActivities } from '../../src/activities/request-items.js';
import type { mediaRequest } from '../../src/workflows/media-request.js';
import {
  episodeStateQuery,
  itemWorkflowId,
  requestStateQuery,
  requestWorkflowId,
  type EpisodePipelineInput,
} from '../../src/contracts/request.js';
import { ActivityCalls, eventually } from './support/activity-calls.js';
import { tierPipelineTimings, useTierWorkers } from './support/environment.js';
import { episodeInput, fails, pipelineActivities, release, type PipelineActivities } from './support/pipeline.js';

type RequestActivities = Pick<RequestItemActivities, 'recordRequestStatus' | 'planRequestItems' | 'concludeRequest' | 'requestWatch'>;

const workers = useTierWorkers();
const web = release('Severance.S01E02.1080p.WEB-DL');

/** Two episodes of one request, as planRequestItems expands it. */
function plannedEpisodes(requestId: string, replace: Partial<EpisodePipelineInput> = {}) {
  return [1, 2].map((episode) => {
    const planned = episodeInput({ requestId, ...replace });
    return { ...planned, media: { ...planned.media, episode, episodeTitle: `Episode ${episode}` } };
  });
}

/** The request's own stand-ins (bookkeeping) beside the items' pipeline stand-ins, each with its calls. */
function requestActivities(
  planned: ReturnType<typeof plannedEpisodes>,
  replace: Partial<RequestActivities> = {},
  items = pipelineActivities([web]),
) {
  const request = new ActivityCalls<RequestActivities>({
    recordRequestStatus: async () => {},
    planRequestItems: async () => planned,
    concludeRequest: async () => 'COMPLETED',
    // Planned once, as a movie or a request with `monitor: "none"` is (media-request-watch.test.ts watches).
    requestWatch: async () => ({ monitor: 'none' as const, cadenceMs: 60_000 }),
    ...replace,
  });
  return { request, items };
}

function startRequest(
  requestId: string,
  calls: { request: ActivityCalls<RequestActivities>; items: ActivityCalls<PipelineActivities> },
  itemIds: string[],
) {
  workers.serve({ ...calls.items.activities, ...calls.request.activities }, requestId, ...itemIds);
  return workers.client.workflow.start<typeof mediaRequest>('mediaRequest', {
    workflowId: requestWorkflowId(requestId),
    taskQueue: workers.taskQueue,
    args: [{ requestId }],
  });
}

const itemStatus = (itemId: string) =>
  workers.client.workflow
    .getHandle(itemWorkflowId(itemId))
    .query(episodeStateQuery)
    .then((s) => s.status);

describe.concurrent('mediaRequest', () => {
  test('runs one episodePipeline per planned item and concludes once every item is done', async () => {
    const requestId = randomUUID();
    const planned = plannedEpisodes(requestId);
    const itemIds = planned.map((p) => p.itemId);
    let itemsDoneAtConclusion: string[] = [];
    const calls = requestActivities(planned, {
      concludeRequest: async () => {
        itemsDoneAtConclusion = calls.items
          .of('recordItemTransition')
          .filter((t) => t.status === 'COMPLETED')
          .map((t) => t.itemId);
        return 'COMPLETED';
      },
    });

    const handle = await startRequest(requestId, calls, itemIds);

    expect(await handle.result()).toEqual({ requestId, phase: 'done', itemIds, status: 'COMPLETED' });
    expect(calls.request.of('recordRequestStatus')).toEqual([{ requestId, status: 'PROCESSING' }]);
    expect(calls.request.of('planRequestItems')).toEqual([{ requestId }]);
    expect(calls.request.of('concludeRequest')).toEqual([{ requestId }]);
    expect(itemsDoneAtConclusion.sort()).toEqual([...itemIds].sort());
    // Each item ran its own pipeline, under its own workflow id, with the durations its worker is configured with.
    expect(calls.items.of('searchReleases').map((s) => s.media)).toEqual(expect.arrayContaining(planned.map((p) => p.media)));
    const { downloadPollMs } = tierPipelineTimings;
    expect(calls.items.of('awaitDownload').map((d) => d.pollMs)).toEqual([downloadPollMs, downloadPollMs]);
    for (const itemId of itemIds) {
      const child = await workers.client.workflow.getHandle(itemWorkflowId(itemId)).describe();
      expect(child).toMatchObject({
        type: 'episodePipeline',
        status: { name: 'COMPLETED' },
        parentExecution: { workflowId: requestWorkflowId(requestId) },
      });
    }
    await expect(handle.query(requestStateQuery)).resolves.toEqual({ requestId, phase: 'done', itemIds });
  });

  test('planning that fails ends the request FAILED with the reason, and starts no item', async () => {
    const requestId = randomUUID();
    const calls = requestActivities([], { planRequestItems: fails('No provider knows the show with ids {"tmdb":1}', 'TitleUnknown') });

    const handle = await startRequest(requestId, calls, []);

    expect(await handle.result()).toEqual({ requestId, phase: 'failed', itemIds: [], status: 'FAILED' });
    expect(calls.request.of('recordRequestStatus')).toEqual([
      { requestId, status: 'PROCESSING' },
      { requestId, status: 'FAILED', error: 'No provider knows the show with ids {"tmdb":1}' },
    ]);
    expect(calls.request.count('concludeRequest')).toBe(0);
    expect(calls.items.log).toEqual([]);
  });

  test('cancelling the request cancels every item, which cleans up before the request concludes', async () => {
    const requestId = randomUUID();
    const planned = plannedEpisodes(requestId, { approval: { required: true, timeoutSeconds: null, autoAction: null } });
    const itemIds = planned.map((p) => p.itemId);
    let cleanedUpAtConclusion = 0;
    const calls = requestActivities(planned, {
      concludeRequest: async () => {
        cleanedUpAtConclusion = calls.items.count('removeWorkFiles');
        return 'CANCELLED';
      },
    });

    const handle = await startRequest(requestId, calls, itemIds);
    for (const itemId of itemIds) {
      await eventually(async () => (await itemStatus(itemId).catch(() => undefined)) === 'FOUND', `item ${itemId} to wait for approval`);
    }
    await handle.cancel();

    expect(await handle.result()).toEqual({ requestId, phase: 'done', itemIds, status: 'CANCELLED' });
    expect(
      calls.items
        .of('removeWorkFiles')
        .map((r) => r.itemId)
        .sort(),
    ).toEqual([...itemIds].sort());
    expect(cleanedUpAtConclusion).toBe(2);
    for (const itemId of itemIds) await expect(itemStatus(itemId)).resolves.toBe('CANCELLED');
    expect(calls.items.count('addRelease')).toBe(0);
  });
});
