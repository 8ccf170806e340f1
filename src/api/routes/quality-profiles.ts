import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { encodePresets, type QualityProfileRow } from '../../db/schema/index.js';
import { QualityProfileService } from '../../services/quality-profiles/quality-profile-service.js';
import type { AppDeps } from '../app-deps.js';
import { isoDate, toIso, uuidParams } from '../schemas.js';

const resolution = z.union([z.literal(480), z.literal(576), z.literal(720), z.literal(1080), z.literal(2160)], {
  message: 'one of 480, 576, 720, 1080, 2160',
});

const encodeSettings = z
  .object({
    videoCodec: z.enum(['libx264', 'libx265']).default('libx264'),
    crf: z.number().int().min(0).max(51).default(22),
    preset: z.enum(encodePresets).default('medium'),
    maxHeight: z.number().int().min(144).max(4320).default(1080),
    audioCodec: z.enum(['aac', 'copy']).default('aac'),
    audioBitrateKbps: z.number().int().min(32).max(1024).default(160),
  })
  .strict();

const profileFields = z
  .object({
    name: z.string().trim().min(1, 'a non-empty name').max(200),
    minResolution: resolution.default(720),
    preferredResolution: resolution.default(1080),
    minSizeMb: z.number().int().min(0).max(10_000_000).default(0),
    maxSizeMb: z.number().int().min(1).max(10_000_000).default(20_000),
    rejectedWords: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
    preferredWords: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
    encode: encodeSettings.default(() => encodeSettings.parse({})),
  })
  .strict();

const profileBody = z.object({
  id: z.uuid(),
  name: z.string(),
  minResolution: z.number(),
  preferredResolution: z.number(),
  minSizeMb: z.number(),
  maxSizeMb: z.number(),
  rejectedWords: z.array(z.string()),
  preferredWords: z.array(z.string()),
  encode: encodeSettings,
  createdAt: isoDate,
  updatedAt: isoDate,
});

const toDto = (p: QualityProfileRow) => ({ ...p, createdAt: toIso(p.createdAt)!, updatedAt: toIso(p.updatedAt)! });

/** Quality profiles: what a request accepts and how it is encoded. */
export const qualityProfileRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const profiles = new QualityProfileService(deps.db);
  const tags = ['quality profiles'];

  app.post(
    '/api/quality-profiles',
    { schema: { tags, summary: 'Create a quality profile', body: profileFields, response: { 201: profileBody } } },
    async (request, reply) => reply.code(201).send(toDto(await profiles.create(request.body))),
  );

  app.get(
    '/api/quality-profiles',
    { schema: { tags, summary: 'All quality profiles', response: { 200: z.array(profileBody) } } },
    async () => (await profiles.list()).map(toDto),
  );

  app.get(
    '/api/quality-profiles/:id',
    { schema: { tags, summary: 'One quality profile', params: uuidParams, response: { 200: profileBody } } },
    async (request) => toDto(await profiles.get(request.params.id)),
  );

  app.patch(
    '/api/quality-profiles/:id',
    {
      schema: {
        tags,
        summary: 'Change a quality profile (applies to searches and encodes that start afterwards)',
        params: uuidParams,
        body: profileFields.partial().strict(),
        response: { 200: profileBody },
      },
    },
    async (request) => toDto(await profiles.update(request.params.id, request.body)),
  );

  app.delete(
    '/api/quality-profiles/:id',
    {
      schema: {
        tags,
        summary: 'Delete a quality profile no request uses',
        params: uuidParams,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (request, reply) => {
      await profiles.remove(request.params.id);
      return reply.code(204).send(null);
    },
  );
};
