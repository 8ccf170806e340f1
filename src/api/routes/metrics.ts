import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { MB } from '../../http/capped-body.js';
import { httpRequest } from '../../http/http-request.js';

/**
 * Prometheus metrics: the provider cache (hit rate, fetch latency, per-provider outcomes) and the process's
 * own, followed by the Temporal SDK's metrics when this process's worker exports them.
 */
export const metricsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { metrics, temporalMetricsUrl }) => {
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['health'],
        summary: 'Prometheus metrics',
        hide: false,
        response: {
          200: {
            description: 'The Prometheus text exposition format',
            content: { 'text/plain': { schema: z.string() } },
          },
        },
      },
    },
    async (_request, reply) => {
      let body = await metrics.metrics();
      if (temporalMetricsUrl) {
        // The SDK serves its metrics from Rust on its own port; one scrape target is simpler for users.
        const sdk = await httpRequest({
          url: temporalMetricsUrl,
          timeoutMs: 2_000,
          maxBodyBytes: 16 * MB,
          what: 'the Temporal SDK metrics',
        }).then(
          (answer) => (answer.status >= 200 && answer.status < 300 ? answer.text : ''),
          () => '',
        );
        body += sdk;
      }
      return reply.type(metrics.contentType).send(body);
    },
  );
};
