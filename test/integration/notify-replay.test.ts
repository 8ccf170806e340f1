import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyTitleWorkflowId, playerLibrarySyncWorkflowId } from '../../src/contracts/notify.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { KODI_FAKE_PASSWORD, KODI_FAKE_USER, startFakeKodi, type FakeKodi } from '../fakes/kodi.js';
import { replayHistories } from '../support/replay-histories.js';
import { createTestClient, createTestDatabase, startTestWorker, type TestDatabase } from '../support/integration.js';
import { configureNotification, createLibrary, eventually, runNotifyTitle, titleInput } from '../support/notifications.js';

/**
 * Determinism guard for notifyTitle and playerLibrarySync: recorded histories (test/fixtures/histories)
 * and fresh ones must replay against the current code. REELFLOW_RECORD_HISTORIES=1 stores the fresh ones.
 */
const fixturesDir = path.resolve('test/fixtures/histories');
let database: TestDatabase;
let kodi: FakeKodi;
let discord: FakeDiscord;

beforeAll(async () => {
  [kodi, discord] = await Promise.all([startFakeKodi(), startFakeDiscord()]);
  database = await createTestDatabase();
});

afterAll(async () => {
  await Promise.all([kodi.close(), discord.close()]);
});

describe('notification replay', () => {
  it('replays every recorded history without a determinism error', async () => {
    const files = fs.readdirSync(fixturesDir).filter((f) => /^(notify-title|player-library-sync)/.test(f) && f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const results = await replayHistories(
      files.map((f) => ({ workflowId: f, history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(fixturesDir, f), 'utf8'))) })),
    );
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(files.map((f) => [f, undefined]));
  });

  it('replays histories recorded from a run of the current code: a delay, a people send retried after a 429, a deferral while playing, and two folders in one batch', async () => {
    const library = await createLibrary(database.db);
    const { taskQueue } = await startTestWorker(database.db, `test-${randomUUID()}`);
    const temporal = await createTestClient();
    await configureNotification(database.db, 'kodi', {
      groups: [
        {
          name: 'htpc',
          hosts: [
            {
              name: 'htpc',
              url: kodi.url,
              username: KODI_FAKE_USER,
              password: KODI_FAKE_PASSWORD,
              pathMappings: [{ from: library.rootPath, to: 'smb://nas/movies' }],
            },
          ],
        },
      ],
      coalesceSeconds: 0.3,
      playingRecheckSeconds: 0.3,
      timeoutMs: 2_000,
    });
    await configureNotification(database.db, 'discord', { webhookUrl: discord.webhookUrl, timeoutMs: 2_000 });
    kodi.setPlaying('video');
    discord.rateLimitNext(1, 0.2);

    const inputs = ['Heat (1995)', 'Ronin (1998)'].map((name) =>
      titleInput(library, name, { playerSync: { notify: true, delaySeconds: 1, cleanFirst: true } }),
    );
    await Promise.all(inputs.map((input) => runNotifyTitle(temporal, taskQueue, input)));
    await eventually('Kodi was asked twice what plays', () => kodi.callsOf('Player.GetActivePlayers').length >= 2);
    kodi.setPlaying(null);
    await eventually('Kodi received both scans', () => kodi.callsOf('VideoLibrary.Scan').length >= 2);

    const runs = [
      { name: 'notify-title', history: await temporal.workflow.getHandle(notifyTitleWorkflowId(inputs[0]!)).fetchHistory() },
      {
        name: 'player-library-sync',
        history: await temporal.workflow
          .getHandle(playerLibrarySyncWorkflowId({ service: 'kodi', group: 'htpc' }, library.id))
          .fetchHistory(),
      },
    ];
    if (process.env.REELFLOW_RECORD_HISTORIES) {
      for (const run of runs) fs.writeFileSync(path.join(fixturesDir, `${run.name}.json`), historyToJSON(run.history));
    }
    const results = await replayHistories(runs.map((run) => ({ workflowId: run.name, history: run.history })));
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
  });
});
