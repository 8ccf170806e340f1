import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../../src/api/openapi/schema.ts';

/**
 * The typed API client: every path, parameter and answer comes from the OpenAPI types generated from the
 * routes (src/api/openapi/schema.ts, `npm run openapi`). The browser sends the session cookie by itself.
 */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

/** An answer that was not a 2xx, with the API's own message (which names the field or says why). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const listeners = new Set<() => void>();
/** Called when the API answers 401: the session ended (signed out elsewhere, expired, key changed). */
export function onSignedOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const signedOutWatcher: Middleware = {
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/session')) listeners.forEach((l) => l());
    return undefined;
  },
};
api.use(signedOutWatcher);

/** The data of an openapi-fetch answer, or an ApiError with the API's message. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const message =
    error && typeof error === 'object' && 'message' in error && typeof error.message === 'string'
      ? error.message
      : `${response.status} ${response.statusText}`;
  throw new ApiError(response.status, message);
}
