// Every failure to reach a notification target is a TargetError, so the notify activities can turn it
// into a Temporal failure the retry policy understands. Messages name the service and the endpoint path,
// never a query string or a header: Plex's token and Discord's webhook secret travel there.

export interface TargetErrorDetails {
  /** Display name, e.g. "Kodi (living room)". */
  target: string;
  /** Path of the endpoint, without the query string. */
  endpoint: string;
  status?: number;
  /** Retrying may help: the target is down, slow, busy, or its configuration may be fixed meanwhile. */
  retryable: boolean;
  /** The target asked us to wait this long (Discord's retry_after, a Retry-After header). */
  retryAfterMs?: number;
  cause?: unknown;
}

export class TargetError extends Error {
  override readonly name = 'TargetError';
  readonly target: string;
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: TargetErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.target = details.target;
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/**
 * Which HTTP answers are worth another attempt. Only a request the target calls malformed (400, 422) is
 * final: that is our bug and repeating it changes nothing. Everything else may clear up — the target comes
 * back, stops throttling, or a person corrects its token through the API, which the next attempt reads.
 */
export const isRetryableStatus = (status: number) => status !== 400 && status !== 422;
