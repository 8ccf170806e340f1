import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, type TestDatabase } from '../support/integration.js';
import { tempDir } from '../support/temp-dir.js';

let app: FastifyInstance;
let database: TestDatabase;
let libraryId: string;

const NUL = 'bad\u0000value';
const LONE = 'bad\ud800value';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp({ database, temporal: await createTestClient(), taskQueue: 'unused' });
  // Reaching the database through a route is the point: a route that throws before it proves nothing.
  app.get('/api/test-only/database-refuses', async () => database.sql`select ${'a\u0000b'}::text`);
  const created = await app.inject({
    method: 'POST',
    url: '/api/libraries',
    headers: authHeaders,
    payload: { name: 'Movies', kind: 'movie', rootPath: tempDir('reelflow-bad-input-') },
  });
  libraryId = created.json().id;
});

const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) =>
  app.inject({ method, url, headers: authHeaders, payload: payload as object });

describe('a NUL character or a lone surrogate in any string is a 400 naming the field', () => {
  const cases: [string, 'POST' | 'PUT' | 'PATCH', string, (bad: string) => unknown, string][] = [
    [
      'a Radarr webhook',
      'POST',
      '/api/webhooks/radarr',
      (bad) => ({ eventType: 'Download', movie: { title: bad, folderPath: '/movies/x' } }),
      'body.movie.title',
    ],
    ['a Sonarr webhook event type', 'POST', '/api/webhooks/sonarr', (bad) => ({ eventType: bad }), 'body.eventType'],
    ['scan phase config', 'PATCH', '/api/phase-config/scan', (bad) => ({ ignorePatterns: ['*.tmp', bad] }), 'body.ignorePatterns.1'],
    ['enrichment phase config', 'PATCH', '/api/phase-config/enrichment', (bad) => ({ language: bad }), 'body.language'],
    ['a new library', 'POST', '/api/libraries', (bad) => ({ name: bad, kind: 'movie', rootPath: '/tmp' }), 'body.name'],
    [
      'a notification config',
      'PUT',
      '/api/notifications/discord',
      (bad) => ({ config: { webhookUrl: 'https://discord.com/api/webhooks/1/x', username: bad } }),
      'body.config.username',
    ],
    [
      'a provider',
      'POST',
      '/api/providers',
      (bad) => ({ kind: 'tmdb', name: 'TMDB', credentials: { apiKey: bad } }),
      'body.credentials.apiKey',
    ],
  ];

  for (const [what, method, url, body, field] of cases) {
    it.each([
      ['NUL', NUL],
      ['lone surrogate', LONE],
    ])(`${what}: %s`, async (_kind, bad) => {
      const res = await send(method, url, body(bad));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toMatch(new RegExp(`^${field.replaceAll('.', '\\.')}: contains`));
    });
  }

  it('a library edit, a title list query and an object key', async () => {
    const edit = await send('PATCH', `/api/libraries/${libraryId}`, { name: NUL });
    expect(edit.statusCode, edit.body).toBe(400);
    expect(edit.json().message).toMatch(/^body\.name: contains a NUL/);
    const list = await app.inject({ method: 'GET', url: '/api/movies?q=a%00b', headers: authHeaders });
    expect(list.statusCode, list.body).toBe(400);
    expect(list.json().message).toMatch(/^querystring\.q: contains a NUL/);
    const key = await send('PUT', '/api/notifications/discord', {
      config: { webhookUrl: 'https://discord.com/api/webhooks/1/x', ['x\u0000']: 1 },
    });
    expect(key.statusCode).toBe(400);
    expect(key.json().message).toMatch(/^body\.config: has a key that contains a NUL/);
  });

  it('a body nested absurdly deep is a 400, not a stack overflow', async () => {
    const deep = `${'{"a":'.repeat(5_000)}"x"${'}'.repeat(5_000)}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/webhooks/radarr',
      headers: { ...authHeaders, 'content-type': 'application/json' },
      payload: `{"eventType":"Test","extra":${deep}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/nests deeper than 64 levels/);
  });

  it('a value the database refuses is a 400 saying so, never a 500 (last defence)', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test-only/database-refuses', headers: authHeaders });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/a value cannot be stored \(invalid byte sequence\)/);
  });
});

describe('bounds', () => {
  const tvRequest = (extra: object) => ({
    type: 'tv',
    tmdbId: 1396,
    qualityProfileId: '00000000-0000-4000-8000-000000000000',
    targetIds: ['00000000-0000-4000-8000-000000000001'],
    ...extra,
  });

  it('a request with more seasons or episodes than any show has is a 400 naming the array', async () => {
    const seasons = await send('POST', '/api/requests', tvRequest({ seasons: Array.from({ length: 101 }, (_, i) => i) }));
    expect(seasons.statusCode).toBe(400);
    expect(seasons.json().message).toMatch(/^body\.seasons: .*100/);
    const episodes = await send(
      'POST',
      '/api/requests',
      tvRequest({ episodes: Array.from({ length: 2_001 }, (_, i) => ({ season: 1, episode: i + 1 })) }),
    );
    expect(episodes.statusCode).toBe(400);
    expect(episodes.json().message).toMatch(/^body\.episodes: .*2000/);
    const id = await send('POST', '/api/requests', tvRequest({ seasons: [1], tmdbId: 99_999_999_999 }));
    expect(id.statusCode).toBe(400);
    expect(id.json().message).toMatch(/^body\.tmdbId: /);
  });

  it('a page past any library is a 400 naming it', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/movies?page=100001', headers: authHeaders });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^querystring\.page: /);
    expect((await app.inject({ method: 'GET', url: '/api/movies?page=100000', headers: authHeaders })).statusCode).toBe(200);
  });
});
