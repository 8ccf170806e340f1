import {
  PROVIDER_AUTH_ERROR,
  PROVIDER_NOT_FOUND_ERROR,
  PROVIDER_RATE_LIMIT_ERROR,
  PROVIDER_REQUEST_ERROR,
  PROVIDER_RESPONSE_ERROR,
  PROVIDER_UNAVAILABLE_ERROR,
} from '../../contracts/failures.js';
import { ServiceError, type ServiceErrorDetails } from '../../http/service-error.js';

// Every failure of a provider call is one of these ServiceErrors, so a Temporal retry policy can list the
// non-retryable ones by name (`nonRetryableErrorTypes`) and an activity can read `nonRetryable` directly.

export interface ProviderErrorDetails extends Omit<ServiceErrorDetails, 'service'> {
  /** Display name of the provider, e.g. "TMDB". */
  provider: string;
  /** The provider's own explanation from an error body, when it sent one. */
  providerMessage?: string;
}

export abstract class ProviderError extends ServiceError {
  readonly providerMessage: string | undefined;

  constructor(message: string, { provider, providerMessage, ...details }: ProviderErrorDetails) {
    super(message, { ...details, service: provider });
    this.providerMessage = providerMessage;
  }
}

/** 401/403: the key is wrong or revoked; retrying cannot help until a person fixes the configuration. */
export class ProviderAuthError extends ProviderError {
  override readonly name = PROVIDER_AUTH_ERROR;
  readonly nonRetryable = true;
}

/** 429: the provider asks us to slow down; `retryAfterMs` is its hint, when it gave one. */
export class ProviderRateLimitError extends ProviderError {
  override readonly name = PROVIDER_RATE_LIMIT_ERROR;
  readonly nonRetryable = false;
}

/** 5xx, a network failure or a timeout: the provider may well answer a later attempt. */
export class ProviderUnavailableError extends ProviderError {
  override readonly name = PROVIDER_UNAVAILABLE_ERROR;
  readonly nonRetryable = false;
  /** The provider did not answer within the configured timeout (rather than answering 5xx or being unreachable). */
  readonly timedOut: boolean;

  constructor(message: string, { timedOut, ...details }: ProviderErrorDetails & { timedOut?: boolean }) {
    super(message, details);
    this.timedOut = timedOut ?? false;
  }
}

/**
 * A 2xx answer we cannot use: malformed JSON, or a body that does not match the fields we read. The same
 * request would get the same body again, so it is not retried; the message says which field was wrong.
 */
export class ProviderResponseError extends ProviderError {
  override readonly name = PROVIDER_RESPONSE_ERROR;
  readonly nonRetryable = true;
  /** Dotted path of the first offending field, when validation (not JSON parsing) failed. */
  readonly field: string | undefined;

  constructor(message: string, { field, ...details }: ProviderErrorDetails & { field?: string }) {
    super(message, details);
    this.field = field;
  }
}

/** 404: the id does not exist at the provider (or no longer does). */
export class ProviderNotFoundError extends ProviderError {
  override readonly name = PROVIDER_NOT_FOUND_ERROR;
  readonly nonRetryable = true;
}

/** Any other 4xx: our request is wrong, and sending it again will not make it right. */
export class ProviderRequestError extends ProviderError {
  override readonly name = PROVIDER_REQUEST_ERROR;
  readonly nonRetryable = true;
}
