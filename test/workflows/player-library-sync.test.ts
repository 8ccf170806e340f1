import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { describe, expect, test } from 'vitest';
import type { NotifyActivities } from '../../src/activities/notify.js';
import {
  folderChangedSignal,
  foldersChangedSignal,
  playerLibrarySyncWorkflowId,
  playerSyncStateQuery,
  type FolderChange,
  type PlayerPlan,
  type PlayerSyncState,
} from '../../src/contracts/notify.js';
import type { playerLibrarySync } from '../../src/workflows/player-library-sync.js';
import { ActivityCalls, eventually } from './support/activity-calls.js';
import { useTierWorkers } from './support/environment.js';

type PlayerActivities = Pick<NotifyActivities, 'refreshPlayer'>;

const workers = useTierWorkers();

const plan = (replace: Partial<PlayerPlan> = {}): PlayerPlan => ({
  target: { service: 'kodi', group: 'living-room' },
  coalesceSeconds: 2,
  maxFolderRefreshes: 2,
  playingRecheckSeconds: 1,
  delivery: { retryWindowMinutes: 1, initialRetrySeconds: 0.1, maximumRetrySeconds: 0.2 },
  ...replace,
});

const change = (folder: string, replace: Partial<FolderChange> = {}): FolderChange => ({
  folderPath: `/library/shows/${folder}`,
  change: 'added',
  cleanFirst: false,
  notificationKey: randomUUID(),
  ...replace,
});

const refreshed = async () => ({ status: 'refreshed' as const, detail: 'scan sent', coveredEverything: false });

/** A (player, library) workflow fed as notifyTitle feeds it: signal-with-start, one folder change at a time. */
function playerSync(playerPlan: PlayerPlan, calls: ActivityCalls<PlayerActivities>, maxHistoryEvents?: number) {
  const libraryId = randomUUID();
  const workflowId = playerLibrarySyncWorkflowId(playerPlan.target, libraryId);
  workers.serve(calls.activities, libraryId);
  const input = { plan: playerPlan, libraryId, ...(maxHistoryEvents === undefined ? {} : { maxHistoryEvents }) };
  const handle = workers.client.workflow.getHandle<typeof playerLibrarySync>(workflowId);
  return {
    send: (folderChange: FolderChange) =>
      workers.client.workflow.signalWithStart<typeof playerLibrarySync, [FolderChange]>('playerLibrarySync', {
        workflowId,
        taskQueue: workers.taskQueue,
        args: [input],
        signal: folderChangedSignal,
        signalArgs: [folderChange],
      }),
    /** As a titleImport sends them: many folders in one signal. */
    sendMany: (folderChanges: FolderChange[]) =>
      workers.client.workflow.signalWithStart<typeof playerLibrarySync, [FolderChange[]]>('playerLibrarySync', {
        workflowId,
        taskQueue: workers.taskQueue,
        args: [input],
        signal: foldersChangedSignal,
        signalArgs: [folderChanges],
      }),
    state: () => handle.query<PlayerSyncState>(playerSyncStateQuery),
    runId: async () => (await handle.describe()).runId,
    // The workflow idles two minutes before it ends: tests end it themselves.
    end: () => handle.terminate(),
  };
}

const scopes = (calls: ActivityCalls<PlayerActivities>) => calls.of('refreshPlayer').map((r) => r.job.scope);

describe.concurrent('playerLibrarySync', () => {
  test('the first change goes out at once; changes within the window are gathered, and many become one library refresh', async () => {
    const calls = new ActivityCalls<PlayerActivities>({ refreshPlayer: refreshed });
    const sync = playerSync(plan(), calls);
    const first = change('Severance (2022)');

    await sync.send(first);
    await calls.called('refreshPlayer');
    // Within the window: three folders (more than maxFolderRefreshes), and the first one's signal repeated.
    await sync.send(first);
    for (const folder of ['Andor (2022)', 'Shogun (2024)', 'Slow Horses (2022)']) await sync.send(change(folder));
    await calls.called('refreshPlayer', 2);
    await eventually(async () => (await sync.state()).current === undefined, 'the batch to end');
    await sync.end();

    expect(scopes(calls)).toEqual([{ kind: 'folder', path: first.folderPath, change: 'added' }, { kind: 'library' }]);
    expect(calls.of('refreshPlayer')[0]).toMatchObject({ target: plan().target, ignorePlaying: false });
    await expect(sync.state()).resolves.toMatchObject({ target: 'kodi/living-room', pending: [], refreshed: 2, failed: [] });
  });

  test("an import's folders arrive in one signal and go out as one batch; the same signal repeated is taken once", async () => {
    const calls = new ActivityCalls<PlayerActivities>({ refreshPlayer: refreshed });
    const sync = playerSync(plan({ maxFolderRefreshes: 25 }), calls);
    const imported = ['Andor (2022)', 'Shogun (2024)', 'Slow Horses (2022)'].map((folder) => change(folder));

    await sync.sendMany(imported);
    await sync.sendMany(imported);
    await calls.called('refreshPlayer', 3);
    await eventually(
      async () => (await sync.state()).current === undefined && (await sync.state()).pending.length === 0,
      'the batch to end',
    );
    await sync.end();

    expect(scopes(calls)).toEqual(imported.map((c) => ({ kind: 'folder', path: c.folderPath, change: 'added' })));
  });

  test('while a video plays the refresh waits and asks again; past the retry window it is sent anyway', async () => {
    const calls = new ActivityCalls<PlayerActivities>({
      refreshPlayer: async ({ ignorePlaying }) =>
        ignorePlaying ? refreshed() : { status: 'deferred', detail: 'living-room plays a video' },
    });
    // A retry window of 3 s: long enough to see the deferral in the state on a busy machine.
    const sync = playerSync(
      plan({ playingRecheckSeconds: 0.5, delivery: { retryWindowMinutes: 0.05, initialRetrySeconds: 0.1, maximumRetrySeconds: 0.2 } }),
      calls,
    );
    const folder = change('Severance (2022)');

    await sync.send(folder);
    await eventually(
      async () => (await sync.state()).current?.deferredBecause === 'living-room plays a video',
      'the refresh to be deferred',
    );
    await eventually(async () => (await sync.state()).refreshed === 1, 'the refresh to be sent');
    await sync.end();

    const asked = calls.of('refreshPlayer');
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(asked.map((a) => a.ignorePlaying)).toEqual([...asked.slice(1).map(() => false), true]);
    expect(new Set(asked.map((a) => JSON.stringify(a.job)))).toEqual(
      new Set([JSON.stringify({ scope: { kind: 'folder', path: folder.folderPath, change: 'added' }, cleanFirst: false })]),
    );
  });

  test('a refused refresh is recorded as failed, and later changes still go out', async () => {
    const broken = change('Severance (2022)');
    const calls = new ActivityCalls<PlayerActivities>({
      refreshPlayer: async ({ job }) => {
        if (job.scope.kind === 'folder' && job.scope.path === broken.folderPath)
          throw ApplicationFailure.nonRetryable('Kodi refused the credentials', 'TargetRejected');
        return refreshed();
      },
    });
    const sync = playerSync(plan({ coalesceSeconds: 0.5 }), calls);

    await sync.send(broken);
    await eventually(async () => (await sync.state()).failed.length === 1, 'the refresh to fail');
    const next = change('Andor (2022)');
    await sync.send(next);
    await eventually(async () => (await sync.state()).refreshed === 1, 'the next refresh');
    const state = await sync.state();
    await sync.end();

    expect(state.failed).toEqual([
      {
        job: { scope: { kind: 'folder', path: broken.folderPath, change: 'added' }, cleanFirst: false },
        error: 'Kodi refused the credentials',
      },
    ]);
    expect(scopes(calls)).toEqual([
      { kind: 'folder', path: broken.folderPath, change: 'added' },
      { kind: 'folder', path: next.folderPath, change: 'added' },
    ]);
  });

  test('continued as new with a long history, it still recognises a change it already took', async () => {
    const calls = new ActivityCalls<PlayerActivities>({ refreshPlayer: refreshed });
    const sync = playerSync(plan({ coalesceSeconds: 0.5 }), calls, 1);
    const first = change('Severance (2022)');

    const firstRun = (await sync.send(first)).signaledRunId;
    await calls.called('refreshPlayer');
    await eventually(async () => (await sync.runId()) !== firstRun, 'the run to continue as new');
    await sync.send(first);
    const next = change('Andor (2022)');
    await sync.send(next);
    await calls.called('refreshPlayer', 2);
    await sync.end();

    expect(scopes(calls).map((s) => s.kind === 'folder' && s.path)).toEqual([first.folderPath, next.folderPath]);
  });
});
