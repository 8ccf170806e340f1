/**
 * Every failure of a call to a remote service (a metadata provider, a notification target) is a
 * ServiceError: which service, which endpoint (the path, never the query string or a header: API keys and
 * webhook secrets travel there), the status when one came, whether another attempt can help, and how long
 * the service asked us to wait. Activities turn one into a Temporal failure from these fields alone.
 */
export interface ServiceErrorDetails {
  /** Display name, e.g. "TMDB" or "Kodi (living room)". */
  service: string;
  /** Path of the endpoint, without the query string. */
  endpoint: string;
  status?: number;
  /** The service asked us to wait this long (a Retry-After header, Discord's retry_after). */
  retryAfterMs?: number;
  cause?: unknown;
}

export abstract class ServiceError extends Error {
  /** Sending the same request again cannot succeed until something changes (a key, our code). */
  abstract readonly nonRetryable: boolean;
  readonly service: string;
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: ServiceErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.service = details.service;
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}
