import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationConfigRepository } from '../../src/db/repositories/notification-config-repository.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { JELLYFIN_FAKE_API_KEY, startFakeJellyfin, type FakeJellyfin } from '../fakes/jellyfin.js';
import { KODI_FAKE_PASSWORD, KODI_FAKE_USER, startFakeKodi, type FakeKodi } from '../fakes/kodi.js';
import { PLEX_FAKE_TOKEN, startFakePlex, type FakePlex } from '../fakes/plex.js';
import { PUSHOVER_FAKE_TOKEN, PUSHOVER_FAKE_USER, startFakePushover, type FakePushover } from '../fakes/pushover.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, testCipher, type TestDatabase } from '../support/integration.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';

/** GET/PUT /api/notifications/:service and POST …/test against the fakes and a real SMTP server. */
let database: TestDatabase;
let temporal: Client;
let app: FastifyInstance;
let kodi: FakeKodi;
let jellyfin: FakeJellyfin;
let plex: FakePlex;
let discord: FakeDiscord;
let pushover: FakePushover;
let smtp: TestSmtpServer;

beforeAll(async () => {
  [kodi, jellyfin, plex, discord, pushover, smtp] = await Promise.all([
    startFakeKodi(),
    startFakeJellyfin(),
    startFakePlex([{ key: '1', title: 'Movies', type: 'movie', locations: ['/data/movies'] }]),
    startFakeDiscord(),
    startFakePushover(),
    startTestSmtpServer(),
  ]);
  database = await createTestDatabase();
  temporal = await createTestClient();
  app = await createTestApp({ database, temporal, taskQueue: 'unused' });
});

afterAll(async () => {
  await Promise.all([kodi.close(), jellyfin.close(), plex.close(), discord.close(), pushover.close(), smtp.close()]);
});

const get = (service: string) => app.inject({ method: 'GET', url: `/api/notifications/${service}`, headers: authHeaders });
const put = (service: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/api/notifications/${service}`, headers: authHeaders, payload });
const test = (service: string, payload?: object) =>
  app.inject({ method: 'POST', url: `/api/notifications/${service}/test`, headers: authHeaders, ...(payload ? { payload } : {}) });

const kodiConfig = (password = KODI_FAKE_PASSWORD) => ({
  groups: [
    {
      name: 'living-room',
      hosts: [
        {
          name: 'htpc',
          url: kodi.url,
          username: KODI_FAKE_USER,
          password,
          pathMappings: [{ from: '/srv/movies', to: 'smb://nas/movies' }],
        },
      ],
    },
  ],
});

describe('GET and PUT /api/notifications/:service', () => {
  it('lists every service, none configured at first', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/notifications', headers: authHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((s: { service: string; configured: boolean }) => [s.service, s.configured])).toEqual([
      ['kodi', false],
      ['jellyfin', false],
      ['plex', false],
      ['discord', false],
      ['pushover', false],
      ['email', false],
    ]);
  });

  it('stores a config with defaults filled in, answers with secrets masked, and keeps them encrypted at rest', async () => {
    const res = await put('kodi', { config: kodiConfig() });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ service: 'kodi', configured: true, enabled: true });
    expect(body.config.groups[0].hosts[0]).toMatchObject({ username: KODI_FAKE_USER, password: '••••' });
    expect(body.config).toMatchObject({ timeoutMs: 10_000, coalesceSeconds: 10, delivery: { retryWindowMinutes: 1440 } });
    expect((await get('kodi')).json()).toEqual(body);

    const [row] = await database.sql<
      { config_encrypted: string }[]
    >`select config_encrypted from notification_config where service = 'kodi'`;
    expect(row!.config_encrypted).toMatch(/^v1:/);
    expect(row!.config_encrypted).not.toContain(KODI_FAKE_PASSWORD);
  });

  it('keeps a stored secret when PUT sends back the masked value GET showed', async () => {
    await put('kodi', { config: kodiConfig() });
    const shown = (await get('kodi')).json();
    shown.config.groups[0].hosts[0].pathMappings = [{ from: '/srv/films', to: 'smb://nas/films' }];

    expect((await put('kodi', { enabled: false, config: shown.config })).statusCode).toBe(200);
    const stored = await new NotificationConfigRepository(database.db, testCipher).get('kodi');
    expect(stored).toMatchObject({ enabled: false });
    expect(stored!.config.groups[0]!.hosts[0]).toMatchObject({
      password: KODI_FAKE_PASSWORD,
      pathMappings: [{ from: '/srv/films', to: 'smb://nas/films' }],
    });
  });

  it('never sends a stored secret to a new host: a masked secret with a changed URL is a 400 naming it', async () => {
    await put('kodi', { config: kodiConfig() });
    const shown = (await get('kodi')).json();
    shown.config.groups[0].hosts[0].url = jellyfin.baseUrl;
    const before = jellyfin.requests.length;
    for (const res of [await put('kodi', { config: shown.config }), await test('kodi', { config: shown.config })]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe(
        'body.config.groups.0.hosts.0.password: the stored secret was entered for another host; send it again to use it with this one',
      );
    }
    expect(jellyfin.requests.length).toBe(before);
    const stored = await new NotificationConfigRepository(database.db, testCipher).get('kodi');
    expect(stored!.config.groups[0]!.hosts[0]!.url).toBe(kodi.url);

    await put('jellyfin', { config: { url: jellyfin.baseUrl, apiKey: JELLYFIN_FAKE_API_KEY } });
    const jellyfinShown = (await get('jellyfin')).json();
    const moved = await test('jellyfin', { config: { ...jellyfinShown.config, url: kodi.url } });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().message).toMatch(/^body\.config\.apiKey: the stored secret was entered for another host/);
    const kodiCalls = kodi.calls.length;
    expect((await test('jellyfin', { config: { ...jellyfinShown.config, url: kodi.url } })).statusCode).toBe(400);
    expect(kodi.calls.length).toBe(kodiCalls);
    // Sent again with the new host, the secret is the person's choice.
    expect(
      (
        await put('kodi', {
          config: {
            ...shown.config,
            groups: [{ ...shown.config.groups[0], hosts: [{ ...shown.config.groups[0].hosts[0], password: KODI_FAKE_PASSWORD }] }],
          },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses an invalid config with 400 naming each field', async () => {
    const config = kodiConfig();
    config.groups[0]!.hosts[0]!.url = 'not a url';
    const res = await put('kodi', { config: { ...config, coalesceSeconds: -1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('body.config.groups.0.hosts.0.url: an http:// or https:// URL');
    expect(res.json().message).toContain('body.config.coalesceSeconds');
  });

  it('names a missing field, an unknown field and an unknown service', async () => {
    const missing = await put('discord', { config: { username: 'Reelflow' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/^body\.config\.webhookUrl: /);

    const unknown = await put('pushover', { config: { token: 't', user: 'u', sound: 'siren' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('sound');

    const badEmail = await put('email', { config: { host: 'smtp.lan', from: 'reelflow@home.lan', to: ['not-an-address'] } });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().message).toContain('body.config.to.0: an e-mail address');

    const service = await put('winamp', { config: {} });
    expect(service.statusCode).toBe(400);
    expect(service.json().message).toMatch(/^params\.service: /);
  });
});

describe('POST /api/notifications/:service/test', () => {
  it('pings every Kodi host and answers with what Kodi said', async () => {
    await put('kodi', { config: kodiConfig() });
    const res = await test('kodi');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, answers: ['Kodi "htpc" (group "living-room") answered JSONRPC.Ping with "pong"'] });
    expect(kodi.callsOf('JSONRPC.Ping')).toHaveLength(1);
  });

  it('reports a refusal as ok: false with the target’s answer', async () => {
    const res = await test('kodi', { config: kodiConfig('wrong-password') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, error: expect.stringContaining('answered 401') });
  });

  it('refuses an invalid config given to test with 400 naming the field, sending nothing', async () => {
    const before = discord.requests.length;
    const res = await test('discord', { config: { webhookUrl: 'ftp://discord.example/hook' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body.config.webhookUrl: an http:// or https:// URL');
    expect(discord.requests).toHaveLength(before);
  });

  it('is 404 for a service that is not configured', async () => {
    const res = await test('plex');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('Notification service "plex" is not configured');
  });

  it('sends a real test message to Discord, Pushover and an SMTP server', async () => {
    await put('discord', { config: { webhookUrl: discord.webhookUrl } });
    await put('pushover', { config: { url: pushover.baseUrl.replace(/\/1$/, ''), token: PUSHOVER_FAKE_TOKEN, user: PUSHOVER_FAKE_USER } });
    await put('email', {
      config: {
        host: smtp.host,
        port: smtp.port,
        username: smtp.username,
        password: smtp.password,
        from: 'reelflow@home.lan',
        to: ['me@home.lan'],
      },
    });

    const discordRes = (await test('discord')).json();
    expect(discordRes).toEqual({ ok: true, answers: [expect.stringMatching(/^Discord message \d+$/)] });
    expect(discord.messages().at(-1)!.embeds![0]!.title).toBe('Added: Reelflow test notification');

    expect((await test('pushover')).json()).toEqual({ ok: true, answers: [expect.stringMatching(/^Pushover request /)] });
    expect(pushover.messages().at(-1)).toMatchObject({ title: 'Added: Reelflow test notification' });

    expect((await test('email')).json()).toEqual({ ok: true, answers: [expect.stringMatching(/^SMTP 250 /)] });
    expect(smtp.messages.at(-1)!.raw).toMatch(/^Subject: Added: Reelflow test notification$/m);
  });

  it('checks Jellyfin and Plex with a call that changes nothing', async () => {
    await put('jellyfin', { config: { url: jellyfin.baseUrl, apiKey: JELLYFIN_FAKE_API_KEY } });
    await put('plex', { config: { url: plex.baseUrl, token: PLEX_FAKE_TOKEN } });

    expect((await test('jellyfin')).json()).toEqual({ ok: true, answers: ['Jellyfin "fake-jellyfin" version 10.10.7'] });
    expect((await test('plex')).json()).toEqual({ ok: true, answers: ['Plex has 1 section(s): Movies (/data/movies)'] });
    expect(jellyfin.mediaUpdates()).toEqual([]);
    expect(plex.refreshes()).toEqual([]);
  });
});
