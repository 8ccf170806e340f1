import { MB } from '../../http/capped-body.js';
import { httpRequest, type HttpAnswer } from '../../http/http-request.js';
import { errorForStatus } from '../http/error-for-status.js';
import { providerFailure } from '../http/request-json.js';
import { DEFAULT_USER_AGENT } from '../http/user-agent.js';

/** The largest playlist read: a big panel's full VOD list is tens of MB. */
export const MAX_PLAYLIST_BYTES = 256 * MB;

/** One GET of a text document (an M3U playlist), its failures turned into ProviderErrors as for JSON calls. */
export async function requestText(request: {
  provider: string;
  url: URL;
  endpoint: string;
  timeoutMs: number;
  maxBytes?: number;
}): Promise<{ status: number; text: string }> {
  const { provider, endpoint, timeoutMs, maxBytes = MAX_PLAYLIST_BYTES } = request;
  let answer: HttpAnswer;
  try {
    answer = await httpRequest({
      url: request.url,
      headers: { 'User-Agent': DEFAULT_USER_AGENT },
      timeoutMs,
      maxBodyBytes: maxBytes,
      what: `${provider} ${endpoint}`,
    });
  } catch (error) {
    throw providerFailure(provider, endpoint, timeoutMs, error);
  }
  const { status, text } = answer;
  if (status === 404) return { status, text };
  if (status < 200 || status >= 300)
    throw errorForStatus({
      provider,
      endpoint,
      status,
      retryAfterHeader: answer.headers.get('retry-after'),
      body: text,
      credentialName: 'username and password',
    });
  return { status, text };
}
