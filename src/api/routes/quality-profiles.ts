import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QualityProfileRepository } from '../../db/repositories/quality-profile-repository.js';
import { encodePresets, type QualityProfileRow } from '../../db/schema/index.js';
import type { AppDeps } from '../app.js';
import { HttpError, notFound } from '../errors.js';
import { isoDate, toIso, uuidParams } from '../schemas.js';

const resolution = z.union([z.literal(480), z.literal(576), z.literal(720), z.literal(1080), z.literal(2160)], { message: 'one of 480, 576, 720, 1080, 2160' });

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

function checkBounds(p: { minSizeMb?: number; maxSizeMb?: number; minResolution?: number; preferredResolution?: number }) {
  if (p.minSizeMb !== undefined && p.maxSizeMb !== undefined && p.minSizeMb > p.maxSizeMb) throw new HttpError(400, 'body.minSizeMb: must not exceed maxSizeMb');
  if (p.minResolution !== undefined && p.preferredResolution !== undefined && p.minResolution > p.preferredResolution) {
    throw new HttpError(400, 'body.preferredResolution: must be at least minResolution');
  }
}

/** Quality profiles: what a request accepts and how it is encoded. */
export const qualityProfileRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const profiles = new QualityProfileRepository(deps.db);
  const tags = ['quality profiles'];

  app.post('/api/quality-profiles', { schema: { tags, summary: 'Create a quality profile', body: profileFields, response: { 201: profileBody } } }, async (request, reply) => {
    checkBounds(request.body);
    const created = await profiles.create(request.body).catch(nameTaken(request.body.name));
    return reply.code(201).send(toDto(created));
  });

  app.get('/api/quality-profiles', { schema: { tags, summary: 'All quality profiles', response: { 200: z.array(profileBody) } } }, async () => (await profiles.list()).map(toDto));

  app.get('/api/quality-profiles/:id', { schema: { tags, summary: 'One quality profile', params: uuidParams, response: { 200: profileBody } } }, async (request) => {
    const profile = await profiles.get(request.params.id);
    if (!profile) throw notFound('Quality profile');
    return toDto(profile);
  });

  app.patch(
    '/api/quality-profiles/:id',
    { schema: { tags, summary: 'Change a quality profile (applies to searches and encodes that start afterwards)', params: uuidParams, body: profileFields.partial().strict(), response: { 200: profileBody } } },
    async (request) => {
      const existing = await profiles.get(request.params.id);
      if (!existing) throw notFound('Quality profile');
      checkBounds({ ...existing, ...request.body });
      const updated = await profiles.update(request.params.id, request.body).catch(nameTaken(request.body.name ?? ''));
      return toDto(updated!);
    },
  );

  app.delete('/api/quality-profiles/:id', { schema: { tags, summary: 'Delete a quality profile no request uses', params: uuidParams, response: { 204: z.null().describe('Deleted') } } }, async (request, reply) => {
    try {
      if (!(await profiles.delete(request.params.id))) throw notFound('Quality profile');
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new HttpError(409, 'The quality profile is used by requests');
      throw error;
    }
    return reply.code(204).send(null);
  });
};

export function nameTaken(name: string) {
  return (error: unknown): never => {
    if ((error as { code?: string }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') throw new HttpError(409, `The name "${name}" is already taken`);
    throw error;
  };
}

export function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23503' || (error as { cause?: { code?: string } }).cause?.code === '23503';
}
