import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';

const dependencyStatus = z.object({ ok: z.boolean(), error: z.string().optional() });
const healthBody = z.object({ status: z.enum(['ok', 'unavailable']), postgres: dependencyStatus, temporal: dependencyStatus });

const CHECK_TIMEOUT_MS = 2_000;

/** Liveness and readiness in one: 200 when Postgres and Temporal both answer, 503 otherwise. */
export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { sql, temporal }) => {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'Postgres and Temporal reachability', response: { 200: healthBody, 503: healthBody } } },
    async (_request, reply) => {
      const [postgres, temporalStatus] = await Promise.all([
        check(async () => {
          await sql`select 1`;
        }),
        check(() => temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => temporal.workflowService.getSystemInfo({}))),
      ]);
      const ok = postgres.ok && temporalStatus.ok;
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', postgres, temporal: temporalStatus });
    },
  );
};

async function check(probe: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
