import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postDiscordMessage } from '../../../src/integrations/discord/discord-client.js';
import { sendEmailMessage } from '../../../src/integrations/email/email-sender.js';
import { TargetError } from '../../../src/integrations/http/target-error.js';
import { JellyfinClient } from '../../../src/integrations/jellyfin/jellyfin-client.js';
import { KodiClient } from '../../../src/integrations/kodi/kodi-client.js';
import { refreshKodiGroup } from '../../../src/integrations/kodi/kodi-group-refresh.js';
import { notificationConfigSchemas } from '../../../src/integrations/notification-config.js';
import type { TitleMessage } from '../../../src/integrations/notification-message.js';
import { findFreePort } from '../../../src/runtime/free-port.js';
import { PlexClient } from '../../../src/integrations/plex/plex-client.js';
import { sendPushoverMessage } from '../../../src/integrations/pushover/pushover-client.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord.js';
import { headerValue } from '../../fakes/http-fake.js';
import { JELLYFIN_FAKE_API_KEY, startFakeJellyfin, type FakeJellyfin } from '../../fakes/jellyfin.js';
import { KODI_FAKE_PASSWORD, KODI_FAKE_USER, startFakeKodi, type FakeKodi } from '../../fakes/kodi.js';
import { PLEX_FAKE_TOKEN, startFakePlex, type FakePlex } from '../../fakes/plex.js';
import { PUSHOVER_FAKE_TOKEN, PUSHOVER_FAKE_USER, startFakePushover, type FakePushover } from '../../fakes/pushover.js';
import { startTestSmtpServer, type TestSmtpServer } from '../../support/smtp-server.js';

// The clients' requests as the services document them, checked against the loopback fakes.

let kodi: FakeKodi;
let kodi2: FakeKodi;
let jellyfin: FakeJellyfin;
let plex: FakePlex;
let discord: FakeDiscord;
let pushover: FakePushover;
let smtp: TestSmtpServer;

beforeAll(async () => {
  [kodi, kodi2, jellyfin, plex, discord, pushover, smtp] = await Promise.all([
    startFakeKodi(),
    startFakeKodi(),
    startFakeJellyfin(),
    startFakePlex([{ key: '7', title: 'Films', type: 'movie', locations: ['/data/films'] }]),
    startFakeDiscord(),
    startFakePushover(),
    startTestSmtpServer(),
  ]);
});

afterAll(async () => {
  await Promise.all([kodi.close(), kodi2.close(), jellyfin.close(), plex.close(), discord.close(), pushover.close(), smtp.close()]);
});

const message: TitleMessage = {
  id: 'notify/movie/1/run-1',
  event: 'added',
  titleKind: 'movie',
  displayName: 'Heat (1995)',
  folderPath: '/srv/movies/Heat (1995)',
  occurredAt: '2026-11-21T10:00:00.000Z',
};
const kodiHost = (fake: FakeKodi, password = KODI_FAKE_PASSWORD, pathMappings: { from: string; to: string }[] = []) => ({
  name: 'htpc',
  url: fake.url,
  username: KODI_FAKE_USER,
  password,
  pathMappings,
});

async function failure(promise: Promise<unknown>): Promise<TargetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TargetError);
  return error as TargetError;
}

describe('KodiClient', () => {
  it('sends JSON-RPC 2.0 with Basic auth, and reads results', async () => {
    const client = new KodiClient(kodiHost(kodi), 2_000);
    expect(await client.ping()).toBe('pong');
    await client.scan('smb://nas/movies/Heat (1995)/');
    await client.clean();
    expect(kodi.calls.slice(-2).map((c) => [c.method, c.params])).toEqual([
      ['VideoLibrary.Scan', { showdialogs: false, directory: 'smb://nas/movies/Heat (1995)/' }],
      ['VideoLibrary.Clean', { showdialogs: false }],
    ]);
    expect(kodi.unauthorized).toBe(0);
  });

  it('turns a JSON-RPC error into a final TargetError with Kodi’s message', async () => {
    const error = await failure(new KodiClient(kodiHost(kodi), 2_000).call('VideoLibrary.Nonsense'));
    expect(error.message).toBe('Kodi "htpc" refused VideoLibrary.Nonsense: Method not found. (-32601)');
    expect(error.nonRetryable).toBe(true);
  });

  it('reports a wrong password and an unreachable host as worth retrying', async () => {
    const refused = await failure(new KodiClient(kodiHost(kodi, 'wrong'), 2_000).ping());
    expect([refused.status, refused.nonRetryable]).toEqual([401, false]);
    const down = await failure(
      new KodiClient({ name: 'off', url: `http://127.0.0.1:${await findFreePort()}`, pathMappings: [] }, 2_000).ping(),
    );
    expect(down.message).toMatch(/^Kodi "off" could not be reached \(ECONNREFUSED\) at \/jsonrpc$/);
    expect(down.nonRetryable).toBe(false);
  });
});

describe('refreshKodiGroup', () => {
  const group = (...hosts: ReturnType<typeof kodiHost>[]) => ({ name: 'g', hosts: hosts.map((h, i) => ({ ...h, name: `h${i}` })) });
  const folder = { kind: 'folder' as const, path: '/srv/movies/Heat (1995)', change: 'added' as const };

  it('defers while the only host plays a video, and scans anyway when told to ignore playback', async () => {
    kodi.setPlaying('video');
    try {
      expect(await refreshKodiGroup(group(kodiHost(kodi)), 2_000, { scope: folder, cleanFirst: false })).toEqual({
        status: 'deferred',
        detail: 'playing a video on h0',
      });
      const scans = kodi.callsOf('VideoLibrary.Scan').length;
      expect(await refreshKodiGroup(group(kodiHost(kodi)), 2_000, { scope: folder, cleanFirst: false, ignorePlaying: true })).toMatchObject(
        { status: 'refreshed' },
      );
      expect(kodi.callsOf('VideoLibrary.Scan')).toHaveLength(scans + 1);
    } finally {
      kodi.setPlaying(null);
    }
  });

  it('cleans but does not scan for a removed folder', async () => {
    const before = kodi.calls.length;
    const outcome = await refreshKodiGroup(group(kodiHost(kodi)), 2_000, { scope: { ...folder, change: 'removed' }, cleanFirst: true });
    expect(outcome).toEqual({ status: 'refreshed', detail: 'clean on h0', coveredEverything: false });
    expect(kodi.calls.slice(before).map((c) => c.method)).toEqual(['Player.GetActivePlayers', 'VideoLibrary.Clean']);
  });

  it('scans the mapped library root for a library-wide refresh', async () => {
    const outcome = await refreshKodiGroup(
      group(kodiHost(kodi, KODI_FAKE_PASSWORD, [{ from: '/srv/movies', to: 'smb://nas/movies' }])),
      2_000,
      {
        scope: { kind: 'library', rootPath: '/srv/movies' },
        cleanFirst: false,
      },
    );
    expect(outcome).toEqual({ status: 'refreshed', detail: 'scan smb://nas/movies/ on h0', coveredEverything: false });
  });

  it('says why for each host when no host could scan, retryable when any failure is', async () => {
    const error = await failure(
      refreshKodiGroup(group(kodiHost(kodi, 'wrong'), { ...kodiHost(kodi2), url: `http://127.0.0.1:${await findFreePort()}` }), 2_000, {
        scope: folder,
        cleanFirst: false,
      }),
    );
    expect(error.message).toMatch(/^No host of Kodi group "g" could scan: Kodi "h0" answered 401 .*; Kodi "h1" could not be reached/);
    expect(error.nonRetryable).toBe(false);
  });
});

describe('JellyfinClient', () => {
  it('posts {Updates: [{Path, UpdateType}]} with the token in the Authorization header', async () => {
    const config = notificationConfigSchemas.jellyfin.parse({
      url: jellyfin.baseUrl,
      apiKey: JELLYFIN_FAKE_API_KEY,
      pathMappings: [{ from: '/srv', to: '/media' }],
    });
    await new JellyfinClient(config).refresh({
      scope: { kind: 'folder', path: '/srv/movies/Heat (1995)', change: 'updated' },
      cleanFirst: false,
    });
    const request = jellyfin.requests.at(-1)!;
    expect([request.method, request.path]).toEqual(['POST', '/Library/Media/Updated']);
    expect(headerValue(request, 'authorization')).toBe(`MediaBrowser Client="Reelflow", Token="${JELLYFIN_FAKE_API_KEY}"`);
    expect(headerValue(request, 'content-type')).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ Updates: [{ Path: '/media/movies/Heat (1995)', UpdateType: 'Modified' }] });
  });
});

describe('PlexClient', () => {
  const config = (token = PLEX_FAKE_TOKEN) =>
    notificationConfigSchemas.plex.parse({ url: plex.baseUrl, token, pathMappings: [{ from: '/srv/movies', to: '/data/films' }] });

  it('reads sections from the XML MediaContainer', async () => {
    expect(await new PlexClient(config()).sections()).toEqual([{ key: '7', title: 'Films', type: 'movie', locations: ['/data/films'] }]);
  });

  it('refreshes the section with the path as a query parameter and the token in a header, not the URL', async () => {
    await new PlexClient(config()).refresh({
      scope: { kind: 'folder', path: '/srv/movies/Amélie (2001)', change: 'added' },
      cleanFirst: false,
    });
    const request = plex.requests.at(-1)!;
    expect(request.path).toBe('/library/sections/7/refresh');
    expect(request.query).toEqual({ path: '/data/films/Amélie (2001)' });
    expect(headerValue(request, 'x-plex-token')).toBe(PLEX_FAKE_TOKEN);
  });

  it('refreshes the parent folder for a removed one', async () => {
    await new PlexClient(config()).refresh({
      scope: { kind: 'folder', path: '/srv/movies/Gone (2012)', change: 'removed' },
      cleanFirst: false,
    });
    expect(plex.requests.at(-1)!.query).toEqual({ path: '/data/films' });
  });

  it('keeps the token out of error messages', async () => {
    const error = await failure(new PlexClient(config('wrong-token')).sections());
    expect(error.status).toBe(401);
    expect(error.message).not.toContain('wrong-token');
  });
});

describe('Discord', () => {
  it('posts one embed and reads the created message id (wait=true)', async () => {
    const answer = await postDiscordMessage(
      notificationConfigSchemas.discord.parse({ webhookUrl: discord.webhookUrl, username: 'Reelflow' }),
      message,
    );
    expect(answer).toMatch(/^Discord message \d+$/);
    const request = discord.requests.at(-1)!;
    expect(request.query).toEqual({ wait: 'true' });
    expect(JSON.parse(request.body)).toEqual({
      username: 'Reelflow',
      embeds: [
        {
          title: 'Added: Heat (1995)',
          description: 'Movie added in the library.\n/srv/movies/Heat (1995)',
          color: 0x2ecc71,
          timestamp: '2026-11-21T10:00:00.000Z',
          footer: { text: 'Reelflow' },
        },
      ],
    });
  });

  it('reads retry_after from a 429 body as the wait before the next attempt', async () => {
    discord.rateLimitNext(1, 2.5);
    const error = await failure(postDiscordMessage(notificationConfigSchemas.discord.parse({ webhookUrl: discord.webhookUrl }), message));
    expect([error.status, error.nonRetryable, error.retryAfterMs]).toEqual([429, false, 2_500]);
    expect(error.message).not.toContain('discord-fake-webhook-token');
  });
});

describe('Pushover', () => {
  const config = (token = PUSHOVER_FAKE_TOKEN) =>
    notificationConfigSchemas.pushover.parse({
      url: pushover.baseUrl.replace(/\/1$/, ''),
      token,
      user: PUSHOVER_FAKE_USER,
      device: 'phone',
      priority: 1,
    });

  it('posts a form with token, user, title, message, priority, device and timestamp', async () => {
    expect(await sendPushoverMessage(config(), message)).toMatch(/^Pushover request /);
    const request = pushover.requests.at(-1)!;
    expect(headerValue(request, 'content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      token: PUSHOVER_FAKE_TOKEN,
      user: PUSHOVER_FAKE_USER,
      title: 'Added: Heat (1995)',
      message: 'Movie added in the library.\n/srv/movies/Heat (1995)',
      priority: '1',
      timestamp: String(Date.parse('2026-11-21T10:00:00.000Z') / 1000),
      device: 'phone',
    });
  });

  it('treats a 4xx as final and a 5xx as worth retrying', async () => {
    expect((await failure(sendPushoverMessage(config('x'.repeat(30)), message))).nonRetryable).toBe(true);
    pushover.setMode({ kind: 'server-error' });
    try {
      expect((await failure(sendPushoverMessage(config(), message))).nonRetryable).toBe(false);
    } finally {
      pushover.setMode({ kind: 'normal' });
    }
  });
});

describe('e-mail', () => {
  const config = (password: string) =>
    notificationConfigSchemas.email.parse({
      host: smtp.host,
      port: smtp.port,
      username: smtp.username,
      password,
      from: 'reelflow@home.lan',
      to: ['a@home.lan'],
    });

  it('sends through SMTP with AUTH and reports the server’s answer', async () => {
    expect(await sendEmailMessage(config(smtp.password), message)).toMatch(/^SMTP 250 /);
    expect(smtp.messages.at(-1)!.raw).toMatch(/^Subject: Added: Heat \(1995\)$/m);
  });

  it('gives every attempt of one notification the same Message-ID', async () => {
    await sendEmailMessage(config(smtp.password), message);
    await sendEmailMessage(config(smtp.password), message);
    const ids = smtp.messages.slice(-2).map((m) => /^Message-ID: (.+)$/im.exec(m.raw)?.[1]?.trim());
    expect(ids[0]).toMatch(/^<[0-9a-f]{32}@reelflow\.local>$/);
    expect(ids[1]).toBe(ids[0]);
  });

  it('treats refused credentials (535) as final and a closed port as worth retrying', async () => {
    const refused = await failure(sendEmailMessage(config('wrong'), message));
    expect([refused.status, refused.nonRetryable]).toEqual([535, true]);
    const closed = await failure(sendEmailMessage({ ...config(smtp.password), port: await findFreePort() }, message));
    expect(closed.nonRetryable).toBe(false);
  });
});
