import { randomInt } from 'node:crypto';
import { startHttpFake, type FakeReply, type FakeServer, type RecordedRequest } from './http-fake.js';

// A loopback Discord webhook endpoint (discord.com/developers/docs/resources/webhook#execute-webhook):
// POST /api/webhooks/{id}/{token}[?wait=true] with JSON {content?, username?, avatar_url?, embeds?};
// 204 without wait, 200 with the created message with wait=true; 400 {code: 50006} for an empty message;
// 401 {code: 50027} for a wrong token; 429 {message, retry_after (seconds), global} when rate limited.

export const DISCORD_FAKE_WEBHOOK_ID = '1234567890123456789';
export const DISCORD_FAKE_WEBHOOK_TOKEN = 'discord-fake-webhook-token-abcdefghijklmnopqrstuvwxyz';

export interface FakeDiscord extends FakeServer {
  webhookUrl: string;
  /** Messages Discord accepted (posted to the channel). */
  messages(): { username?: string; embeds?: { title?: string; description?: string; color?: number; timestamp?: string }[] }[];
  /** The same, with when each arrived. */
  accepted(): { title: string; receivedAt: number }[];
  /** Answer the next `count` requests with 429 and this retry_after (seconds). */
  rateLimitNext(count: number, retryAfterSeconds: number): void;
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  let limited = 0;
  let retryAfter = 1;
  const accepted: RecordedRequest[] = [];
  const server = await startHttpFake({
    apiRoot: '/api',
    errorBody: (status) => ({ message: status === 429 ? 'You are being rate limited.' : 'Error', code: 0 }),
    route: (request) => {
      if (limited > 0) {
        limited--;
        return {
          status: 429,
          json: { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
          headers: { 'retry-after': String(Math.ceil(retryAfter)), 'x-ratelimit-scope': 'user' },
        };
      }
      const reply = route(request);
      if (reply.status < 300) accepted.push(request);
      return reply;
    },
  });
  return Object.assign(server, {
    webhookUrl: `${server.baseUrl}/webhooks/${DISCORD_FAKE_WEBHOOK_ID}/${DISCORD_FAKE_WEBHOOK_TOKEN}`,
    messages: () => accepted.map((r) => JSON.parse(r.body) as ReturnType<FakeDiscord['messages']>[number]),
    accepted: () =>
      accepted.map((r) => ({
        title: (JSON.parse(r.body) as { embeds?: { title?: string }[] }).embeds?.[0]?.title ?? '',
        receivedAt: r.receivedAt,
      })),
    rateLimitNext(count: number, seconds: number) {
      limited = count;
      retryAfter = seconds;
    },
  });
}

function route(request: RecordedRequest): FakeReply {
  const match = /^\/webhooks\/([^/]+)\/([^/]+)$/.exec(request.path);
  if (!match || request.method !== 'POST') return { status: 404, json: { message: '404: Not Found', code: 0 } };
  if (match[1] !== DISCORD_FAKE_WEBHOOK_ID) return { status: 404, json: { message: 'Unknown Webhook', code: 10015 } };
  if (match[2] !== DISCORD_FAKE_WEBHOOK_TOKEN) return { status: 401, json: { message: 'Invalid Webhook Token', code: 50027 } };
  let body: { content?: unknown; embeds?: unknown; username?: unknown };
  try {
    body = JSON.parse(request.body) as typeof body;
  } catch {
    return { status: 400, json: { message: 'The request body contains invalid JSON.', code: 50109 } };
  }
  const embeds = Array.isArray(body.embeds) ? (body.embeds as { title?: unknown; description?: unknown }[]) : [];
  if (!body.content && embeds.length === 0) return { status: 400, json: { message: 'Cannot send an empty message', code: 50006 } };
  if (
    embeds.length > 10 ||
    embeds.some(
      (e) => (typeof e.title === 'string' && e.title.length > 256) || (typeof e.description === 'string' && e.description.length > 4096),
    )
  ) {
    return {
      status: 400,
      json: {
        code: 50035,
        message: 'Invalid Form Body',
        errors: { embeds: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } },
      },
    };
  }
  if (request.query.wait !== 'true') return { status: 204, rawBody: '' };
  return {
    status: 200,
    json: {
      id: String(randomInt(1e9, 2e9)) + '0000000000',
      type: 0,
      channel_id: '987654321098765432',
      webhook_id: match[1],
      content: body.content ?? '',
      embeds,
      author: { bot: true, username: body.username ?? 'Captain Hook' },
    },
  };
}
