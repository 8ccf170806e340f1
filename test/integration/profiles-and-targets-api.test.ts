import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTestApp, createTestClient, createTestDatabase } from '../support/integration.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await createTestApp({ database: await createTestDatabase(), temporal: await createTestClient(), taskQueue: 'unused' });
});

const send = (method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

describe('quality profiles', () => {
  it('refuses a second profile of the same name with 409 naming it, and a size range upside down with 400', async () => {
    expect((await send('POST', '/api/quality-profiles', { name: 'HD' })).statusCode).toBe(201);
    const taken = await send('POST', '/api/quality-profiles', { name: 'HD' });
    expect([taken.statusCode, taken.json().message]).toEqual([409, 'The name "HD" is already taken']);
    const upsideDown = await send('POST', '/api/quality-profiles', { name: 'Odd', minSizeMb: 500, maxSizeMb: 100 });
    expect([upsideDown.statusCode, upsideDown.json().message]).toEqual([400, 'body.minSizeMb: must not exceed maxSizeMb']);
  });

  it('deletes a profile with 204, then answers 404 for it', async () => {
    const { id } = (await send('POST', '/api/quality-profiles', { name: 'To delete' })).json();
    const deleted = await send('DELETE', `/api/quality-profiles/${id}`);
    expect([deleted.statusCode, deleted.body]).toEqual([204, '']);
    expect((await send('DELETE', `/api/quality-profiles/${id}`)).statusCode).toBe(404);
    expect((await send('GET', `/api/quality-profiles/${id}`)).json().message).toBe('Quality profile not found');
  });
});

describe('delivery targets', () => {
  it('refuses a taken name with 409, a relative local path and an unknown library with 400 naming the field', async () => {
    expect((await send('POST', '/api/delivery-targets', { name: 'NAS', path: '/srv/media' })).statusCode).toBe(201);
    const taken = await send('POST', '/api/delivery-targets', { name: 'NAS', path: '/srv/other' });
    expect([taken.statusCode, taken.json().message]).toEqual([409, 'The name "NAS" is already taken']);
    const relative = await send('POST', '/api/delivery-targets', { name: 'Relative', path: 'media' });
    expect([relative.statusCode, relative.json().message]).toEqual([400, 'body.path: a local target needs an absolute folder path']);
    const libraryId = '00000000-0000-4000-8000-000000000001';
    const noLibrary = await send('POST', '/api/delivery-targets', { name: 'Lost', path: '/srv/lost', libraryId });
    expect([noLibrary.statusCode, noLibrary.json().message]).toEqual([400, `body.libraryId: no library ${libraryId}`]);
  });

  it('keeps the recycle folder across an edit that does not name it, and deletes with 204', async () => {
    const { id } = (await send('POST', '/api/delivery-targets', { name: 'Kept', path: '/srv/kept', recycleFolder: 'Bin' })).json();
    const renamed = await send('PATCH', `/api/delivery-targets/${id}`, { name: 'Kept too' });
    expect([renamed.statusCode, renamed.json().name, renamed.json().recycleFolder]).toEqual([200, 'Kept too', 'Bin']);
    expect((await send('DELETE', `/api/delivery-targets/${id}`)).statusCode).toBe(204);
    expect((await send('GET', `/api/delivery-targets/${id}`)).statusCode).toBe(404);
  });
});
