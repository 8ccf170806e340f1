import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LibraryTitleListService } from '../../services/titles/library-title-list-service.js';
import type { AppDeps } from '../app-deps.js';
import { isoDate, uuidParams } from '../schemas.js';

const listQuery = z
  .object({
    q: z.string().trim().min(1).max(200).optional(),
    filter: z.enum(['unidentified', 'removed', 'missing-artwork']).optional(),
    sort: z.enum(['title', 'year', 'added', 'updated']).default('title'),
    order: z.enum(['asc', 'desc']).default('asc'),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

const listBody = z.object({
  libraryId: z.uuid(),
  kind: z.enum(['movie', 'show']),
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      year: z.number().int().nullable(),
      identified: z.boolean(),
      removed: z.boolean(),
      hasPoster: z.boolean(),
      addedAt: isoDate,
      updatedAt: isoDate,
    }),
  ),
});

/** A library's titles for a list of any length: a few fields per title, a slice at a time. */
export const libraryTitleRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const titles = new LibraryTitleListService(db);
  app.get(
    '/api/libraries/:id/titles',
    {
      schema: {
        tags: ['libraries'],
        summary: 'The movies or shows of a library: search, filter (unidentified, removed, missing artwork), sort, a slice at a time',
        params: uuidParams,
        querystring: listQuery,
        response: { 200: listBody },
      },
    },
    async (request) => titles.list(request.params.id, request.query),
  );
};
