import { randomUUID } from 'node:crypto';
import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { ScheduleService } from '../../src/schedules/schedule-service.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  startTestWorker,
  testCipher,
  type TestDatabase,
} from '../support/integration.js';
import { tempDir } from '../support/temp-dir.js';

/** Temporal Schedules of every periodic job: made at start-up, edited and triggered through the API, visible on the server. */
const taskQueue = `test-${randomUUID()}`;
let database: TestDatabase;
let temporal: Client;
let app: FastifyInstance;
let schedules: ScheduleService;
let libraryId: string;
let iptvProviderId: string;

const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });
const path = (id: string) => `/api/schedules/${encodeURIComponent(id)}`;
const describeOnServer = (id: string) => temporal.schedule.getHandle(id).describe();

beforeAll(async () => {
  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue);
  app = await createTestApp({ database, temporal, taskQueue });
  schedules = new ScheduleService({ temporal, db: database.db, credentialsCipher: testCipher, taskQueue });
  const library = await api('POST', '/api/libraries', { name: 'Films', kind: 'movie', rootPath: tempDir() });
  expect(library.statusCode, library.body).toBe(201);
  libraryId = library.json().id;
  const provider = await api('POST', '/api/iptv/providers', {
    kind: 'm3u',
    name: 'List',
    baseUrl: 'http://127.0.0.1:9/list.m3u',
    syncIntervalSeconds: 3600,
  });
  expect(provider.statusCode, provider.body).toBe(201);
  iptvProviderId = provider.json().id;
});

describe('schedules', () => {
  it('start-up creates or updates every schedule from configuration, idempotently, overlap SKIP', async () => {
    const first = await schedules.syncAll();
    const second = await schedules.syncAll();
    expect(first.created + first.updated).toBe(4);
    expect(second).toMatchObject({ created: 0, updated: 4 });

    const refresh = await describeOnServer(schedules.ids.providerRefresh());
    expect(refresh.policies.overlap).toBe('SKIP');
    expect(refresh.spec.intervals?.[0]?.every).toBe(7 * 24 * 3600 * 1000);
    expect(refresh.action).toMatchObject({ type: 'startWorkflow', workflowType: 'scheduledRun', taskQueue });
    expect((await describeOnServer(schedules.ids.maintenance())).spec.intervals?.[0]?.every).toBe(24 * 3600 * 1000);
    const scan = await describeOnServer(schedules.ids.libraryScan(libraryId));
    expect(scan.spec.intervals?.[0]?.every).toBe(24 * 3600 * 1000);
    expect(scan.action.args).toEqual([{ workflowType: 'libraryScan', workflowId: `scan/${libraryId}`, args: [{ libraryId }] }]);
    expect((await describeOnServer(schedules.ids.iptvSync(iptvProviderId))).spec.intervals?.[0]?.every).toBe(3600 * 1000);
  });

  it('lists every schedule with the server’s view', async () => {
    const res = await api('GET', '/api/schedules');
    expect(res.statusCode).toBe(200);
    const list = res.json() as { id: string; kind: string; intervalSeconds: number; paused: boolean; nextRunAt: string }[];
    expect(list.map((s) => s.kind).sort()).toEqual(['iptv-sync', 'library-scan', 'maintenance', 'provider-refresh']);
    const scan = list.find((s) => s.kind === 'library-scan')!;
    expect(scan).toMatchObject({ id: schedules.ids.libraryScan(libraryId), intervalSeconds: 86_400, paused: false });
    expect(Date.parse(scan.nextRunAt)).toBeGreaterThan(Date.now());
  });

  it('edits interval, cron and paused; the server has them and they survive the next start-up', async () => {
    const id = schedules.ids.libraryScan(libraryId);
    const patched = await api('PATCH', path(id), { intervalSeconds: 7200, paused: true });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ intervalSeconds: 7200, paused: true, edited: true });
    let onServer = await describeOnServer(id);
    expect(onServer.spec.intervals?.[0]?.every).toBe(7_200_000);
    expect(onServer.state.paused).toBe(true);

    await schedules.syncAll();
    onServer = await describeOnServer(id);
    expect(onServer.spec.intervals?.[0]?.every).toBe(7_200_000);
    expect(onServer.state.paused).toBe(true);

    const cron = await api('PATCH', path(schedules.ids.maintenance()), { cron: '30 4 * * *' });
    expect(cron.statusCode, cron.body).toBe(200);
    expect(cron.json()).toMatchObject({ cron: '30 4 * * *', intervalSeconds: null });
    const maintenance = await describeOnServer(schedules.ids.maintenance());
    expect(maintenance.spec.intervals ?? []).toEqual([]);
    expect(maintenance.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 4, end: 4, step: 1 }],
      minute: [{ start: 30, end: 30, step: 1 }],
    });
  });

  it('pausing keeps the interval following configuration: an IPTV provider’s new interval reaches its schedule', async () => {
    const id = schedules.ids.iptvSync(iptvProviderId);
    expect((await api('PATCH', path(id), { paused: true })).statusCode).toBe(200);
    expect((await api('PATCH', `/api/iptv/providers/${iptvProviderId}`, { syncIntervalSeconds: 7200 })).statusCode).toBe(200);
    const onServer = await describeOnServer(id);
    expect(onServer.spec.intervals?.[0]?.every).toBe(7_200_000);
    expect(onServer.state.paused).toBe(true);
    expect((await api('PATCH', path(id), { paused: false })).json()).toMatchObject({ paused: false, intervalSeconds: 7200 });
  });

  it('refuses bad edits naming the field, and unknown ids', async () => {
    const both = await api('PATCH', path(schedules.ids.maintenance()), { intervalSeconds: 3600, cron: '0 3 * * *' });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toContain('body.cron: intervalSeconds or cron, not both');
    const short = await api('PATCH', path(schedules.ids.maintenance()), { intervalSeconds: 5 });
    expect(short.json().message).toBe('body.intervalSeconds: at least 60 seconds');
    const badCron = await api('PATCH', path(schedules.ids.maintenance()), { cron: 'every tuesday' });
    expect(badCron.statusCode).toBe(400);
    expect(badCron.json().message).toMatch(/^body\.cron: the Temporal server refused it/);
    expect((await api('PATCH', path('schedule/nope'), { paused: true })).statusCode).toBe(404);
  });

  it('a trigger runs the work under its business-key id: a library scan as scan/<libraryId>', async () => {
    const id = schedules.ids.libraryScan(libraryId);
    const res = await api('POST', `${path(id)}/trigger`);
    expect(res.statusCode, res.body).toBe(202);
    const scan = await waitForValue(async () => {
      try {
        return await temporal.workflow.getHandle(`scan/${libraryId}`).describe();
      } catch {
        return undefined;
      }
    });
    expect(scan.type).toBe('libraryScan');
    await temporal.workflow.getHandle(`scan/${libraryId}`).result();
    const view = await waitForValue(async () => {
      const current = (await api('GET', path(id))).json();
      return current.actionsTaken >= 1 && !current.running ? current : undefined;
    });
    expect(view.lastRunAt).not.toBeNull();
    const run = (await describeOnServer(id)).info.recentActions[0]!;
    expect(await temporal.workflow.getHandle(run.action.workflow.workflowId, run.action.workflow.firstExecutionRunId).result()).toEqual({
      workflowId: `scan/${libraryId}`,
      outcome: 'completed',
    });
  });

  it('a tick while the same work runs by hand leaves it alone', async () => {
    // A manual sync of the IPTV provider is running (its playlist host never answers; timeout 15 s).
    const started = await api('POST', `/api/iptv/providers/${iptvProviderId}/sync`);
    expect(started.statusCode).toBe(202);
    const tick = await temporal.workflow.execute('scheduledRun', {
      taskQueue,
      workflowId: `tick-${randomUUID()}`,
      args: [{ workflowType: 'iptvSync', workflowId: `iptv-sync/${iptvProviderId}`, args: [{ providerId: iptvProviderId }] }],
    });
    expect(tick).toEqual({ workflowId: `iptv-sync/${iptvProviderId}`, outcome: 'already-running' });
    await temporal.workflow.getHandle(`iptv-sync/${iptvProviderId}`).terminate('test done');
  });

  it('deleting a library or IPTV provider deletes its schedule; start-up removes schedules whose library is gone', async () => {
    expect((await api('DELETE', `/api/iptv/providers/${iptvProviderId}`)).statusCode).toBe(204);
    await expect(describeOnServer(schedules.ids.iptvSync(iptvProviderId))).rejects.toBeInstanceOf(ScheduleNotFoundError);
    expect((await api('DELETE', `/api/libraries/${libraryId}`)).statusCode).toBe(204);
    await expect(describeOnServer(schedules.ids.libraryScan(libraryId))).rejects.toBeInstanceOf(ScheduleNotFoundError);
    const ids = (await api('GET', '/api/schedules')).json().map((s: { id: string }) => s.id);
    expect(ids.sort()).toEqual([schedules.ids.maintenance(), schedules.ids.providerRefresh()].sort());

    // A library removed while no API ran: its schedule is still on the server until the next start-up.
    const orphan = await new LibraryRepository(database.db).create({ name: 'Gone', kind: 'movie', rootPath: tempDir() });
    await schedules.syncOne(schedules.ids.libraryScan(orphan.id));
    await new LibraryRepository(database.db).delete(orphan.id);
    // The server's schedule list is eventually consistent; start-up is idempotent, so run it until it sees it.
    await waitForValue(async () => ((await schedules.syncAll()).deleted >= 1 ? true : undefined));
    await expect(describeOnServer(schedules.ids.libraryScan(orphan.id))).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });
});

async function waitForValue<T>(read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('value not available in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
