import { MB, readCappedText } from './capped-body.js';
import { isRetryableStatus, TargetError } from './target-error.js';

export interface TargetRequest {
  /** Display name for errors, e.g. "Jellyfin". */
  target: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent as is; set the content type in `headers`. */
  body?: string;
  timeoutMs: number;
}

export interface TargetResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One HTTP call to a notification target; a non-2xx answer, a network failure or a timeout becomes a
 * TargetError. No retries here: retries are the notify activities' Temporal retry policy.
 */
export async function targetRequest(request: TargetRequest): Promise<TargetResponse> {
  const endpoint = new URL(request.url).pathname;
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    text = await readCappedText(response, 16 * MB, `${request.target}'s answer`);
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const reason = timedOut ? `did not answer within ${request.timeoutMs} ms` : `could not be reached (${networkReason(error)})`;
    throw new TargetError(`${request.target} ${reason} at ${endpoint}`, { target: request.target, endpoint, retryable: true, cause: error });
  }
  if (response.status < 200 || response.status >= 300) {
    const detail = text.trim().slice(0, 200);
    throw new TargetError(`${request.target} answered ${response.status} at ${endpoint}${detail ? `: ${detail}` : ''}`, {
      target: request.target,
      endpoint,
      status: response.status,
      retryable: isRetryableStatus(response.status),
      retryAfterMs: retryAfterHeader(response.headers.get('retry-after')),
    });
  }
  return { status: response.status, headers: response.headers, text };
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Retry-After in seconds (the only form these services send); undefined when absent or unreadable. */
function retryAfterHeader(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}

/** The JSON body of an answer; a body that is not JSON is the target's fault and not worth repeating. */
export function parseJsonAnswer(response: TargetResponse, target: string, endpoint: string): unknown {
  try {
    return JSON.parse(response.text);
  } catch (error) {
    throw new TargetError(`${target} answered ${endpoint} with a body that is not JSON`, { target, endpoint, retryable: false, cause: error });
  }
}

/** `base` + `path`, keeping any path the base URL already has (a reverse proxy's prefix). */
export function joinUrl(base: string, path: string, query?: Record<string, string | undefined>): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}
