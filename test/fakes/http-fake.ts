import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback HTTP server for provider fakes: records every request, answers through a provider-specific
// route function, and can be switched into the failure modes real providers show.

export interface RecordedRequest {
  method: string;
  /** Path below the fake's API root (e.g. "/movie/603" for TMDB's "/3/movie/603"), as clients name endpoints. */
  path: string;
  /** Decoded query parameters ("+" already read as a space). */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Raw request body; "" for GET. */
  body: string;
  /** When the request arrived (Date.now()), for rate measurements. */
  receivedAt: number;
}

export type FakeMode =
  | { kind: 'normal' }
  /** Every request gets the provider's 401 body, whatever credentials it carries. */
  | { kind: 'unauthorized' }
  /** 429 (or the provider's throttling status) with this Retry-After value, if any. */
  | { kind: 'rate-limited'; retryAfter?: string }
  /** Answers normally, but only after this delay. */
  | { kind: 'slow'; delayMs: number }
  | { kind: 'server-error' }
  /** 200 with a JSON content type and a truncated body. */
  | { kind: 'malformed-json' };

export interface FakeReply {
  status: number;
  /** Serialised as JSON unless `rawBody` is given. */
  json?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface FakeServer {
  /** Base URL a client is configured with, including the API root (e.g. "http://127.0.0.1:41234/3"). */
  baseUrl: string;
  requests: RecordedRequest[];
  setMode(mode: FakeMode): void;
  close(): Promise<void>;
}

export interface HttpFakeOptions {
  /** API root the real service has below its host, e.g. "/3" for TMDB; requests outside it get 404. */
  apiRoot: string;
  route: (request: RecordedRequest) => FakeReply;
  /** The provider's error body for a status (401, 429, 500, 404...). */
  errorBody: (status: number) => unknown;
  /** MusicBrainz throttles with 503, not 429. */
  rateLimitStatus?: number;
  mode?: FakeMode;
}

export async function startHttpFake(options: HttpFakeOptions): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  let mode: FakeMode = options.mode ?? { kind: 'normal' };
  const pendingTimers = new Set<NodeJS.Timeout>();

  const server = createServer((incoming, response) => {
    const receivedAt = Date.now();
    void readBody(incoming)
      .then(async (body) => {
        const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
        const root = options.apiRoot.replace(/\/+$/, '');
        const inRoot = url.pathname === root || url.pathname.startsWith(`${root}/`);
        const request: RecordedRequest = {
          method: incoming.method ?? 'GET',
          path: inRoot ? url.pathname.slice(root.length) || '/' : url.pathname,
          query: Object.fromEntries(url.searchParams.entries()),
          headers: incoming.headers,
          body,
          receivedAt,
        };
        requests.push(request);
        if (!inRoot) return send(response, { status: 404, rawBody: 'Not Found', headers: { 'content-type': 'text/plain' } });

        const current = mode;
        if (current.kind === 'slow') {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              pendingTimers.delete(timer);
              resolve();
            }, current.delayMs);
            pendingTimers.add(timer);
          });
        }
        send(response, replyFor(current, request, options));
      })
      .catch((error: unknown) => {
        // A bug in a fake's route must show up as a failing request, not crash the test process.
        send(response, { status: 500, rawBody: `fake failed: ${String(error)}`, headers: { 'content-type': 'text/plain' } });
      });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}${options.apiRoot}`,
    requests,
    setMode(next) {
      mode = next;
    },
    async close() {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      // Slow-mode requests may still hold sockets open; a fake must never keep a test run alive.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function replyFor(mode: FakeMode, request: RecordedRequest, options: HttpFakeOptions): FakeReply {
  switch (mode.kind) {
    case 'unauthorized':
      return { status: 401, json: options.errorBody(401) };
    case 'rate-limited': {
      const status = options.rateLimitStatus ?? 429;
      return {
        status,
        json: options.errorBody(status),
        ...(mode.retryAfter === undefined ? {} : { headers: { 'retry-after': mode.retryAfter } }),
      };
    }
    case 'server-error':
      return { status: 500, json: options.errorBody(500) };
    case 'malformed-json':
      return { status: 200, rawBody: '{"id": 603, "title": "The Matr', headers: { 'content-type': 'application/json' } };
    case 'slow':
    case 'normal':
      return options.route(request);
  }
}

function send(response: ServerResponse, reply: FakeReply): void {
  if (response.destroyed) return;
  const body = reply.rawBody ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  response.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    ...reply.headers,
  });
  response.end(body);
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // An aborted request (a client that timed out) still resolves, with what arrived.
    incoming.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Case-insensitive header value as a single string. */
export function headerValue(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
