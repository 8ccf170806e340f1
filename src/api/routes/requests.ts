import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestSortKeys, requestStatuses } from '../../db/repositories/request-list-repository.js';
import { RequestListService } from '../../services/requests/request-list-service.js';
import { RequestService } from '../../services/requests/request-service.js';
import type { AppDeps } from '../app-deps.js';
import { requestMonitorModes } from '../../contracts/request.js';
import { oneOrMore, pageBody, pagingQuery } from '../paging.js';
import { uuidParams } from '../schemas.js';
import { itemBody, itemDto, requestBody, requestDto } from './request-bodies.js';

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
    /** TV: how the request keeps watching its seasons (docs/api.md); `existing` when not given. A movie: only `none`. */
    monitor: z.enum(requestMonitorModes).optional(),
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
    } else {
      if (body.tmdbId === undefined && body.imdbId === undefined)
        ctx.addIssue({ code: 'custom', path: ['tmdbId'], message: 'a movie request needs tmdbId or imdbId' });
      if (body.monitor !== undefined && body.monitor !== 'none')
        ctx.addIssue({ code: 'custom', path: ['monitor'], message: 'a movie request has no seasons to watch: only "none"' });
    }
  });

const requestListQuery = z
  .object({
    status: oneOrMore(requestStatuses).optional(),
    type: z.enum(['movie', 'tv']).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    ...pagingQuery(requestSortKeys, 'createdAt'),
  })
  .strict();

/** Requests: POST hands over to RequestService (which starts mediaRequest); reads come from Postgres, live detail from the item workflows. */
export const requestRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const requestService = new RequestService({ db: deps.db, temporal: deps.temporal, taskQueue: deps.config.taskQueue });
  const lists = new RequestListService(deps.db);
  const tags = ['requests'];

  app.get(
    '/api/requests',
    {
      schema: {
        tags,
        summary: 'Requests, newest first, with their item counts; filtered by status, type and title',
        querystring: requestListQuery,
        response: { 200: pageBody(requestSortKeys, requestBody) },
      },
    },
    async (request) => {
      const { status, type, q, ...paging } = request.query;
      const page = await lists.requestPage({ statuses: status, type, text: q }, paging);
      return { ...paging, totalRecords: page.totalRecords, records: page.records.map((record) => requestDto(record, deps.temporalLinks)) };
    },
  );

  app.post(
    '/api/requests',
    { schema: { tags, summary: 'Request a movie or TV episodes', body: createBody, response: { 201: requestBody } } },
    async (request, reply) => {
      return reply.code(201).send(requestDto(await requestService.submit({ ...request.body, fieldPrefix: 'body' }), deps.temporalLinks));
    },
  );

  app.get(
    '/api/requests/:id',
    { schema: { tags, summary: 'A request with its item counts', params: uuidParams, response: { 200: requestBody } } },
    async (request) => requestDto(await requestService.get(request.params.id), deps.temporalLinks),
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
    async (request, reply) => reply.code(202).send(requestDto(await requestService.cancel(request.params.id), deps.temporalLinks)),
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
    async (request) => (await requestService.items(request.params.id)).map(({ item, live }) => itemDto(item, live, deps.temporalLinks)),
  );
};
