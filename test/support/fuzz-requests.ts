import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/**
 * Mutated requests for the API's write routes, shared by the property tests (`npm test`) and
 * `npm run bench:fuzz`. Routes come from the app's own OpenAPI document, so a new route is fuzzed
 * without a change here; bodies start from an example built from the route's schema and are then
 * mutated (strings Postgres cannot store, huge numbers, deep nesting, wrong types, missing and unknown
 * fields), or replaced by arbitrary JSON or bytes that are not JSON at all.
 */

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
};

export interface WriteRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form: /api/libraries/{id}. */
  path: string;
  params: { name: string; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

export interface FuzzRequest {
  method: WriteRoute['method'];
  url: string;
  /** Sent as is with content-type application/json (a string, so invalid JSON can be sent too). */
  payload: string | undefined;
  route: string;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/** Every write route the OpenAPI document lists. */
export function writeRoutes(doc: OpenApiDocument): WriteRoute[] {
  const routes: WriteRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const method of WRITE_METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      routes.push({
        method: method.toUpperCase() as WriteRoute['method'],
        path,
        params: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return routes;
}

/** A value the schema accepts, as far as a simple reading of it goes (formats and patterns by example). */
export function exampleOf(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return exampleOf(alternatives.find((a) => a.type !== 'null') ?? alternatives[0], depth + 1);
  if (schema.allOf?.length) return exampleOf(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) out[key] = exampleOf(property, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => exampleOf(schema.items, depth + 1));
    case 'integer':
    case 'number': {
      const low = typeof schema.minimum === 'number' ? schema.minimum + (schema.exclusiveMinimum === true ? 1 : 0) : 1;
      return typeof schema.maximum === 'number' ? Math.min(low, schema.maximum) : low;
    }
    case 'boolean':
      return true;
    case 'string':
      return exampleString(schema);
    default:
      return null;
  }
}

function exampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'uri':
      return 'http://127.0.0.1:9/';
    case 'email':
      return 'someone@example.com';
    case 'date-time':
      return '2026-01-01T00:00:00.000Z';
    case 'date':
      return '2026-01-01';
  }
  if (schema.pattern === '^tt\\d+$') return 'tt0133093';
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}

const LONE_SURROGATES = ['\ud800', '\udfff', 'a\ud83d', '\ude00b'];

/** Values that have broken APIs: unstorable strings, numbers at the edges, wrong types, huge and deep things. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    ...LONE_SURROGATES,
    '',
    ' ',
    '../../etc/passwd',
    '-rf',
    '%00',
    '${jndi:x}',
    '<x>&amp;</x>',
    'all',
    'http://[::1',
    '\\',
  ),
  fc.constantFrom(0, -1, -0, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 0.5, 1e-300),
  fc.constantFrom(
    null,
    true,
    false,
    [],
    {},
    [null],
    { '': null },
    { __proto__: { polluted: true } },
    { constructor: { prototype: { x: 1 } } },
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 2_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.jsonValue({ maxDepth: 3 }),
);

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = [], depth = 0): Path[] {
  out.push(prefix);
  if (depth > 6 || value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key], out, depth + 1);
  return out;
}

function setAt(root: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(root);
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  copy[head] = setAt(copy[head], rest, replace);
  return copy;
}

type Mutation =
  | { kind: 'replace'; value: unknown }
  | { kind: 'taint'; suffix: string }
  | { kind: 'delete' }
  | { kind: 'unknown-field'; name: string; value: unknown }
  | { kind: 'nest'; levels: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: hostileValue.map((value) => ({ kind: 'replace' as const, value })) },
  // A valid string with one bad character: passes every schema check, fails only where it is stored.
  { weight: 3, arbitrary: fc.constantFrom('\u0000', ...LONE_SURROGATES).map((suffix) => ({ kind: 'taint' as const, suffix })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'delete' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('unknown-field' as const), name: fc.string({ maxLength: 10 }), value: hostileValue }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 3_000 }).map((levels) => ({ kind: 'nest' as const, levels })) },
);

function nested(levels: number): string {
  return `${'{"a":['.repeat(levels)}1${']}'.repeat(levels)}`;
}

/** Applies mutations to a copy of `example` and serialises it (deep nesting is spliced in as text). */
function mutate(example: unknown, paths: Path[], picks: [number, Mutation][]): string {
  let body = example;
  let nest: { path: Path; levels: number } | undefined;
  for (const [index, m] of picks) {
    const path = paths[index % paths.length]!;
    if (m.kind === 'replace') body = setAt(body, path, () => m.value);
    else if (m.kind === 'taint') body = setAt(body, path, (old) => (typeof old === 'string' ? `${old}${m.suffix}` : old));
    else if (m.kind === 'delete' && path.length > 0) {
      body = setAt(body, path.slice(0, -1), (holder) => {
        if (holder === null || typeof holder !== 'object') return holder;
        const copy = (Array.isArray(holder) ? [...(holder as unknown[])] : { ...holder }) as Record<string | number, unknown>;
        delete copy[path[path.length - 1]!];
        return copy;
      });
    } else if (m.kind === 'unknown-field') {
      body = setAt(body, path, (holder) =>
        holder !== null && typeof holder === 'object' && !Array.isArray(holder) ? { ...holder, [m.name]: m.value } : holder,
      );
    } else if (m.kind === 'nest') nest = { path, levels: m.levels };
  }
  if (!nest) return JSON.stringify(body) ?? 'null';
  const marker = '"__nest_marker__"';
  return (JSON.stringify(setAt(body, nest.path, () => '__nest_marker__')) ?? 'null').replace(marker, nested(nest.levels));
}

/** Valid bodies by route (`PATCH /api/phase-config/scan`), where the schema alone gives no accepted example. */
export type SeedBodies = Record<string, unknown>;

/** Seeds that get past validation, so mutations reach the database and the workflows; `folder` is a real one. */
export function defaultSeedBodies(folder: string, knownIds: { qualityProfileId?: string; targetId?: string } = {}): SeedBodies {
  return {
    'PATCH /api/phase-config/scan': { ignorePatterns: ['@eaDir', '*.part'], minVideoSizeMb: 0, videoExtensions: ['.mkv', '.mp4'] },
    'PATCH /api/phase-config/enrichment': { language: 'en', maxPoster: 3 },
    'POST /api/libraries': { name: 'Films', kind: 'movie', rootPath: folder },
    'PATCH /api/libraries/{id}': { name: 'Films' },
    'POST /api/providers': { kind: 'tmdb', name: 'TMDB', baseUrl: 'http://127.0.0.1:9/3', credentials: { apiKey: 'fuzz-key' } },
    'POST /api/iptv/providers': {
      kind: 'xtream',
      name: 'Panel',
      baseUrl: 'http://127.0.0.1:9',
      credentials: { username: 'u', password: 'p' },
      enabled: false,
    },
    'PUT /api/notifications/{service}': {
      config: {
        webhookUrl: 'http://127.0.0.1:9/api/webhooks/1/x',
        url: 'http://127.0.0.1:9',
        apiKey: 'k',
        token: 't',
        user: 'u',
        username: 'n',
      },
    },
    'POST /api/delivery-targets': { name: 'Shelf', kind: 'local', path: folder },
    'POST /api/quality-profiles': { name: 'HD', minResolution: 720, rejectedWords: ['cam'] },
    'POST /api/requests': {
      type: 'tv',
      tmdbId: 1396,
      title: 'Breaking Bad',
      seasons: [1],
      episodes: [{ season: 1, episode: 1 }],
      qualityProfileId: knownIds.qualityProfileId ?? randomUUID(),
      targetIds: [knownIds.targetId ?? randomUUID()],
      requireApproval: true,
    },
    'POST /api/webhooks/radarr': arrDeliveries.radarr[1],
    'POST /api/webhooks/sonarr': arrDeliveries.sonarr[1],
  };
}

/** Bodies for one route: its example, mutated examples, arbitrary JSON and text that is not JSON. */
export function bodyFor(route: WriteRoute, seeds: SeedBodies = {}): fc.Arbitrary<string | undefined> {
  const key = `${route.method} ${route.path}`;
  const example = key in seeds ? seeds[key] : exampleOf(route.body);
  const paths = pathsOf(example);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(route.body ? JSON.stringify(example) : undefined) },
    {
      weight: 8,
      arbitrary: fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 4 }).map((picks) => mutate(example, paths, picks)),
    },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"a":1',
        'nul',
        '[1,]',
        '\u0000',
        '{"a":"\\u0000"}',
        '{"a":"\\ud800"}',
        '1e99999',
        '-',
        '"\\u12"',
        '{"__proto__":{"x":1}}',
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
}

/** A path parameter: a fresh or a known id, the schema's example, or something hostile in URL form. */
function paramFor(param: { name: string; schema: JsonSchema }, knownIds: readonly string[]): fc.Arbitrary<string> {
  const hostile = fc.constantFrom(
    '0',
    '-1',
    'all',
    '..',
    '%00',
    '%2e%2e%2f',
    'x'.repeat(300),
    '00000000-0000-0000-0000-000000000000',
    '%E0%A4%A',
    '%F0%9F%98',
  );
  const choices = [fc.constant(String(exampleOf(param.schema))), fc.uuid().map(String), hostile];
  if (knownIds.length > 0) choices.push(fc.constantFrom(...knownIds));
  return fc.oneof(...choices);
}

export function requestFor(route: WriteRoute, knownIds: readonly string[] = [], seeds: SeedBodies = {}): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...route.params.map((p) => paramFor(p, knownIds)));
  return fc.tuple(params, bodyFor(route, seeds)).map(([values, payload]) => {
    let url = route.path;
    route.params.forEach((p, i) => {
      const value = values[i]!;
      // Hostile values that are already percent-encoded go in as they are.
      url = url.replace(`{${p.name}}`, /%[0-9A-F]{1,2}/i.test(value) ? value : encodeURIComponent(value));
    });
    return { method: route.method, url, payload, route: `${route.method} ${route.path}` };
  });
}

/** Any write route's mutated request. */
export function anyWriteRequest(
  routes: readonly WriteRoute[],
  knownIds: readonly string[] = [],
  seeds: SeedBodies = {},
): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...routes.map((route) => requestFor(route, knownIds, seeds)));
}

/** Radarr and Sonarr deliveries as their Webhook connections send them, to mutate. */
export const arrDeliveries = {
  radarr: [
    { eventType: 'Test', instanceName: 'Radarr', movie: { id: 1, title: 'Test Title', year: 1970, folderPath: '/movies/Test' } },
    {
      eventType: 'Download',
      instanceName: 'Radarr',
      isUpgrade: false,
      movie: { id: 1, title: 'The Matrix', year: 1999, folderPath: '/movies/The Matrix (1999)', tmdbId: 603, imdbId: 'tt0133093' },
      movieFile: {
        id: 11,
        relativePath: 'The Matrix (1999).mkv',
        path: '/movies/The Matrix (1999)/The Matrix (1999).mkv',
        quality: 'Bluray-1080p',
        size: 1234,
      },
      downloadId: 'ABCDEF0123456789',
    },
    { eventType: 'MovieDelete', movie: { id: 1, title: 'The Matrix', folderPath: '/movies/The Matrix (1999)' }, deletedFiles: true },
    {
      eventType: 'MovieFileDelete',
      movie: { id: 1, title: 'The Matrix', folderPath: '/movies/The Matrix (1999)' },
      movieFile: { id: 11, path: '/movies/The Matrix (1999)/x.mkv' },
    },
    { eventType: 'Grab', movie: { id: 1, title: 'The Matrix', folderPath: '/movies/The Matrix (1999)' }, release: { releaseTitle: 'x' } },
  ],
  sonarr: [
    {
      eventType: 'Test',
      series: { id: 1, title: 'Test Title', path: '/tv/Test' },
      episodes: [{ id: 1, episodeNumber: 1, seasonNumber: 1 }],
    },
    {
      eventType: 'Download',
      series: { id: 1, title: 'Breaking Bad', path: '/tv/Breaking Bad', tvdbId: 81189 },
      episodes: [{ id: 1, episodeNumber: 1, seasonNumber: 1, title: 'Pilot' }],
      episodeFile: {
        id: 5,
        relativePath: 'Season 01/Breaking Bad - S01E01.mkv',
        path: '/tv/Breaking Bad/Season 01/Breaking Bad - S01E01.mkv',
      },
      isUpgrade: false,
    },
    { eventType: 'SeriesDelete', series: { id: 1, title: 'Breaking Bad', path: '/tv/Breaking Bad' }, deletedFiles: false },
    { eventType: 'Rename', series: { id: 1, title: 'Breaking Bad', path: '/tv/Breaking Bad' } },
  ],
} as const;

/** A mutated Radarr or Sonarr delivery, as JSON text. */
export function arrDelivery(source: 'radarr' | 'sonarr'): fc.Arbitrary<string> {
  return fc.constantFrom(...(arrDeliveries[source] as readonly unknown[])).chain((example) => {
    const paths = pathsOf(example);
    return fc.oneof(
      fc.constant(JSON.stringify(example)),
      fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 4 }).map((picks) => mutate(example, paths, picks)),
    );
  });
}
