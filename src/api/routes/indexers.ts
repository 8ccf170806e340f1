import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IndexerService, type IndexerView } from '../../services/indexers/indexer-service.js';
import type { AppDeps } from '../app-deps.js';
import { notFound } from '../errors.js';
import { isoDate, toIso } from '../schemas.js';

const idParams = z.object({ id: z.coerce.number().int().positive('an indexer id') });
const category = z.number().int().min(1000).max(999_999);

const fields = {
  name: z.string().trim().min(1, 'a non-empty name').max(200),
  url: z.string().trim().min(1, 'the Torznab endpoint, e.g. http://prowlarr:9696/1/api'),
  apiKey: z.string().min(1).max(500).nullable().optional(),
  categories: z.array(category).max(200).optional(),
  priority: z.number().int().min(1).max(50).optional(),
  enabled: z.boolean().optional(),
};
const createBody = z.object(fields).strict();
const updateBody = z.object(fields).partial().strict();

const indexerBody = z.object({
  id: z.number(),
  name: z.string(),
  url: z.string(),
  hasApiKey: z.boolean(),
  categories: z.array(z.number()),
  priority: z.number(),
  enabled: z.boolean(),
  managedBy: z.enum(['api', 'prowlarr', 'env']),
  createdAt: isoDate,
  updatedAt: isoDate,
});
const testBody = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
  tvSearch: z.boolean().optional(),
  movieSearch: z.boolean().optional(),
  categories: z.array(z.number()).optional(),
});

const toDto = ({ extraFields: _extra, ...v }: IndexerView) => ({ ...v, createdAt: toIso(v.createdAt)!, updatedAt: toIso(v.updatedAt)! });

/** Torznab indexers: the ones release search asks, in priority order. API keys are stored encrypted and never shown. */
export const indexerRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const indexers = new IndexerService(deps.db, deps.credentialsCipher);
  const tags = ['indexers'];

  app.get(
    '/api/indexers',
    { schema: { tags, summary: 'Indexers, highest priority first', response: { 200: z.array(indexerBody) } } },
    async () => (await indexers.list()).map(toDto),
  );
  app.get(
    '/api/indexers/:id',
    { schema: { tags, summary: 'One indexer', params: idParams, response: { 200: indexerBody } } },
    async (request) => {
      const found = await indexers.get(request.params.id);
      if (!found) throw notFound('Indexer');
      return toDto(found);
    },
  );
  app.post(
    '/api/indexers',
    { schema: { tags, summary: 'Add a Torznab indexer', body: createBody, response: { 201: indexerBody } } },
    async (request, reply) => reply.code(201).send(toDto(await indexers.create({ ...request.body, managedBy: 'api' }))),
  );
  app.patch(
    '/api/indexers/:id',
    {
      schema: {
        tags,
        summary: 'Change an indexer (apiKey null removes the key)',
        params: idParams,
        body: updateBody,
        response: { 200: indexerBody },
      },
    },
    async (request) => {
      const updated = await indexers.update(request.params.id, request.body);
      if (!updated) throw notFound('Indexer');
      return toDto(updated);
    },
  );
  app.delete(
    '/api/indexers/:id',
    { schema: { tags, summary: 'Remove an indexer', params: idParams, response: { 204: z.null().describe('Deleted') } } },
    async (request, reply) => {
      if (!(await indexers.delete(request.params.id))) throw notFound('Indexer');
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/indexers/:id/test',
    {
      schema: {
        tags,
        summary: 'Ask the indexer for its caps (t=caps): reachable, key accepted, what it searches',
        params: idParams,
        response: { 200: testBody },
      },
    },
    async (request) => {
      const result = await indexers.test(request.params.id);
      if (!result) throw notFound('Indexer');
      return result.ok
        ? {
            ok: true,
            tvSearch: result.caps.tvSearch.available,
            movieSearch: result.caps.movieSearch.available,
            categories: result.caps.categories.map((c) => c.id),
          }
        : { ok: false, error: result.error };
    },
  );
};
