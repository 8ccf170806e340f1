import { z } from 'zod';
import type { PushoverConfig } from '../notification-config.js';
import { messageText, messageTitle, type TitleMessage } from '../notification-message.js';
import { TargetError } from '../http/target-error.js';
import { joinUrl } from '../../http/http-request.js';
import { parseJsonAnswer, targetRequest } from '../http/target-request.js';

const answerSchema = z.object({ status: z.number(), request: z.string(), errors: z.array(z.string()).optional() }).loose();

/**
 * Pushover's Messages API: a form POST to /1/messages.json with the application token and the user key.
 * It answers `{status: 1, request}`; a 4xx with `{status: 0, errors}` means the request will never
 * succeed as it is (Pushover asks clients not to repeat those), a 5xx that it may later.
 */
export async function sendPushoverMessage(config: PushoverConfig, message: TitleMessage): Promise<string> {
  const endpoint = '/1/messages.json';
  const form = new URLSearchParams({
    token: config.token,
    user: config.user,
    title: messageTitle(message),
    message: messageText(message),
    priority: String(config.priority),
    timestamp: String(Math.floor(Date.parse(message.occurredAt) / 1000)),
  });
  if (config.device) form.set('device', config.device);
  try {
    const response = await targetRequest({
      target: 'Pushover',
      url: joinUrl(config.url, endpoint),
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
      timeoutMs: config.timeoutMs,
    });
    const answer = answerSchema.safeParse(parseJsonAnswer(response, 'Pushover', endpoint));
    if (!answer.success || answer.data.status !== 1) {
      throw new TargetError(`Pushover did not accept the message: ${answer.data?.errors?.join('; ') ?? 'unexpected answer'}`, {
        target: 'Pushover',
        endpoint,
        retryable: false,
      });
    }
    return `Pushover request ${answer.data.request}`;
  } catch (error) {
    // Pushover's own rule: 4xx is final (bad token, unknown user), unlike the general rule for targets.
    if (error instanceof TargetError && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 429) {
      throw new TargetError(error.message, { target: 'Pushover', endpoint, status: error.status, retryable: false, cause: error });
    }
    throw error;
  }
}
