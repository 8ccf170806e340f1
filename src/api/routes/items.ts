import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EventRepository } from '../../db/repositories/event-repository.js';
import { RequestRepository } from '../../db/repositories/request-repository.js';
import { EventRecorder } from '../../events/event-recorder.js';
import { processingItemStatuses } from '../../db/schema/index.js';
import { ENDABLE_WAITS, approveUpdate, cancelUpdate, endWaitSignal, episodeStateQuery, itemWorkflowId, rejectUpdate, retryUpdate, rootMessage } from '../../workflows/request-definitions.js';
import type { AppDeps } from '../app.js';
import { HttpError, notFound } from '../errors.js';
import { uuidParams } from '../schemas.js';

const decisionBody = z.object({ itemId: z.uuid(), status: z.enum(processingItemStatuses) });

/**
 * A person's decisions on one item, each a Temporal update: the workflow's validator refuses a decision
 * the item cannot take (approving what does not wait for approval, retrying what did not fail), which
 * the API answers with 409 and the workflow's reason.
 */
export const itemRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const requests = new RequestRepository(deps.db);
  const events = new EventRecorder(new EventRepository(deps.db), requests);
  const tags = ['requests'];

  async function decide(itemId: string, send: (handle: ReturnType<typeof deps.temporal.workflow.getHandle>) => Promise<z.infer<typeof decisionBody>>) {
    const item = await requests.getItem(itemId);
    if (!item) throw notFound('Item');
    if (item.status === 'COMPLETED' || item.status === 'CANCELLED') throw new HttpError(409, `Item is ${item.status}: its pipeline has ended`);
    try {
      return await send(deps.temporal.workflow.getHandle(itemWorkflowId(itemId)));
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw new HttpError(409, rootMessage(error));
      if (error instanceof WorkflowNotFoundError) throw new HttpError(409, 'Item has no running pipeline');
      throw error;
    }
  }

  const schema = (summary: string, body?: z.ZodType) => ({ tags, summary, params: uuidParams, ...(body ? { body } : {}), response: { 200: decisionBody } });

  /** A person's decision goes into the history once the pipeline took it. */
  async function recordDecision(itemId: string, decision: 'approved' | 'rejected', reason: string | undefined, release: string | undefined) {
    const item = await requests.describeItem(itemId);
    if (!item) return;
    await events.record({
      type: decision === 'approved' ? 'item.approved' : 'item.rejected',
      requestId: item.requestId,
      itemId,
      summary: `${decision === 'approved' ? 'Approved' : 'Rejected'} by a person: ${item.name}${release ? `: ${release}` : ''}${reason ? ` (${reason})` : ''}`,
      data: { ...(release ? { release } : {}), ...(reason ? { reason } : {}) },
    });
  }

  app.post('/api/items/:id/approve', { schema: schema('Approve the release found for an item') }, async (request) => {
    const release = (await requests.getItem(request.params.id))?.selectedRelease?.title;
    const result = await decide(request.params.id, (h) => h.executeUpdate(approveUpdate));
    await recordDecision(request.params.id, 'approved', undefined, release);
    return result;
  });
  app.post(
    '/api/items/:id/reject',
    { schema: schema('Reject the release found for an item; the next acceptable one is looked for', z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict().default({})) },
    async (request) => {
      const { reason } = request.body as { reason?: string };
      const release = (await requests.getItem(request.params.id))?.selectedRelease?.title;
      const result = await decide(request.params.id, (h) => h.executeUpdate(rejectUpdate, { args: [{ reason }] }));
      await recordDecision(request.params.id, 'rejected', reason, release);
      return result;
    },
  );
  app.post('/api/items/:id/retry', { schema: schema('Retry a FAILED item from the step that failed') }, (request) => decide(request.params.id, (h) => h.executeUpdate(retryUpdate)));
  app.post('/api/items/:id/search-now', { schema: schema('End the wait for an air date or for the next search, and search now') }, (request) =>
    decide(request.params.id, async (h) => {
      // A signal, as the wait is a timer the workflow may end at any moment; the query says whether there is one to end.
      const state = await h.query(episodeStateQuery);
      if (!state.waitingFor || !ENDABLE_WAITS.includes(state.waitingFor)) {
        throw new HttpError(409, `Item is ${state.status}${state.waitingFor ? `, waiting for ${state.waitingFor}` : ''}: there is no air date or search wait to end`);
      }
      await h.signal(endWaitSignal);
      return { itemId: state.itemId, status: state.status };
    }),
  );
  app.post('/api/items/:id/cancel', { schema: schema('Cancel an item: its torrent and temporary files are removed') }, (request) => decide(request.params.id, (h) => h.executeUpdate(cancelUpdate)));
};
