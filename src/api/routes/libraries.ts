import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { LibraryRepository } from '../../db/repositories/library-repository.js';
import { ScanRunRepository } from '../../db/repositories/scan-run-repository.js';
import type { Library } from '../../db/schema/index.js';
import { checkLibraryRoot } from '../../media/library-root.js';
import { libraryScanWorkflowId } from '../../contracts/scan.js';
import type { AppDeps } from '../app.js';
import { HttpError, notFound } from '../errors.js';
import { isoDate, toIso, uuidParams } from '../schemas.js';
import { startLibraryScan } from '../services/start-library-scan.js';

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
  const libraries = new LibraryRepository(deps.db);
  const scanRuns = new ScanRunRepository(deps.db);
  const tags = ['libraries'];

  /** 400 for a path that is not a readable folder, 403 outside MEDIA_ROOTS, 409 when another library has it. */
  async function validatedRoot(rootPath: string, exceptId?: string): Promise<string> {
    const checked = await checkLibraryRoot(rootPath, deps.config.mediaRoots);
    if ('kind' in checked) throw new HttpError(checked.kind === 'forbidden' ? 403 : 400, checked.reason);
    const existing = await libraries.findByRootPath(rootPath);
    if (existing && existing.id !== exceptId) throw new HttpError(409, `rootPath "${rootPath}" already belongs to library "${existing.name}"`);
    return rootPath;
  }

  app.post('/api/libraries', { schema: { tags, summary: 'Create a library', body: createBody, response: { 201: libraryBody } } }, async (request, reply) => {
    const rootPath = await validatedRoot(request.body.rootPath);
    const library = await libraries.create({ ...request.body, rootPath });
    await deps.schedules.syncOne(deps.schedules.ids.libraryScan(library.id));
    return reply.code(201).send(toDto(library));
  });

  app.get('/api/libraries', { schema: { tags, summary: 'All libraries', response: { 200: z.array(libraryBody) } } }, async () =>
    (await libraries.list()).map(toDto),
  );

  app.get('/api/libraries/:id', { schema: { tags, summary: 'One library', params: uuidParams, response: { 200: libraryBody } } }, async (request) => {
    const library = await libraries.get(request.params.id);
    if (!library) throw notFound('Library');
    return toDto(library);
  });

  app.patch(
    '/api/libraries/:id',
    { schema: { tags, summary: 'Rename a library or move its root', params: uuidParams, body: createBody.omit({ kind: true }).partial().strict(), response: { 200: libraryBody } } },
    async (request) => {
      if (!(await libraries.get(request.params.id))) throw notFound('Library');
      const patch = { ...request.body };
      if (patch.rootPath !== undefined) patch.rootPath = await validatedRoot(patch.rootPath, request.params.id);
      const library = await libraries.update(request.params.id, patch);
      if (!library) throw notFound('Library');
      await deps.schedules.syncOne(deps.schedules.ids.libraryScan(library.id));
      return toDto(library);
    },
  );

  app.delete(
    '/api/libraries/:id',
    { schema: { tags, summary: 'Forget a library (files on disk are never touched)', params: uuidParams } },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await libraries.get(id))) throw notFound('Library');
      await deps.schedules.remove(deps.schedules.ids.libraryScan(id));
      // A scan of a library that no longer exists has nothing left to do.
      await deps.temporal.workflow
        .getHandle(libraryScanWorkflowId(id))
        .cancel()
        .catch((err: unknown) => {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        });
      await libraries.delete(id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/libraries/:id/scan',
    {
      schema: {
        tags,
        summary: 'Start a scan, or return the one already running',
        params: uuidParams,
        response: { 202: z.object({ scanId: z.uuid(), workflowId: z.string(), alreadyRunning: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const library = await libraries.get(request.params.id);
      if (!library) throw notFound('Library');
      const scan = await startLibraryScan(deps.temporal, deps.config.taskQueue, library.id);
      // Recorded now so GET /api/scans/:id answers before a worker picks the workflow up; the workflow's
      // own (idempotent) insert finds it there.
      if (!scan.alreadyRunning) await scanRuns.begin({ id: scan.scanId, libraryId: library.id, workflowId: scan.workflowId });
      return reply.code(202).send(scan);
    },
  );
};
