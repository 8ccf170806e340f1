import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { webhookEvents } from '../../db/schema/index.js';
import type { AppDeps } from '../app.js';
import { handleArrDelivery } from '../services/arr-webhook.js';

// Each event type's own fields are checked by its schema in integrations/arr (400 names the field); the
// route only requires a JSON object.
const anyDelivery = z.looseObject({});

/**
 * Radarr and Sonarr "Webhook" connections. *arr does not sign payloads, so the API key authenticates them:
 * set it as the connection's password (Basic auth, any user name), or as `?apikey=` in the URL.
 */
export const webhookRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ['webhooks'];
  for (const source of ['radarr', 'sonarr'] as const) {
    app.post(
      `/api/webhooks/${source}`,
      { schema: { tags, summary: `A ${source === 'radarr' ? 'Radarr' : 'Sonarr'} webhook delivery`, body: anyDelivery } },
      async (request, reply) => {
        const result = await handleArrDelivery({ db: deps.db, temporal: deps.temporal, taskQueue: deps.config.taskQueue, log: request.log }, source, request.body);
        return reply.code(result.status).send(result.body);
      },
    );
  }

  app.get(
    '/api/webhooks/events',
    { schema: { tags, summary: 'The latest deliveries and what they led to', querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }).strict() } },
    async (request) => {
      const rows = await deps.db.select().from(webhookEvents).orderBy(desc(webhookEvents.receivedAt)).limit(request.query.limit);
      return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
    },
  );
};
