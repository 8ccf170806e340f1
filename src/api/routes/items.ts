import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { processingItemStatuses } from '../../db/schema/index.js';
import { ItemService } from '../../services/requests/item-service.js';
import type { AppDeps } from '../app-deps.js';
import { uuidParams } from '../schemas.js';

const decisionBody = z.object({ itemId: z.uuid(), status: z.enum(processingItemStatuses) });

/** A person's decisions on one item (ItemService); a decision the item cannot take is a 409 with the reason. */
export const itemRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const items = new ItemService(deps.db, deps.temporal);
  const tags = ['requests'];

  const schema = (summary: string, body?: z.ZodType) => ({
    tags,
    summary,
    params: uuidParams,
    ...(body ? { body } : {}),
    response: { 200: decisionBody },
  });

  app.post('/api/items/:id/approve', { schema: schema('Approve the release found for an item') }, (request) =>
    items.approve(request.params.id),
  );
  app.post(
    '/api/items/:id/reject',
    {
      schema: schema(
        'Reject the release found for an item; the next acceptable one is looked for',
        z
          .object({ reason: z.string().trim().min(1).max(500).optional() })
          .strict()
          .default({}),
      ),
    },
    (request) => items.reject(request.params.id, (request.body as { reason?: string }).reason),
  );
  app.post(
    '/api/items/:id/select-release',
    {
      schema: schema(
        "Choose one of the item's releases by its guid: at the approval wait it is the approved release, while the search waits it is taken at once",
        z.object({ guid: z.string("a release guid from the item's availableReleases").min(1).max(2_000) }).strict(),
      ),
    },
    (request) => items.selectRelease(request.params.id, (request.body as { guid: string }).guid),
  );
  app.post('/api/items/:id/retry', { schema: schema('Retry a FAILED item from the step that failed') }, (request) =>
    items.retry(request.params.id),
  );
  app.post(
    '/api/items/:id/search-now',
    { schema: schema('End the wait for an air date or for the next search, and search now') },
    (request) => items.searchNow(request.params.id),
  );
  app.post('/api/items/:id/cancel', { schema: schema('Cancel an item: its torrent and temporary files are removed') }, (request) =>
    items.cancel(request.params.id),
  );
};
