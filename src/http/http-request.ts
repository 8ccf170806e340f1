import { BodyTooLargeError, readCappedBytes, readCappedText } from './capped-body.js';
import { parseRetryAfter } from './retry-after.js';
import { sendOnCue, WriteRefused } from './send-on-cue.js';

/**
 * One HTTP call with what every caller needs: a timeout that covers the body too, a ceiling on the body,
 * the Retry-After the server sent, and a failure that keeps its cause. No retries: retries belong to
 * Temporal's retry policies. Providers and notification targets adapt the failures to their own errors.
 */

export interface HttpRequest {
  url: string | URL;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent as is; set the content type in `headers` for a string (a form sets its own). */
  body?: string | URLSearchParams | FormData;
  timeoutMs: number;
  /** The most of the body read; a larger answer fails. */
  maxBodyBytes: number;
  /** What the body is, for the too-large message: "TMDB /movie/603". */
  what: string;
  /** 'manual': a redirect is the answer (an indexer's download link that redirects to a magnet). */
  redirect?: 'follow' | 'manual';
  /**
   * Asked just before the request is written, once its connection is ready; it throws to have nothing sent,
   * and that error is what the call rejects with. A request with it goes out through node:http (see
   * sendOnCue): a string body only, redirects are answers, as with 'manual'.
   */
  beforeWrite?: () => void;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** From the Retry-After header, when the server sent a readable one. */
  retryAfterMs: number | undefined;
}

export type HttpBytesAnswer = Omit<HttpAnswer, 'text'> & { bytes: Buffer };

/** No usable answer: the server did not answer in time, could not be reached, or sent too large a body. */
export class HttpRequestFailure extends Error {
  override readonly name = 'HttpRequestFailure';
  readonly kind: 'timeout' | 'unreachable' | 'too-large';
  /** The answer's status when one came before the failure (a body too large), else 0. */
  readonly status: number;
  /** The network's own code (ECONNREFUSED, ENOTFOUND...), which undici hides in the cause. */
  readonly code: string | undefined;

  constructor(kind: HttpRequestFailure['kind'], status: number, cause: unknown) {
    super(kind === 'too-large' ? (cause as Error).message : describeNetworkFailure(cause), { cause });
    this.kind = kind;
    this.status = status;
    this.code = networkCode(cause);
  }
}

export async function httpRequest(request: HttpRequest): Promise<HttpAnswer> {
  const { body, ...answer } = await send(request, readCappedText);
  return { ...answer, text: body };
}

/** The same call, its body kept as bytes (a torrent file, an image). */
export async function httpRequestBytes(request: HttpRequest): Promise<HttpBytesAnswer> {
  const { body, ...answer } = await send(request, readCappedBytes);
  return { ...answer, bytes: body };
}

async function send<Body>(
  request: HttpRequest,
  read: (response: Response, maxBytes: number, what: string) => Promise<Body>,
): Promise<Omit<HttpAnswer, 'text'> & { body: Body }> {
  let status = 0;
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await (request.beforeWrite ? sendCued(request, request.beforeWrite, signal) : sendFetch(request, signal));
    status = response.status;
    // The timeout signal also covers reading the body, so a server that stalls mid-body fails here too.
    const body = await read(response, request.maxBodyBytes, request.what);
    return { status, headers: response.headers, body, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
  } catch (error) {
    if (error instanceof WriteRefused) throw error.cause;
    if (error instanceof BodyTooLargeError) throw new HttpRequestFailure('too-large', status, error);
    const timedOut = signal.aborted || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
    throw new HttpRequestFailure(timedOut ? 'timeout' : 'unreachable', status, error);
  }
}

function sendFetch(request: HttpRequest, signal: AbortSignal): Promise<Response> {
  return fetch(request.url, {
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
    redirect: request.redirect ?? 'follow',
    signal,
  });
}

async function sendCued(request: HttpRequest, beforeWrite: () => void, signal: AbortSignal): Promise<Response> {
  if (request.body !== undefined && typeof request.body !== 'string') throw new TypeError('a request sent on cue takes a string body');
  try {
    return await sendOnCue({
      url: new URL(request.url),
      method: request.method ?? 'GET',
      headers: request.headers ?? {},
      body: request.body,
      signal,
      beforeWrite,
    });
  } catch (error) {
    // As fetch reports a network failure: the code (ECONNREFUSED...) in the cause, for the messages below.
    if (error instanceof WriteRefused || signal.aborted) throw error;
    throw new TypeError('request failed', { cause: error });
  }
}

/** `base` + `path`, keeping any path the base URL already has (a reverse proxy's prefix); undefined query values are left out. */
export function joinUrl(base: string, path: string, query: Record<string, string | number | boolean | undefined> = {}): URL {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  return url;
}

function networkCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** undici reports "fetch failed" and hides the useful part (ECONNREFUSED, ENOTFOUND...) in `cause`. */
function describeNetworkFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = networkCode(error);
    return code ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}
