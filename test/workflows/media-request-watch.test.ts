import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { RequestItemActivities } from '../../src/activities/request-items.js';
import type { mediaRequest } from '../../src/workflows/media-request.js';
import {
  airDateChangedSignal,
  approveUpdate,
  episodeStateQuery,
  itemWorkflowId,
  requestWorkflowId,
  type EpisodePipelineInput,
  type MediaRequestInput,
  type RequestMonitor,
  type RequestReplan,
} from '../../src/contracts/request.js';
import { ActivityCalls, eventually } from './support/activity-calls.js';
import { useTierWorkers } from './support/environment.js';
import { episodeInput, pipelineActivities, release, startEpisode, stateWhen, waitingFor, type EpisodeHandle } from './support/pipeline.js';

type RequestActivities = Pick<
  RequestItemActivities,
  'recordRequestStatus' | 'planRequestItems' | 'concludeRequest' | 'requestWatch' | 'replanRequestItems'
>;
type Planned = Omit<EpisodePipelineInput, 'timings'>;

const workers = useTierWorkers();
const web = release('Severance.S01E03.1080p.WEB-DL');
/** The re-check cadence the stand-in of requestWatch answers, as REELFLOW_REQUEST_WATCH_SECONDS would. */
const CADENCE_MS = 150;

function episode(requestId: string, number: number, replace: Partial<Planned> = {}): Planned {
  const planned = episodeInput({ requestId, ...replace });
  if (planned.media.kind !== 'episode') throw new Error('an episode is planned');
  return { ...planned, media: { ...planned.media, episode: number, episodeTitle: `Episode ${number}` } };
}

/**
 * The season at the provider as the re-plan sees it: the stand-in answers as replanRequestItems does, with
 * the items the workflow does not know yet and the known ones whose air date moved.
 */
class ProviderSeason {
  showEnded = false;
  constructor(public episodes: Planned[]) {}

  replan(known: Record<string, string | null>): RequestReplan {
    return {
      added: this.episodes.filter((e) => !(e.itemId in known)),
      moved: this.episodes
        .filter((e) => e.itemId in known && known[e.itemId] !== e.airDate)
        .map((e) => ({ itemId: e.itemId, airDate: e.airDate })),
      showEnded: this.showEnded,
    };
  }
}

function watchedRequest(
  requestId: string,
  season: ProviderSeason,
  options: { monitor?: RequestMonitor; showEnded?: boolean; replan?: (known: Record<string, string | null>) => RequestReplan } = {},
) {
  const planned = [...season.episodes];
  const request = new ActivityCalls<RequestActivities>({
    recordRequestStatus: async () => {},
    planRequestItems: async () => planned,
    requestWatch: async () => ({ monitor: options.monitor ?? 'existing', cadenceMs: CADENCE_MS, showEnded: options.showEnded ?? false }),
    replanRequestItems: async ({ known }) => (options.replan ?? ((k) => season.replan(k)))(known),
    concludeRequest: async () => 'COMPLETED',
  });
  const items = pipelineActivities([web]);
  return { request, items };
}

function start(requestId: string, calls: ReturnType<typeof watchedRequest>, itemIds: string[], input: Partial<MediaRequestInput> = {}) {
  workers.serve({ ...calls.items.activities, ...calls.request.activities }, requestId, ...itemIds);
  return workers.client.workflow.start<typeof mediaRequest>('mediaRequest', {
    workflowId: requestWorkflowId(requestId),
    taskQueue: workers.taskQueue,
    args: [{ requestId, ...input }],
  });
}

/** The items whose pipeline was started, from the pipelines' first written status. */
const startedItems = (calls: ReturnType<typeof watchedRequest>) => [
  ...new Set(calls.items.of('recordItemTransition').map((t) => t.itemId)),
];
const completed = (calls: ReturnType<typeof watchedRequest>, itemId: string) =>
  calls.items.of('recordItemTransition').some((t) => t.itemId === itemId && t.status === 'COMPLETED');

describe.concurrent('mediaRequest watching its seasons', () => {
  test('a re-plan that finds a new episode starts exactly one new pipeline; identical re-plans start none', async () => {
    const requestId = randomUUID();
    const season = new ProviderSeason([episode(requestId, 1), episode(requestId, 2)]);
    const announced = episode(requestId, 3);
    // Every re-plan after the announcement answers the new episode as added, as a retried or replayed
    // activity whose answer was computed before the workflow knew it would: the workflow starts it once.
    const calls = watchedRequest(requestId, season, {
      replan: (known) => {
        const answer = season.replan(known);
        return answer.added.length === 0 && season.episodes.includes(announced) ? { ...answer, added: [announced] } : answer;
      },
    });
    const handle = await start(requestId, calls, season.episodes.map((e) => e.itemId).concat(announced.itemId));
    await eventually(() => season.episodes.every((e) => completed(calls, e.itemId)), 'the first two episodes to complete');
    await calls.request.called('replanRequestItems', 2);
    expect(startedItems(calls)).toHaveLength(2);

    season.episodes.push(announced);
    await eventually(() => completed(calls, announced.itemId), 'the announced episode to complete');
    const replansAfter = calls.request.count('replanRequestItems');
    await calls.request.called('replanRequestItems', replansAfter + 3);
    season.showEnded = true;

    const result = await handle.result();
    expect(result.status).toBe('COMPLETED');
    expect(result.itemIds).toEqual(season.episodes.map((e) => e.itemId));
    expect(startedItems(calls).sort()).toEqual(season.episodes.map((e) => e.itemId).sort());
    // The announced episode's pipeline ran once: one search, one delivery.
    expect(calls.items.of('searchReleases').filter((s) => s.media.kind === 'episode' && s.media.episode === 3)).toHaveLength(1);
    expect(calls.items.of('deliverItem').length).toBe(3);
    // It was started like the first ones: under its item's id, a child of the request, with the request's search attributes.
    const child = await workers.client.workflow.getHandle(itemWorkflowId(announced.itemId)).describe();
    expect(child).toMatchObject({ type: 'episodePipeline', parentExecution: { workflowId: requestWorkflowId(requestId) } });
    expect(child.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
      expect.arrayContaining([
        ['ReelflowRequestId', requestId],
        ['ReelflowItemId', announced.itemId],
      ]),
    );
    // Later re-plans were told of the new item: it is part of what the request knows.
    expect(calls.request.of('replanRequestItems').at(-1)!.known).toHaveProperty(announced.itemId);
    expect(calls.request.of('recordRequestStatus')).toEqual([{ requestId, status: 'PROCESSING' }]);
  });

  test('a moved air date reaches the waiting pipeline: a later date moves its wait, a past one starts its search', async () => {
    const requestId = randomUUID();
    const waiting = episode(requestId, 1, { airDate: '2099-01-01' });
    const season = new ProviderSeason([waiting]);
    const calls = watchedRequest(requestId, season);
    const handle = await start(requestId, calls, [waiting.itemId]);
    const item = workers.client.workflow.getHandle(itemWorkflowId(waiting.itemId)) as EpisodeHandle;
    await eventually(
      async () => (await item.query(episodeStateQuery).catch(() => undefined))?.waitingFor === 'air date',
      'the air date wait',
    );
    expect((await item.query(episodeStateQuery)).waitUntil).toBe('2099-01-01T00:00:00.000Z');

    season.episodes = [{ ...waiting, airDate: '2098-06-30' }];
    await stateWhen(item, (s) => s.waitUntil === '2098-06-30T00:00:00.000Z', 'the wait to move to the new air date');
    expect(calls.items.count('searchReleases')).toBe(0);

    season.episodes = [{ ...waiting, airDate: '2001-01-01' }];
    await eventually(() => completed(calls, waiting.itemId), 'the item to search and complete once its air date passed');
    season.showEnded = true;
    expect((await handle.result()).status).toBe('COMPLETED');
    // Waited once (AWAITING recorded once), then searched.
    const statuses = calls.items.of('recordItemTransition').map((t) => t.status);
    expect(statuses.filter((s) => s === 'AWAITING')).toHaveLength(1);
    expect(statuses.indexOf('SEARCHING')).toBeGreaterThan(statuses.indexOf('AWAITING'));
  });

  test.for([
    { why: 'monitor "none"', watch: { monitor: 'none' as const } },
    { why: 'a show already ended when it was planned', watch: { monitor: 'existing' as const, showEnded: true } },
  ])('$why plans once: no re-plan, the request concludes when its items are done', async ({ watch }) => {
    const requestId = randomUUID();
    const season = new ProviderSeason([episode(requestId, 1)]);
    const calls = watchedRequest(requestId, season, watch);
    const handle = await start(
      requestId,
      calls,
      season.episodes.map((e) => e.itemId),
    );

    expect((await handle.result()).status).toBe('COMPLETED');
    expect(calls.request.count('requestWatch')).toBe(1);
    expect(calls.request.count('replanRequestItems')).toBe(0);
    expect(calls.request.of('planRequestItems')).toEqual([{ requestId }]);
  });

  test('a show the provider calls ended stops the watch: the running items are awaited, nothing is re-planned', async () => {
    const requestId = randomUUID();
    const season = new ProviderSeason([episode(requestId, 1, { approval: { required: true, timeoutSeconds: null, autoAction: null } })]);
    season.showEnded = true;
    const calls = watchedRequest(requestId, season);
    const [only] = season.episodes;
    const handle = await start(requestId, calls, [only!.itemId]);
    const item = workers.client.workflow.getHandle(itemWorkflowId(only!.itemId)) as EpisodeHandle;
    await eventually(
      async () => (await item.query(episodeStateQuery).catch(() => undefined))?.waitingFor === 'approval',
      'the approval wait',
    );
    await calls.request.called('replanRequestItems', 1);
    // Several cadences later, still one re-plan: the watch ended with it.
    await new Promise((resolve) => setTimeout(resolve, CADENCE_MS * 5));
    expect(calls.request.count('replanRequestItems')).toBe(1);
    const described = await handle.describe();
    expect(described.status.name).toBe('RUNNING');

    await item.executeUpdate(approveUpdate);
    expect((await handle.result()).status).toBe('COMPLETED');
    expect(calls.request.count('replanRequestItems')).toBe(1);
    expect(calls.request.count('concludeRequest')).toBe(1);
  });

  test('cancelling a watching request ends the watch and concludes it', async () => {
    const requestId = randomUUID();
    const season = new ProviderSeason([episode(requestId, 1)]);
    const calls = watchedRequest(requestId, season);
    const handle = await start(
      requestId,
      calls,
      season.episodes.map((e) => e.itemId),
    );
    await eventually(() => completed(calls, season.episodes[0]!.itemId), 'the episode to complete');
    await calls.request.called('replanRequestItems', 2);
    expect((await handle.describe()).status.name).toBe('RUNNING');

    await handle.cancel();
    expect((await handle.result()).status).toBe('COMPLETED');
    expect(calls.request.count('concludeRequest')).toBe(1);
  });

  test('a long history continues as new once no item runs, carrying the known items', async () => {
    const requestId = randomUUID();
    const season = new ProviderSeason([episode(requestId, 1)]);
    const later = episode(requestId, 2);
    const calls = watchedRequest(requestId, season);
    const handle = await start(requestId, calls, [season.episodes[0]!.itemId, later.itemId], { maxHistoryEvents: 40 });
    const firstRunId = handle.firstExecutionRunId;
    await eventually(
      async () => (await workers.client.workflow.getHandle(handle.workflowId, firstRunId).describe()).status.name === 'CONTINUED_AS_NEW',
      'the first run to continue as new',
    );
    // The next run knows the item the first one started, and starts only what is new to it.
    season.episodes.push(later);
    await eventually(() => completed(calls, later.itemId), 'the episode announced after continuing to complete');
    season.showEnded = true;
    const result = await handle.result();
    expect(result.status).toBe('COMPLETED');
    expect(startedItems(calls).sort()).toEqual(season.episodes.map((e) => e.itemId).sort());
    expect(calls.items.of('deliverItem')).toHaveLength(2);
    expect(calls.request.count('planRequestItems')).toBe(1);
    expect(calls.request.of('recordRequestStatus')).toEqual([{ requestId, status: 'PROCESSING' }]);
  });
});

describe.concurrent('episodePipeline told of a moved air date', () => {
  test('is ignored at any other step than the air-date wait', async () => {
    const calls = pipelineActivities([web]);
    const input = episodeInput({ approval: { required: true, timeoutSeconds: null, autoAction: null } });
    const handle = await startEpisode(workers, calls, input);
    await waitingFor(handle, 'approval');
    await handle.signal(airDateChangedSignal, { airDate: '2099-01-01' });
    await handle.executeUpdate(approveUpdate);
    expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
    expect(calls.of('recordItemTransition').map((t) => t.status)).not.toContain('AWAITING');
  });
});
