import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  startTestWorker,
  type TestDatabase,
} from '../support/integration.js';
import { makeVideo } from '../support/media-fixtures.js';
import { tempDir, writeTree } from '../support/temp-dir.js';
import { randomUUID } from 'node:crypto';

let app: FastifyInstance;
let database: TestDatabase;
let temporal: Client;
const taskQueue = `test-${randomUUID()}`;
const mediaRoot = tempDir('reelflow-media-');
const moviesRoot = path.join(mediaRoot, 'Movies');

beforeAll(async () => {
  for (const name of ['The Matrix (1999)', 'Amélie (2001)', 'Heat (1995)']) await makeVideo(path.join(moviesRoot, name, `${name}.mkv`));
  writeTree(moviesRoot, { 'Heat (1995)/extras/Making of.mkv': 'extra', 'notes.txt': 'not a title' });
  database = await createTestDatabase();
  temporal = await createTestClient();
  app = await createTestApp({ database, temporal, taskQueue, mediaRoots: [mediaRoot] });
});

const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

describe('libraries', () => {
  it('refuses a root that does not exist, saying so', async () => {
    const res = await api('POST', '/api/libraries', { name: 'Movies', kind: 'movie', rootPath: path.join(mediaRoot, 'nope') });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(`rootPath "${path.join(mediaRoot, 'nope')}" does not exist`);
  });

  it('refuses a root that is a file', async () => {
    const file = path.join(moviesRoot, 'notes.txt');
    const res = await api('POST', '/api/libraries', { name: 'Movies', kind: 'movie', rootPath: file });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(`rootPath "${file}" is not a directory`);
  });

  it('refuses a root outside MEDIA_ROOTS with 403, also through a symlink', async () => {
    const outside = tempDir('reelflow-outside-');
    expect((await api('POST', '/api/libraries', { name: 'X', kind: 'movie', rootPath: outside })).statusCode).toBe(403);
    const link = path.join(mediaRoot, 'sneaky');
    fs.symlinkSync(outside, link);
    const res = await api('POST', '/api/libraries', { name: 'X', kind: 'movie', rootPath: link });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/outside every MEDIA_ROOTS folder/);
  });

  it('refuses a bad body naming the field', async () => {
    const res = await api('POST', '/api/libraries', { name: 'Movies', kind: 'films', rootPath: moviesRoot });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^body\.kind: /);
  });

  it('creates, lists, renames and deletes a library', async () => {
    const created = await api('POST', '/api/libraries', { name: 'Temp', kind: 'tv', rootPath: mediaRoot });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect((await api('GET', '/api/libraries')).json().map((l: { id: string }) => l.id)).toContain(id);
    const renamed = await api('PATCH', `/api/libraries/${id}`, { name: 'Renamed' });
    expect(renamed.json()).toMatchObject({ id, name: 'Renamed', kind: 'tv', rootPath: mediaRoot });
    const duplicate = await api('POST', '/api/libraries', { name: 'Again', kind: 'movie', rootPath: mediaRoot });
    expect(duplicate.statusCode).toBe(409);
    expect((await api('DELETE', `/api/libraries/${id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/libraries/${id}`)).statusCode).toBe(404);
  });
});

describe('a library scan', () => {
  it('runs libraryScan on Temporal, returns the running scan for a second request, and records the count', async () => {
    const library = (await api('POST', '/api/libraries', { name: 'Movies', kind: 'movie', rootPath: moviesRoot })).json();

    // No worker polls this task queue yet, so the scan stays running while we ask again.
    const first = await api('POST', `/api/libraries/${library.id}/scan`);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ workflowId: `scan/${library.id}`, alreadyRunning: false });
    const second = await api('POST', `/api/libraries/${library.id}/scan`);
    expect(second.json()).toEqual({ ...first.json(), alreadyRunning: true });

    const { scanId } = first.json();
    expect((await api('GET', `/api/scans/${scanId}`)).json()).toMatchObject({ id: scanId, status: 'running', directoriesTotal: 0 });

    await startTestWorker(database.db, taskQueue);
    const result = await temporal.workflow.getHandle(`scan/${library.id}`).result();
    expect(result).toMatchObject({ scanId, phase: 'completed', directoriesTotal: 3, titlesNew: 3, errors: 0 });

    const scan = (await api('GET', `/api/scans/${scanId}`)).json();
    expect(scan).toMatchObject({ id: scanId, libraryId: library.id, status: 'completed', directoriesTotal: 3, errors: 0 });
    expect(scan.finishedAt).not.toBeNull();

    // Finished: the next request starts a new scan with a new id.
    const next = await api('POST', `/api/libraries/${library.id}/scan`);
    expect(next.json().alreadyRunning).toBe(false);
    expect(next.json().scanId).not.toBe(scanId);
    await temporal.workflow.getHandle(`scan/${library.id}`).result();
  });

  it('cancels a running scan, records it as cancelled, and refuses to cancel it twice', async () => {
    const root = path.join(mediaRoot, 'Cancel');
    fs.mkdirSync(root);
    const library = (await api('POST', '/api/libraries', { name: 'Cancel', kind: 'movie', rootPath: root })).json();
    // Started on a queue no worker polls yet, so it is certainly running when the cancel arrives.
    const queue = `cancel-${randomUUID()}`;
    const lateApp = await createTestApp({ database, temporal, taskQueue: queue, mediaRoots: [mediaRoot] });
    const { scanId, workflowId } = (
      await lateApp.inject({ method: 'POST', url: `/api/libraries/${library.id}/scan`, headers: authHeaders })
    ).json();

    expect((await api('POST', `/api/scans/${scanId}/cancel`)).statusCode).toBe(202);
    await startTestWorker(database.db, queue);
    await expect(temporal.workflow.getHandle(workflowId).result()).rejects.toThrow(/cancel/i);

    expect((await api('GET', `/api/scans/${scanId}`)).json()).toMatchObject({ status: 'cancelled', finishedAt: expect.any(String) });
    const again = await api('POST', `/api/scans/${scanId}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(`Scan ${scanId} is cancelled, not running`);
  });

  it('answers 404 for an unknown scan and 400 for an id that is not a UUID', async () => {
    expect((await api('GET', `/api/scans/${randomUUID()}`)).statusCode).toBe(404);
    const res = await api('GET', '/api/scans/abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^params\.id: /);
  });
});
