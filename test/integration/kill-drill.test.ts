import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { runDrill, type DrillFigures } from '../support/kill-drill.js';
import { makeVideo } from '../support/media-fixtures.js';
import { createTestApp, createTestClient, createTestDatabase, TEST_API_KEY, testCipher } from '../support/integration.js';
import { tempDir } from '../support/temp-dir.js';
import { startWorkerProcess } from '../support/worker-processes.js';

/**
 * The durability promise under kill -9: 150 titles scanned and 50 Radarr webhooks while the worker
 * process is killed with SIGKILL three times at random points and restarted. Every title must reach the
 * end of its pipeline once (NFO on disk, one Discord message, announced as added), no workflow may fail,
 * and what the dead worker held must run again within seconds.
 */
let discord: FakeDiscord;

beforeAll(async () => {
  discord = await startFakeDiscord();
});

afterAll(async () => {
  await discord?.close();
});

describe('the worker killed three times while 150 titles are scanned and 50 webhooks arrive', () => {
  it('loses nothing, does nothing twice, and picks up within seconds', async () => {
    const database = await createTestDatabase();
    const temporal = await createTestClient();
    const taskQueue = `test-${randomUUID()}`;
    const workDir = tempDir('reelflow-drill-');
    const dataDir = path.join(workDir, 'data');
    const app = await createTestApp({ database, temporal, taskQueue, credentialsCipher: testCipher });
    const video = await makeVideo(path.join(workDir, 'source.mkv'));

    const figures: DrillFigures = await runDrill(
      {
        db: database.db,
        temporal,
        app,
        apiKey: TEST_API_KEY,
        cipher: testCipher,
        taskQueue,
        discord,
        startWorker: () => startWorkerProcess({ databaseUrl: database.url, taskQueue, dataDir }),
        video,
        workDir,
        log: (line) => console.log(line),
      },
      { scanTitles: 150, webhookTitles: 50, kills: 3, timeoutMs: 150_000, seed: Date.now() },
    );

    expect(figures).toMatchObject({
      titles: 200,
      kills: 3,
      lost: 0,
      duplicates: 0,
      duplicateTitles: [],
      unannounced: 0,
      notAdded: 0,
      brokenWorkflows: 0,
      pipelinesRunTwice: 0,
    });
    // (A copy is counted in resentAfterKill, not duplicates, only when the ledger recorded a send interrupted
    // in flight and the first copy reached Discord just before a kill.)
    // The counters an undisturbed scan of the same folders has.
    expect(figures.scanCounters).toEqual({ titlesNew: 150, titlesUpdated: 0, directoriesScanned: 150, errors: 0 });
    // Heartbeat timeouts are 15–20 s and short activities time out within 30 s; the target is 30 s after the restart.
    expect(figures.maxRecoverySeconds).toBeLessThanOrEqual(30);
  }, 300_000);
});
