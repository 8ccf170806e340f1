import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_CONFIG } from '../../src/config/phase-config.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase } from '../support/integration.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await createTestApp({ database: await createTestDatabase(), temporal: await createTestClient(), taskQueue: 'unused' });
});

beforeEach(async () => {
  await app.inject({ method: 'POST', url: '/api/phase-config/reset', headers: authHeaders });
});

const get = (url: string) => app.inject({ method: 'GET', url, headers: authHeaders });
const patch = (phase: string, payload: unknown) =>
  app.inject({ method: 'PATCH', url: `/api/phase-config/${phase}`, headers: authHeaders, payload: payload as object });

describe('phase configuration API', () => {
  it('answers every one of several resets and updates at once with 200', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? app.inject({ method: 'POST', url: '/api/phase-config/reset', headers: authHeaders })
          : patch('scan', { minVideoSizeMb: i, ignorePatterns: ['*.tmp'], videoExtensions: ['.mkv'] }),
      ),
    );
    expect(answers.map((res) => res.statusCode)).toEqual(Array.from({ length: 12 }, () => 200));
  });

  it('returns the defaults for every phase', async () => {
    const res = await get('/api/phase-config');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(DEFAULT_PHASE_CONFIG);
    expect(res.json().enrichment).toMatchObject({
      fetchProviderAssets: true,
      maxPoster: 3,
      maxFanart: 5,
      language: 'en',
      minResolution: 720,
    });
    expect(res.json().playerSync).toEqual({ notify: true, delaySeconds: 0, cleanFirst: false });
  });

  it('returns one phase, and 404 naming the valid phases for an unknown one', async () => {
    expect((await get('/api/phase-config/publish')).json()).toEqual({
      assets: true,
      actors: true,
      trailers: false,
      movieNfoName: 'movie.nfo',
    });
    const res = await get('/api/phase-config/encoding');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('Unknown phase "encoding"; expected one of scan, enrichment, publish, playerSync');
  });

  it('updates only the given keys and keeps them across reads', async () => {
    const res = await patch('enrichment', { maxPoster: 7, language: 'de' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...DEFAULT_PHASE_CONFIG.enrichment, maxPoster: 7, language: 'de' });
    expect((await get('/api/phase-config')).json().enrichment.maxPoster).toBe(7);
  });

  it('refuses a wrong type with a 400 naming the field, and writes nothing of the request', async () => {
    const res = await patch('enrichment', { maxPoster: 4, maxFanart: 'many' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^body\.maxFanart: /);
    expect((await get('/api/phase-config/enrichment')).json().maxPoster).toBe(3);
  });

  it('refuses an unknown key with a 400 naming it, and writes nothing', async () => {
    const res = await patch('publish', { actors: false, posters: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body.posters: unknown field');
    expect((await get('/api/phase-config/publish')).json().actors).toBe(true);
  });

  it('validates values, not only types', async () => {
    const res = await patch('scan', { videoExtensions: ['mkv'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^body\.videoExtensions\.0: .*extension starting with a dot/);
    expect((await patch('playerSync', { delaySeconds: -5 })).statusCode).toBe(400);
  });

  it('reset restores every default', async () => {
    await patch('scan', { minVideoSizeMb: 50, ignorePatterns: ['*.nfo-orig'] });
    await patch('playerSync', { cleanFirst: true });
    const res = await app.inject({ method: 'POST', url: '/api/phase-config/reset', headers: authHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(DEFAULT_PHASE_CONFIG);
  });
});
