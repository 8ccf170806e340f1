import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import path from 'node:path';
import { z } from 'zod';
import { LibraryRepository } from '../../db/repositories/library-repository.js';
import { PathMappingRepository } from '../../db/repositories/path-mapping-repository.js';
import type { PathMappingRow } from '../../db/schema/index.js';
import type { AppDeps } from '../app.js';
import { HttpError, notFound } from '../errors.js';
import { uuidParams } from '../schemas.js';

const mappingBody = z
  .object({
    remotePrefix: z.string().trim().min(1, 'the folder as Radarr/Sonarr name it, e.g. "/movies"').max(1000),
    localPrefix: z.string().trim().min(1, 'the same folder on this machine').max(1000),
  })
  .strict();

const toDto = (m: PathMappingRow) => ({ id: m.id, libraryId: m.libraryId, remotePrefix: m.remotePrefix, localPrefix: m.localPrefix, createdAt: m.createdAt.toISOString() });

/** Per-library path mappings: how Radarr/Sonarr (or another machine) name this library's folders. */
export const pathMappingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const libraries = new LibraryRepository(db);
  const mappings = new PathMappingRepository(db);
  const tags = ['libraries'];

  async function requireLibrary(id: string) {
    const library = await libraries.get(id);
    if (!library) throw notFound('Library');
    return library;
  }

  app.get('/api/libraries/:id/path-mappings', { schema: { tags, summary: "A library's path mappings", params: uuidParams } }, async (request) => {
    await requireLibrary(request.params.id);
    return (await mappings.listForLibrary(request.params.id)).map(toDto);
  });

  app.post(
    '/api/libraries/:id/path-mappings',
    { schema: { tags, summary: 'Add (or change) a remote → local prefix', params: uuidParams, body: mappingBody } },
    async (request, reply) => {
      const library = await requireLibrary(request.params.id);
      const local = path.resolve(request.body.localPrefix);
      const relative = path.relative(path.resolve(library.rootPath), local);
      if (!path.isAbsolute(request.body.localPrefix) || relative.startsWith('..') || path.isAbsolute(relative)) {
        throw new HttpError(400, `body.localPrefix: "${request.body.localPrefix}" must be an absolute path inside the library root "${library.rootPath}"`);
      }
      return reply.code(201).send(toDto(await mappings.put(library.id, request.body.remotePrefix, local)));
    },
  );

  app.delete(
    '/api/libraries/:id/path-mappings/:mappingId',
    { schema: { tags, summary: 'Remove a path mapping', params: z.object({ id: z.uuid(), mappingId: z.uuid() }) } },
    async (request, reply) => {
      if (!(await mappings.delete(request.params.id, request.params.mappingId))) throw notFound('Path mapping');
      return reply.code(204).send();
    },
  );
};
