import { BodyTooLargeError, MB, readCappedText } from '../../integrations/http/capped-body.js';
import { errorForStatus } from '../http/error-for-status.js';
import { ProviderResponseError, ProviderUnavailableError } from '../http/errors.js';
import { DEFAULT_USER_AGENT } from '../http/user-agent.js';

/** The largest playlist read: a big panel's full VOD list is tens of MB. */
export const MAX_PLAYLIST_BYTES = 256 * MB;

/** One GET of a text document (an M3U playlist), its failures turned into ProviderErrors as for JSON calls. */
export async function requestText(request: { provider: string; url: URL; endpoint: string; timeoutMs: number; maxBytes?: number }): Promise<{ status: number; text: string }> {
  const { provider, endpoint, timeoutMs, maxBytes = MAX_PLAYLIST_BYTES } = request;
  let status = 0;
  let text: string;
  let retryAfterHeader: string | null;
  try {
    const response = await fetch(request.url, { headers: { 'User-Agent': DEFAULT_USER_AGENT }, signal: AbortSignal.timeout(timeoutMs) });
    status = response.status;
    retryAfterHeader = response.headers.get('retry-after');
    text = await readCappedText(response, maxBytes, `${provider} ${endpoint}`);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ProviderResponseError(error.message, { provider, endpoint, status, cause: error });
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new ProviderUnavailableError(`${provider} did not answer ${endpoint} within ${timeoutMs} ms`, { provider, endpoint, cause: error, timedOut: true });
    }
    throw new ProviderUnavailableError(`${provider} could not be reached for ${endpoint}: ${(error as Error).message}`, { provider, endpoint, cause: error });
  }
  if (status === 404) return { status, text };
  if (status < 200 || status >= 300) throw errorForStatus({ provider, endpoint, status, retryAfterHeader, body: text, credentialName: 'username and password' });
  return { status, text };
}
