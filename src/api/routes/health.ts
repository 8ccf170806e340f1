import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';

/** `error` says only that the dependency could not be used; what the driver said goes to the log. */
const dependencyStatus = z.object({ ok: z.boolean(), error: z.literal('unreachable').optional() });
const healthBody = z.object({ status: z.enum(['ok', 'unavailable']), postgres: dependencyStatus, temporal: dependencyStatus });

const CHECK_TIMEOUT_MS = 2_000;

/** Liveness and readiness in one: 200 when Postgres and Temporal both answer, 503 otherwise. */
export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { sql, temporal }) => {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'Postgres and Temporal reachability', response: { 200: healthBody, 503: healthBody } } },
    async (request, reply) => {
      const [postgres, temporalStatus] = await Promise.all([
        check(async () => {
          await sql`select 1`;
        }),
        check(() => temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => temporal.workflowService.getSystemInfo({}))),
      ]);
      // Driver errors name hosts, users and databases: the operator reads them in the log, not the prober.
      if (postgres.failure) request.log.warn({ err: postgres.failure, dependency: 'postgres' }, 'health check: postgres is unreachable');
      if (temporalStatus.failure)
        request.log.warn({ err: temporalStatus.failure, dependency: 'temporal' }, 'health check: temporal is unreachable');
      const ok = postgres.ok && temporalStatus.ok;
      return reply
        .code(ok ? 200 : 503)
        .send({ status: ok ? 'ok' : 'unavailable', postgres: publicStatus(postgres), temporal: publicStatus(temporalStatus) });
    },
  );
};

interface CheckResult {
  ok: boolean;
  failure?: unknown;
}

const publicStatus = (result: CheckResult): z.infer<typeof dependencyStatus> =>
  result.ok ? { ok: true } : { ok: false, error: 'unreachable' };

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
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
    return { ok: false, failure: err };
  } finally {
    clearTimeout(timer);
  }
}
