import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deliveryTargetKind, type DeliveryTargetRow } from '../../db/schema/index.js';
import { DEFAULT_RECYCLE_FOLDER, recycleFolderProblem } from '../../media/recycle-folder.js';
import { DeliveryTargetService } from '../../services/delivery/delivery-target-service.js';
import type { AppDeps } from '../app-deps.js';
import { isoDate, toIso, uuidParams } from '../schemas.js';

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

const recycleFolderOf = (t: DeliveryTargetRow) =>
  typeof t.options.recycleFolder === 'string' ? t.options.recycleFolder : DEFAULT_RECYCLE_FOLDER;

const toDto = (t: DeliveryTargetRow) => ({
  id: t.id,
  name: t.name,
  kind: t.kind,
  path: t.path,
  libraryId: t.libraryId,
  recycleFolder: recycleFolderOf(t),
  createdAt: toIso(t.createdAt)!,
  updatedAt: toIso(t.updatedAt)!,
});

/** Delivery targets: where finished media is copied, and which library's pipeline then takes the folder. */
export const deliveryTargetRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const targets = new DeliveryTargetService(deps.db);
  const tags = ['delivery targets'];

  app.post(
    '/api/delivery-targets',
    { schema: { tags, summary: 'Create a delivery target', body: targetFields, response: { 201: targetBody } } },
    async (request, reply) => reply.code(201).send(toDto(await targets.create(request.body))),
  );

  app.get(
    '/api/delivery-targets',
    { schema: { tags, summary: 'All delivery targets', response: { 200: z.array(targetBody) } } },
    async () => (await targets.list()).map(toDto),
  );

  app.get(
    '/api/delivery-targets/:id',
    { schema: { tags, summary: 'One delivery target', params: uuidParams, response: { 200: targetBody } } },
    async (request) => toDto(await targets.get(request.params.id)),
  );

  app.patch(
    '/api/delivery-targets/:id',
    {
      schema: {
        tags,
        summary: 'Change a delivery target',
        params: uuidParams,
        body: targetFields.partial().strict(),
        response: { 200: targetBody },
      },
    },
    async (request) => toDto(await targets.update(request.params.id, request.body)),
  );

  app.delete(
    '/api/delivery-targets/:id',
    { schema: { tags, summary: 'Delete a delivery target', params: uuidParams, response: { 204: z.null().describe('Deleted') } } },
    async (request, reply) => {
      await targets.remove(request.params.id);
      return reply.code(204).send(null);
    },
  );
};
