import http from 'node:http';
import https from 'node:https';
import { pipeline, Readable, type Transform } from 'node:stream';
import { TLSSocket } from 'node:tls';
import zlib from 'node:zlib';

/** The `beforeWrite` hook refused: nothing of the request was written. Holds the hook's own error. */
export class WriteRefused extends Error {
  override readonly name = 'WriteRefused';
  constructor(override readonly cause: unknown) {
    super('the request was not written', { cause });
  }
}

export interface CuedRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
  /**
   * Called once the connection is ready, in the same turn of the event loop as the write that follows it; it
   * throws to have nothing written (the request then rejects with WriteRefused).
   */
  beforeWrite: () => void;
}

/**
 * Sends one request through node:http, asking `beforeWrite` at the last moment before the request's bytes
 * go to the socket. A request paced to a slot must reach the provider close to it; `fetch` passes a request
 * through several turns of the event loop between the call and the write, and a busy worker's loop made
 * those turns last up to 70 ms (measured in bench:provider-cache). Here the only waits come before the
 * hook: for a pooled connection, none; for a new one, its connect (and TLS handshake).
 *
 * The answer is a web Response, so callers read it as they read fetch's, compressed bodies undone as fetch
 * undoes them. Unlike fetch, redirects are not followed: each hop is a request of its own, for the caller
 * to pace.
 */
export function sendOnCue(request: CuedRequest): Promise<Response> {
  const client = request.url.protocol === 'https:' ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const outgoing = client.request(
      request.url,
      { method: request.method, headers: { 'Accept-Encoding': ACCEPTED_ENCODINGS, ...request.headers }, signal: request.signal },
      (incoming) => {
        try {
          resolve(asWebResponse(incoming));
        } catch (error) {
          incoming.destroy();
          reject(error);
        }
      },
    );
    outgoing.once('error', reject);
    outgoing.once('socket', (socket) => {
      const write = () => {
        try {
          request.beforeWrite();
        } catch (error) {
          outgoing.destroy(new WriteRefused(error));
          return;
        }
        outgoing.end(request.body);
      };
      // A pooled connection is ready now; a new one once connected (a TLS one once its handshake is done).
      if (socket.connecting) socket.once(socket instanceof TLSSocket ? 'secureConnect' : 'connect', write);
      else write();
    });
  });
}

/** What fetch asks for, and undoes, so that a JSON answer costs the network what it did through fetch. */
const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

function asWebResponse(incoming: http.IncomingMessage): Response {
  const status = incoming.statusCode ?? 0;
  const headers = new Headers();
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
  const bodiless = status === 204 || status === 304;
  if (bodiless) incoming.resume();
  return new Response(bodiless ? null : (Readable.toWeb(decoded(incoming)) as ReadableStream<Uint8Array>), { status, headers });
}

function decoded(incoming: http.IncomingMessage): Readable {
  const decoder = decoderFor(incoming.headers['content-encoding']);
  if (!decoder) return incoming;
  // An error on either side (a reset connection, a corrupt stream) fails the body's reader.
  return pipeline(incoming, decoder, () => {});
}

function decoderFor(encoding: string | undefined): Transform | null {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}
