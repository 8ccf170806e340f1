import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handleArrDelivery, latestArrDeliveries } from '../../services/webhooks/arr-webhook-service.js';
import type { AppDeps } from '../app-deps.js';
import { isoDate, temporalUrl } from '../schemas.js';

// Each event type's own fields are checked by its schema in integrations/arr (400 names the field); the
// route only requires a JSON object.
const anyDelivery = z.looseObject({});

const deliveryReply = z.object({
  eventType: z.string(),
  /** What the delivery led to: test, ignored, refresh, removed, unknown-event. */
  outcome: z.string(),
  /** The same delivery was received before; nothing was done again. */
  duplicate: z.boolean(),
  workflowId: z.string().optional(),
  /** The folder refresh's run in the Temporal Web UI, with `workflowId`. */
  temporalUrl: temporalUrl.optional(),
  folderPath: z.string().optional(),
  titlesRemoved: z.number().int().optional(),
});

const eventBody = z.object({
  id: z.uuid(),
  source: z.enum(['radarr', 'sonarr']),
  eventType: z.string(),
  eventKey: z.string(),
  outcome: z.string(),
  detail: z.record(z.string(), z.unknown()),
  receivedAt: isoDate,
});

/**
 * Radarr and Sonarr "Webhook" connections. *arr does not sign payloads, so the API key authenticates them:
 * set it as the connection's password (Basic auth, any user name), or as `?apikey=` in the URL.
 */
export const webhookRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ['webhooks'];
  for (const source of ['radarr', 'sonarr'] as const) {
    app.post(
      `/api/webhooks/${source}`,
      {
        schema: {
          tags,
          summary: `A ${source === 'radarr' ? 'Radarr' : 'Sonarr'} webhook delivery`,
          body: anyDelivery,
          response: { 200: deliveryReply, 202: deliveryReply },
        },
      },
      async (request, reply) => {
        const result = await handleArrDelivery(
          { db: deps.db, temporal: deps.temporal, taskQueue: deps.config.taskQueue, log: request.log },
          source,
          request.body,
        );
        const { workflowId } = result.body;
        return reply
          .code(result.status)
          .send(workflowId ? { ...result.body, temporalUrl: deps.temporalLinks.workflow(workflowId) } : result.body);
      },
    );
  }

  app.get(
    '/api/webhooks/events',
    {
      schema: {
        tags,
        summary: 'The latest deliveries and what they led to',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }).strict(),
        response: { 200: z.array(eventBody) },
      },
    },
    async (request) => latestArrDeliveries(deps.db, request.query.limit),
  );
};
