import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTorznab, TORZNAB_FAKE_API_KEY, type FakeTorznab } from '../fakes/torznab.js';
import {
  expectFields,
  LANGUAGE_PROFILE_FIELDS,
  PROWLARR_FIELD_FIELDS,
  PROWLARR_INDEXER_FIELDS,
  QUALITY_PROFILE_FIELDS,
  ROOT_FOLDER_FIELDS,
  SYSTEM_STATUS_FIELDS,
  TAG_FIELDS,
} from '../support/arr-client-fields.js';
import { createTestApp, createTestClient, createTestDatabase, TEST_API_KEY } from '../support/integration.js';
import { createProfile, createTarget } from '../support/request-pipeline.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Issue 14: every route declares its answer, so the OpenAPI document describes it; the Radarr/Sonarr v3
 * routes' schemas are loose, so the serializer never drops a field Overseerr, Jellyseerr or Prowlarr read.
 * The routes are read from the app itself, so a route added without a response schema fails here.
 */

type JsonSchema = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

let app: FastifyInstance;
let doc: { paths: Record<string, Record<string, Operation>> };
let torznab: FakeTorznab;

beforeAll(async () => {
  torznab = await startFakeTorznab();
  const database = await createTestDatabase();
  app = await createTestApp({ database, temporal: await createTestClient(), taskQueue: 'openapi-responses' });
  doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
});

afterAll(async () => {
  await torznab?.close();
});

/**
 * Hidden on purpose: it only answers 404 for a phase that does not exist (each phase has its own PATCH route,
 * with its schema), so it has no answer to describe.
 */
const UNDOCUMENTED = ['PATCH /api/phase-config/{phase}'];

/** Every route of the app but the documentation's own, from Fastify's route tree (HEAD is Fastify's own). */
function registeredRoutes(): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    const depth = node[1]!.length / 4;
    const path = (depth > 0 ? prefixes[depth - 1]! : '') + node[2]!;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (node[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) {
      routes.push({ method, path: path.replace(/:(\w+)/g, '{$1}') });
    }
  }
  return routes.filter((r) => !r.path.startsWith('/docs') && !UNDOCUMENTED.includes(`${r.method} ${r.path}`));
}

/** The 2xx answers of a route that describe their body: `status content-type`. */
function describedAnswers(route: { method: string; path: string }): string[] {
  const responses = doc.paths[route.path]?.[route.method.toLowerCase()]?.responses ?? {};
  return Object.entries(responses)
    .filter(([status]) => /^2\d\d$/.test(status))
    .flatMap(([status, answer]) =>
      Object.entries(answer.content ?? {})
        .filter(([, media]) => media.schema !== undefined)
        .map(([type]) => `${status} ${type}`),
    );
}

/** Where in a JSON schema an object refuses (and so a serializer would drop) fields it does not list. */
function closedObjects(schema: unknown, at: string): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => closedObjects(s, `${at}[${i}]`));
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as JsonSchema;
  const here = node.type === 'object' && node.additionalProperties === false ? [at] : [];
  return [...here, ...Object.entries(node).flatMap(([key, value]) => closedObjects(value, `${at}.${key}`))];
}

describe('the OpenAPI document', () => {
  it('lists every route of the app (none is hidden), parsed from the route tree', () => {
    const routes = registeredRoutes();
    // The parse found the tree: routes at several depths, of every method.
    expect(routes.length).toBeGreaterThan(100);
    expect(routes).toEqual(
      expect.arrayContaining([
        { method: 'GET', path: '/healthz' },
        { method: 'PUT', path: '/api/v3/movie/{id}' },
        { method: 'GET', path: '/api/v3/languageprofile' },
        { method: 'DELETE', path: '/api/libraries/{id}/path-mappings/{mappingId}' },
      ]),
    );
    const missing = routes.filter((r) => !doc.paths[r.path]?.[r.method.toLowerCase()]).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('declares a 2xx response schema for every route outside /api/v3', () => {
    const routes = registeredRoutes().filter((r) => !r.path.startsWith('/api/v3/'));
    expect(routes.length).toBeGreaterThan(80);
    const undescribed = routes.filter((r) => describedAnswers(r).length === 0).map((r) => `${r.method} ${r.path}`);
    expect(undescribed).toEqual([]);
  });

  it('declares a 2xx response schema for every /api/v3 route', () => {
    const routes = registeredRoutes().filter((r) => r.path.startsWith('/api/v3/'));
    expect(routes.length).toBeGreaterThanOrEqual(27);
    const undescribed = routes.filter((r) => describedAnswers(r).length === 0).map((r) => `${r.method} ${r.path}`);
    expect(undescribed).toEqual([]);
    // Described as Radarr answers them, e.g. a movie with the fields Seerr reads.
    const movie = doc.paths['/api/v3/movie/{id}']!.get!.responses!['200']!.content!['application/json']!.schema!;
    expect(Object.keys(movie.properties as object)).toEqual(expect.arrayContaining(['id', 'tmdbId', 'hasFile', 'monitored', 'titleSlug']));
  });

  it('gives every object of a /api/v3 answer room for fields it does not list', () => {
    const closed = registeredRoutes()
      .filter((r) => r.path.startsWith('/api/v3/'))
      .flatMap((r) => {
        const responses = doc.paths[r.path]![r.method.toLowerCase()]!.responses ?? {};
        return Object.entries(responses).flatMap(([status, answer]) => closedObjects(answer, `${r.method} ${r.path} ${status}`));
      });
    expect(closed).toEqual([]);
    // The check sees a closed object where there is one: Reelflow's own routes use them.
    expect(closedObjects(doc.paths['/api/indexers']!.get!.responses, 'GET /api/indexers').length).toBeGreaterThan(0);
  });
});

describe('text answers, declared by content type', () => {
  it('reach the client as they are: Prometheus metrics and the iCalendar feed', async () => {
    const metrics = await app.inject({ method: 'GET', url: '/metrics', headers: { 'x-api-key': TEST_API_KEY } });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toMatch(/^# HELP reelflow_/m);
    const ics = await app.inject({ method: 'GET', url: `/api/calendar.ics?apikey=${TEST_API_KEY}` });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.body).toMatch(/^BEGIN:VCALENDAR\r?\n[\s\S]*END:VCALENDAR\r?\n?$/);
  });
});

describe('/api/v3 answers through their schemas', () => {
  const arr = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v3${path}`,
      headers: { 'x-api-key': TEST_API_KEY, 'content-type': 'application/json' },
      ...(payload ? { payload } : {}),
    });

  it('a server set up in Seerr: status, profiles, root folders, tags, language profiles keep what Seerr reads', async () => {
    const profileName = `Any-${Math.random().toString(36).slice(2, 6)}`;
    await createProfile(app, { name: profileName });
    const root = tempDir('reelflow-openapi-root-');
    await createTarget(app, root);

    const status = await arr('GET', '/system/status');
    expect(status.statusCode).toBe(200);
    expectFields(status.json(), SYSTEM_STATUS_FIELDS);
    const profiles = (await arr('GET', '/qualityProfile')).json();
    expect(profiles).toContainEqual(expect.objectContaining({ name: profileName }));
    for (const p of profiles) expectFields(p, QUALITY_PROFILE_FIELDS);
    expect((await arr('GET', '/qualityprofile')).json()).toEqual(profiles);
    const folders = (await arr('GET', '/rootfolder')).json();
    expect(folders).toContainEqual(expect.objectContaining({ path: root }));
    for (const f of folders) expectFields(f, ROOT_FOLDER_FIELDS);
    const tag = await arr('POST', '/tag', { label: '2 - bob' });
    expect(tag.statusCode).toBe(201);
    expectFields(tag.json(), TAG_FIELDS);
    for (const t of (await arr('GET', '/tag')).json()) expectFields(t, TAG_FIELDS);
    for (const path of ['/languageprofile', '/languageProfile']) {
      const languageProfiles = (await arr('GET', path)).json();
      expect(languageProfiles).toHaveLength(1);
      expectFields(languageProfiles[0], LANGUAGE_PROFILE_FIELDS);
    }
    expect((await arr('GET', '/language')).json()).toEqual([{ id: 1, name: 'English', nameLower: 'english' }]);
    for (const path of ['/movie', '/series', '/command', '/movie/lookup?term=', '/series/lookup?term=']) {
      const answer = await arr('GET', path);
      expect([path, answer.statusCode, answer.json()]).toEqual([path, 200, []]);
    }
    expect((await arr('GET', '/queue')).json()).toMatchObject({ page: 1, pageSize: 10, totalRecords: 0, records: [] });
  });

  it('a field the answer carries and its schema does not list arrives: a command answers its body as sent', async () => {
    const sent = { name: 'RefreshMonitoredDownloads', sendUpdatesToClient: true, clientNote: { from: 'seerr', at: [1, 2] } };
    const answer = await arr('POST', '/command', sent);
    expect(answer.statusCode).toBe(201);
    // The body schema lists `name` only.
    expect(answer.json().body).toEqual(sent);
    expect(answer.json()).toMatchObject({ name: 'RefreshMonitoredDownloads', status: 'completed', message: expect.any(String) });
  });

  it("Prowlarr's indexer sync keeps every field its RadarrIndexer reads; refusals keep Radarr's form", async () => {
    const schema = (await arr('GET', '/indexer/schema')).json();
    const torznabSchema = schema.find((s: { implementation: string }) => s.implementation === 'Torznab');
    for (const s of schema) expectFields(s, PROWLARR_INDEXER_FIELDS);
    const fill = (fields: { name: string; value?: unknown }[], values: Record<string, unknown>) =>
      fields.map((f) => (f.name in values ? { ...f, value: values[f.name] } : f));
    const base = torznab.apiUrl.split('/api?')[0]!;
    const resource = {
      ...torznabSchema,
      name: 'Fake (OpenAPI)',
      fields: fill(torznabSchema.fields, { baseUrl: `${base}/`, apiPath: '/api', apiKey: TORZNAB_FAKE_API_KEY, minimumSeeders: 2 }),
    };
    const tested = await arr('POST', '/indexer/test', resource);
    expect([tested.statusCode, tested.json()]).toEqual([200, {}]);

    const added = await arr('POST', '/indexer', resource);
    expect(added.statusCode).toBe(201);
    const id = added.json().id;
    for (const answer of [added.json(), (await arr('GET', `/indexer/${id}`)).json(), ...(await arr('GET', '/indexer')).json()]) {
      expectFields(answer, PROWLARR_INDEXER_FIELDS);
      for (const field of answer.fields) expectFields(field, PROWLARR_FIELD_FIELDS);
    }
    const listed = (await arr('GET', `/indexer/${id}`)).json();
    expect(listed.fields.find((f: { name: string }) => f.name === 'minimumSeeders').value).toBe(2);
    const updated = await arr('PUT', `/indexer/${id}`, { ...listed, priority: 7 });
    expect(updated.statusCode).toBe(202);
    expect(updated.json()).toMatchObject({ id, priority: 7 });

    // A refusal, as Radarr's validation failures, and a malformed body, as Reelflow's error: both 400s pass.
    const newznab = schema.find((s: { implementation: string }) => s.implementation === 'Newznab');
    const refused = await arr('POST', '/indexer', { ...newznab, name: 'Usenet' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual([expect.objectContaining({ propertyName: 'Implementation', severity: 'error' })]);
    const malformed = await arr('POST', '/indexer', { implementation: 'Torznab' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/^body\.name: /);

    const removed = await arr('DELETE', `/indexer/${id}`);
    expect([removed.statusCode, removed.json()]).toEqual([200, {}]);
  });
});
