import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { SessionService } from '../../src/services/session/session-service.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, TEST_API_KEY } from '../support/integration.js';
import { tempDir, writeTree } from '../support/temp-dir.js';

let app: FastifyInstance;
let bare: FastifyInstance;
const webRoot = tempDir('reelflow-web-');
writeTree(webRoot, { 'index.html': '<!doctype html><title>Reelflow</title>', 'assets/app-1a2b3c.js': 'console.log(1)' });

beforeAll(async () => {
  const database = await createTestDatabase();
  const temporal = await createTestClient();
  app = await createTestApp({ database, temporal, taskQueue: 'unused', webRoot });
  bare = await createTestApp({ database, temporal, taskQueue: 'unused', webRoot: tempDir('reelflow-no-web-') });
});

async function signIn(): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { apiKey: TEST_API_KEY } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'reelflow_session');
  expect(cookie).toBeDefined();
  return `reelflow_session=${cookie!.value}`;
}

describe('POST /api/session', () => {
  it('refuses a wrong key with 401 and a message, and sets no cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { apiKey: 'not-the-key' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/^Invalid API key/);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('names the missing field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('body.apiKey');
  });

  it('sets an httpOnly, SameSite=Strict cookie for /api that does not contain the key', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { apiKey: TEST_API_KEY } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ signedIn: true, expiresAt: expect.any(String) });
    const cookie = res.cookies.find((c) => c.name === 'reelflow_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(cookie.value).not.toContain(TEST_API_KEY);
    expect(res.body).not.toContain(TEST_API_KEY);
    expect(new Date(cookie.expires!).getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);
  });
});

describe('GET and DELETE /api/session', () => {
  it('says whether this browser is signed in', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/session' })).json()).toEqual({ signedIn: false, expiresAt: null });
    const cookie = await signIn();
    const res = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(res.json()).toEqual({ signedIn: true, expiresAt: expect.any(String) });
  });

  it('signs out by clearing the cookie', async () => {
    const cookie = await signIn();
    const res = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ signedIn: false, expiresAt: null });
    const cleared = res.cookies.find((c) => c.name === 'reelflow_session')!;
    expect(cleared.value).toBe('');
    expect(new Date(cleared.expires!).getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe('the session cookie on the API', () => {
  it('is accepted in place of X-Api-Key for reading', async () => {
    const cookie = await signIn();
    const res = await app.inject({ method: 'GET', url: '/api/libraries', headers: { cookie } });
    expect(res.statusCode).toBe(200);
  });

  it('is refused when forged, tampered with or expired', async () => {
    const cookie = await signIn();
    const [expiry, nonce, signature] = cookie.slice('reelflow_session='.length).split('.') as [string, string, string];
    const later = `reelflow_session=${Number(expiry) + 1}.${nonce}.${signature}`;
    for (const forged of ['reelflow_session=abc', later, `reelflow_session=${expiry}.${nonce}.${signature.slice(1)}x`]) {
      const res = await app.inject({ method: 'GET', url: '/api/libraries', headers: { cookie: forged } });
      expect(res.statusCode).toBe(401);
    }
    const sessions = new SessionService(TEST_API_KEY, () => Date.now() - 31 * 24 * 3600_000);
    const expired = sessions.signIn(TEST_API_KEY)!;
    const res = await app.inject({ method: 'GET', url: '/api/libraries', headers: { cookie: `reelflow_session=${expired.token}` } });
    expect(res.statusCode).toBe(401);
  });

  it('is not valid with another API key', async () => {
    const other = new SessionService('another-key-entirely').signIn('another-key-entirely')!;
    const res = await app.inject({ method: 'GET', url: '/api/libraries', headers: { cookie: `reelflow_session=${other.token}` } });
    expect(res.statusCode).toBe(401);
  });

  it('changes data only from the same origin', async () => {
    const cookie = await signIn();
    const change = (headers: Record<string, string>) =>
      app.inject({ method: 'PATCH', url: '/api/phase-config/scan', headers: { cookie, ...headers }, payload: { minVideoSizeMb: 0 } });
    const noOrigin = await change({});
    expect(noOrigin.statusCode).toBe(403);
    expect(noOrigin.json().message).toContain('Origin');
    expect((await change({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await change({ host: 'reelflow.local:8080', origin: 'http://reelflow.local:8080' })).statusCode).toBe(200);
  });

  it('leaves the API key alone: a key needs no Origin', async () => {
    const res = await app.inject({ method: 'PATCH', url: '/api/phase-config/scan', headers: authHeaders, payload: { minVideoSizeMb: 0 } });
    expect(res.statusCode).toBe(200);
  });

  it('opens the live event stream, which EventSource cannot send a header to', async () => {
    const cookie = await signIn();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const refused = await fetch(`http://127.0.0.1:${port}/api/events`);
    expect(refused.status).toBe(401);
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/events`, { headers: { cookie }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const first = await res.body!.getReader().read();
    expect(new TextDecoder().decode(first.value)).toContain('retry:');
    controller.abort();
  });
});

describe('the web UI', () => {
  const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

  it('serves index.html at / and for any page of the UI, with no key', async () => {
    for (const url of ['/', '/library', '/movies/0b7c6f5e-3b0a-4c55-9d51-0c3c1b0e4c11?tab=files']) {
      const res = await app.inject({ method: 'GET', url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<title>Reelflow</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed assets to be cached for good', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('keeps JSON 404s for the API, the docs, metrics and health, even for a browser', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here', headers: { ...html, ...authHeaders } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'No route GET /api/nothing-here' });
    expect((await app.inject({ method: 'GET', url: '/api/nothing-here', headers: html })).statusCode).toBe(401);
    for (const url of ['/documentation/x', '/healthz/x', '/metrics/x']) {
      const res = await app.inject({ method: 'GET', url, headers: { ...html, ...authHeaders } });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().message).toBe(`No route GET ${url}`);
    }
    expect((await app.inject({ method: 'GET', url: '/healthz', headers: html })).json()).toMatchObject({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/docs/json', headers: html })).json().openapi).toMatch(/^3\./);
  });

  it('answers a JSON 404 for a missing file that is not a page (no text/html)', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/missing.js', headers: { accept: '*/*' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('No route GET /assets/missing.js');
  });

  it('runs the API without a built UI, and says how to build it', async () => {
    const page = await bare.inject({ method: 'GET', url: '/', headers: html });
    expect(page.statusCode).toBe(404);
    expect(page.json().message).toContain('npm run build:web');
    expect((await bare.inject({ method: 'GET', url: '/api/libraries', headers: authHeaders })).statusCode).toBe(200);
  });
});
