import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ProviderAuthError,
  ProviderNotFoundError,
  ProviderRateLimitError,
  ProviderRequestError,
  ProviderResponseError,
  ProviderUnavailableError,
} from '../../../src/providers/http/errors.js';
import type { RequestPacing } from '../../../src/providers/http/provider-pacer.js';
import { requestJson } from '../../../src/providers/http/request-json.js';
import { startHttpFake, type FakeReply, type FakeServer } from '../../fakes/http-fake.js';

const itemsSchema = z.looseObject({ items: z.array(z.looseObject({ name: z.string() })) });

let fake: FakeServer | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function serve(reply: FakeReply): Promise<FakeServer> {
  fake = await startHttpFake({ apiRoot: '/api', route: () => reply, errorBody: () => ({ message: 'fake error' }) });
  return fake;
}

async function errorFrom(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the request to fail, but it succeeded');
}

function get(
  server: FakeServer,
  overrides: { path?: string; timeoutMs?: number; query?: Record<string, string | number | undefined> } = {},
) {
  return requestJson({
    provider: 'TMDB',
    baseUrl: server.baseUrl,
    path: overrides.path ?? '/things/1',
    query: overrides.query ?? { api_key: 'secret-key-123' },
    timeoutMs: overrides.timeoutMs ?? 2000,
    schema: itemsSchema,
  });
}

describe('requestJson', () => {
  it('returns the validated body and sends the query without undefined values', async () => {
    const server = await serve({ status: 200, json: { items: [{ name: 'a', extra: true }], more: 1 } });
    const body = await get(server, { query: { language: 'en-US', year: 1999, page: undefined } });
    expect(body.items[0]?.name).toBe('a');
    expect(server.requests[0]?.path).toBe('/things/1');
    expect(server.requests[0]?.query).toStrictEqual({ language: 'en-US', year: '1999' });
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });

  it('joins a base URL with a trailing slash without doubling it', async () => {
    const server = await serve({ status: 200, json: { items: [] } });
    await requestJson({ provider: 'TMDB', baseUrl: `${server.baseUrl}/`, path: '/x', timeoutMs: 2000, schema: itemsSchema });
    expect(server.requests[0]?.path).toBe('/x');
  });

  it('sends a POST body as JSON', async () => {
    const server = await serve({ status: 200, json: { items: [] } });
    await requestJson({
      provider: 'TVDB',
      baseUrl: server.baseUrl,
      path: '/login',
      method: 'POST',
      body: { apikey: 'k' },
      timeoutMs: 2000,
      schema: itemsSchema,
    });
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toStrictEqual({ apikey: 'k' });
  });

  it.each([401, 403])('turns %i into a non-retryable ProviderAuthError naming the provider', async (status) => {
    const server = await serve({ status, json: { status_message: 'Invalid API key: You must be granted a valid key.' } });
    const error = await errorFrom(get(server));
    expect(error).toBeInstanceOf(ProviderAuthError);
    expect(error.name).toBe('ProviderAuthError');
    expect(error.message).toMatch(/^TMDB rejected the API key/);
    expect(error.message).toContain('Invalid API key: You must be granted a valid key.');
    expect((error as ProviderAuthError).nonRetryable).toBe(true);
    expect((error as ProviderAuthError).status).toBe(status);
  });

  it('never puts the query string (where TMDB keys travel) into an error message', async () => {
    const server = await serve({ status: 401, json: {} });
    const error = await errorFrom(get(server));
    expect(error.message).toContain('/things/1');
    expect(error.message).not.toContain('secret-key-123');
  });

  it('reads Retry-After seconds into retryAfterMs on 429', async () => {
    const server = await serve({ status: 429, json: {}, headers: { 'retry-after': '7' } });
    const error = await errorFrom(get(server));
    expect(error).toBeInstanceOf(ProviderRateLimitError);
    expect((error as ProviderRateLimitError).retryAfterMs).toBe(7000);
    expect((error as ProviderRateLimitError).nonRetryable).toBe(false);
  });

  it('reads a Retry-After HTTP date into retryAfterMs on 429', async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    const server = await serve({ status: 429, json: {}, headers: { 'retry-after': at } });
    const error = (await errorFrom(get(server))) as ProviderRateLimitError;
    // HTTP dates have one-second resolution, so the wait is between 58 and 60 seconds.
    expect(error.retryAfterMs).toBeGreaterThan(58_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('leaves retryAfterMs undefined when a 429 carries no Retry-After', async () => {
    const server = await serve({ status: 429, json: {} });
    const error = (await errorFrom(get(server))) as ProviderRateLimitError;
    expect(error).toBeInstanceOf(ProviderRateLimitError);
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('turns 5xx into a retryable ProviderUnavailableError, keeping a 503 Retry-After', async () => {
    const server = await serve({ status: 503, json: { error: 'slow down' }, headers: { 'retry-after': '2' } });
    const error = await errorFrom(get(server));
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as ProviderUnavailableError).nonRetryable).toBe(false);
    expect((error as ProviderUnavailableError).retryAfterMs).toBe(2000);
    expect(error.message).toContain('HTTP 503');
  });

  it('turns 404 into ProviderNotFoundError and other 4xx into ProviderRequestError, both non-retryable', async () => {
    const notFound = await errorFrom(get(await serve({ status: 404, json: {} })));
    expect(notFound).toBeInstanceOf(ProviderNotFoundError);
    expect((notFound as ProviderNotFoundError).nonRetryable).toBe(true);
    await fake?.close();
    const badRequest = await errorFrom(get(await serve({ status: 400, json: {} })));
    expect(badRequest).toBeInstanceOf(ProviderRequestError);
    expect((badRequest as ProviderRequestError).nonRetryable).toBe(true);
  });

  it('turns a timeout into ProviderUnavailableError', async () => {
    const server = await serve({ status: 200, json: { items: [] } });
    server.setMode({ kind: 'slow', delayMs: 1500 });
    const started = Date.now();
    const error = await errorFrom(get(server, { timeoutMs: 100 }));
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error.message).toBe('TMDB did not answer /things/1 within 100 ms');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('turns a refused connection into ProviderUnavailableError', async () => {
    const server = await serve({ status: 200, json: { items: [] } });
    const baseUrl = server.baseUrl;
    await server.close();
    fake = undefined;
    const error = await errorFrom(requestJson({ provider: 'TMDB', baseUrl, path: '/things/1', timeoutMs: 2000, schema: itemsSchema }));
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('turns malformed JSON into a non-retryable ProviderResponseError naming provider and endpoint', async () => {
    const server = await serve({ status: 200, rawBody: '{"items": [' });
    const error = await errorFrom(get(server));
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error.message).toBe('TMDB returned malformed JSON from /things/1');
    expect((error as ProviderResponseError).nonRetryable).toBe(true);
  });

  it('turns a body that fails validation into ProviderResponseError naming the field', async () => {
    const server = await serve({ status: 200, json: { items: [{ name: 'ok' }, { name: 42 }] } });
    const error = await errorFrom(get(server));
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect((error as ProviderResponseError).field).toBe('items[1].name');
    expect(error.message).toMatch(/^TMDB response from \/things\/1 is invalid at items\[1\]\.name: /);
  });
});

describe('requestJson with pacing', () => {
  /** A schedule that is always on time, counting the requests it was asked to send. */
  function countingPacing(): RequestPacing & { sends: number } {
    const pacing = {
      sends: 0,
      send: <T>(send: (beforeWrite: () => void) => Promise<T>) => {
        pacing.sends++;
        return send(() => {});
      },
      throttled: () => Promise.resolve(),
    };
    return pacing;
  }

  it('follows a redirect itself, each hop at a slot of its own; a 303 of a POST as a GET', async () => {
    fake = await startHttpFake({
      apiRoot: '/api',
      route: (request) =>
        request.path === '/login'
          ? { status: 303, json: {}, headers: { location: `${fake!.baseUrl}/moved` } }
          : { status: 200, json: { items: [{ name: request.method }] } },
      errorBody: () => ({}),
    });
    const pacing = countingPacing();
    const body = await requestJson({
      provider: 'TVDB',
      baseUrl: fake.baseUrl,
      path: '/login',
      method: 'POST',
      body: { apikey: 'k' },
      timeoutMs: 2000,
      schema: itemsSchema,
      pacing,
    });
    expect(body.items[0]?.name).toBe('GET');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /login', 'GET /moved']);
    expect(fake.requests[1]?.headers['content-type']).toBeUndefined();
    expect(pacing.sends).toBe(2);
  });

  it('does not send Authorization to another origin it is redirected to', async () => {
    const other = await startHttpFake({ apiRoot: '/api', route: () => ({ status: 200, json: { items: [] } }), errorBody: () => ({}) });
    try {
      fake = await startHttpFake({
        apiRoot: '/api',
        route: () => ({ status: 301, json: {}, headers: { location: `${other.baseUrl}/there` } }),
        errorBody: () => ({}),
      });
      await requestJson({
        provider: 'TVDB',
        baseUrl: fake.baseUrl,
        path: '/here',
        headers: { Authorization: 'Bearer token' },
        timeoutMs: 2000,
        schema: itemsSchema,
        pacing: countingPacing(),
      });
      expect(fake.requests[0]?.headers.authorization).toBe('Bearer token');
      expect(other.requests.map((r) => r.path)).toEqual(['/there']);
      expect(other.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
