import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DeliveryTargetRepository } from '../../db/repositories/delivery-target-repository.js';
import { LibraryRepository } from '../../db/repositories/library-repository.js';
import { deliveryTargetKind, type DeliveryTargetRow } from '../../db/schema/index.js';
import { DEFAULT_RECYCLE_FOLDER, recycleFolderProblem } from '../../media/recycle-folder.js';
import { rsyncDestinationProblem } from '../../media/rsync-destination.js';
import type { AppDeps } from '../app.js';
import { HttpError, notFound } from '../errors.js';
import { isoDate, toIso, uuidParams } from '../schemas.js';
import { nameTaken } from '../../services/service-errors.js';

const targetFields = z
  .object({
    name: z.string().trim().min(1, 'a non-empty name').max(200),
    kind: z.enum(deliveryTargetKind.enumValues).default('local'),
    path: z.string().trim().min(1),
    libraryId: z.uuid('a library id in UUID form').nullable().default(null),
    /** Where a file in a delivery's way is kept, relative to the target; null for the default. */
    recycleFolder: z
      .string()
      .trim()
      .max(200)
      .nullable()
      .optional()
      .superRefine((folder, ctx) => {
        const problem = folder == null ? undefined : recycleFolderProblem(folder);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  })
  .strict();

/** The stored row's fields from a body: the recycle folder lives in the target's options. */
function rowFields<B extends { recycleFolder?: string | null }>(body: B, options: Record<string, unknown>): Omit<B, 'recycleFolder'> & { options: Record<string, unknown> } {
  const { recycleFolder, ...fields } = body;
  if (recycleFolder === undefined) return { ...fields, options };
  const { recycleFolder: _previous, ...rest } = options;
  return { ...fields, options: recycleFolder === null ? rest : { ...rest, recycleFolder } };
}

/** The rules that tie a target's fields together, checked on the target as it will be stored. */
function checkTarget(target: Pick<DeliveryTargetRow, 'kind' | 'path' | 'libraryId'>) {
  if (target.kind === 'local' && !path.isAbsolute(target.path)) throw new HttpError(400, 'body.path: a local target needs an absolute folder path');
  if (target.kind === 'rsync') {
    const problem = rsyncDestinationProblem(target.path);
    if (problem) throw new HttpError(400, `body.path: ${problem}`);
    // The library pipeline scans the delivered folder, which must then be on this machine.
    if (target.libraryId) throw new HttpError(400, 'body.libraryId: only a local target can hand its folders to a library');
  }
}

const targetBody = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(deliveryTargetKind.enumValues),
  path: z.string(),
  libraryId: z.uuid().nullable(),
  recycleFolder: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const recycleFolderOf = (t: DeliveryTargetRow) => (typeof t.options.recycleFolder === 'string' ? t.options.recycleFolder : DEFAULT_RECYCLE_FOLDER);

const toDto = (t: DeliveryTargetRow) => ({ id: t.id, name: t.name, kind: t.kind, path: t.path, libraryId: t.libraryId, recycleFolder: recycleFolderOf(t), createdAt: toIso(t.createdAt)!, updatedAt: toIso(t.updatedAt)! });

/** Delivery targets: where finished media is copied, and which library's pipeline then takes the folder. */
export const deliveryTargetRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const targets = new DeliveryTargetRepository(deps.db);
  const libraries = new LibraryRepository(deps.db);
  const tags = ['delivery targets'];

  async function checkLibrary(libraryId: string | null | undefined) {
    if (libraryId && !(await libraries.get(libraryId))) throw new HttpError(400, `body.libraryId: no library ${libraryId}`);
  }

  app.post('/api/delivery-targets', { schema: { tags, summary: 'Create a delivery target', body: targetFields, response: { 201: targetBody } } }, async (request, reply) => {
    checkTarget(request.body);
    await checkLibrary(request.body.libraryId);
    const created = await targets.create(rowFields(request.body, {})).catch(nameTaken(request.body.name));
    return reply.code(201).send(toDto(created));
  });

  app.get('/api/delivery-targets', { schema: { tags, summary: 'All delivery targets', response: { 200: z.array(targetBody) } } }, async () => (await targets.list()).map(toDto));

  app.get('/api/delivery-targets/:id', { schema: { tags, summary: 'One delivery target', params: uuidParams, response: { 200: targetBody } } }, async (request) => {
    const target = await targets.get(request.params.id);
    if (!target) throw notFound('Delivery target');
    return toDto(target);
  });

  app.patch(
    '/api/delivery-targets/:id',
    { schema: { tags, summary: 'Change a delivery target', params: uuidParams, body: targetFields.partial().strict(), response: { 200: targetBody } } },
    async (request) => {
      const current = await targets.get(request.params.id);
      if (!current) throw notFound('Delivery target');
      checkTarget({ ...current, ...request.body });
      await checkLibrary(request.body.libraryId);
      const updated = await targets.update(request.params.id, rowFields(request.body, current.options)).catch(nameTaken(request.body.name ?? ''));
      return toDto(updated!);
    },
  );

  app.delete('/api/delivery-targets/:id', { schema: { tags, summary: 'Delete a delivery target', params: uuidParams, response: { 204: z.null().describe('Deleted') } } }, async (request, reply) => {
    if (!(await targets.delete(request.params.id))) throw notFound('Delivery target');
    return reply.code(204).send(null);
  });
};
