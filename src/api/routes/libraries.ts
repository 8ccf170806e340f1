import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Library } from '../../db/schema/index.js';
import { LibraryService } from '../../services/libraries/library-service.js';
import type { AppDeps } from '../app-deps.js';
import { isoDate, temporalUrl, toIso, uuidParams } from '../schemas.js';

const libraryBody = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['movie', 'tv', 'music']),
  rootPath: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const createBody = z
  .object({
    name: z.string().trim().min(1, 'a non-empty name').max(200),
    kind: z.enum(['movie', 'tv', 'music']),
    rootPath: z.string().min(1, 'an absolute folder path'),
  })
  .strict();

const toDto = (l: Library) => ({ ...l, createdAt: toIso(l.createdAt)!, updatedAt: toIso(l.updatedAt)! });

export const libraryRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const libraries = new LibraryService({
    db: deps.db,
    temporal: deps.temporal,
    taskQueue: deps.config.taskQueue,
    mediaRoots: deps.config.mediaRoots,
    schedules: deps.schedules,
  });
  const tags = ['libraries'];

  app.post(
    '/api/libraries',
    { schema: { tags, summary: 'Create a library', body: createBody, response: { 201: libraryBody } } },
    async (request, reply) => reply.code(201).send(toDto(await libraries.create(request.body))),
  );

  app.get('/api/libraries', { schema: { tags, summary: 'All libraries', response: { 200: z.array(libraryBody) } } }, async () =>
    (await libraries.list()).map(toDto),
  );

  app.get(
    '/api/libraries/:id',
    { schema: { tags, summary: 'One library', params: uuidParams, response: { 200: libraryBody } } },
    async (request) => toDto(await libraries.get(request.params.id)),
  );

  app.patch(
    '/api/libraries/:id',
    {
      schema: {
        tags,
        summary: 'Rename a library or move its root',
        params: uuidParams,
        body: createBody.omit({ kind: true }).partial().strict(),
        response: { 200: libraryBody },
      },
    },
    async (request) => toDto(await libraries.update(request.params.id, request.body)),
  );

  app.delete(
    '/api/libraries/:id',
    {
      schema: {
        tags,
        summary: 'Forget a library (files on disk are never touched)',
        params: uuidParams,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (request, reply) => {
      await libraries.remove(request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/libraries/:id/scan',
    {
      schema: {
        tags,
        summary: 'Start a scan, or return the one already running',
        params: uuidParams,
        response: { 202: z.object({ scanId: z.uuid(), workflowId: z.string(), temporalUrl, alreadyRunning: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const scan = await libraries.scan(request.params.id);
      return reply.code(202).send({ ...scan, temporalUrl: deps.temporalLinks.workflow(scan.workflowId, scan.scanId) });
    },
  );
};
