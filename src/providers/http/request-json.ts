import type { z } from 'zod';
import { errorForStatus } from './error-for-status.js';
import { ProviderRateLimitError, ProviderResponseError, ProviderUnavailableError } from './errors.js';
import type { RequestPacing } from './provider-pacer.js';
import { MB } from '../../http/capped-body.js';
import { httpRequest, HttpRequestFailure, joinUrl, type HttpAnswer } from '../../http/http-request.js';

/** A metadata answer (a title with its credits and images) is well under a megabyte. */
const MAX_JSON_BYTES = 32 * MB;

export type QueryValue = string | number | boolean | undefined;

export interface JsonRequest<S extends z.ZodType> {
  /** Display name used in error messages, e.g. "TMDB". */
  provider: string;
  baseUrl: string;
  /** Path below the base URL, starting with "/"; it is the endpoint named in errors. */
  path: string;
  method?: 'GET' | 'POST';
  /** Undefined values are left out, so optional parameters can be passed through as they are. */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  timeoutMs: number;
  /** Validates the parts of the body we use; keep it loose so unrelated provider changes pass. */
  schema: S;
  /** What a 401/403 means the provider rejected, for the message; "API key" unless said otherwise. */
  credentialName?: string;
  /** The provider's shared schedule: the request waits for its slot, and a 429 pauses every caller. */
  pacing?: RequestPacing;
}

/**
 * One HTTP call to a provider: JSON in, validated JSON out, every failure turned into a ProviderError.
 * There are deliberately no retries here: retries and backoff belong to Temporal's retry policies. The
 * rate limit is kept here, below every caller, by `pacing`, whose schedule every process shares.
 */
export async function requestJson<S extends z.ZodType>(request: JsonRequest<S>): Promise<z.output<S>> {
  const { provider, path: endpoint, timeoutMs } = request;
  const url = joinUrl(request.baseUrl, request.path, request.query);
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';

  let answer: HttpAnswer;
  try {
    answer = await send(request, url, headers);
  } catch (error) {
    throw providerFailure(provider, endpoint, timeoutMs, error);
  }
  const { status, text } = answer;

  if (status < 200 || status >= 300) {
    const error = errorForStatus({
      provider,
      endpoint,
      status,
      retryAfterHeader: answer.headers.get('retry-after'),
      body: text,
      credentialName: request.credentialName ?? 'API key',
    });
    // A 429 (MusicBrainz: a 503 with Retry-After) is about every caller's requests, not this one's.
    if (error instanceof ProviderRateLimitError || (error instanceof ProviderUnavailableError && error.retryAfterMs !== undefined)) {
      await request.pacing?.throttled(error.retryAfterMs);
    }
    throw error;
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProviderResponseError(`${provider} returned malformed JSON from ${endpoint}`, {
      provider,
      endpoint,
      status,
      cause: error,
    });
  }

  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? formatIssuePath(issue.path) : '(unknown)';
    const reason = issue?.message ?? 'unexpected shape';
    throw new ProviderResponseError(`${provider} response from ${endpoint} is invalid at ${field}: ${reason}`, {
      provider,
      endpoint,
      status,
      field,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Redirects a paced request follows, each hop at a slot of its own. */
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends the request, at a slot of the provider's schedule when it is paced. A paced request's redirect is
 * followed here rather than by the HTTP client, so that each hop reaches the provider at a slot of its own;
 * as fetch does, a 303 (and a 301 or 302 of a POST) is followed with a GET, and Authorization is not sent to
 * another origin.
 */
async function send(request: JsonRequest<z.ZodType>, url: URL, headers: Record<string, string>): Promise<HttpAnswer> {
  let method = request.method ?? 'GET';
  let body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const sendTo = (to: URL, beforeWrite?: () => void) =>
    httpRequest({
      url: to,
      method,
      headers,
      body,
      timeoutMs: request.timeoutMs,
      maxBodyBytes: MAX_JSON_BYTES,
      what: `${request.provider} ${request.path}`,
      beforeWrite,
    });
  const { pacing } = request;
  if (!pacing) return sendTo(url);
  for (let hops = 0, to = url; ; hops++) {
    const answer = await pacing.send((beforeWrite) => sendTo(to, beforeWrite));
    const location = answer.headers.get('location');
    if (!REDIRECTS.has(answer.status) || !location || hops === MAX_REDIRECTS) return answer;
    const next = new URL(location, to);
    // As fetch does: credentials in headers do not follow a redirect to another origin.
    if (next.origin !== to.origin) delete headers['Authorization'];
    to = next;
    if (answer.status === 303 || (method === 'POST' && answer.status !== 307 && answer.status !== 308)) {
      method = 'GET';
      body = undefined;
      delete headers['Content-Type'];
    }
  }
}

/** A call that got no usable answer, as the ProviderError a retry policy reads. */
export function providerFailure(
  provider: string,
  endpoint: string,
  timeoutMs: number,
  error: unknown,
): ProviderResponseError | ProviderUnavailableError {
  if (!(error instanceof HttpRequestFailure)) throw error;
  const details = { provider, endpoint, cause: error.cause };
  if (error.kind === 'too-large') return new ProviderResponseError(error.message, { ...details, status: error.status });
  if (error.kind === 'timeout')
    return new ProviderUnavailableError(`${provider} did not answer ${endpoint} within ${timeoutMs} ms`, { ...details, timedOut: true });
  return new ProviderUnavailableError(`${provider} could not be reached for ${endpoint}: ${error.message}`, details);
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(body)';
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      return index === 0 ? String(segment) : `.${String(segment)}`;
    })
    .join('');
}
