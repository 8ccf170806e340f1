import { Writable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/api/app.js';
import { createDatabase } from '../../src/db/client.js';
import { onCleanup } from '../support/cleanup.js';
import { authHeaders, createTestClient, createTestDatabase, TEST_API_KEY, testCipher, type TestDatabase } from '../support/integration.js';

/** Every line the app logs, as written. */
class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text() {
    return this.lines.join('\n');
  }
}

let database: TestDatabase;
let temporal: Client;

async function appWith(
  options: { metricsAuth?: 'key' | 'none'; log?: LogCapture; sql?: TestDatabase['sql']; temporal?: Client } = {},
): Promise<FastifyInstance> {
  const app = await build(
    {
      config: { taskQueue: 'unused', mediaRoots: [], metricsAuth: options.metricsAuth },
      apiKey: TEST_API_KEY,
      db: database.db,
      sql: options.sql ?? database.sql,
      temporal: options.temporal ?? temporal,
      credentialsCipher: testCipher,
    },
    options.log ? { level: 'info', stream: options.log } : false,
  );
  onCleanup(() => app.close());
  return app;
}

beforeAll(async () => {
  database = await createTestDatabase();
  temporal = await createTestClient();
});

describe('?apikey= on every route', () => {
  it('authenticates routes whose query schema is strict (GET /api/movies?apikey=…)', async () => {
    const app = await appWith();
    const res = await app.inject({ method: 'GET', url: `/api/movies?apikey=${TEST_API_KEY}&page=1` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ page: 1, total: 0 });
    expect((await app.inject({ method: 'GET', url: `/api/webhooks/events?apikey=${TEST_API_KEY}&limit=5` })).statusCode).toBe(200);
  });

  it('still refuses a wrong ?apikey=', async () => {
    const app = await appWith();
    expect((await app.inject({ method: 'GET', url: '/api/movies?apikey=wrong-key-0123456789' })).statusCode).toBe(401);
  });

  it('documents the query key in the OpenAPI document', async () => {
    const app = await appWith();
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.components.securitySchemes.apiKeyQuery).toEqual({ type: 'apiKey', name: 'apikey', in: 'query' });
  });
});

describe('the API key never reaches the log', () => {
  it('redacts ?apikey= from request lines, errors and 404s', async () => {
    const log = new LogCapture();
    const app = await appWith({ log });
    await app.inject({ method: 'GET', url: `/api/movies?apikey=${TEST_API_KEY}` });
    await app.inject({ method: 'GET', url: `/api/nothing-here?apikey=${TEST_API_KEY}` });
    await app.inject({ method: 'POST', url: `/api/webhooks/radarr?apikey=${TEST_API_KEY}`, payload: { eventType: 'Test' } });
    await app.inject({ method: 'GET', url: `/api/movies?page=0&apikey=${TEST_API_KEY}` });
    await app.inject({ method: 'GET', url: `/api/movies?apikey=wrong&apikey=${TEST_API_KEY}` });
    // A route's own log line that carries a URL with a credential is redacted too.
    app.log.info({ url: `http://indexer/api?t=search&apikey=${TEST_API_KEY}` }, `fetching http://indexer/api?apikey=${TEST_API_KEY}`);
    expect(log.lines.length).toBeGreaterThan(8);
    expect(log.text).not.toContain(TEST_API_KEY);
    expect(log.text).toContain('/api/movies?apikey=[redacted]');
  });
});

describe('/metrics', () => {
  it('needs the API key by default (REELFLOW_METRICS_AUTH=key)', async () => {
    const app = await appWith();
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const withHeader = await app.inject({ method: 'GET', url: '/metrics', headers: authHeaders });
    expect(withHeader.statusCode).toBe(200);
    expect(withHeader.body).toContain('reelflow_process_cpu');
    // Prometheus's basic_auth (any user name, the key as password) and params: {apikey: [...]} both work.
    const basic = { authorization: `Basic ${Buffer.from(`prometheus:${TEST_API_KEY}`).toString('base64')}` };
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: basic })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/metrics?apikey=${TEST_API_KEY}` })).statusCode).toBe(200);
  });

  it('is open with REELFLOW_METRICS_AUTH=none', async () => {
    const app = await appWith({ metricsAuth: 'none' });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/movies' })).statusCode).toBe(401);
  });
});

describe('/healthz says which dependency failed, not what its driver said', () => {
  let connection: Connection;
  beforeAll(() => {
    // Without the client's retry interceptor (what this test reads is the answer's wording, not its
    // deadline, which auth-and-health.test.ts covers): the call fails at once, and no retry armed on a
    // timer of its own is left to throw "Channel has been shut down" after the connection is closed.
    connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
  });
  afterAll(async () => {
    await connection.close().catch(() => {});
  });

  it('answers "unreachable" for Postgres and Temporal and logs the details', async () => {
    const { sql } = createDatabase('postgres://secret-user:secret-password@127.0.0.1:1/secret-db', { max: 1 });
    onCleanup(() => sql.end({ timeout: 1 }));
    const log = new LogCapture();
    const app = await appWith({ sql, temporal: new Client({ connection }), log });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      status: 'unavailable',
      postgres: { ok: false, error: 'unreachable' },
      temporal: { ok: false, error: 'unreachable' },
    });
    expect(log.text).toMatch(/health check: postgres is unreachable/);
    expect(log.text).toMatch(/ECONNREFUSED|connect/);
  });
});

describe('stored IPTV credentials stay with their host', () => {
  it('refuses a new baseUrl origin without the credentials sent again', async () => {
    const app = await appWith();
    const api = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });
    const created = await api('POST', '/api/iptv/providers', {
      kind: 'xtream',
      name: 'Panel',
      baseUrl: 'http://127.0.0.1:9',
      credentials: { username: 'u', password: 'stored-password' },
      enabled: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    onCleanup(async () => {
      await api('DELETE', `/api/iptv/providers/${id}`);
    });
    const moved = await api('PATCH', `/api/iptv/providers/${id}`, { baseUrl: 'http://127.0.0.2:9' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().message).toBe(
      'body.credentials: the stored credentials were entered for http://127.0.0.1:9; send them again to use them with http://127.0.0.2:9',
    );
    expect((await api('PATCH', `/api/iptv/providers/${id}`, { baseUrl: 'http://127.0.0.1:9/panel' })).statusCode).toBe(200);
    expect(
      (
        await api('PATCH', `/api/iptv/providers/${id}`, {
          baseUrl: 'http://127.0.0.2:9',
          credentials: { username: 'u', password: 'sent-again' },
        })
      ).statusCode,
    ).toBe(200);
  });
});
