import createClient from 'openapi-fetch';
import type { paths } from '../api/openapi/schema.js';
import type { PendingPaths } from './pending-routes.js';
import type { Target } from './target.js';

/** What ends a command: printed plainly, with a non-zero exit; `answer` is the API's error body, if any. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly answer?: unknown,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export type ApiClient = ReturnType<typeof createClient<paths>>;
export type PendingApiClient = ReturnType<typeof createClient<PendingPaths>>;

/** Clients typed from the OpenAPI document; every request carries the key and names the address when it fails. */
export function createApiClients(target: Target): { api: ApiClient; pending: PendingApiClient } {
  const options = {
    baseUrl: target.url,
    headers: target.apiKey ? { 'x-api-key': target.apiKey } : {},
    fetch: reachingFetch(target.url),
  };
  return { api: createClient<paths>(options), pending: createClient<PendingPaths>(options) };
}

/** fetch that turns "fetch failed" into which address could not be reached, and why. */
export function reachingFetch(url: string) {
  return async (request: Request): Promise<Response> => {
    try {
      return await fetch(request);
    } catch (err) {
      throw unreachable(url, err);
    }
  };
}

export function unreachable(url: string, err: unknown): CliError {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : undefined;
  const reason = code ?? (cause instanceof Error ? cause.message : String(cause));
  return new CliError(`Cannot reach Reelflow at ${url} (${reason}). Set the address with --url or REELFLOW_URL.`);
}

/** The answer of a successful call; a refusal (4xx, 5xx) becomes a CliError with the API's own message. */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>, target: Target): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  throw refusal(response, error, target);
}

export function refusal(response: Response, body: unknown, target: Target): CliError {
  const message = body && typeof body === 'object' && 'message' in body ? String(body.message) : response.statusText;
  const hint = response.status === 401 ? ` (API key: ${target.keySource})` : '';
  return new CliError(`${response.status}: ${message}${hint}`, body);
}
