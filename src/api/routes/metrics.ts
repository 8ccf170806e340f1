import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { MB, readCappedText } from '../../http/capped-body.js';

/**
 * Prometheus metrics: the provider cache (hit rate, fetch latency, per-provider outcomes) and the process's
 * own, followed by the Temporal SDK's metrics when this process's worker exports them.
 */
export const metricsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { metrics, temporalMetricsUrl }) => {
  app.get('/metrics', { schema: { tags: ['health'], summary: 'Prometheus metrics', hide: false } }, async (_request, reply) => {
    let body = await metrics.metrics();
    if (temporalMetricsUrl) {
      // The SDK serves its metrics from Rust on its own port; one scrape target is simpler for users.
      const sdk = await fetch(temporalMetricsUrl, { signal: AbortSignal.timeout(2_000) }).then(
        (res) => (res.ok ? readCappedText(res, 16 * MB, 'the Temporal SDK metrics').catch(() => '') : ''),
        () => '',
      );
      body += sdk;
    }
    return reply.type(metrics.contentType).send(body);
  });
};
