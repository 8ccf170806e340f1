import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PathMappingRow } from '../../db/schema/index.js';
import { PathMappingService } from '../../services/libraries/path-mapping-service.js';
import type { AppDeps } from '../app-deps.js';
import { isoDate, uuidParams } from '../schemas.js';

const mappingBody = z
  .object({
    remotePrefix: z.string().trim().min(1, 'the folder as Radarr/Sonarr name it, e.g. "/movies"').max(1000),
    localPrefix: z.string().trim().min(1, 'the same folder on this machine').max(1000),
  })
  .strict();

const mappingReply = z.object({ id: z.uuid(), libraryId: z.uuid(), remotePrefix: z.string(), localPrefix: z.string(), createdAt: isoDate });

const toDto = (m: PathMappingRow) => ({
  id: m.id,
  libraryId: m.libraryId,
  remotePrefix: m.remotePrefix,
  localPrefix: m.localPrefix,
  createdAt: m.createdAt.toISOString(),
});

/** Per-library path mappings: how Radarr/Sonarr (or another machine) name this library's folders. */
export const pathMappingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const mappings = new PathMappingService(db);
  const tags = ['libraries'];

  app.get(
    '/api/libraries/:id/path-mappings',
    { schema: { tags, summary: "A library's path mappings", params: uuidParams, response: { 200: z.array(mappingReply) } } },
    async (request) => (await mappings.list(request.params.id)).map(toDto),
  );

  app.post(
    '/api/libraries/:id/path-mappings',
    {
      schema: {
        tags,
        summary: 'Add (or change) a remote → local prefix',
        params: uuidParams,
        body: mappingBody,
        response: { 201: mappingReply },
      },
    },
    async (request, reply) =>
      reply.code(201).send(toDto(await mappings.put(request.params.id, request.body.remotePrefix, request.body.localPrefix))),
  );

  app.delete(
    '/api/libraries/:id/path-mappings/:mappingId',
    {
      schema: {
        tags,
        summary: 'Remove a path mapping',
        params: z.object({ id: z.uuid(), mappingId: z.uuid() }),
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      await mappings.remove(request.params.id, request.params.mappingId);
      return reply.code(204).send(null);
    },
  );
};
