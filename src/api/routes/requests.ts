import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { processingItemStatuses, type ProcessingItemRow, type ReleaseCandidate } from '../../db/schema/index.js';
import { releaseGuid } from '../../contracts/request.js';
import { RequestService, type RequestWithAggregates } from '../../services/requests/request-service.js';
import type { AppDeps } from '../app-deps.js';
import { isoDate, toIso, uuidParams } from '../schemas.js';

const positive = z.number().int().min(0).max(10_000);
/** Ids are Postgres integers; beyond that no provider has them. */
const externalId = z.number().int().positive().max(2_147_483_647);
/** More seasons or episodes than any show has: a request beyond these is a mistake (or an attack), not a wish. */
export const MAX_REQUEST_SEASONS = 100;
export const MAX_REQUEST_EPISODES = 2_000;

const createBody = z
  .object({
    type: z.enum(['movie', 'tv']),
    tmdbId: externalId.optional(),
    tvdbId: externalId.optional(),
    imdbId: z
      .string()
      .regex(/^tt\d+$/, 'an IMDb id such as tt0133093')
      .optional(),
    /** Optional: otherwise read from the metadata providers. */
    title: z.string().trim().min(1).max(500).optional(),
    year: z.number().int().min(1870).max(2200).optional(),
    seasons: z.array(positive).max(MAX_REQUEST_SEASONS, `at most ${MAX_REQUEST_SEASONS} seasons`).default([]),
    episodes: z
      .array(z.object({ season: positive, episode: z.number().int().positive().max(100_000) }).strict())
      .max(MAX_REQUEST_EPISODES, `at most ${MAX_REQUEST_EPISODES} episodes`)
      .default([]),
    qualityProfileId: z.uuid('a quality profile id in UUID form'),
    targetIds: z.array(z.uuid('a delivery target id in UUID form')).min(1, 'at least one delivery target').max(50),
    requireApproval: z.boolean().default(false),
    approvalTimeoutSeconds: z
      .number()
      .int()
      .positive()
      .max(365 * 24 * 3600, 'at most a year')
      .optional(),
    approvalAutoAction: z.enum(['approve', 'reject', 'cancel']).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.type === 'tv') {
      // Any one id will do: TMDB finds a show by its IMDb or TVDB id, TVDB lists seasons by its own.
      if (body.tmdbId === undefined && body.tvdbId === undefined && body.imdbId === undefined) {
        ctx.addIssue({ code: 'custom', path: ['tmdbId'], message: 'a TV request needs tmdbId, tvdbId or imdbId' });
      }
      if (body.seasons.length === 0 && body.episodes.length === 0)
        ctx.addIssue({ code: 'custom', path: ['seasons'], message: 'a TV request needs seasons or episodes' });
    } else if (body.tmdbId === undefined && body.imdbId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['tmdbId'], message: 'a movie request needs tmdbId or imdbId' });
    }
  });

const aggregates = z.object({ total: z.number(), completed: z.number(), failed: z.number(), cancelled: z.number(), active: z.number() });

const requestBody = z.object({
  id: z.uuid(),
  type: z.enum(['movie', 'tv']),
  tmdbId: z.number().nullable(),
  tvdbId: z.number().nullable(),
  imdbId: z.string().nullable(),
  title: z.string().nullable(),
  year: z.number().nullable(),
  seasons: z.array(z.number()),
  episodes: z.array(z.object({ season: z.number(), episode: z.number() })),
  qualityProfileId: z.uuid(),
  targetIds: z.array(z.string()),
  requireApproval: z.boolean(),
  status: z.enum(['PENDING', 'PROCESSING', 'COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED']),
  workflowId: z.string(),
  lastError: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  aggregates,
});

const releaseBody = z.object({
  /** The indexer's Torznab guid: what POST /api/items/:id/select-release names. */
  guid: z.string(),
  title: z.string(),
  indexer: z.string(),
  /** v1 info hash (40 lower-case hex digits), when the indexer gave one. */
  infoHash: z.string().optional(),
  sizeBytes: z.number(),
  seeders: z.number(),
  resolution: z.number().optional(),
  seasonPack: z.boolean(),
  score: z.number(),
  accepted: z.boolean(),
  rejections: z.array(z.string()),
});

const itemBody = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  seasonNumber: z.number(),
  episodeNumber: z.number(),
  title: z.string().nullable(),
  status: z.enum(processingItemStatuses),
  failedStep: z.string().nullable(),
  airDate: z.string().nullable(),
  sourceFilePath: z.string().nullable(),
  encodedFilePath: z.string().nullable(),
  deliveredPaths: z.array(z.string()),
  /** Files that stood where a delivery went, kept in the target's recycle folder. */
  recycledFiles: z.array(z.object({ location: z.string(), keptAt: z.string(), at: z.string() })),
  torrentHash: z.string().nullable(),
  selectedRelease: releaseBody.nullable(),
  availableReleases: z.array(releaseBody),
  qualityMet: z.boolean().nullable(),
  progress: z.number(),
  lastError: z.string().nullable(),
  downloadedAt: isoDate.nullable(),
  encodedAt: isoDate.nullable(),
  deliveredAt: isoDate.nullable(),
  updatedAt: isoDate,
  live: z
    .object({
      step: z.string(),
      waitingFor: z.string().nullable(),
      waitUntil: z.string().nullable(),
      activity: z
        .object({
          type: z.string(),
          attempt: z.number(),
          percent: z.number().nullable(),
          bytesPerSecond: z.number().nullable(),
          speed: z.number().nullable(),
          state: z.string().nullable(),
        })
        .nullable(),
    })
    .nullable(),
});

const requestDto = ({ request: r, aggregates: counts }: RequestWithAggregates) => ({
  id: r.id,
  type: r.type,
  tmdbId: r.tmdbId,
  tvdbId: r.tvdbId,
  imdbId: r.imdbId,
  title: r.title,
  year: r.year,
  seasons: r.seasons,
  episodes: r.episodes,
  qualityProfileId: r.qualityProfileId,
  targetIds: r.targetIds,
  requireApproval: r.requireApproval,
  status: r.status,
  workflowId: r.workflowId,
  lastError: r.lastError,
  createdAt: toIso(r.createdAt)!,
  updatedAt: toIso(r.updatedAt)!,
  aggregates: counts,
});

const releaseDto = (r: ReleaseCandidate) => ({ ...r, guid: releaseGuid(r) });

export const itemDto = (i: ProcessingItemRow, live: z.infer<typeof itemBody>['live']) => ({
  id: i.id,
  requestId: i.requestId,
  seasonNumber: i.seasonNumber,
  episodeNumber: i.episodeNumber,
  title: i.title,
  status: i.status,
  failedStep: i.failedStep,
  airDate: i.airDate,
  sourceFilePath: i.sourceFilePath,
  encodedFilePath: i.encodedFilePath,
  deliveredPaths: i.deliveredPaths,
  recycledFiles: i.recycledFiles,
  torrentHash: i.torrentHash,
  selectedRelease: i.selectedRelease ? releaseDto(i.selectedRelease) : null,
  availableReleases: i.availableReleases.map(releaseDto),
  qualityMet: i.qualityMet,
  progress: i.progress,
  lastError: i.lastError,
  downloadedAt: toIso(i.downloadedAt),
  encodedAt: toIso(i.encodedAt),
  deliveredAt: toIso(i.deliveredAt),
  updatedAt: toIso(i.updatedAt)!,
  live,
});

/** Requests: POST hands over to RequestService (which starts mediaRequest); reads come from Postgres, live detail from the item workflows. */
export const requestRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const requestService = new RequestService({ db: deps.db, temporal: deps.temporal, taskQueue: deps.config.taskQueue });
  const tags = ['requests'];

  app.post(
    '/api/requests',
    { schema: { tags, summary: 'Request a movie or TV episodes', body: createBody, response: { 201: requestBody } } },
    async (request, reply) => {
      return reply.code(201).send(requestDto(await requestService.submit({ ...request.body, fieldPrefix: 'body' })));
    },
  );

  app.get(
    '/api/requests/:id',
    { schema: { tags, summary: 'A request with its item counts', params: uuidParams, response: { 200: requestBody } } },
    async (request) => requestDto(await requestService.get(request.params.id)),
  );

  app.post(
    '/api/requests/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a request: every unfinished item is cancelled, its torrent and temporary files removed',
        params: uuidParams,
        response: { 202: requestBody },
      },
    },
    async (request, reply) => reply.code(202).send(requestDto(await requestService.cancel(request.params.id))),
  );

  app.get(
    '/api/requests/:id/items',
    {
      schema: {
        tags,
        summary: "A request's processing items, with live detail for active ones",
        params: uuidParams,
        response: { 200: z.array(itemBody) },
      },
    },
    async (request) => (await requestService.items(request.params.id)).map(({ item, live }) => itemDto(item, live)),
  );
};
