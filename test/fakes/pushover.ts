import { randomUUID } from 'node:crypto';
import { startHttpFake, type FakeReply, type FakeServer, type RecordedRequest } from './http-fake.js';

// A loopback Pushover Messages API (pushover.net/api): POST /1/messages.json, form-encoded (or JSON);
// {status: 1, request} on success; 400 {status: 0, errors: [...], request} with the offending field named
// (token/user "invalid", message "cannot be blank") when the request can never succeed.

export const PUSHOVER_FAKE_TOKEN = 'azGDORePK8gMaC0QOYAMyEEuzJnyUi';
export const PUSHOVER_FAKE_USER = 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG';

export interface FakePushover extends FakeServer {
  /** Parameters of every message Pushover accepted. */
  messages(): Record<string, string>[];
}

export async function startFakePushover(): Promise<FakePushover> {
  const accepted: Record<string, string>[] = [];
  const server = await startHttpFake({
    apiRoot: '/1',
    errorBody: (status) => ({ status: 0, errors: [status >= 500 ? 'internal error' : 'error'], request: randomUUID() }),
    route: (request) => {
      const reply = route(request);
      if (reply.status === 200) accepted.push(paramsOf(request));
      return reply;
    },
  });
  return Object.assign(server, { messages: () => [...accepted] });
}

function paramsOf(request: RecordedRequest): Record<string, string> {
  const type = String(request.headers['content-type'] ?? '');
  if (type.includes('application/json')) return JSON.parse(request.body) as Record<string, string>;
  return Object.fromEntries(new URLSearchParams(request.body).entries());
}

function route(request: RecordedRequest): FakeReply {
  if (request.path !== '/messages.json' || request.method !== 'POST')
    return { status: 404, json: { status: 0, errors: ['not found'], request: randomUUID() } };
  const params = paramsOf(request);
  const refuse = (field: string, value: string, error: string): FakeReply => ({
    status: 400,
    json: { [field]: value, errors: [error], status: 0, request: randomUUID() },
  });
  if (params.token !== PUSHOVER_FAKE_TOKEN) return refuse('token', 'invalid', 'application token is invalid');
  if (params.user !== PUSHOVER_FAKE_USER)
    return refuse('user', 'invalid', 'user identifier is not a valid user, group, or subscribed user key');
  if (!params.message) return refuse('message', 'cannot be blank', 'message cannot be blank');
  if (params.title && params.title.length > 250) return refuse('title', 'is too long', 'title is too long');
  return {
    status: 200,
    json: { status: 1, request: randomUUID() },
    headers: { 'x-limit-app-limit': '10000', 'x-limit-app-remaining': '9999' },
  };
}
