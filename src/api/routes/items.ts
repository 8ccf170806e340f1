import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { itemWorkflowId } from '../../contracts/request.js';
import { processingItemStatuses } from '../../db/schema/index.js';
import { itemSortKeys } from '../../db/repositories/request-list-repository.js';
import { itemSteps, itemWaits } from '../../requests/item-stage.js';
import { ItemService } from '../../services/requests/item-service.js';
import { RequestListService } from '../../services/requests/request-list-service.js';
import type { AppDeps } from '../app-deps.js';
import { oneOrMore, pageBody, pagingQuery } from '../paging.js';
import { temporalUrl, uuidParams } from '../schemas.js';
import { itemRowBody, itemRowDto } from './request-bodies.js';

const decisionBody = z.object({ itemId: z.uuid(), status: z.enum(processingItemStatuses), temporalUrl });

const itemListQuery = z
  .object({
    status: oneOrMore(processingItemStatuses).optional(),
    step: oneOrMore(itemSteps).optional(),
    waitingFor: oneOrMore(itemWaits).optional(),
    requestId: z.uuid('a request id in UUID form').optional(),
    ...pagingQuery(itemSortKeys, 'createdAt'),
  })
  .strict();

/** The item list, and a person's decisions on one item (ItemService); a decision the item cannot take is a 409 with the reason. */
export const itemRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const items = new ItemService(deps.db, deps.temporal);
  const lists = new RequestListService(deps.db);
  const tags = ['requests'];

  app.get(
    '/api/items',
    {
      schema: {
        tags,
        summary: 'Processing items of every request, newest first; filtered by status, step, what they wait for and request',
        querystring: itemListQuery,
        response: { 200: pageBody(itemSortKeys, itemRowBody) },
      },
    },
    async (request) => {
      const { status, step, waitingFor, requestId, ...paging } = request.query;
      const page = await lists.itemPage({ statuses: status, steps: step, waitingFor, requestId }, paging);
      return { ...paging, totalRecords: page.totalRecords, records: page.records.map((entry) => itemRowDto(entry, deps.temporalLinks)) };
    },
  );

  const schema = (summary: string, body?: z.ZodType) => ({
    tags,
    summary,
    params: uuidParams,
    ...(body ? { body } : {}),
    response: { 200: decisionBody },
  });
  /** The decision's answer with the item's run in the Web UI. */
  const withLink = async (decided: Promise<{ itemId: string; status: z.infer<typeof decisionBody>['status'] }>) => {
    const result = await decided;
    return { ...result, temporalUrl: deps.temporalLinks.workflow(itemWorkflowId(result.itemId)) };
  };

  app.post('/api/items/:id/approve', { schema: schema('Approve the release found for an item') }, (request) =>
    withLink(items.approve(request.params.id)),
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
    (request) => withLink(items.reject(request.params.id, (request.body as { reason?: string }).reason)),
  );
  app.post(
    '/api/items/:id/select-release',
    {
      schema: schema(
        "Choose one of the item's releases by its guid: at the approval wait it is the approved release, while the search waits it is taken at once",
        z.object({ guid: z.string("a release guid from the item's availableReleases").min(1).max(2_000) }).strict(),
      ),
    },
    (request) => withLink(items.selectRelease(request.params.id, (request.body as { guid: string }).guid)),
  );
  app.post('/api/items/:id/retry', { schema: schema('Retry a FAILED item from the step that failed') }, (request) =>
    withLink(items.retry(request.params.id)),
  );
  app.post(
    '/api/items/:id/search-now',
    { schema: schema('End the wait for an air date, for the next search or for the next upgrade search, and search now') },
    (request) => withLink(items.searchNow(request.params.id)),
  );
  app.post(
    '/api/items/:id/cancel',
    {
      schema: schema(
        'Cancel an item: its torrent and temporary files are removed; a delivered item looking for an upgrade stops looking and keeps its file',
      ),
    },
    (request) => withLink(items.cancel(request.params.id)),
  );
};
