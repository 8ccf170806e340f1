import type { IncomingMessage, ServerResponse } from 'node:http';
import { readRequestBody, startRestartableServer } from './restartable-server.js';

// A Kodi web server speaking JSON-RPC 2.0 over HTTP (POST /jsonrpc), as documented on the Kodi wiki
// (JSON-RPC API v12/v13): Basic auth when a password is set, JSON-RPC error objects for unknown methods
// and bad params. It records every call, can be switched to "playing a video", and can go down and come
// back on the same port.

export interface KodiCall {
  method: string;
  params: Record<string, unknown>;
  receivedAt: number;
}

export interface FakeKodi {
  /** What a client is configured with: http://127.0.0.1:<port>. */
  url: string;
  calls: KodiCall[];
  /** Calls of one method, e.g. "VideoLibrary.Scan". */
  callsOf(method: string): KodiCall[];
  /** Directories of every VideoLibrary.Scan in order; null for a full scan (no directory). */
  scannedDirectories(): (string | null)[];
  setPlaying(kind: 'video' | 'audio' | null): void;
  /** Requests rejected with 401 so far (wrong or missing credentials). */
  unauthorized: number;
  goDown(): Promise<void>;
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

export const KODI_FAKE_USER = 'kodi';
export const KODI_FAKE_PASSWORD = 'kodi-secret';

const METHOD_NOT_FOUND = { code: -32601, message: 'Method not found.' };
const INVALID_PARAMS = { code: -32602, message: 'Invalid params.' };

export async function startFakeKodi(options: { username?: string; password?: string } = {}): Promise<FakeKodi> {
  const username = options.username ?? KODI_FAKE_USER;
  const password = options.password ?? KODI_FAKE_PASSWORD;
  const calls: KodiCall[] = [];
  let playing: 'video' | 'audio' | null = null;
  let unauthorized = 0;

  const handle = (incoming: IncomingMessage, response: ServerResponse) => {
    void readRequestBody(incoming).then((body) => {
      if (incoming.method !== 'POST' || !incoming.url?.startsWith('/jsonrpc')) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
        return;
      }
      const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
      if (incoming.headers.authorization !== expected) {
        unauthorized++;
        response
          .writeHead(401, { 'content-type': 'text/html', 'www-authenticate': 'Basic realm="Kodi"' })
          .end('<html>401 Unauthorized</html>');
        return;
      }
      let request: { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown };
      try {
        request = JSON.parse(body) as typeof request;
      } catch {
        return reply(response, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error.' } });
      }
      const id = request.id ?? null;
      if (request.jsonrpc !== '2.0' || typeof request.method !== 'string') {
        return reply(response, { jsonrpc: '2.0', id, error: { code: -32600, message: 'Invalid request.' } });
      }
      const params = (request.params ?? {}) as Record<string, unknown>;
      calls.push({ method: request.method, params, receivedAt: Date.now() });
      const answer = answerFor(request.method, params, playing);
      reply(response, 'error' in answer ? { jsonrpc: '2.0', id, error: answer.error } : { jsonrpc: '2.0', id, result: answer.result });
    });
  };

  const server = await startRestartableServer(handle);
  return {
    url: `http://127.0.0.1:${server.port}`,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    scannedDirectories: () =>
      calls
        .filter((c) => c.method === 'VideoLibrary.Scan')
        .map((c) => (typeof c.params.directory === 'string' ? c.params.directory : null)),
    setPlaying(kind) {
      playing = kind;
    },
    get unauthorized() {
      return unauthorized;
    },
    goDown: () => server.goDown(),
    comeBack: () => server.comeBack(),
    close: () => server.close(),
  };
}

function answerFor(
  method: string,
  params: Record<string, unknown>,
  playing: 'video' | 'audio' | null,
): { result: unknown } | { error: { code: number; message: string } } {
  switch (method) {
    case 'JSONRPC.Ping':
      return { result: 'pong' };
    case 'Player.GetActivePlayers':
      return { result: playing ? [{ playerid: playing === 'video' ? 1 : 0, playertype: 'internal', type: playing }] : [] };
    case 'VideoLibrary.Scan':
      if (params.directory !== undefined && typeof params.directory !== 'string') return { error: INVALID_PARAMS };
      return { result: 'OK' };
    case 'VideoLibrary.Clean':
      return { result: 'OK' };
    default:
      return { error: METHOD_NOT_FOUND };
  }
}

function reply(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
