import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../security/session-tokens.js';
import type { SessionService } from '../../services/session/session-service.js';
import type { AppDeps } from '../app-deps.js';
import { errorBody } from '../errors.js';
import { errorResponse } from '../schemas.js';

const sessionBody = z.object({ signedIn: z.boolean(), expiresAt: z.iso.datetime().nullable() });

/** The cookie goes to the API only; https-only when the request came over https. */
const cookieOptions = (request: FastifyRequest) =>
  ({ path: '/api', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' }) as const;

/**
 * Sign-in for the web UI: the API key is sent once, and the browser keeps an httpOnly session cookie (a
 * signed token, never the key) which the API accepts in place of X-Api-Key.
 */
export const sessionRoutes: FastifyPluginAsyncZod<AppDeps & { sessions: SessionService }> = async (app, { sessions }) => {
  const current = (request: FastifyRequest) => sessions.expiresAt(request.cookies[SESSION_COOKIE]);
  const answer = (expiresAt: Date | undefined) => ({ signedIn: expiresAt !== undefined, expiresAt: expiresAt?.toISOString() ?? null });

  app.get(
    '/api/session',
    { schema: { tags: ['session'], summary: 'Whether this browser is signed in', response: { 200: sessionBody } } },
    async (request) => answer(current(request)),
  );

  app.post(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in with the API key: sets the httpOnly session cookie',
        body: z.object({ apiKey: z.string().min(1).max(512) }),
        response: { 200: sessionBody, 401: errorResponse },
      },
    },
    async (request, reply) => {
      const session = sessions.signIn(request.body.apiKey);
      if (!session) return reply.code(401).send(errorBody(401, 'Invalid API key: use the key printed at start-up (or REELFLOW_API_KEY)'));
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions(request), expires: session.expiresAt });
      return answer(session.expiresAt);
    },
  );

  app.delete(
    '/api/session',
    { schema: { tags: ['session'], summary: 'Sign out: clears the session cookie', response: { 200: sessionBody } } },
    async (request, reply) => {
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return answer(undefined);
    },
  );
};
