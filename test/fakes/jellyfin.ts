import { headerValue, startHttpFake, type FakeReply, type FakeServer, type RecordedRequest } from './http-fake.js';

// A loopback Jellyfin server (https://api.jellyfin.org): an API key in `Authorization: MediaBrowser
// Token="…"` (or the legacy X-Emby-Token header); POST /Library/Media/Updated with
// {Updates: [{Path, UpdateType: Created|Modified|Deleted}]} → 204; POST /Library/Refresh → 204;
// GET /System/Info → the server's name and version.

export const JELLYFIN_FAKE_API_KEY = 'jellyfin-fake-api-key-0123456789';
const UPDATE_TYPES = new Set(['Created', 'Modified', 'Deleted']);

export interface FakeJellyfin extends FakeServer {
  /** Every {Path, UpdateType} received through /Library/Media/Updated, in order. */
  mediaUpdates(): { Path: string; UpdateType: string }[];
  /** Full library refreshes received. */
  fullRefreshes(): number;
}

export async function startFakeJellyfin(apiKey = JELLYFIN_FAKE_API_KEY): Promise<FakeJellyfin> {
  const server = await startHttpFake({
    apiRoot: '',
    errorBody: (status) => ({ title: statusTitle(status), status }),
    route: (request) => route(request, apiKey),
  });
  const accepted = () => server.requests.filter((r) => authorised(r, apiKey));
  return Object.assign(server, {
    mediaUpdates: () =>
      accepted()
        .filter((r) => r.method === 'POST' && r.path === '/Library/Media/Updated')
        .flatMap((r) => (JSON.parse(r.body) as { Updates: { Path: string; UpdateType: string }[] }).Updates),
    fullRefreshes: () => accepted().filter((r) => r.method === 'POST' && r.path === '/Library/Refresh').length,
  });
}

function authorised(request: RecordedRequest, apiKey: string): boolean {
  const authorization = headerValue(request, 'authorization') ?? '';
  const token = /Token="([^"]*)"/.exec(authorization)?.[1] ?? headerValue(request, 'x-emby-token');
  return token === apiKey;
}

function route(request: RecordedRequest, apiKey: string): FakeReply {
  if (!authorised(request, apiKey)) return { status: 401, rawBody: '', headers: { 'content-type': 'text/plain' } };
  if (request.method === 'POST' && request.path === '/Library/Media/Updated') {
    const problem = mediaUpdatedProblem(request.body);
    if (problem)
      return {
        status: 400,
        json: {
          type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
          title: 'One or more validation errors occurred.',
          status: 400,
          errors: { Updates: [problem] },
        },
      };
    return { status: 204, rawBody: '' };
  }
  if (request.method === 'POST' && request.path === '/Library/Refresh') return { status: 204, rawBody: '' };
  if (request.method === 'GET' && request.path === '/System/Info') {
    return {
      status: 200,
      json: { ServerName: 'fake-jellyfin', Version: '10.10.7', Id: '0123456789abcdef0123456789abcdef', OperatingSystem: 'Linux' },
    };
  }
  return { status: 404, rawBody: '', headers: { 'content-type': 'text/plain' } };
}

function mediaUpdatedProblem(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'The request body is not JSON.';
  }
  const updates = (parsed as { Updates?: unknown }).Updates;
  if (!Array.isArray(updates) || updates.length === 0) return 'The Updates field is required.';
  for (const update of updates as { Path?: unknown; UpdateType?: unknown }[]) {
    if (typeof update.Path !== 'string' || update.Path === '') return 'Path is required.';
    if (typeof update.UpdateType !== 'string' || !UPDATE_TYPES.has(update.UpdateType))
      return 'UpdateType must be Created, Modified or Deleted.';
  }
  return undefined;
}

const statusTitle = (status: number) => (status === 401 ? 'Unauthorized' : status === 500 ? 'Internal Server Error' : 'Error');
