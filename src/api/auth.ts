import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_COOKIE } from '../security/session-tokens.js';
import type { SessionService } from '../services/session/session-service.js';
import { errorBody } from './errors.js';

/**
 * What the key guards: the API and the metrics. Everything else is public: the health probe (for
 * orchestrators), the API documentation under /docs (no data in it) and the web UI's files (the sign-in page
 * must load before anyone has signed in; the UI reads data only through /api). `/metrics` is public too when
 * REELFLOW_METRICS_AUTH=none.
 */
const GUARDED_PREFIXES = ['/api', '/metrics'];
/** Signing in and out, and asking whether one is signed in, need no key: they are how a browser gets a session. */
const SESSION_PATH = '/api/session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `key`: /metrics needs the API key like every other route; `none`: anyone who reaches the port may scrape it. */
export type MetricsAuth = 'key' | 'none';

/**
 * `X-Api-Key` on every guarded route, as Radarr and Sonarr do; `?apikey=` is accepted too for clients
 * (webhooks, calendar apps) that cannot set headers, and so is Basic auth with the key as the password (any
 * user name), which is what a Radarr/Sonarr webhook connection sends from its Username/Password fields.
 * A browser signed in through POST /api/session sends its session cookie instead (also to the SSE stream,
 * which EventSource cannot send headers to). A cookie is sent by the browser whoever made the page, so a
 * change (any method but GET/HEAD/OPTIONS) made with the cookie alone must also come from our own origin: its
 * `Origin` header (which browsers send with every such request) must name this host; SameSite=Strict is the
 * first guard, this check the second.
 */
export const apiKeyAuth = fp<{ apiKey: string; metricsAuth: MetricsAuth; sessions: SessionService }>(
  async (app: FastifyInstance, { apiKey, metricsAuth, sessions }) => {
    const expected = Buffer.from(apiKey);
    const guarded = metricsAuth === 'none' ? GUARDED_PREFIXES.filter((p) => p !== '/metrics') : GUARDED_PREFIXES;
    app.addHook('onRequest', async (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      const given = presentedKey(request);
      // The key is the auth layer's alone: routes' strict query schemas never see it, so ?apikey= works on all.
      const query = request.query as Record<string, unknown> | undefined;
      if (query && typeof query === 'object' && 'apikey' in query) delete query.apikey;
      if (!guarded.some((p) => path === p || path.startsWith(`${p}/`)) || path === SESSION_PATH) return;
      if (given === undefined) {
        if (!sessions.expiresAt(request.cookies[SESSION_COOKIE])) {
          return reply.code(401).send(errorBody(401, 'Missing X-Api-Key header'));
        }
        if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
          return reply
            .code(403)
            .send(
              errorBody(403, 'A change made with the session cookie must come from this origin (the Origin header names another host)'),
            );
        }
        return;
      }
      if (!safeEqual(Buffer.from(given), expected)) return reply.code(401).send(errorBody(401, 'Invalid API key'));
    });
  },
);

/** Whether the request's Origin names the host it was sent to (a page of this server made it). */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  const host = request.headers.host;
  if (typeof origin !== 'string' || typeof host !== 'string') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

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
