import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest, httpRequestBytes, HttpRequestFailure, joinUrl } from '../../../src/http/http-request.js';

let server: http.Server;
let base: string;
/** The paths of the requests the server received, in order. */
const arrivals: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    arrivals.push(req.url ?? '');
    const path = req.url?.replace(/^\/prefix/, '');
    if (path === '/busy') return void res.writeHead(429, { 'Retry-After': '2' }).end('slow down');
    if (path === '/big') return void res.writeHead(200).end('x'.repeat(2048));
    if (path === '/to-magnet') return void res.writeHead(302, { Location: 'magnet:?xt=urn:btih:abc' }).end();
    if (path === '/bytes') return void res.writeHead(200).end(Buffer.from([0, 1, 254, 255]));
    if (path === '/stall') return void res.writeHead(200); // headers, then no body
    if (path === '/gzipped' && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      return void res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync('{"compressed":true}'));
    }
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`${req.method} ${req.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prefix`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// Every answer is read the same through fetch and through node:http (a request with beforeWrite).
describe.each([
  ['fetch', {}],
  ['node:http, on cue', { beforeWrite: () => {} }],
])('httpRequest through %s', (_transport, transport: Partial<Parameters<typeof httpRequest>[0]>) => {
  const request = (path: string, overrides: Partial<Parameters<typeof httpRequest>[0]> = {}) =>
    httpRequest({ url: joinUrl(base, path), timeoutMs: 500, maxBodyBytes: 1024, what: 'the answer', ...transport, ...overrides });

  it('answers with the status, the body and the Retry-After the server sent', async () => {
    await expect(request('/ok', { method: 'POST' })).resolves.toMatchObject({
      status: 200,
      text: 'POST /prefix/ok',
      retryAfterMs: undefined,
    });
    await expect(request('/busy')).resolves.toMatchObject({ status: 429, text: 'slow down', retryAfterMs: 2_000 });
  });

  it('asks for a compressed body and undoes it', async () => {
    await expect(request('/gzipped')).resolves.toMatchObject({ status: 200, text: '{"compressed":true}' });
  });

  it('fails as too-large past the body ceiling, keeping the status', async () => {
    const failure = await request('/big').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpRequestFailure);
    expect(failure).toMatchObject({ kind: 'too-large', status: 200 });
  });

  it('fails as a timeout when the body stalls, and as unreachable with the network code', async () => {
    await expect(request('/stall', { timeoutMs: 150 })).rejects.toMatchObject({ kind: 'timeout' });
    const nobody = http.createServer();
    await new Promise<void>((resolve) => nobody.listen(0, '127.0.0.1', resolve));
    const port = (nobody.address() as AddressInfo).port;
    await new Promise((resolve) => nobody.close(resolve));
    const closed = await httpRequest({
      url: `http://127.0.0.1:${port}/`,
      timeoutMs: 500,
      maxBodyBytes: 1024,
      what: 'x',
      ...transport,
    }).catch((error: unknown) => error);
    expect(closed).toMatchObject({ kind: 'unreachable', code: 'ECONNREFUSED' });
    expect((closed as Error).message).toMatch(/^ECONNREFUSED \(/);
  });
});

describe('httpRequest with beforeWrite', () => {
  const cued = (path: string, beforeWrite: () => void) =>
    httpRequest({ url: joinUrl(base, path), timeoutMs: 500, maxBodyBytes: 1024, what: 'the answer', beforeWrite });

  it('sends nothing when the hook throws, and rejects with the error of the hook', async () => {
    const before = arrivals.length;
    const missed = new Error('slot missed');
    await expect(
      cued('/counted', () => {
        throw missed;
      }),
    ).rejects.toBe(missed);
    // A request that is written would have arrived by now, as the next one does.
    await cued('/counted', () => {});
    expect(arrivals.slice(before)).toEqual(['/prefix/counted']);
  });

  it('asks the hook once a new connection is ready, and once on a pooled one', async () => {
    let asked = 0;
    const hook = () => void asked++;
    await Promise.all([cued('/one', hook), cued('/two', hook)]);
    await cued('/three', hook);
    expect(asked).toBe(3);
    expect(arrivals.slice(-3).sort()).toEqual(['/prefix/one', '/prefix/three', '/prefix/two']);
  });

  it('answers with a redirect itself instead of following it', async () => {
    const answer = await cued('/to-magnet', () => {});
    expect([answer.status, answer.headers.get('location')]).toEqual([302, 'magnet:?xt=urn:btih:abc']);
  });
});

describe('httpRequestBytes', () => {
  it('keeps the body as bytes, and with manual redirects answers with the redirect itself', async () => {
    const bytes = await httpRequestBytes({ url: joinUrl(base, '/bytes'), timeoutMs: 500, maxBodyBytes: 1024, what: 'bytes' });
    expect([...bytes.bytes]).toEqual([0, 1, 254, 255]);
    const redirect = await httpRequestBytes({
      url: joinUrl(base, '/to-magnet'),
      redirect: 'manual',
      timeoutMs: 500,
      maxBodyBytes: 1024,
      what: 'a torrent',
    });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, 'magnet:?xt=urn:btih:abc']);
  });
});

describe('joinUrl', () => {
  it('keeps the base path, drops a trailing slash and leaves undefined query values out', () => {
    expect(joinUrl('http://host/api/', '/movie/1', { language: 'en', page: 2, adult: false, region: undefined }).toString()).toBe(
      'http://host/api/movie/1?language=en&page=2&adult=false',
    );
  });
});
