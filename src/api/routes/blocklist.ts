import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BlocklistRow } from '../../db/schema/index.js';
import { BlocklistService } from '../../services/blocklist/blocklist-service.js';
import type { AppDeps } from '../app-deps.js';
import { isoDate, uuidParams } from '../schemas.js';

/** Far past any blocklist's last page; an offset beyond is a mistake. */
const MAX_PAGE = 100_000;

const listQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(MAX_PAGE, `at most ${MAX_PAGE}`).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    sortKey: z.enum(['createdAt', 'title']).default('createdAt'),
    sortDirection: z.enum(['ascending', 'descending']).default('descending'),
  })
  .strict();

const entryBody = z.object({
  id: z.uuid(),
  title: z.string(),
  indexer: z.string(),
  guid: z.string(),
  infoHash: z.string().nullable(),
  itemId: z.uuid(),
  requestId: z.uuid(),
  reason: z.string(),
  createdAt: isoDate,
});

const pageBody = z.object({
  page: z.number(),
  pageSize: z.number(),
  sortKey: z.enum(['createdAt', 'title']),
  sortDirection: z.enum(['ascending', 'descending']),
  totalRecords: z.number(),
  records: z.array(entryBody),
});

const entryDto = (row: BlocklistRow): z.infer<typeof entryBody> => ({
  id: row.id,
  title: row.title,
  indexer: row.indexer,
  guid: row.guid,
  infoHash: row.infoHash,
  itemId: row.itemId,
  requestId: row.requestId,
  reason: row.reason,
  createdAt: row.createdAt.toISOString(),
});

/** The blocklist: releases a person rejected, which no search takes again until the entry is removed. */
export const blocklistRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const blocklist = new BlocklistService(deps.db);
  const tags = ['requests'];

  app.get(
    '/api/blocklist',
    { schema: { tags, summary: 'Releases a person rejected, one page at a time', querystring: listQuery, response: { 200: pageBody } } },
    async (request) => {
      const page = await blocklist.list(request.query);
      return { ...page, records: page.records.map(entryDto) };
    },
  );

  app.delete(
    '/api/blocklist/:id',
    {
      schema: {
        tags,
        summary: 'Remove a release from the blocklist: later searches may take it again',
        params: uuidParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      await blocklist.remove(request.params.id);
      return reply.code(204).send(null);
    },
  );
};
