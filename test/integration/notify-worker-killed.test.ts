import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyTitleWorkflowId, type NotifyTitleResult } from '../../src/contracts/notify.js';
import { NotificationSendRepository } from '../../src/db/repositories/notification-send-repository.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { createTestClient, createTestDatabase, type TestDatabase } from '../support/integration.js';
import { configureNotification, createLibrary, eventually, titleInput } from '../support/notifications.js';
import { tempDir } from '../support/temp-dir.js';
import { startWorkerProcess } from '../support/worker-processes.js';

/**
 * A worker killed with SIGKILL while its Discord request is in flight. The send heartbeats, so Temporal
 * counts the attempt lost at the heartbeat timeout (15 s) and the next worker sends again, long before the
 * attempt timeout (three of the client's 20 s timeouts and a margin: 65 s) would have said so.
 */
const CLIENT_TIMEOUT_MS = 20_000;
const SEND_HEARTBEAT_TIMEOUT_MS = 15_000;

let discord: FakeDiscord;
let database: TestDatabase;

beforeAll(async () => {
  discord = await startFakeDiscord();
  database = await createTestDatabase();
});

afterAll(async () => {
  await discord?.close();
});

const webhookCalls = () => discord.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/webhooks/'));

describe('a notification whose worker is killed mid-send', () => {
  it('is sent again after the heartbeat timeout, and the ledger says so', async () => {
    const library = await createLibrary(database.db);
    await configureNotification(database.db, 'discord', { webhookUrl: discord.webhookUrl, timeoutMs: CLIENT_TIMEOUT_MS });
    const taskQueue = `test-${randomUUID()}`;
    const dataDir = path.join(tempDir('reelflow-notify-kill-'), 'data');
    const temporal = await createTestClient();
    // Discord holds the first request open: the worker dies while waiting for its answer.
    discord.setMode({ kind: 'slow', delayMs: 10 * 60_000 });

    const doomed = await startWorkerProcess({ databaseUrl: database.url, taskQueue, dataDir });
    const input = titleInput(library, 'Thief (1981)', { playerSync: { notify: false, delaySeconds: 0, cleanFirst: false } });
    const handle = await temporal.workflow.start('notifyTitle', { workflowId: notifyTitleWorkflowId(input), taskQueue, args: [input] });
    await eventually('the first request reached Discord', () => webhookCalls().length === 1);
    const exited = new Promise((resolve) => doomed.once('exit', resolve));
    doomed.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    discord.setMode({ kind: 'normal' });

    await startWorkerProcess({ databaseUrl: database.url, taskQueue, dataDir });
    await eventually('the send was retried', () => webhookCalls().length === 2, 45_000);
    const retriedAfterMs = webhookCalls()[1]!.receivedAt - killedAt;
    const result: NotifyTitleResult = await handle.result();

    // Noticed through the heartbeat (up to its timeout after the attempt began, plus the retry's short wait),
    // not the 65 s attempt timeout.
    expect(retriedAfterMs).toBeLessThan(SEND_HEARTBEAT_TIMEOUT_MS + 5_000);
    expect(result.people).toEqual([
      {
        service: 'discord',
        status: 'sent',
        detail: expect.stringMatching(/sent again: an earlier attempt ended with its request in flight/),
      },
    ]);
    expect(await new NotificationSendRepository(database.db).get('discord', handle.workflowId)).toMatchObject({
      state: 'sent',
      attempts: 2,
      resends: 1,
    });
  }, 90_000);
});
