import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  folderChangedSignal,
  playerLibrarySyncWorkflowId,
  type FolderChange,
  type PlayerLibrarySyncInput,
  type PlayerSyncState,
} from '../../src/contracts/notify.js';
import { startWorkflow } from '../../src/contracts/workflows.js';
import { KODI_FAKE_PASSWORD, KODI_FAKE_USER, startFakeKodi, type FakeKodi } from '../fakes/kodi.js';
import { createTestClient, createTestDatabase, startTestWorker, type TestDatabase } from '../support/integration.js';
import {
  configureNotification,
  createLibrary,
  eventually,
  FAST_DELIVERY,
  runNotifyTitle,
  settle,
  titleInput,
} from '../support/notifications.js';

/** notifyTitle → the (Kodi group, library) workflow → the Kodi fake, on real Temporal and Postgres. */
const taskQueue = `test-${randomUUID()}`;
let database: TestDatabase;
let temporal: Client;
const fakes: FakeKodi[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue);
});

afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
});

async function kodi(): Promise<FakeKodi> {
  const fake = await startFakeKodi();
  fakes.push(fake);
  return fake;
}

const host = (name: string, fake: { url: string }, pathMappings: { from: string; to: string }[] = []) => ({
  name,
  url: fake.url,
  username: KODI_FAKE_USER,
  password: KODI_FAKE_PASSWORD,
  pathMappings,
});

/** One Kodi group of the given hosts, with timings short enough for a test. */
const configureKodi = (hosts: ReturnType<typeof host>[], extra: Record<string, unknown> = {}) =>
  configureNotification(database.db, 'kodi', {
    groups: [{ name: 'living-room', hosts }],
    coalesceSeconds: 0.3,
    playingRecheckSeconds: 0.3,
    timeoutMs: 2_000,
    ...extra,
  });

const syncState = (libraryId: string) =>
  temporal.workflow
    .getHandle(playerLibrarySyncWorkflowId({ service: 'kodi', group: 'living-room' }, libraryId))
    .query<PlayerSyncState>('state');

/** Until the library's Kodi workflow has nothing pending and nothing in progress, and Kodi has scanned. */
const everythingSent = (libraryId: string, fake: FakeKodi) =>
  eventually('every change was sent', async () => {
    const state = await syncState(libraryId);
    return state.pending.length === 0 && state.current === undefined && fake.callsOf('VideoLibrary.Scan').length > 0;
  });

describe('notifyTitle to Kodi', () => {
  it('scans exactly the title folder, named as Kodi knows it through the host path mapping', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake, [{ from: library.rootPath, to: 'smb://nas/movies' }])]);

    const result = await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Heat (1995)'));

    expect(result.players).toEqual([
      { target: 'kodi/living-room', workflowId: playerLibrarySyncWorkflowId({ service: 'kodi', group: 'living-room' }, library.id) },
    ]);
    await eventually('Kodi received a scan', () => fake.callsOf('VideoLibrary.Scan').length > 0);
    await settle();
    expect(fake.scannedDirectories()).toEqual(['smb://nas/movies/Heat (1995)/']);
    expect(fake.callsOf('VideoLibrary.Scan')[0]!.params).toMatchObject({ showdialogs: false });
    expect(fake.callsOf('VideoLibrary.Clean')).toHaveLength(0);
    expect(fake.unauthorized).toBe(0);
  });

  it('cleans the library before scanning when cleanFirst is set', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake)]);

    await runNotifyTitle(
      temporal,
      taskQueue,
      titleInput(library, 'Alien (1979)', { playerSync: { notify: true, delaySeconds: 0, cleanFirst: true } }),
    );

    await eventually('Kodi received a scan', () => fake.callsOf('VideoLibrary.Scan').length > 0);
    const methods = fake.calls.map((c) => c.method).filter((m) => m.startsWith('VideoLibrary.'));
    expect(methods).toEqual(['VideoLibrary.Clean', 'VideoLibrary.Scan']);
    // Without mappings Kodi reads the disk at the same path as this machine.
    expect(fake.scannedDirectories()).toEqual([`${library.rootPath}/Alien (1979)/`]);
  });

  it('sends nothing to players when phase.playerSync.notify is off', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake)]);

    const result = await runNotifyTitle(
      temporal,
      taskQueue,
      titleInput(library, 'Ronin (1998)', { playerSync: { notify: false, delaySeconds: 0, cleanFirst: false } }),
    );

    expect(result.players).toEqual([]);
    await settle(1_000);
    expect(fake.calls).toHaveLength(0);
  });

  it('waits delaySeconds on a durable timer before Kodi hears of the title', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake)]);

    const started = Date.now();
    await runNotifyTitle(
      temporal,
      taskQueue,
      titleInput(library, 'Se7en (1995)', { playerSync: { notify: true, delaySeconds: 2, cleanFirst: false } }),
    );
    await eventually('Kodi received a scan', () => fake.callsOf('VideoLibrary.Scan').length > 0);
    expect(fake.callsOf('VideoLibrary.Scan')[0]!.receivedAt - started).toBeGreaterThanOrEqual(2_000);
  });

  it('falls back to a full scan when the folder is outside every path mapping of the host', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake, [{ from: '/srv/elsewhere', to: 'smb://nas/elsewhere' }])]);

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Thief (1981)'));

    await eventually('Kodi received a scan', () => fake.callsOf('VideoLibrary.Scan').length > 0);
    await settle();
    expect(fake.scannedDirectories()).toEqual([null]);
  });

  it('sends the scan once after Kodi comes back from being down', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake)]);
    await fake.goDown();

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Collateral (2004)'));
    await eventually('the scan is being sent', async () => (await syncState(library.id)).current !== undefined);
    await settle(2_000);
    const whileDown = await syncState(library.id);
    expect(whileDown.current?.job.scope).toMatchObject({ kind: 'folder', path: `${library.rootPath}/Collateral (2004)` });
    expect(fake.calls).toHaveLength(0);

    await fake.comeBack();
    await eventually('Kodi received the scan after coming back', () => fake.callsOf('VideoLibrary.Scan').length > 0);
    await settle(2_000);
    expect(fake.scannedDirectories()).toEqual([`${library.rootPath}/Collateral (2004)/`]);
    expect((await syncState(library.id)).refreshed).toBe(1);
  });

  it('defers the scan while a video plays and sends it when playback stops', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake)]);
    fake.setPlaying('video');

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Blade Runner (1982)'));
    await eventually('Kodi was asked what plays at least twice', () => fake.callsOf('Player.GetActivePlayers').length >= 2);
    expect(fake.callsOf('VideoLibrary.Scan')).toHaveLength(0);
    const waiting = await syncState(library.id);
    expect(waiting.current?.deferredBecause).toContain('playing a video on htpc');

    fake.setPlaying(null);
    await eventually('Kodi received the scan after playback stopped', () => fake.callsOf('VideoLibrary.Scan').length > 0);
    await settle();
    expect(fake.callsOf('VideoLibrary.Scan')).toHaveLength(1);
  });

  it('does not wait for music: only a video playing defers the scan', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake)]);
    fake.setPlaying('audio');

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Drive (2011)'));
    await eventually('Kodi received a scan', () => fake.callsOf('VideoLibrary.Scan').length > 0);
    expect(fake.callsOf('Player.GetActivePlayers')).toHaveLength(1);
  });

  it('falls back to the next host of the group when the first is down, with that host’s own mapping', async () => {
    const [first, second] = [await kodi(), await kodi()];
    const library = await createLibrary(database.db);
    await first.goDown();
    await configureKodi([
      host('bedroom', first, [{ from: library.rootPath, to: 'nfs://nas/movies' }]),
      host('lounge', second, [{ from: library.rootPath, to: 'D:\\Movies' }]),
    ]);

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Sicario (2015)'));
    await eventually('the second host received the scan', () => second.callsOf('VideoLibrary.Scan').length > 0);
    await settle();
    expect(second.scannedDirectories()).toEqual(['D:\\Movies\\Sicario (2015)\\']);
    expect(first.calls).toHaveLength(0);
  });

  it('scans on an idle host of the group while another plays a video', async () => {
    const [playing, idle] = [await kodi(), await kodi()];
    const library = await createLibrary(database.db);
    playing.setPlaying('video');
    await configureKodi([host('tv', playing), host('office', idle)]);

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Arrival (2016)'));
    await eventually('the idle host received the scan', () => idle.callsOf('VideoLibrary.Scan').length > 0);
    await settle();
    expect(playing.callsOf('VideoLibrary.Scan')).toHaveLength(0);
    expect(idle.callsOf('VideoLibrary.Scan')).toHaveLength(1);
  });

  it('gives a few titles of one library one scan per folder, never a full scan', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake, [{ from: library.rootPath, to: 'smb://nas/movies' }])], { coalesceSeconds: 1 });

    const names = ['A (2001)', 'B (2002)', 'C (2003)', 'D (2004)', 'E (2005)'];
    await Promise.all(names.map((name) => runNotifyTitle(temporal, taskQueue, titleInput(library, name))));
    await eventually('Kodi received five scans', () => fake.callsOf('VideoLibrary.Scan').length >= 5);
    await settle();
    expect(fake.scannedDirectories().sort()).toEqual(names.map((name) => `smb://nas/movies/${name}/`));
  });

  // In both tests Kodi is down while the titles arrive, so the batches do not depend on how fast this
  // machine runs 30 workflows: the first batch waits for Kodi, and everything after it is one batch.
  it('gives many titles of one library two batches at most, each up to 10 folder scans or one scan of the library folder', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake, [{ from: library.rootPath, to: 'smb://nas/movies' }])], {
      coalesceSeconds: 1,
      maxFolderRefreshes: 10,
    });
    await fake.goDown();

    const names = Array.from({ length: 30 }, (_, i) => `Title ${i} (${1990 + i})`);
    await Promise.all(names.map((name) => runNotifyTitle(temporal, taskQueue, titleInput(library, name))));
    await fake.comeBack();
    await everythingSent(library.id, fake);
    await settle(1_500);

    // Two batches: what arrived before the workflow's first turn, then everything else. Each is up to 10
    // folder scans or one scan of the library folder — 30 titles cannot fit two batches of folders.
    const scans = fake.scannedDirectories();
    expect(scans).toContain('smb://nas/movies/');
    expect(scans.length).toBeLessThanOrEqual(11);
    expect(scans.every((d) => d !== null && d.startsWith('smb://nas/movies/'))).toBe(true);
    const folderScans = scans.filter((d) => d !== 'smb://nas/movies/');
    expect(new Set(folderScans).size).toBe(folderScans.length);
  });

  it('gives many unmappable titles at most two full scans, not one each', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake, [{ from: '/srv/other', to: 'smb://nas/other' }])], { coalesceSeconds: 1 });
    await fake.goDown();

    const names = Array.from({ length: 8 }, (_, i) => `Unmapped ${i}`);
    await Promise.all(names.map((name) => runNotifyTitle(temporal, taskQueue, titleInput(library, name))));
    await fake.comeBack();
    await everythingSent(library.id, fake);
    await settle(1_500);
    // One full scan covers the rest of its batch; the changes that waited behind it get one more.
    const scans = fake.scannedDirectories();
    expect(scans.length).toBeLessThanOrEqual(2);
    expect(scans.every((d) => d === null)).toBe(true);
  });

  it('sends the first change after a quiet spell at once, and gathers the next ones for the coalescing window', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake)], { coalesceSeconds: 8 });

    const started = Date.now();
    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'First (2001)'));
    await eventually('Kodi received the first scan', () => fake.callsOf('VideoLibrary.Scan').length === 1);
    const first = fake.callsOf('VideoLibrary.Scan')[0]!.receivedAt;
    // Well under the window: the first change did not wait for it.
    expect(first - started).toBeLessThan(4_000);

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Second (2002)'));
    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Third (2003)'));
    await eventually('Kodi received the gathered scans', () => fake.callsOf('VideoLibrary.Scan').length === 3);
    const later = fake
      .callsOf('VideoLibrary.Scan')
      .slice(1)
      .map((c) => c.receivedAt - first);
    expect(Math.min(...later)).toBeGreaterThanOrEqual(7_900);
  });

  it('scans once when the same notification is run twice (a repeated signal is recognised by its key)', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake)], { coalesceSeconds: 1 });
    const input = titleInput(library, 'Tenet (2020)');

    // The workflow id allows a new run after the first completed, so both runs signal the same change.
    await runNotifyTitle(temporal, taskQueue, input);
    await runNotifyTitle(temporal, taskQueue, input);
    await eventually('Kodi received a scan', () => fake.callsOf('VideoLibrary.Scan').length > 0);
    await settle();
    expect(fake.callsOf('VideoLibrary.Scan')).toHaveLength(1);
  });
});

describe('playerLibrarySync', () => {
  it('carries the keys it took across continue-as-new, so a repeated change is still refreshed once', async () => {
    const fake = await kodi();
    const library = await createLibrary(database.db);
    await configureKodi([host('htpc', fake)]);
    const input: PlayerLibrarySyncInput = {
      plan: {
        target: { service: 'kodi', group: 'living-room' },
        coalesceSeconds: 0,
        maxFolderRefreshes: 25,
        playingRecheckSeconds: 0.3,
        delivery: FAST_DELIVERY,
      },
      libraryId: library.id,
      maxHistoryEvents: 12,
    };
    const handle = await startWorkflow(temporal, 'playerLibrarySync', {
      workflowId: `player-sync-test/${library.id}`,
      taskQueue,
      args: [input],
    });
    const change = (name: string, key: string): FolderChange => ({
      folderPath: `${library.rootPath}/${name}`,
      change: 'added',
      cleanFirst: false,
      notificationKey: key,
    });

    // Kodi is down while A is sent; B (and A again) arrive meanwhile and wait.
    await fake.goDown();
    await handle.signal(folderChangedSignal, change('A', 'key-A'));
    await eventually('A is being sent', async () => (await handle.query<PlayerSyncState>('state')).current !== undefined);
    await handle.signal(folderChangedSignal, change('B', 'key-B'));
    await handle.signal(folderChangedSignal, change('A', 'key-A'));
    await eventually('B waits', async () => (await handle.query<PlayerSyncState>('state')).pending.includes(`${library.rootPath}/B`));

    // A goes out; the history is past its limit, so the run continues as new carrying B and the keys it saw.
    await fake.comeBack();
    await eventually('Kodi scanned A and B', () => fake.callsOf('VideoLibrary.Scan').length >= 2);
    const description = await temporal.workflow.getHandle(handle.workflowId).describe();
    expect(description.runId).not.toBe(handle.firstExecutionRunId);

    await handle.signal(folderChangedSignal, change('A', 'key-A'));
    await handle.signal(folderChangedSignal, change('D', 'key-D'));
    await eventually('Kodi scanned D', () => fake.callsOf('VideoLibrary.Scan').length >= 3);
    await settle();
    expect(fake.scannedDirectories()).toEqual(['A', 'B', 'D'].map((name) => `${library.rootPath}/${name}/`));
  });
});
