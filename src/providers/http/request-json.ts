import type { z } from 'zod';
import { errorForStatus } from './error-for-status.js';
import { ProviderResponseError, ProviderUnavailableError } from './errors.js';
import { BodyTooLargeError, MB, readCappedText } from '../../integrations/http/capped-body.js';

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
}

/**
 * One HTTP call to a provider: JSON in, validated JSON out, every failure turned into a ProviderError.
 * There are deliberately no retries here: retries, backoff and rate limits belong to Temporal's retry
 * policies and task queues, which see every worker, not just this process.
 */
export async function requestJson<S extends z.ZodType>(request: JsonRequest<S>): Promise<z.output<S>> {
  const { provider, path: endpoint, timeoutMs } = request;
  const url = buildUrl(request.baseUrl, request.path, request.query);
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';

  let status = 0;
  let retryAfterHeader: string | null;
  let text: string;
  try {
    const response = await fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    retryAfterHeader = response.headers.get('retry-after');
    // The timeout signal also covers reading the body, so a provider that stalls mid-body fails here too.
    text = await readCappedText(response, MAX_JSON_BYTES, `${provider} ${endpoint}`);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ProviderResponseError(error.message, { provider, endpoint, status, cause: error });
    throw networkError(provider, endpoint, timeoutMs, error);
  }

  if (status < 200 || status >= 300) {
    throw errorForStatus({
      provider,
      endpoint,
      status,
      retryAfterHeader,
      body: text,
      credentialName: request.credentialName ?? 'API key',
    });
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

export function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): URL {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}

function networkError(provider: string, endpoint: string, timeoutMs: number, error: unknown): ProviderUnavailableError {
  const details = { provider, endpoint, cause: error };
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new ProviderUnavailableError(`${provider} did not answer ${endpoint} within ${timeoutMs} ms`, { ...details, timedOut: true });
  }
  return new ProviderUnavailableError(`${provider} could not be reached for ${endpoint}: ${describeCause(error)}`, details);
}

/** undici reports "fetch failed" and hides the useful part (ECONNREFUSED, ENOTFOUND...) in `cause`. */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
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
