import { randomBytes } from 'node:crypto';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/api/app.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  TEST_API_KEY,
  type TestDatabase,
} from '../support/integration.js';
import type { FastifyInstance } from 'fastify';

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp({ database, temporal: await createTestClient(), taskQueue: 'unused' });
});

describe('X-Api-Key authentication', () => {
  it('refuses an API route without a key, naming what is missing', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/libraries' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing X-Api-Key header' });
  });

  it('refuses a wrong key', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/phase-config', headers: { 'x-api-key': 'wrong' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('Invalid API key');
  });

  it('accepts the key in the header or as ?apikey= (as Radarr does)', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/libraries', headers: authHeaders })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/libraries?apikey=${TEST_API_KEY}` })).statusCode).toBe(200);
  });

  it('refuses unknown routes with 401 before revealing whether they exist', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/nothing-here' })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here', headers: authHeaders });
    expect(res.statusCode).toBe(404);
  });

  it('serves the OpenAPI document, which lists the API routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/libraries', '/api/phase-config/{phase}', '/api/scans/{id}', '/healthz']),
    );
  });
});

describe('/healthz', () => {
  it('answers 200 without a key when Postgres and Temporal are reachable', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', postgres: { ok: true }, temporal: { ok: true } });
  });

  describe('with Temporal unreachable', () => {
    let broken: FastifyInstance;
    let connection: Connection;
    beforeAll(async () => {
      // Nothing listens on port 1; a lazy connection lets the app start and fail only when used. Without
      // the SDK's retry interceptor: its retries wait on timers that outlive the health check's deadline, and
      // one firing after the connection is closed throws "Channel has been shut down" from the timer (seen
      // once in CI). The route answers the same either way: unreachable.
      connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
      broken = await build({
        config: { taskQueue: 'unused', mediaRoots: [] },
        apiKey: TEST_API_KEY,
        db: database.db,
        sql: database.sql,
        temporal: new Client({ connection }),
        credentialsCipher: new CredentialsCipher(randomBytes(32)),
      });
    });
    afterAll(async () => {
      await broken.close();
      await connection.close().catch(() => {});
    });

    it('answers 503 and says which dependency failed', async () => {
      const res = await broken.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(503);
      const body = res.json();
      expect(body.status).toBe('unavailable');
      expect(body.postgres).toEqual({ ok: true });
      expect(body.temporal).toEqual({ ok: false, error: 'unreachable' });
    });
  });
});
