import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from './errors.js';

/**
 * Paths anyone may read: the health probe (for orchestrators), metrics (for Prometheus; counters only) and
 * the API documentation (no data in it).
 */
const PUBLIC_PREFIXES = ['/healthz', '/metrics', '/docs'];

/**
 * `X-Api-Key` on every other route, as Radarr and Sonarr do; `?apikey=` is accepted too for clients
 * (webhooks, browsers) that cannot set headers, and so is Basic auth with the key as the password (any
 * user name), which is what a Radarr/Sonarr webhook connection sends from its Username/Password fields.
 */
export const apiKeyAuth = fp<{ apiKey: string }>(async (app: FastifyInstance, { apiKey }) => {
  const expected = Buffer.from(apiKey);
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (PUBLIC_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) return;
    const given = presentedKey(request);
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
  return typeof query?.apikey === 'string' ? query.apikey : undefined;
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
