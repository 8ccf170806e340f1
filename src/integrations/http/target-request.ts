import { MB } from '../../http/capped-body.js';
import { httpRequest, HttpRequestFailure, type HttpAnswer } from '../../http/http-request.js';
import { isRetryableStatus, TargetError } from './target-error.js';

export interface TargetRequest {
  /** Display name for errors, e.g. "Jellyfin". */
  target: string;
  url: string | URL;
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
  let answer: HttpAnswer;
  try {
    answer = await httpRequest({ ...request, maxBodyBytes: 16 * MB, what: `${request.target}'s answer` });
  } catch (error) {
    if (!(error instanceof HttpRequestFailure)) throw error;
    const reason =
      error.kind === 'timeout' ? `did not answer within ${request.timeoutMs} ms` : `could not be reached (${error.code ?? error.message})`;
    throw new TargetError(`${request.target} ${reason} at ${endpoint}`, {
      target: request.target,
      endpoint,
      retryable: true,
      cause: error.cause,
    });
  }
  const { status, text } = answer;
  if (status < 200 || status >= 300) {
    const detail = text.trim().slice(0, 200);
    throw new TargetError(`${request.target} answered ${status} at ${endpoint}${detail ? `: ${detail}` : ''}`, {
      target: request.target,
      endpoint,
      status,
      retryable: isRetryableStatus(status),
      retryAfterMs: answer.retryAfterMs,
    });
  }
  return { status, headers: answer.headers, text };
}

/** The JSON body of an answer; a body that is not JSON is the target's fault and not worth repeating. */
export function parseJsonAnswer(response: TargetResponse, target: string, endpoint: string): unknown {
  try {
    return JSON.parse(response.text);
  } catch (error) {
    throw new TargetError(`${target} answered ${endpoint} with a body that is not JSON`, {
      target,
      endpoint,
      retryable: false,
      cause: error,
    });
  }
}
