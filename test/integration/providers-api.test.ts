import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/api/app.js';
import { providers } from '../../src/db/schema/providers.js';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { ProviderRegistry } from '../../src/providers/registry.js';
import { TMDB_DEFAULT_BASE_URL } from '../../src/contracts/provider-kinds.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import { authHeaders, createTestClient, createTestDatabase, TEST_API_KEY, type TestDatabase } from '../support/integration.js';

// Secrets sent in this file; none may ever appear in an answer or in the table.
const TMDB_KEY = 'tmdb-key-0123456789-secret-abcd';
const TVDB_KEY = 'tvdb-key-9876543210-secret-wxyz';
const TVDB_PIN = '4321';
const SECRETS = [TMDB_KEY, TVDB_KEY, TMDB_FAKE_API_KEY, 'tmdb-replaced-key-55555-secret', 'wrong-key-for-fake-tmdb-0000'];

let app: FastifyInstance;
let database: TestDatabase;
let fakeTmdb: FakeServer;
const cipher = new CredentialsCipher(randomBytes(32));
const registry = new ProviderRegistry();
const answers: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  fakeTmdb = await startFakeTmdb();
  // build() directly, to hand the app the cipher this file decrypts with and the registry it inspects.
  const input = {
    config: { taskQueue: 'unused', mediaRoots: [] },
    apiKey: TEST_API_KEY,
    db: database.db,
    sql: database.sql,
    temporal: await createTestClient(),
    credentialsCipher: cipher,
    providerRegistry: registry,
  };
  app = await build(input);
});

afterAll(async () => {
  await app.close();
  await fakeTmdb.close();
});

/** Every answer is kept, so the last test can check that no secret ever left the API. */
async function call(options: InjectOptions): Promise<LightMyRequestResponse> {
  const response = await app.inject({ ...options, headers: { ...authHeaders, ...options.headers } });
  answers.push(response.body);
  return response;
}

const create = (payload: object) => call({ method: 'POST', url: '/api/providers', payload });
const patch = (id: string, payload: object) => call({ method: 'PATCH', url: `/api/providers/${id}`, payload });
const get = (id: string) => call({ method: 'GET', url: `/api/providers/${id}` });
const test = (id: string) => call({ method: 'POST', url: `/api/providers/${id}/test` });

async function storedCredentials(id: string): Promise<string> {
  const [row] = await database.db.select({ value: providers.credentialsEncrypted }).from(providers).where(eq(providers.id, id));
  return row?.value ?? '';
}

async function createdId(payload: object): Promise<string> {
  const response = await create(payload);
  expect(response.statusCode).toBe(201);
  return (response.json() as { id: string }).id;
}

describe('providers API: create, read, mask', () => {
  it('creates a provider with the kind’s defaults and answers with masked credentials', async () => {
    const response = await create({ kind: 'tmdb', name: 'TMDB main', credentials: { apiKey: TMDB_KEY } });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      kind: 'tmdb',
      name: 'TMDB main',
      enabled: true,
      priority: 0,
      baseUrl: TMDB_DEFAULT_BASE_URL,
      credentials: { apiKey: '••••abcd' },
      rateLimitPerSecond: 40,
      timeoutMs: 10_000,
    });
    expect(body).not.toHaveProperty('credentialsEncrypted');
    expect(registry.get(body.id)).toBe(registry.tmdb());
  });

  it('stores credentials only encrypted, readable with the key', async () => {
    const id = await createdId({ kind: 'tvdb', name: 'TVDB', credentials: { apiKey: TVDB_KEY, pin: TVDB_PIN } });
    const stored = await storedCredentials(id);
    expect(stored).toMatch(new RegExp(`^v1:${cipher.keyId}:`));
    expect(stored).not.toContain(TVDB_KEY);
    expect(JSON.parse(cipher.decrypt(stored))).toStrictEqual({ apiKey: TVDB_KEY, pin: TVDB_PIN });
  });

  it('masks a short secret completely and shows a non-secret contact as entered', async () => {
    const tvdb = (await call({ method: 'GET', url: '/api/providers' })).json().find((p: { name: string }) => p.name === 'TVDB');
    expect(tvdb.credentials).toStrictEqual({ apiKey: '••••wxyz', pin: '••••' });
    const id = await createdId({ kind: 'musicbrainz', name: 'MusicBrainz', priority: 5, credentials: { contact: 'admin@example.org' } });
    expect((await get(id)).json()).toMatchObject({ credentials: { contact: 'admin@example.org' }, rateLimitPerSecond: 1, priority: 5 });
  });

  it('lists providers in the order they are asked: priority, then name', async () => {
    await createdId({ kind: 'fanart_tv', name: 'Fanart.tv', priority: 1, credentials: { apiKey: 'fanart-key' } });
    const names = (await call({ method: 'GET', url: '/api/providers' })).json().map((p: { name: string }) => p.name);
    expect(names).toStrictEqual(['TMDB main', 'TVDB', 'Fanart.tv', 'MusicBrainz']);
  });

  it('answers 404 for an unknown provider and 400 for an id that is not a UUID', async () => {
    expect((await get('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const response = await get('tmdb');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^params\.id: /);
  });
});

describe('providers API: validation', () => {
  it.each([
    [{ kind: 'tmdb', name: 'x', credentials: {} }, 'body.credentials.apiKey: required for tmdb (or readAccessToken)'],
    [{ kind: 'tvdb', name: 'x', credentials: { pin: '1' } }, 'body.credentials.apiKey: required for tvdb'],
    [{ kind: 'fanart_tv', name: 'x', credentials: { clientKey: 'c' } }, 'body.credentials.apiKey: required for fanart_tv'],
    [{ kind: 'musicbrainz', name: 'x', credentials: {} }, 'body.credentials.contact: required for musicbrainz'],
    [
      { kind: 'tmdb', name: 'x', credentials: { apiKey: 'k', password: 'p' } },
      'body.credentials.password: unknown for tmdb; expected apiKey, readAccessToken',
    ],
    [{ kind: 'tmdb', name: 'x', credentials: { apiKey: '  ' } }, 'body.credentials.apiKey: a non-empty string'],
    [{ kind: 'tmdb', name: 'x', credentials: { apiKey: 'k' }, baseUrl: 'ftp://example.org' }, 'body.baseUrl: an http:// or https:// URL'],
    [{ kind: 'tmdb', name: 'x', credentials: { apiKey: 'k' }, timeoutMs: 1.5 }, 'body.timeoutMs: a whole number of milliseconds'],
    [
      { kind: 'tmdb', name: 'x', credentials: { apiKey: 'k' }, rateLimitPerSecond: 0 },
      'body.rateLimitPerSecond: a number of requests per second above 0',
    ],
    [{ kind: 'tmdb', name: 'x', credentials: { apiKey: 'k' }, secret: 1 }, 'body.secret: unknown field'],
  ])('refuses %j with a 400 naming the field', async (payload, message) => {
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe(message);
  });

  it('refuses an unknown kind, naming the field', async () => {
    const response = await create({ kind: 'imdb', name: 'x', credentials: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^body\.kind: /);
  });

  it('refuses a second provider with a taken name with 409, on create and on rename', async () => {
    const response = await create({ kind: 'tmdb', name: 'TMDB main', credentials: { apiKey: 'another' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('A provider named "TMDB main" already exists');
    const id = await createdId({ kind: 'tmdb', name: 'TMDB spare', credentials: { apiKey: 'spare' } });
    expect((await patch(id, { name: 'TMDB main' })).statusCode).toBe(409);
    expect((await get(id)).json().name).toBe('TMDB spare');
  });
});

describe('providers API: update', () => {
  it('changes only the given fields and keeps the stored credentials when none are given', async () => {
    const id = await createdId({ kind: 'tmdb', name: 'TMDB patch', credentials: { apiKey: TMDB_KEY } });
    const before = await storedCredentials(id);
    const response = await patch(id, { enabled: false, priority: 7, timeoutMs: 2_500 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      enabled: false,
      priority: 7,
      timeoutMs: 2_500,
      credentials: { apiKey: '••••abcd' },
      name: 'TMDB patch',
    });
    expect(await storedCredentials(id)).toBe(before);
  });

  it('replaces the credentials as a whole when given, validated for the provider’s kind', async () => {
    const id = await createdId({ kind: 'tmdb', name: 'TMDB replace', credentials: { apiKey: TMDB_KEY } });
    const refused = await patch(id, { credentials: { pin: '1' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('body.credentials.pin: unknown for tmdb; expected apiKey, readAccessToken');
    const response = await patch(id, { credentials: { readAccessToken: 'tmdb-replaced-key-55555-secret' } });
    expect(response.json().credentials).toStrictEqual({ readAccessToken: '••••cret' });
    expect(JSON.parse(cipher.decrypt(await storedCredentials(id)))).toStrictEqual({ readAccessToken: 'tmdb-replaced-key-55555-secret' });
  });

  it('does not change the kind', async () => {
    const id = await createdId({ kind: 'tmdb', name: 'TMDB kind', credentials: { apiKey: 'k' } });
    const response = await patch(id, { kind: 'tvdb' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('body.kind: unknown field');
  });

  it('answers 404 for an unknown provider', async () => {
    expect((await patch('00000000-0000-4000-8000-000000000000', { enabled: false })).statusCode).toBe(404);
  });

  it('keeps stored credentials only for the host they were entered for: a new host needs them again', async () => {
    const id = await createdId({ kind: 'tmdb', name: 'TMDB moved', baseUrl: fakeTmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
    const moved = await patch(id, { baseUrl: 'http://127.0.0.1:1/3' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().message).toMatch(
      /^body\.credentials: the stored credentials were entered for http:\/\/127\.0\.0\.1:\d+; send them again/,
    );
    expect((await get(id)).json().baseUrl).toBe(fakeTmdb.baseUrl);
    // Another path on the same origin keeps them; the new host with the credentials sent again is fine.
    expect((await patch(id, { baseUrl: `${fakeTmdb.baseUrl}/` })).statusCode).toBe(200);
    const withCredentials = await patch(id, { baseUrl: 'http://127.0.0.1:1/3', credentials: { apiKey: TMDB_FAKE_API_KEY } });
    expect(withCredentials.statusCode).toBe(200);
    expect(withCredentials.json().baseUrl).toBe('http://127.0.0.1:1/3');
  });
});

describe('providers API: testing credentials', () => {
  it('answers ok for credentials the provider accepts, at the configured base URL', async () => {
    const id = await createdId({ kind: 'tmdb', name: 'TMDB fake', baseUrl: fakeTmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
    const before = fakeTmdb.requests.length;
    const response = await test(id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toStrictEqual({ ok: true });
    expect(fakeTmdb.requests.slice(before).map((request) => request.path)).toStrictEqual(['/configuration']);
  });

  it('answers ok: false with the provider’s refusal, and ok after the key is fixed', async () => {
    const id = await createdId({
      kind: 'tmdb',
      name: 'TMDB bad key',
      baseUrl: fakeTmdb.baseUrl,
      credentials: { apiKey: 'wrong-key-for-fake-tmdb-0000' },
    });
    const refused = await test(id);
    expect(refused.statusCode).toBe(200);
    expect(refused.json().ok).toBe(false);
    expect(refused.json().error).toMatch(/^TMDB rejected the API key \(HTTP 401 from \/configuration/);
    await patch(id, { credentials: { apiKey: TMDB_FAKE_API_KEY } });
    expect((await test(id)).json()).toStrictEqual({ ok: true });
  });

  it('reports a provider that does not answer within the configured timeout', async () => {
    const slow = await startFakeTmdb({ mode: { kind: 'slow', delayMs: 3_000 } });
    try {
      const id = await createdId({
        kind: 'tmdb',
        name: 'TMDB slow',
        baseUrl: slow.baseUrl,
        timeoutMs: 200,
        credentials: { apiKey: TMDB_FAKE_API_KEY },
      });
      const response = await test(id);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toStrictEqual({ ok: false, error: 'TMDB did not answer /configuration within 200 ms' });
    } finally {
      await slow.close();
    }
  });

  it('answers 404 for an unknown provider', async () => {
    expect((await test('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('providers API: credentials written with another key', () => {
  it('lists the provider with the reason instead of credentials, fails its test, and takes new credentials', async () => {
    const id = await createdId({
      kind: 'tmdb',
      name: 'TMDB old key',
      baseUrl: fakeTmdb.baseUrl,
      credentials: { apiKey: TMDB_FAKE_API_KEY },
    });
    const otherKey = new CredentialsCipher(randomBytes(32));
    await database.db
      .update(providers)
      .set({ credentialsEncrypted: otherKey.encrypt(JSON.stringify({ apiKey: TMDB_FAKE_API_KEY })) })
      .where(eq(providers.id, id));

    const shown = (await get(id)).json();
    expect(shown.credentials).toStrictEqual({});
    expect(shown.credentialsError).toMatch(/^Provider "TMDB old key" \(.+\): Stored credentials were encrypted with another secret key/);
    expect((await call({ method: 'GET', url: '/api/providers' })).statusCode).toBe(200);

    const tested = (await test(id)).json();
    expect(tested.ok).toBe(false);
    expect(tested.error).toMatch(/encrypted with another secret key/);

    const fixed = await patch(id, { credentials: { apiKey: TMDB_FAKE_API_KEY } });
    expect(fixed.json()).not.toHaveProperty('credentialsError');
    expect((await test(id)).json()).toStrictEqual({ ok: true });
  });
});

describe('providers API: delete', () => {
  it('deletes a provider and forgets its processor', async () => {
    const id = await createdId({ kind: 'fanart_tv', name: 'Fanart.tv spare', credentials: { apiKey: 'fanart-spare' } });
    expect(registry.get(id)).toBeDefined();
    const response = await call({ method: 'DELETE', url: `/api/providers/${id}` });
    expect(response.statusCode).toBe(204);
    expect(registry.get(id)).toBeUndefined();
    expect((await get(id)).statusCode).toBe(404);
    expect((await call({ method: 'DELETE', url: `/api/providers/${id}` })).statusCode).toBe(404);
  });
});

describe('providers API: secrecy', () => {
  it('never answered with a plaintext secret, and never stored one', async () => {
    expect(answers.length).toBeGreaterThan(30);
    for (const body of answers) {
      for (const secret of SECRETS) expect(body).not.toContain(secret);
    }
    const rows = await database.db.select({ value: providers.credentialsEncrypted }).from(providers);
    for (const { value } of rows) {
      for (const secret of SECRETS) expect(value).not.toContain(secret);
    }
  });
});
