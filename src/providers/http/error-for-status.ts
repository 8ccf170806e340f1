import {
  ProviderAuthError,
  ProviderNotFoundError,
  ProviderRateLimitError,
  ProviderRequestError,
  ProviderUnavailableError,
  type ProviderError,
} from './errors.js';
import { providerMessageFrom } from './provider-message.js';
import { parseRetryAfter } from '../../http/retry-after.js';

export interface FailedResponse {
  provider: string;
  endpoint: string;
  status: number;
  retryAfterHeader: string | null;
  body: string;
  /** What the provider checks on 401/403, for the message: "API key" for most, "User-Agent" for MusicBrainz. */
  credentialName: string;
}

/** Classifies a non-2xx answer into the error a caller (or a Temporal retry policy) can act on. */
export function errorForStatus(response: FailedResponse): ProviderError {
  const { provider, endpoint, status } = response;
  const providerMessage = providerMessageFrom(response.body);
  const details = { provider, endpoint, status, providerMessage };
  const suffix = `(HTTP ${status} from ${endpoint}${providerMessage ? `: ${providerMessage}` : ''})`;

  if (status === 401 || status === 403) {
    return new ProviderAuthError(`${provider} rejected the ${response.credentialName} ${suffix}`, details);
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.retryAfterHeader);
    return new ProviderRateLimitError(`${provider} is rate limiting requests ${suffix}`, { ...details, retryAfterMs });
  }
  if (status === 404) {
    return new ProviderNotFoundError(`${provider} has no such resource ${suffix}`, details);
  }
  if (status >= 500) {
    const retryAfterMs = parseRetryAfter(response.retryAfterHeader);
    return new ProviderUnavailableError(`${provider} is unavailable ${suffix}`, { ...details, retryAfterMs });
  }
  return new ProviderRequestError(`${provider} refused the request ${suffix}`, details);
}
