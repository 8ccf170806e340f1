import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EventRepository } from '../../db/repositories/event-repository.js';
import type { EventHub } from '../../events/event-hub.js';
import { HISTORY_EVENT_TYPES, LIVE_EVENT_TYPES, type EventType, type RecordedEvent } from '../../events/event-types.js';
import { HistoryService } from '../../services/events/history-service.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../errors.js';
import { isoDate } from '../schemas.js';

const ALL_TYPES = [...HISTORY_EVENT_TYPES, ...LIVE_EVENT_TYPES] as const;
/** A comment line now and then keeps proxies and browsers from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

const eventBody = z.object({
  id: z.number().int(),
  occurredAt: isoDate,
  type: z.enum(ALL_TYPES),
  libraryId: z.uuid().nullable(),
  titleKind: z.enum(['movie', 'show', 'episode']).nullable(),
  titleId: z.uuid().nullable(),
  requestId: z.uuid().nullable(),
  itemId: z.uuid().nullable(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/** `type=title.added,item.failed`: a comma-separated list of event types. */
const typeList = (allowed: readonly string[]) =>
  z
    .string()
    .max(2_000)
    .transform((value) =>
      value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .refine((types) => types.every((t) => allowed.includes(t)), { message: `a comma-separated list of: ${allowed.join(', ')}` })
    .transform((types) => types as EventType[]);

const subjects = {
  libraryId: z.uuid().optional(),
  titleId: z.uuid().optional(),
  requestId: z.uuid().optional(),
  itemId: z.uuid().optional(),
};

export const eventRoutes: FastifyPluginAsyncZod<AppDeps & { eventHub: EventHub }> = async (app, { db, eventHub }) => {
  const history = new HistoryService(new EventRepository(db));
  const streams = new Set<ServerResponse>();
  // A live stream never ends by itself: closing the app ends them before it waits for requests in flight
  // (preClose; onClose would wait for them forever).
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });

  app.get(
    '/api/history',
    {
      schema: {
        tags: ['events'],
        summary:
          'What happened, newest first: scans, titles added/updated/removed, releases grabbed, items downloaded/encoded/delivered/failed, decisions, notifications, webhooks',
        querystring: z.object({
          type: typeList(HISTORY_EVENT_TYPES).optional(),
          ...subjects,
          since: isoDate.optional(),
          until: isoDate.optional(),
          before: z.coerce.number().int().positive().optional().describe('the nextBefore of the previous page'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ events: z.array(eventBody), nextBefore: z.number().int().nullable() }) },
      },
    },
    async (request) => {
      const { type, since, until, ...rest } = request.query;
      return history.page({ ...rest, types: type, since: since ? new Date(since) : undefined, until: until ? new Date(until) : undefined });
    },
  );

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary:
          'Server-Sent Events: history entries and progress (scan counters, item status and percent, pipeline phase) as they happen; reconnect with Last-Event-ID to get what was missed',
        querystring: z.object({ type: typeList(ALL_TYPES).optional(), ...subjects }),
        headers: z.object({ 'last-event-id': z.string().optional() }),
        response: {
          200: {
            description: 'A stream of messages, each with `id:`, `event:` (the type) and the event as JSON in `data:`',
            content: { 'text/event-stream': { schema: z.string() } },
          },
        },
      },
    },
    async (request, reply) => {
      const lastEventId = request.headers['last-event-id'];
      if (lastEventId !== undefined && !/^\d{1,15}$/.test(lastEventId)) {
        throw new HttpError(400, 'Last-Event-ID: the id of an event this stream sent (a whole number)');
      }
      const { type, libraryId, titleId, requestId, itemId } = request.query;
      const wanted = (event: RecordedEvent) =>
        (!type || type.includes(event.type)) &&
        (!libraryId || event.libraryId === libraryId) &&
        (!titleId || event.titleId === titleId) &&
        (!requestId || event.requestId === requestId) &&
        (!itemId || event.itemId === itemId);

      try {
        await eventHub.listening();
      } catch {
        throw new HttpError(503, 'Live events are unavailable: the database cannot be reached (see /healthz)');
      }
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx and others buffer responses unless told not to.
        'x-accel-buffering': 'no',
      });
      stream.write('retry: 2000\n\n');
      streams.add(stream);
      let unsubscribe: () => void;
      try {
        unsubscribe = await eventHub.subscribe(
          (event) => {
            if (wanted(event)) stream.write(sseMessage(event));
          },
          lastEventId === undefined ? undefined : Number(lastEventId),
        );
      } catch {
        // What was missed could not be read: the client reconnects (after `retry`) and asks again.
        streams.delete(stream);
        stream.end();
        return;
      }
      const keepAlive = setInterval(() => stream.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      stream.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
        streams.delete(stream);
      });
    },
  );
};

/** One event in the text/event-stream format: its id (for Last-Event-ID), its type, and its JSON. */
export function sseMessage(event: RecordedEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
