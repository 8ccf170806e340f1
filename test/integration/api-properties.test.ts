import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArrDelivery } from '../../src/integrations/arr/arr-payloads.js';
import {
  anyWriteRequest,
  arrDelivery,
  defaultSeedBodies,
  writeRoutes,
  type FuzzRequest,
  type SeedBodies,
  type WriteRoute,
} from '../support/fuzz-requests.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase } from '../support/integration.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Property tests over the real app (real Postgres and Temporal): whatever a client sends to a write
 * route, the answer is a 2xx or a 4xx, never a 5xx, a crash or a hang. Fixed seeds and run counts keep
 * the run short and the same every time; `npm run bench:fuzz` runs many more.
 */
const SEED = 20_261_203;
const ANSWER_WITHIN_MS = 10_000;

let app: FastifyInstance;
let routes: WriteRoute[];
const knownIds: string[] = [];
let seeds: SeedBodies;

beforeAll(async () => {
  app = await createTestApp({
    database: await createTestDatabase(),
    temporal: await createTestClient(),
    taskQueue: `fuzz-${randomUUID()}`,
    mediaRoots: [],
  });
  routes = writeRoutes((await app.inject({ method: 'GET', url: '/docs/json' })).json());
  // A few real rows, so mutated requests reach past "not found" into the updates themselves.
  const folder = tempDir('reelflow-fuzz-');
  const library = await app.inject({
    method: 'POST',
    url: '/api/libraries',
    headers: authHeaders,
    payload: { name: 'Fuzz', kind: 'movie', rootPath: folder },
  });
  const profile = await app.inject({ method: 'POST', url: '/api/quality-profiles', headers: authHeaders, payload: { name: 'Fuzz' } });
  const target = await app.inject({
    method: 'POST',
    url: '/api/delivery-targets',
    headers: authHeaders,
    payload: { name: 'Fuzz', kind: 'local', path: folder },
  });
  for (const res of [library, profile, target]) if (res.statusCode < 300) knownIds.push(res.json().id);
  seeds = defaultSeedBodies(tempDir('reelflow-fuzz-'), { qualityProfileId: profile.json().id, targetId: target.json().id });
});

async function send(request: FuzzRequest) {
  const answer = app.inject({
    method: request.method,
    url: request.url,
    headers: { ...authHeaders, ...(request.payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${request.route} did not answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS);
  });
  try {
    return await Promise.race([answer, hang]);
  } finally {
    clearTimeout(timer);
  }
}

function expectNo5xx(request: FuzzRequest, statusCode: number, body: string) {
  if (statusCode >= 500)
    throw new Error(`${request.route} answered ${statusCode} to ${request.url} ${request.payload?.slice(0, 300)}: ${body.slice(0, 300)}`);
  expect(statusCode).toBeGreaterThanOrEqual(200);
}

describe('every write route', () => {
  it('is found in the OpenAPI document, webhooks and requests included', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'POST /api/webhooks/radarr',
        'POST /api/requests',
        'PUT /api/notifications/{service}',
        'PATCH /api/phase-config/scan',
      ]),
    );
  });

  it('answers any mutated request with a 2xx or a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(anyWriteRequest(routes, knownIds, seeds), async (request) => {
        const res = await send(request);
        expectNo5xx(request, res.statusCode, res.body);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("answers each route's own mutated bodies with a 2xx or a 4xx", async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(anyWriteRequest([route], knownIds, seeds), async (request) => {
          const res = await send(request);
          expectNo5xx(request, res.statusCode, res.body);
        }),
        { seed: SEED, numRuns: 6 },
      );
    }
  });
});

describe('Radarr and Sonarr webhooks', () => {
  for (const source of ['radarr', 'sonarr'] as const) {
    it(`${source}: the schemas answer every mutated delivery without throwing`, () => {
      fc.assert(
        fc.property(arrDelivery(source), (text) => {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            return;
          }
          const parsed = parseArrDelivery(source, body);
          expect(typeof parsed.ok).toBe('boolean');
        }),
        { seed: SEED, numRuns: 200 },
      );
    });

    it(`${source}: the route answers every mutated delivery with a 2xx or a 4xx`, async () => {
      await fc.assert(
        fc.asyncProperty(arrDelivery(source), async (payload) => {
          const request: FuzzRequest = { method: 'POST', url: `/api/webhooks/${source}`, payload, route: `POST /api/webhooks/${source}` };
          const res = await send(request);
          expectNo5xx(request, res.statusCode, res.body);
        }),
        { seed: SEED, numRuns: 100 },
      );
    });
  }
});
