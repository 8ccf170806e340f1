import type { WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, test } from 'vitest';
import type { ItemUpgradeActivities } from '../../src/activities/item-upgrade.js';
import type { UpgradeTimingsActivities } from '../../src/activities/upgrade-timings.js';
import type { ReleaseCandidate } from '../../src/db/schema/index.js';
import type { itemUpgrade } from '../../src/workflows/item-upgrade.js';
import { BLOCKLISTED, cancelUpdate, endWaitSignal } from '../../src/contracts/request.js';
import { itemUpgradeStateQuery, itemUpgradeWorkflowId, type UpgradeTimings } from '../../src/contracts/item-upgrade.js';
import { ActivityCalls, eventually } from './support/activity-calls.js';
import { useTierWorkers } from './support/environment.js';
import {
  downloadedFile,
  episodeInput,
  fails,
  hashOf,
  pipelineActivities,
  release,
  runsUntilCancelled,
  startEpisode,
  type PipelineActivities,
} from './support/pipeline.js';

const workers = useTierWorkers();

/** The profile these tests judge by: 1080p preferred, as the `judgeUpgrade` stand-in applies it. */
const PREFERRED = 1080;
const at = (resolution: number, title: string): ReleaseCandidate => ({ ...release(title), resolution });
const hdtv = at(720, 'Severance.S01E02.720p.HDTV');
const otherHdtv = at(720, 'Severance.S01E02.720p.WEBRip');
const web = at(1080, 'Severance.S01E02.1080p.WEB-DL');
const blocklistedWeb = { ...at(1080, 'Severance.S01E02.1080p.AMZN'), accepted: false, rejections: [BLOCKLISTED] };

type UpgradeActivities = PipelineActivities & Pick<ItemUpgradeActivities, 'judgeUpgrade' | 'recordUpgradeWait'> & UpgradeTimingsActivities;
type UpgradeHandle = WorkflowHandle<typeof itemUpgrade>;

/**
 * An item whose first search offers only `first` (accepted) and whose later searches answer with `later()`'s
 * releases (less those excluded), with the upgrade search configured by `timings`.
 */
function upgradeActivities(
  first: ReleaseCandidate[],
  later: () => { accepted: ReleaseCandidate[]; rejected?: ReleaseCandidate[] },
  timings: UpgradeTimings,
  replace: Partial<PipelineActivities> = {},
): ActivityCalls<UpgradeActivities> {
  let searches = 0;
  const base = pipelineActivities([], {
    ...replace,
    searchReleases: async ({ excluded }) => {
      const offered = searches++ === 0 ? { accepted: first } : later();
      return {
        accepted: offered.accepted.filter((r) => !excluded.includes(r.downloadUrl)),
        rejected: offered.rejected ?? [],
        qualityMet: offered.accepted.some((r) => (r.resolution ?? 0) >= PREFERRED),
        failedIndexers: [],
      };
    },
  });
  return new ActivityCalls<UpgradeActivities>({
    ...base.activities,
    upgradeTimings: async () => timings,
    judgeUpgrade: async ({ delivered, accepted }) => ({
      deliveredMet: delivered !== null && (delivered.resolution ?? 0) >= PREFERRED,
      upgrades: accepted.filter((r) => (r.resolution ?? 0) >= PREFERRED),
    }),
    recordUpgradeWait: async () => {},
  });
}

/** Runs the item's pipeline to COMPLETED; returns its upgrade search, which the pipeline handed it to. */
async function deliveredItem(calls: ActivityCalls<UpgradeActivities>) {
  const input = episodeInput();
  const handle = await startEpisode(workers, calls as unknown as ActivityCalls<PipelineActivities>, input);
  expect(await handle.result()).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
  const upgrade: UpgradeHandle = workers.client.workflow.getHandle(itemUpgradeWorkflowId(input.itemId));
  return { input, upgrade };
}

async function untilWaitingForUpgrade(upgrade: UpgradeHandle) {
  let last: unknown;
  await eventually(
    async () => {
      const state = await upgrade.query(itemUpgradeStateQuery);
      last = state;
      return state.waitingFor === 'upgrade';
    },
    `the item to wait for an upgrade (last state: ${JSON.stringify(last)})`,
  );
  return upgrade.query(itemUpgradeStateQuery);
}

/** The transitions the item's row was written with after its first delivery. */
const afterFirstDelivery = (calls: ActivityCalls<UpgradeActivities>) => {
  const transitions = calls.of('recordItemTransition');
  return transitions.slice(transitions.findIndex((t) => t.status === 'COMPLETED') + 1);
};

describe.concurrent('itemUpgrade: an item delivered below its profile looks for an upgrade', () => {
  test('searches again after the back-off, passes over what does not meet the profile, delivers the upgrade', async () => {
    let later = 0;
    const calls = upgradeActivities(
      [hdtv],
      // First upgrade search: only another 720p and a blocklisted 1080p; the next one has the 1080p.
      () => (later++ === 0 ? { accepted: [hdtv, otherHdtv], rejected: [blocklistedWeb] } : { accepted: [otherHdtv, web] }),
      { upgradeWindowMs: 60_000, upgradeSearchMs: 600, upgradeSearchMaxMs: 1_200 },
    );
    const { input, upgrade } = await deliveredItem(calls);

    const waiting = await untilWaitingForUpgrade(upgrade);
    expect(Date.parse(waiting.upgradeUntil!)).toBeGreaterThan(Date.now() + 50_000);
    expect(await upgrade.result()).toEqual({ itemId: input.itemId, outcome: 'upgraded' });

    // The delivered item waited COMPLETED, below the profile, until a deadline.
    expect(calls.of('recordUpgradeWait')[0]).toEqual({ itemId: input.itemId, upgradeUntil: expect.any(String), qualityMet: false });
    // Two upgrade searches, each leaving out the delivered release.
    const searches = calls.of('searchReleases');
    expect(searches).toHaveLength(3);
    for (const search of searches.slice(1)) expect(search.excluded).toContain(hdtv.downloadUrl);
    // Neither the 720p alternative nor the blocklisted 1080p was taken: only the upgrade.
    expect(calls.of('addRelease').map((a) => a.release.title)).toEqual([hdtv.title, web.title]);
    expect(calls.of('awaitDownload')[1]).toMatchObject({ hash: hashOf(web) });
    expect(calls.count('encodeItem')).toBe(2);
    expect(calls.count('deliverItem')).toBe(2);
    expect(afterFirstDelivery(calls).map((t) => t.status)).toEqual(['DOWNLOADING', 'DOWNLOADED', 'ENCODED', 'DELIVERING', 'COMPLETED']);
    expect(afterFirstDelivery(calls).at(-1)!.changes).toMatchObject({ qualityMet: true, lastError: null });
    // The loop ended: the item no longer looks for an upgrade.
    expect(calls.of('recordUpgradeWait').at(-1)).toEqual({ itemId: input.itemId, upgradeUntil: null });
  });

  test('search-now ends the back-off at once', async () => {
    const calls = upgradeActivities([hdtv], () => ({ accepted: [web] }), {
      upgradeWindowMs: 10 * 60_000,
      upgradeSearchMs: 5 * 60_000,
      upgradeSearchMaxMs: 5 * 60_000,
    });
    const { input, upgrade } = await deliveredItem(calls);
    await untilWaitingForUpgrade(upgrade);
    expect(calls.count('searchReleases')).toBe(1);

    await upgrade.signal(endWaitSignal);
    expect(await upgrade.result()).toEqual({ itemId: input.itemId, outcome: 'upgraded' });
    expect(calls.of('addRelease').map((a) => a.release.title)).toEqual([hdtv.title, web.title]);
  });

  test('nothing better within the window: the search ends, the item stays COMPLETED below the profile', async () => {
    const calls = upgradeActivities([hdtv], () => ({ accepted: [otherHdtv] }), {
      upgradeWindowMs: 2_000,
      upgradeSearchMs: 400,
      upgradeSearchMaxMs: 400,
    });
    const { input, upgrade } = await deliveredItem(calls);

    expect(await upgrade.result()).toEqual({ itemId: input.itemId, outcome: 'window-ended' });
    // It searched again within the window (how often depends on the machine's pace), and took nothing.
    expect(calls.count('searchReleases')).toBeGreaterThanOrEqual(2);
    expect(calls.count('addRelease')).toBe(1);
    expect(afterFirstDelivery(calls)).toEqual([]);
    expect(calls.of('recordUpgradeWait')).toEqual([
      { itemId: input.itemId, upgradeUntil: expect.any(String), qualityMet: false },
      { itemId: input.itemId, upgradeUntil: null },
    ]);
  });

  test('cancel during the upgrade wait stops looking and leaves the delivered file alone', async () => {
    const calls = upgradeActivities([hdtv], () => ({ accepted: [web] }), {
      upgradeWindowMs: 10 * 60_000,
      upgradeSearchMs: 5 * 60_000,
      upgradeSearchMaxMs: 5 * 60_000,
    });
    const { input, upgrade } = await deliveredItem(calls);
    await untilWaitingForUpgrade(upgrade);
    const before = calls.log.length;

    expect(await upgrade.executeUpdate(cancelUpdate)).toEqual({ itemId: input.itemId, status: 'COMPLETED' });
    expect(await upgrade.result()).toEqual({ itemId: input.itemId, outcome: 'stopped' });
    // Nothing but the record that it stopped looking: no search, no removal, no delivery.
    expect(calls.log.slice(before)).toEqual([{ activity: 'recordUpgradeWait', input: { itemId: input.itemId, upgradeUntil: null } }]);
    expect(calls.count('deliverItem')).toBe(1);
  });

  test('a delivered item that met the profile never waits', async () => {
    const calls = upgradeActivities([web], () => ({ accepted: [web] }), {
      upgradeWindowMs: 10 * 60_000,
      upgradeSearchMs: 200,
      upgradeSearchMaxMs: 200,
    });
    const { input, upgrade } = await deliveredItem(calls);

    expect(await upgrade.result()).toEqual({ itemId: input.itemId, outcome: 'not-needed' });
    expect(calls.of('recordUpgradeWait')).toEqual([{ itemId: input.itemId, upgradeUntil: null, qualityMet: true }]);
    expect(calls.count('searchReleases')).toBe(1);
    expect(calls.count('addRelease')).toBe(1);
  });

  test('cancel while an upgrade downloads: its torrent and work files are removed, the delivered file stays', async () => {
    let downloads = 0;
    const calls = upgradeActivities(
      [hdtv],
      () => ({ accepted: [web] }),
      { upgradeWindowMs: 10 * 60_000, upgradeSearchMs: 200, upgradeSearchMaxMs: 200 },
      { awaitDownload: async ({ hash }) => (downloads++ === 0 ? downloadedFile(hash) : runsUntilCancelled()) },
    );
    const { input, upgrade } = await deliveredItem(calls);
    await eventually(
      async () => (await upgrade.query(itemUpgradeStateQuery)).release !== null && downloads === 2,
      'the upgrade to download',
    );

    await upgrade.executeUpdate(cancelUpdate);
    expect(await upgrade.result()).toEqual({ itemId: input.itemId, outcome: 'stopped' });
    expect(calls.of('removeTorrent')).toEqual([{ itemId: input.itemId, hash: hashOf(web) }]);
    // The first delivery's clean-up, then the cancelled upgrade's.
    expect(calls.count('removeWorkFiles')).toBe(2);
    expect(calls.count('deliverItem')).toBe(1);
    expect(calls.count('encodeItem')).toBe(1);
    expect(calls.of('recordUpgradeWait').at(-1)).toEqual({ itemId: input.itemId, upgradeUntil: null });
  });

  test('an upgrade that fails on the way is cleaned up and set aside, and the next one that meets the profile is taken', async () => {
    const webRip = at(1080, 'Severance.S01E02.1080p.WEBRip');
    let encodes = 0;
    const base = pipelineActivities([]).activities;
    const calls = upgradeActivities(
      [hdtv],
      () => ({ accepted: [web, webRip] }),
      { upgradeWindowMs: 10 * 60_000, upgradeSearchMs: 200, upgradeSearchMaxMs: 200 },
      { encodeItem: async (args) => (encodes++ === 1 ? fails('ffmpeg broke')() : base.encodeItem(args)) },
    );
    const { input, upgrade } = await deliveredItem(calls);

    expect(await upgrade.result()).toEqual({ itemId: input.itemId, outcome: 'upgraded' });
    expect(calls.of('addRelease').map((a) => a.release.title)).toEqual([hdtv.title, web.title, webRip.title]);
    // The broken one was cleaned up and the item said why, still COMPLETED with its file.
    expect(calls.of('removeTorrent')).toEqual([{ itemId: input.itemId, hash: hashOf(web) }]);
    expect(calls.of('recordUpgradeWait')[1]).toEqual({
      itemId: input.itemId,
      upgradeUntil: expect.any(String),
      lastError: expect.stringContaining(`Upgrade to "${web.title}" set aside: ffmpeg broke`),
    });
    expect(calls.count('deliverItem')).toBe(2);
  });

  test('a long search continues as new, keeping its deadline and what it set aside', async () => {
    let later = 0;
    const calls = upgradeActivities(
      [],
      // Nothing better for a while: each of these searches and waits lengthens the history.
      () => (later++ < 3 ? { accepted: [otherHdtv] } : { accepted: [web] }),
      { upgradeWindowMs: 10 * 60_000, upgradeSearchMs: 50, upgradeSearchMaxMs: 50 },
    );
    const itemId = episodeInput().itemId;
    workers.serve(calls.activities, itemId);
    const until = new Date(Date.now() + 10 * 60_000).toISOString();
    const upgrade = await workers.client.workflow.start<typeof itemUpgrade>('itemUpgrade', {
      workflowId: itemUpgradeWorkflowId(itemId),
      taskQueue: workers.taskQueue,
      args: [{ ...episodeInput({ itemId }), delivered: hdtv, until, maxHistoryEvents: 40 }],
    });

    expect(await upgrade.result()).toEqual({ itemId, outcome: 'upgraded' });
    // More than one run, each carrying the deadline and the delivered release on.
    const last = await upgrade.describe();
    expect(last.runId).not.toBe(upgrade.firstExecutionRunId);
    const searches = calls.of('searchReleases');
    // The first search answers `first` (nothing), three more a 720p, the fifth the upgrade.
    expect(searches.length).toBe(5);
    for (const search of searches) expect(search.excluded).toContain(hdtv.downloadUrl);
    expect(calls.of('addRelease').map((a) => a.release.title)).toEqual([web.title]);
    // A run given its deadline (as a continued one is) writes no new one: the only write ends the wait.
    expect(calls.of('recordUpgradeWait')).toEqual([{ itemId, upgradeUntil: null }]);
  });

  test('a failed upgrade search is noted on the item, which searches again on its back-off', async () => {
    let later = 0;
    const calls = upgradeActivities(
      [hdtv],
      () => {
        if (later++ === 0) throw ApplicationFailure.nonRetryable('Every indexer failed', 'IndexersFailed');
        return { accepted: [web] };
      },
      { upgradeWindowMs: 10 * 60_000, upgradeSearchMs: 200, upgradeSearchMaxMs: 200 },
    );
    const { input, upgrade } = await deliveredItem(calls);

    expect(await upgrade.result()).toEqual({ itemId: input.itemId, outcome: 'upgraded' });
    expect(calls.count('searchReleases')).toBe(3);
    expect(calls.of('recordUpgradeWait')[1]).toEqual({
      itemId: input.itemId,
      upgradeUntil: expect.any(String),
      lastError: expect.stringContaining('Upgrade search failed: Every indexer failed'),
    });
  });
});
