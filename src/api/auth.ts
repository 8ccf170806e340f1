import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from './errors.js';

/**
 * Paths anyone may read: the health probe (for orchestrators) and the API documentation (no data in it);
 * `/metrics` too when REELFLOW_METRICS_AUTH=none.
 */
const PUBLIC_PREFIXES = ['/healthz', '/docs'];

/** `key`: /metrics needs the API key like every other route; `none`: anyone who reaches the port may scrape it. */
export type MetricsAuth = 'key' | 'none';

/**
 * `X-Api-Key` on every other route, as Radarr and Sonarr do; `?apikey=` is accepted too for clients
 * (webhooks, browsers) that cannot set headers, and so is Basic auth with the key as the password (any
 * user name), which is what a Radarr/Sonarr webhook connection sends from its Username/Password fields.
 */
export const apiKeyAuth = fp<{ apiKey: string; metricsAuth: MetricsAuth }>(async (app: FastifyInstance, { apiKey, metricsAuth }) => {
  const expected = Buffer.from(apiKey);
  const publicPrefixes = metricsAuth === 'none' ? [...PUBLIC_PREFIXES, '/metrics'] : PUBLIC_PREFIXES;
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const given = presentedKey(request);
    // The key is the auth layer's alone: routes' strict query schemas never see it, so ?apikey= works on all.
    const query = request.query as Record<string, unknown> | undefined;
    if (query && typeof query === 'object' && 'apikey' in query) delete query.apikey;
    if (publicPrefixes.some((p) => path === p || path.startsWith(`${p}/`))) return;
    if (given === undefined || !safeEqual(Buffer.from(given), expected)) {
      return reply.code(401).send(errorBody(401, given === undefined ? 'Missing X-Api-Key header' : 'Invalid API key'));
    }
  });
});

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && /^basic /i.test(authorization)) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) return decoded.slice(colon + 1);
  }
  const query = request.query as Record<string, unknown> | undefined;
  const apikey = query?.apikey;
  // ?apikey=a&apikey=b arrives as an array: not a key.
  return typeof apikey === 'string' ? apikey : undefined;
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
