import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { EventSource } from 'eventsource';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventRepository } from '../../src/db/repositories/event-repository.js';
import { EventRecorder } from '../../src/events/event-recorder.js';
import type { NewEvent, RecordedEvent } from '../../src/events/event-types.js';
import { onCleanup } from '../support/cleanup.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  TEST_API_KEY,
  testSecretKey,
  type TestDatabase,
} from '../support/integration.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * GET /api/events with a real EventSource client, against two API processes: this one and `npm run api` in
 * a process of its own. Events are recorded as a worker records them (in Postgres, announced with NOTIFY);
 * both processes' clients must get each one, in order, and a client that reconnects to the other process
 * with Last-Event-ID must get exactly what it missed.
 */
const taskQueue = `test-${randomUUID()}`;
let database: TestDatabase;
let app: FastifyInstance;
let here: string;
let there: string;
let apiProcess: ChildProcess;
let recorder: EventRecorder;
const opened: EventSource[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp({ database, temporal: await createTestClient(), taskQueue });
  here = await app.listen({ port: 0, host: '127.0.0.1' });
  ({ url: there, child: apiProcess } = await startApiProcess(database.url));
  recorder = new EventRecorder(new EventRepository(database.db));
});

afterAll(() => {
  for (const source of opened) source.close();
});

describe('live events', () => {
  it('reach clients of every API process, in the order they were recorded, within moments', async () => {
    const a = listen(`${here}/api/events`);
    const b = listen(`${there}/api/events`);
    await Promise.all([a.open, b.open]);

    const started = Date.now();
    const recorded = [];
    for (let n = 1; n <= 5; n++) recorded.push((await record({ type: 'scan.progress', summary: `batch ${n}`, data: { n } }))!);

    const [gotA, gotB] = await Promise.all([a.next(5), b.next(5)]);
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const got of [gotA, gotB]) {
      expect(got.map((e) => e.summary)).toEqual(['batch 1', 'batch 2', 'batch 3', 'batch 4', 'batch 5']);
      expect(got.map((e) => e.id)).toEqual(recorded.map((e) => e.id));
      expect(got[0]).toMatchObject({ type: 'scan.progress', data: { n: 1 }, occurredAt: recorded[0]!.occurredAt });
    }
  });

  it('a client that comes back with Last-Event-ID, to the other process, gets what it missed and then what follows', async () => {
    const first = listen(`${here}/api/events`);
    await first.open;
    const seen = (await record({ type: 'item.status', summary: 'seen' }))!;
    expect((await first.next(1))[0]!.id).toBe(seen.id);
    first.source.close();

    for (const summary of ['missed 1', 'missed 2', 'missed 3']) await record({ type: 'item.status', summary });
    const again = listen(`${there}/api/events`, String(seen.id));
    await again.open;
    await record({ type: 'item.status', summary: 'after' });

    expect((await again.next(4)).map((e) => e.summary)).toEqual(['missed 1', 'missed 2', 'missed 3', 'after']);
  });

  it('sends only the types and subjects asked for', async () => {
    const requestId = randomUUID();
    const stream = listen(`${here}/api/events?type=item.failed,item.progress&requestId=${requestId}`);
    await stream.open;
    await record({ type: 'item.progress', summary: 'another request', requestId: randomUUID() });
    await record({ type: 'item.status', summary: 'another type', requestId });
    await record({ type: 'item.progress', summary: 'wanted 1', requestId });
    await record({ type: 'item.failed', summary: 'wanted 2', requestId });

    expect((await stream.next(2)).map((e) => e.summary)).toEqual(['wanted 1', 'wanted 2']);
  });

  it('records an event with a dedupe key once, and announces it once', async () => {
    const stream = listen(`${here}/api/events?type=title.added`);
    await stream.open;
    const event: NewEvent = { type: 'title.added', summary: 'Added: Once (2001)', dedupeKey: `test/${randomUUID()}` };
    expect(await record(event)).toBeDefined();
    expect(await record(event)).toBeUndefined();
    await record({ type: 'title.added', summary: 'Added: Marker (2002)' });

    expect((await stream.next(2)).map((e) => e.summary)).toEqual(['Added: Once (2001)', 'Added: Marker (2002)']);
  });

  it('refuses a Last-Event-ID that is not an event id, and an unknown type, naming them', async () => {
    const badId = await fetch(`${here}/api/events`, { headers: { ...authHeaders, 'last-event-id': 'yesterday' } });
    expect(badId.status).toBe(400);
    expect(await badId.text()).toContain('Last-Event-ID');
    const badType = await app.inject({ method: 'GET', url: '/api/events?type=title.added,title.exploded', headers: authHeaders });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().message).toContain('type');
    expect((await fetch(`${here}/api/events`)).status).toBe(401);
  });
});

describe('shutting down', () => {
  it('an API process with live clients still stops at once on SIGTERM, with exit code 0', async () => {
    const stream = listen(`${there}/api/events`);
    await stream.open;
    const exited = new Promise<number | null>((resolve) => apiProcess.once('exit', (code) => resolve(code)));
    const stopping = Date.now();
    apiProcess.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(10_000);
  });
});

describe('GET /api/history', () => {
  it('lists history events only, newest first, filtered by subject, type and time, a page at a time', async () => {
    const titleId = randomUUID();
    const since = new Date();
    await record({ type: 'title.added', summary: 'Added: Paged (1990)', titleId, titleKind: 'movie' });
    await record({ type: 'pipeline.phase', summary: 'live only', titleId });
    await record({ type: 'notification.sent', summary: 'discord told of added Paged (1990)', titleId });
    await record({ type: 'title.updated', summary: 'Updated: Paged (1990)', titleId });

    const all = (await app.inject({ method: 'GET', url: `/api/history?titleId=${titleId}`, headers: authHeaders })).json();
    expect(all.events.map((e: RecordedEvent) => e.type)).toEqual(['title.updated', 'notification.sent', 'title.added']);
    expect(all.nextBefore).toBeNull();

    const typed = (
      await app.inject({ method: 'GET', url: `/api/history?titleId=${titleId}&type=title.added,title.updated`, headers: authHeaders })
    ).json();
    expect(typed.events.map((e: RecordedEvent) => e.summary)).toEqual(['Updated: Paged (1990)', 'Added: Paged (1990)']);

    const page1 = (await app.inject({ method: 'GET', url: `/api/history?titleId=${titleId}&limit=2`, headers: authHeaders })).json();
    const page2 = (
      await app.inject({ method: 'GET', url: `/api/history?titleId=${titleId}&limit=2&before=${page1.nextBefore}`, headers: authHeaders })
    ).json();
    expect([...page1.events, ...page2.events].map((e: RecordedEvent) => e.type)).toEqual([
      'title.updated',
      'notification.sent',
      'title.added',
    ]);

    const later = (
      await app.inject({
        method: 'GET',
        url: `/api/history?titleId=${titleId}&since=${new Date(Date.now() + 60_000).toISOString()}`,
        headers: authHeaders,
      })
    ).json();
    expect(later.events).toEqual([]);
    const fromStart = (
      await app.inject({ method: 'GET', url: `/api/history?titleId=${titleId}&since=${since.toISOString()}`, headers: authHeaders })
    ).json();
    expect(fromStart.events).toHaveLength(3);
  });

  it('answers 400 naming the field for a live-only type, a bad id or a bad limit', async () => {
    for (const [query, field] of [
      ['type=item.progress', 'type'],
      ['titleId=42', 'titleId'],
      ['limit=0', 'limit'],
      ['since=last-week', 'since'],
    ] as const) {
      const response = await app.inject({ method: 'GET', url: `/api/history?${query}`, headers: authHeaders });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().message, query).toContain(field);
    }
  });
});

const record = (event: NewEvent) => recorder.record(event);

/** An EventSource with the API key; `next(n)` resolves with the next n events it receives. */
function listen(url: string, lastEventId?: string) {
  const received: RecordedEvent[] = [];
  const waiters: (() => void)[] = [];
  const source = new EventSource(url, {
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...init?.headers, 'x-api-key': TEST_API_KEY, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      }),
  });
  opened.push(source);
  const onEvent = (message: MessageEvent) => {
    received.push(JSON.parse(message.data as string) as RecordedEvent);
    for (const wake of waiters.splice(0)) wake();
  };
  for (const type of ['scan.progress', 'item.status', 'item.progress', 'item.failed', 'title.added'])
    source.addEventListener(type, onEvent);
  const open = new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = (error) => reject(new Error(`EventSource ${url}: ${error.message ?? 'failed'}`));
  });
  let taken = 0;
  const next = async (n: number): Promise<RecordedEvent[]> => {
    const deadline = Date.now() + 10_000;
    while (received.length < taken + n) {
      if (Date.now() > deadline) throw new Error(`${url}: ${received.length - taken} of ${n} events within 10 s`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    const batch = received.slice(taken, taken + n);
    taken += n;
    return batch;
  };
  return { source, open, next };
}

/** `npm run api` against the same Postgres and Temporal; resolves with its base URL once it answers /healthz. */
async function startApiProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entrypoints/api.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      REELFLOW_TASK_QUEUE: taskQueue,
      REELFLOW_API_KEY: TEST_API_KEY,
      REELFLOW_SECRET_KEY: testSecretKey.toString('hex'),
      REELFLOW_DATA_DIR: tempDir('reelflow-api-'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  onCleanup(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child };
    if (Date.now() > deadline) throw new Error('the API process did not answer /healthz within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
