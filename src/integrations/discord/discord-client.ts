import type { DiscordConfig } from '../notification-config.js';
import { messageText, messageTitle, type TitleMessage } from '../notification-message.js';
import { MB } from '../../http/capped-body.js';
import { httpRequest, type HttpAnswer } from '../../http/http-request.js';
import { TargetError } from '../http/target-error.js';

const COLORS = { added: 0x2ecc71, updated: 0x3498db, removed: 0xe74c3c } as const;

/**
 * A Discord channel webhook: one embed per message. `?wait=true` makes Discord answer with the created
 * message (200) instead of 204, so a test can show what was posted. 429 carries `retry_after` (seconds) in
 * its JSON body; that wait becomes the next retry's delay.
 */
export async function postDiscordMessage(config: DiscordConfig, message: TitleMessage): Promise<string> {
  const target = 'Discord';
  const endpoint = '/api/webhooks/…';
  const url = new URL(config.webhookUrl);
  url.searchParams.set('wait', 'true');
  const body = {
    ...(config.username ? { username: config.username } : {}),
    ...(config.avatarUrl ? { avatar_url: config.avatarUrl } : {}),
    embeds: [
      {
        title: messageTitle(message),
        description: messageText(message),
        color: COLORS[message.event],
        timestamp: message.occurredAt,
        footer: { text: 'Reelflow' },
      },
    ],
  };
  let answer: HttpAnswer;
  try {
    answer = await httpRequest({
      url,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      timeoutMs: config.timeoutMs,
      maxBodyBytes: MB,
      what: "Discord's answer",
    });
  } catch (error) {
    throw new TargetError(`Discord could not be reached (${error instanceof Error ? error.message : String(error)})`, {
      target,
      endpoint,
      retryable: true,
      cause: error,
    });
  }
  const { status, text } = answer;
  if (status === 429) {
    // Discord says how long in its body (seconds, fractional); the header is the fallback.
    const retryAfterMs = retryAfterInBody(text) ?? answer.retryAfterMs;
    throw new TargetError('Discord is rate limiting this webhook', {
      target,
      endpoint,
      status: 429,
      retryable: true,
      retryAfterMs: retryAfterMs !== undefined && retryAfterMs > 0 ? retryAfterMs : undefined,
    });
  }
  if (status < 200 || status >= 300) {
    throw new TargetError(`Discord answered ${status}: ${text.slice(0, 200)}`, { target, endpoint, status, retryable: status !== 400 });
  }
  const id = (safeJson(text) as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? `Discord message ${id}` : `Discord answered ${status}`;
}

function retryAfterInBody(text: string): number | undefined {
  const value = (safeJson(text) as { retry_after?: unknown } | undefined)?.retry_after;
  return typeof value === 'number' ? Math.ceil(value * 1000) : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
