import { randomBytes, randomUUID } from 'node:crypto';
import { WorkflowFailedError, type Client } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNotifyActivities } from '../../src/activities/notify.js';
import { NotificationConfigRepository } from '../../src/db/repositories/notification-config-repository.js';
import { NotificationSendRepository } from '../../src/db/repositories/notification-send-repository.js';
import { notificationConfig } from '../../src/db/schema/index.js';
import { notificationConfigSchemas } from '../../src/integrations/notification-config.js';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { JELLYFIN_FAKE_API_KEY, startFakeJellyfin, type FakeJellyfin } from '../fakes/jellyfin.js';
import { KODI_FAKE_PASSWORD, KODI_FAKE_USER, startFakeKodi, type FakeKodi } from '../fakes/kodi.js';
import { PLEX_FAKE_TOKEN, startFakePlex, type FakePlex } from '../fakes/plex.js';
import { PUSHOVER_FAKE_TOKEN, PUSHOVER_FAKE_USER, startFakePushover, type FakePushover } from '../fakes/pushover.js';
import { peopleDigestWorkflowId } from '../../src/contracts/notify.js';
import { createTestClient, createTestDatabase, startTestWorker, testCipher, type TestDatabase } from '../support/integration.js';
import { configureNotification, createLibrary, eventually, runNotifyTitle, settle, titleInput } from '../support/notifications.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';

/** notifyTitle to Jellyfin, Plex, Discord, Pushover and a real SMTP server, on real Temporal and Postgres. */
const taskQueue = `test-${randomUUID()}`;
let database: TestDatabase;
let temporal: Client;
let jellyfin: FakeJellyfin;
let plex: FakePlex;
let discord: FakeDiscord;
let pushover: FakePushover;
let kodi: FakeKodi;
let smtp: TestSmtpServer;

beforeAll(async () => {
  [jellyfin, plex, discord, pushover, kodi, smtp] = await Promise.all([
    startFakeJellyfin(),
    startFakePlex([
      { key: '1', title: 'Movies', type: 'movie', locations: ['/data/movies'] },
      { key: '2', title: 'TV Shows', type: 'show', locations: ['/data/tv'] },
      { key: '3', title: 'Music', type: 'artist', locations: ['/data/music'] },
    ]),
    startFakeDiscord(),
    startFakePushover(),
    startFakeKodi(),
    startTestSmtpServer(),
  ]);
  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue);
});

afterAll(async () => {
  await Promise.all([jellyfin.close(), plex.close(), discord.close(), pushover.close(), kodi.close(), smtp.close()]);
});

beforeEach(async () => {
  // Each test configures only the services it is about.
  await database.db.delete(notificationConfig);
});

const players = { coalesceSeconds: 0.3, timeoutMs: 2_000 };
const configureJellyfin = (rootPath: string, mapped = true) =>
  configureNotification(database.db, 'jellyfin', {
    url: jellyfin.baseUrl,
    apiKey: JELLYFIN_FAKE_API_KEY,
    pathMappings: mapped ? [{ from: rootPath, to: '/media/movies' }] : [{ from: '/nowhere', to: '/x' }],
    ...players,
  });
const configurePlex = (rootPath: string, to = '/data/movies') =>
  configureNotification(database.db, 'plex', {
    url: plex.baseUrl,
    token: PLEX_FAKE_TOKEN,
    pathMappings: [{ from: rootPath, to }],
    ...players,
  });
const configureDiscord = () =>
  configureNotification(database.db, 'discord', { webhookUrl: discord.webhookUrl, username: 'Reelflow', timeoutMs: 2_000 });
const configurePushover = (token = PUSHOVER_FAKE_TOKEN) =>
  configureNotification(database.db, 'pushover', {
    url: pushover.baseUrl.replace(/\/1$/, ''),
    token,
    user: PUSHOVER_FAKE_USER,
    timeoutMs: 2_000,
  });
const configureEmail = (port = smtp.port) =>
  configureNotification(database.db, 'email', {
    host: smtp.host,
    port,
    username: smtp.username,
    password: smtp.password,
    from: 'reelflow@home.lan',
    to: ['family@home.lan', 'me@home.lan'],
    timeoutMs: 2_000,
  });

describe('Jellyfin', () => {
  it('reports the changed folder through /Library/Media/Updated with its path as Jellyfin sees it', async () => {
    const library = await createLibrary(database.db);
    await configureJellyfin(library.rootPath);
    const before = jellyfin.mediaUpdates().length;

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Heat (1995)'));
    await eventually('Jellyfin received the update', () => jellyfin.mediaUpdates().length > before);
    await settle();
    expect(jellyfin.mediaUpdates().slice(before)).toEqual([{ Path: '/media/movies/Heat (1995)', UpdateType: 'Created' }]);
  });

  it('reports a removed title as Deleted', async () => {
    const library = await createLibrary(database.db);
    await configureJellyfin(library.rootPath);
    const before = jellyfin.mediaUpdates().length;

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Gone (2012)', { event: 'removed' }));
    await eventually('Jellyfin received the update', () => jellyfin.mediaUpdates().length > before);
    expect(jellyfin.mediaUpdates().slice(before)).toEqual([{ Path: '/media/movies/Gone (2012)', UpdateType: 'Deleted' }]);
  });

  it('falls back to a full /Library/Refresh when the folder cannot be mapped', async () => {
    const library = await createLibrary(database.db);
    await configureJellyfin(library.rootPath, false);
    const before = jellyfin.fullRefreshes();

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Unmapped (2000)'));
    await eventually('Jellyfin received a refresh', () => jellyfin.fullRefreshes() > before);
    await settle();
    expect(jellyfin.fullRefreshes()).toBe(before + 1);
  });
});

describe('Plex', () => {
  it('finds the section that holds the folder and refreshes just that path', async () => {
    const library = await createLibrary(database.db);
    await configurePlex(library.rootPath);
    const before = plex.refreshes().length;

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Heat (1995)'));
    await eventually('Plex received a refresh', () => plex.refreshes().length > before);
    await settle();
    expect(plex.refreshes().slice(before)).toEqual([{ section: '1', path: '/data/movies/Heat (1995)' }]);
    expect(plex.requests.every((r) => r.headers['x-plex-token'] === PLEX_FAKE_TOKEN)).toBe(true);
  });

  it('refreshes every video section when no section holds the folder', async () => {
    const library = await createLibrary(database.db);
    await configurePlex(library.rootPath, '/mnt/elsewhere');
    const before = plex.refreshes().length;

    await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Lost (2004)'));
    await eventually('Plex received refreshes', () => plex.refreshes().length >= before + 2);
    await settle();
    expect(plex.refreshes().slice(before)).toEqual([
      { section: '1', path: undefined },
      { section: '2', path: undefined },
    ]);
  });
});

describe('Discord', () => {
  it('posts one embed naming the title, and reports the message Discord created', async () => {
    const library = await createLibrary(database.db);
    await configureDiscord();
    const before = discord.messages().length;

    const result = await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Heat (1995)'));

    expect(result.people).toEqual([{ service: 'discord', status: 'sent', detail: expect.stringMatching(/^Discord message \d+$/) }]);
    const [message] = discord.messages().slice(before);
    expect(discord.messages()).toHaveLength(before + 1);
    expect(message).toMatchObject({ username: 'Reelflow', embeds: [{ title: 'Added: Heat (1995)', color: 0x2ecc71 }] });
    expect(message!.embeds![0]!.description).toContain(`${library.rootPath}/Heat (1995)`);
  });

  it('waits as long as a 429 asks (retry_after) and then posts the message once', async () => {
    const library = await createLibrary(database.db);
    await configureDiscord();
    const before = discord.messages().length;
    const requestsBefore = discord.requests.length;
    discord.rateLimitNext(1, 1.5);

    const result = await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Ronin (1998)'));

    expect(result.people[0]!.status).toBe('sent');
    const [limited, accepted] = discord.requests.slice(requestsBefore);
    expect(accepted!.receivedAt - limited!.receivedAt).toBeGreaterThanOrEqual(1_400);
    expect(discord.messages()).toHaveLength(before + 1);
  });

  it('is not told anything while disabled', async () => {
    const library = await createLibrary(database.db);
    await configureNotification(database.db, 'discord', { webhookUrl: discord.webhookUrl }, false);
    const before = discord.requests.length;

    const result = await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Heat (1995)'));

    expect(result).toEqual({ players: [], people: [], unreadable: [] });
    expect(discord.requests).toHaveLength(before);
  });

  it('is not told of an update: its default events are additions only', async () => {
    const library = await createLibrary(database.db);
    await configureDiscord();
    const before = discord.requests.length;

    const result = await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Heat (1995)', { event: 'updated' }));

    expect(result.people).toEqual([]);
    expect(discord.requests).toHaveLength(before);
  });

  it('with digestSeconds, sends the first title at once and the ones that follow within the window as one digest', async () => {
    const library = await createLibrary(database.db);
    await configureNotification(database.db, 'discord', { webhookUrl: discord.webhookUrl, timeoutMs: 2_000, digestSeconds: 2 });
    const before = discord.messages().length;
    const names = ['Alien (1979)', 'Aliens (1986)', 'Brazil (1985)', 'Heat (1995)', 'Ronin (1998)'];

    const results = [];
    for (const name of names) results.push(await runNotifyTitle(temporal, taskQueue, titleInput(library, name)));

    const digestId = peopleDigestWorkflowId('discord', library.id);
    expect(results.map((r) => r.people)).toEqual(names.map(() => [{ service: 'discord', status: 'queued', detail: digestId }]));
    await eventually('Discord got the digest', () => discord.messages().length >= before + 2);
    await settle();
    const sent = discord.messages().slice(before);
    expect(sent.map((m) => m.embeds![0]!.title)).toEqual(['Added: Alien (1979)', 'Added: 4 titles']);
    expect(sent[1]!.embeds![0]!.description).toBe(
      `Added movie: Aliens (1986)\nAdded movie: Brazil (1985)\nAdded movie: Heat (1995)\nAdded movie: Ronin (1998)\n${library.rootPath}`,
    );
    const state = await temporal.workflow.getHandle(digestId).query<{ sent: number; titlesSent: number; failed: unknown[] }>('state');
    expect(state).toMatchObject({ sent: 2, titlesSent: 5, failed: [] });
  });
});

describe('a send retried by Temporal', () => {
  // The activity as a retry after a killed worker runs it: the same message id, the ledger as the dead attempt left it.
  const message = (id: string) => ({
    id,
    event: 'added' as const,
    titleKind: 'movie' as const,
    displayName: 'Thief (1981)',
    folderPath: '/movies/Thief (1981)',
    occurredAt: new Date().toISOString(),
  });
  const activities = () => createNotifyActivities({ db: database.db, credentialsCipher: testCipher, workflowTaskQueue: 'unused-by-sends' });
  // In an activity's context, as Temporal runs it: the send heartbeats while its request is in flight.
  const sendToDiscord = (sent: ReturnType<typeof message>) =>
    new MockActivityEnvironment().run(activities().notifyPeople, { service: 'discord' as const, message: sent });
  const ledger = () => new NotificationSendRepository(database.db);

  it('whose answer was recorded returns that answer and posts nothing', async () => {
    await configureDiscord();
    const id = `notify/movie/${randomUUID()}/change-1`;
    const before = discord.messages().length;

    const first = await sendToDiscord(message(id));
    const retried = await sendToDiscord(message(id));

    expect(retried).toBe(first);
    expect(discord.messages()).toHaveLength(before + 1);
    expect(await ledger().get('discord', id)).toMatchObject({ state: 'sent', attempts: 1, resends: 0, answer: first });
  });

  it('after one that died with its request in flight posts again and says so', async () => {
    await configureDiscord();
    const id = `notify/movie/${randomUUID()}/change-1`;
    await ledger().begin('discord', id);
    const before = discord.messages().length;

    const answer = await sendToDiscord(message(id));

    expect(answer).toMatch(/^Discord message \d+ \(sent again: an earlier attempt ended with its request in flight\)$/);
    expect(discord.messages()).toHaveLength(before + 1);
    expect(await ledger().get('discord', id)).toMatchObject({ state: 'sent', attempts: 2, resends: 1 });
  });

  it('after one the service refused posts again, and that is no resend', async () => {
    await configureDiscord();
    const id = `notify/movie/${randomUUID()}/change-1`;
    discord.rateLimitNext(1, 0.1);

    await expect(sendToDiscord(message(id))).rejects.toThrow(/rate limiting/);
    expect(await ledger().get('discord', id)).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('rate limiting'),
    });
    await sendToDiscord(message(id));

    expect(await ledger().get('discord', id)).toMatchObject({ state: 'sent', attempts: 2, resends: 0, lastError: null });
  });
});

describe('Pushover', () => {
  it('sends the title and text with the application token and user key', async () => {
    const library = await createLibrary(database.db);
    await configurePushover();
    const before = pushover.messages().length;

    const result = await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Heat (1995)'));

    expect(result.people).toEqual([
      { service: 'pushover', status: 'sent', detail: expect.stringMatching(/^Pushover request [0-9a-f-]{36}$/) },
    ]);
    expect(pushover.messages().slice(before)).toEqual([
      expect.objectContaining({
        token: PUSHOVER_FAKE_TOKEN,
        user: PUSHOVER_FAKE_USER,
        title: 'Added: Heat (1995)',
        message: expect.stringContaining('Movie added'),
      }),
    ]);
  });

  it('retries while Pushover answers 500 and delivers once when it recovers', async () => {
    const library = await createLibrary(database.db);
    await configurePushover();
    const before = pushover.messages().length;
    pushover.setMode({ kind: 'server-error' });
    const running = runNotifyTitle(temporal, taskQueue, titleInput(library, 'Alien (1979)'));
    await settle(2_000);
    pushover.setMode({ kind: 'normal' });

    expect((await running).people[0]!.status).toBe('sent');
    expect(pushover.messages()).toHaveLength(before + 1);
  });

  it('does not repeat a request Pushover refused as invalid, and says why', async () => {
    const library = await createLibrary(database.db);
    await configurePushover('wrongtokenwrongtokenwrongtoken');
    const requestsBefore = pushover.requests.length;

    const result = await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Heat (1995)'));

    expect(result.people).toEqual([
      { service: 'pushover', status: 'failed', detail: expect.stringContaining('application token is invalid') },
    ]);
    expect(pushover.requests).toHaveLength(requestsBefore + 1);
  });
});

describe('e-mail', () => {
  it('sends one message over SMTP with AUTH to every recipient', async () => {
    const library = await createLibrary(database.db);
    await configureEmail();
    const before = smtp.messages.length;

    const result = await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Heat (1995)'));

    expect(result.people).toEqual([{ service: 'email', status: 'sent', detail: expect.stringMatching(/^SMTP 250 /) }]);
    expect(smtp.messages).toHaveLength(before + 1);
    const mail = smtp.messages[before]!;
    expect(mail.from).toBe('reelflow@home.lan');
    expect(mail.to).toEqual(['family@home.lan', 'me@home.lan']);
    expect(mail.raw).toMatch(/^Subject: Added: Heat \(1995\)$/m);
  });

  it('delivers once after the SMTP server comes back on its port', async () => {
    const library = await createLibrary(database.db);
    const downServer = await startTestSmtpServer();
    const port = downServer.port;
    await downServer.close();
    await configureEmail(port);

    const running = runNotifyTitle(temporal, taskQueue, titleInput(library, 'Collateral (2004)'));
    await settle(2_000);
    const back = await startTestSmtpServer(port);
    try {
      expect((await running).people[0]!.status).toBe('sent');
      expect(back.messages).toHaveLength(1);
      expect(back.messages[0]!.raw).toMatch(/^Subject: Added: Collateral \(2004\)$/m);
    } finally {
      await back.close();
    }
  });
});

describe('bad configuration and bad input', () => {
  it('reports a config it cannot read and still notifies the other services', async () => {
    const library = await createLibrary(database.db);
    await configureDiscord();
    // A Pushover row written with another secret key (the key changed since it was saved).
    const otherKey = new CredentialsCipher(randomBytes(32));
    await new NotificationConfigRepository(database.db, otherKey).put(
      'pushover',
      true,
      notificationConfigSchemas.pushover.parse({ token: 't', user: 'u' }),
    );
    const before = discord.messages().length;

    const result = await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Heat (1995)'));

    expect(result.unreadable).toEqual([
      {
        service: 'pushover',
        error: expect.stringMatching(/^Notification service "pushover": Stored credentials were encrypted with another secret key/),
      },
    ]);
    expect(result.people).toEqual([expect.objectContaining({ service: 'discord', status: 'sent' })]);
    expect(discord.messages()).toHaveLength(before + 1);
  });

  it('fails a notifyTitle started with invalid input, naming the field', async () => {
    const library = await createLibrary(database.db);
    await configureDiscord();
    const input = titleInput(library, 'Heat (1995)', { folderPath: 'relative/Heat (1995)' });

    const failure = await runNotifyTitle(temporal, taskQueue, input).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(rootCause(failure)).toBe('notifyTitle input.folderPath: an absolute path');
  });
});

function rootCause(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

describe('every service at once', () => {
  it('tells each configured service once about one title', async () => {
    const library = await createLibrary(database.db);
    await Promise.all([
      configureJellyfin(library.rootPath),
      configurePlex(library.rootPath),
      configureDiscord(),
      configurePushover(),
      configureEmail(),
      configureNotification(database.db, 'kodi', {
        groups: [{ name: 'htpc', hosts: [{ name: 'htpc', url: kodi.url, username: KODI_FAKE_USER, password: KODI_FAKE_PASSWORD }] }],
        ...players,
      }),
    ]);
    const before = {
      jellyfin: jellyfin.mediaUpdates().length,
      plex: plex.refreshes().length,
      discord: discord.messages().length,
      pushover: pushover.messages().length,
      email: smtp.messages.length,
      kodi: kodi.callsOf('VideoLibrary.Scan').length,
    };

    const result = await runNotifyTitle(temporal, taskQueue, titleInput(library, 'Arrival (2016)'));

    expect(result.people.map((p) => [p.service, p.status]).sort()).toEqual([
      ['discord', 'sent'],
      ['email', 'sent'],
      ['pushover', 'sent'],
    ]);
    expect(result.players.map((p) => p.target).sort()).toEqual(['jellyfin', 'kodi/htpc', 'plex']);
    await eventually(
      'every player was refreshed',
      () =>
        jellyfin.mediaUpdates().length > before.jellyfin &&
        plex.refreshes().length > before.plex &&
        kodi.callsOf('VideoLibrary.Scan').length > before.kodi,
    );
    await settle();
    expect({
      jellyfin: jellyfin.mediaUpdates().length,
      plex: plex.refreshes().length,
      discord: discord.messages().length,
      pushover: pushover.messages().length,
      email: smtp.messages.length,
      kodi: kodi.callsOf('VideoLibrary.Scan').length,
    }).toEqual({
      jellyfin: before.jellyfin + 1,
      plex: before.plex + 1,
      discord: before.discord + 1,
      pushover: before.pushover + 1,
      email: before.email + 1,
      kodi: before.kodi + 1,
    });
  });
});
