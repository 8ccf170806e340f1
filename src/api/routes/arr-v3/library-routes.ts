import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError } from '../../../services/service-errors.js';
import type { ArrLibraryService, ArrTitleInput } from '../../../services/arr/arr-library-service.js';
import { HttpError, notFound } from '../../errors.js';
import { movieResource, seriesResource } from './resources.js';
import { movieResourceBody, refusalBody, seriesResourceBody } from './response-schemas.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const optionalIdParams = z.object({ id: z.coerce.number().int().positive().optional() });
const lookupQuery = z.looseObject({ term: z.string().max(500).default('') });
const listQuery = z.looseObject({ tmdbId: z.coerce.number().int().optional(), tvdbId: z.coerce.number().int().optional() });

const common = {
  qualityProfileId: z.number().int().positive().optional(),
  profileId: z.number().int().positive().optional(),
  rootFolderPath: z.string().min(1).optional(),
  path: z.string().optional(),
  monitored: z.boolean().default(true),
  tags: z.array(z.number().int()).default([]),
  title: z.string().optional(),
  year: z.number().int().optional(),
};
const movieBody = z.looseObject({
  ...common,
  id: z.number().int().optional(),
  tmdbId: z.number().int().positive().optional(),
  addOptions: z.looseObject({ searchForMovie: z.boolean().optional() }).optional(),
});
const seriesBody = z.looseObject({
  ...common,
  id: z.number().int().optional(),
  tvdbId: z.number().int().positive().optional(),
  seasons: z.array(z.looseObject({ seasonNumber: z.number().int().min(0), monitored: z.boolean() })).default([]),
  addOptions: z
    .looseObject({ searchForMissingEpisodes: z.boolean().optional(), ignoreEpisodesWithFiles: z.boolean().optional() })
    .optional(),
});

/** Radarr's answer to an add it refuses: a list of validation failures. */
const validationFailure = (propertyName: string, errorMessage: string, attemptedValue: unknown, errorCode: string) => [
  { propertyName, errorMessage, attemptedValue, severity: 'error', errorCode },
];

function inputOf(body: z.infer<typeof movieBody> | z.infer<typeof seriesBody>, searchNow: boolean): ArrTitleInput {
  const qualityProfileId = body.qualityProfileId ?? body.profileId;
  if (!qualityProfileId) throw new HttpError(400, 'body.qualityProfileId: required');
  const rootFolderPath = body.rootFolderPath ?? (body.path ? body.path.replace(/[/\\][^/\\]+[/\\]?$/, '') : undefined);
  return { qualityProfileId, rootFolderPath, monitored: body.monitored, tags: body.tags, seasons: seasonsOf(body), searchNow };
}

function seasonsOf(body: z.infer<typeof movieBody> | z.infer<typeof seriesBody>): ArrTitleInput['seasons'] {
  const parsed = seriesBody.shape.seasons.safeParse((body as { seasons?: unknown }).seasons);
  return parsed.success ? parsed.data.map((s) => ({ seasonNumber: s.seasonNumber, monitored: s.monitored })) : [];
}

/** movie and series: lookups through the provider cache; adds and updates become Reelflow requests. */
export const arrLibraryRoutes: FastifyPluginAsyncZod<{ library: ArrLibraryService }> = async (app, { library }) => {
  const tags = ['arr-v3'];

  app.get(
    '/api/v3/movie/lookup',
    {
      schema: {
        tags,
        summary: 'Radarr movie lookup: term tmdb:<id>, imdb:<id> or words',
        querystring: lookupQuery,
        response: { 200: z.array(movieResourceBody) },
      },
    },
    async (request) => (await library.lookup('movie', request.query.term)).map((r) => movieResource(r.title, r.added)),
  );
  app.get(
    '/api/v3/series/lookup',
    {
      schema: {
        tags,
        summary: 'Sonarr series lookup: term tvdb:<id>, tmdb:<id>, imdb:<id> or words',
        querystring: lookupQuery,
        response: { 200: z.array(seriesResourceBody) },
      },
    },
    async (request) => (await library.lookup('series', request.query.term)).map((r) => seriesResource(r.title, r.added)),
  );

  app.get(
    '/api/v3/movie',
    {
      schema: {
        tags,
        summary: 'Movies added through this API, with their progress',
        querystring: listQuery,
        response: { 200: z.array(movieResourceBody) },
      },
    },
    async (request) =>
      (await library.list('movie'))
        .filter((v) => !request.query.tmdbId || v.row.tmdbId === request.query.tmdbId)
        .map((v) => movieResource(undefined, v)),
  );
  app.get(
    '/api/v3/series',
    {
      schema: {
        tags,
        summary: 'Series added through this API, with their progress',
        querystring: listQuery,
        response: { 200: z.array(seriesResourceBody) },
      },
    },
    async (request) =>
      (await library.list('series'))
        .filter((v) => !request.query.tvdbId || v.row.tvdbId === request.query.tvdbId)
        .map((v) => seriesResource(undefined, v)),
  );
  app.get(
    '/api/v3/movie/:id',
    { schema: { tags, summary: 'One movie', params: idParams, response: { 200: movieResourceBody } } },
    async (request) => {
      const view = await library.get('movie', request.params.id);
      if (!view) throw notFound('Movie');
      return movieResource(undefined, view);
    },
  );
  app.get(
    '/api/v3/series/:id',
    { schema: { tags, summary: 'One series', params: idParams, response: { 200: seriesResourceBody } } },
    async (request) => {
      const view = await library.get('series', request.params.id);
      if (!view) throw notFound('Series');
      return seriesResource(undefined, view);
    },
  );

  app.post(
    '/api/v3/movie',
    {
      schema: {
        tags,
        summary: 'Add a movie: a monitored one becomes a Reelflow request',
        body: movieBody,
        response: { 201: movieResourceBody, 400: refusalBody },
      },
    },
    async (request, reply) => {
      const body = request.body;
      try {
        const view = await library.add(
          'movie',
          { tmdbId: body.tmdbId },
          { ...inputOf(body, body.addOptions?.searchForMovie ?? false), title: body.title, year: body.year },
        );
        return reply.code(201).send(movieResource(undefined, view));
      } catch (error) {
        if (error instanceof ConflictError)
          return reply.code(400).send(validationFailure('TmdbId', error.message, body.tmdbId, 'MovieExistsValidator'));
        throw error;
      }
    },
  );
  app.post(
    '/api/v3/series',
    {
      schema: {
        tags,
        summary: 'Add a series: its monitored seasons become a Reelflow request',
        body: seriesBody,
        response: { 201: seriesResourceBody, 400: refusalBody },
      },
    },
    async (request, reply) => {
      const body = request.body;
      try {
        const view = await library.add(
          'series',
          { tvdbId: body.tvdbId },
          { ...inputOf(body, body.addOptions?.searchForMissingEpisodes ?? false), title: body.title, year: body.year },
        );
        return reply.code(201).send(seriesResource(undefined, view));
      } catch (error) {
        if (error instanceof ConflictError)
          return reply.code(400).send(validationFailure('TvdbId', error.message, body.tvdbId, 'SeriesExistValidator'));
        throw error;
      }
    },
  );

  // PUT carries the whole resource; its id is in the body, and Radarr/Sonarr also take it in the path.
  for (const path of ['/api/v3/movie', '/api/v3/movie/:id']) {
    app.put(
      path,
      {
        schema: {
          tags,
          summary: 'Update a movie: monitoring it again requests it again',
          params: optionalIdParams,
          body: movieBody,
          response: { 202: movieResourceBody },
        },
      },
      async (request, reply) => {
        const id = request.params.id ?? request.body.id;
        if (!id) throw new HttpError(400, 'body.id: required');
        const view = await library.update('movie', id, inputOf(request.body, request.body.addOptions?.searchForMovie ?? false));
        if (!view) throw notFound('Movie');
        return reply.code(202).send(movieResource(undefined, view));
      },
    );
  }
  for (const path of ['/api/v3/series', '/api/v3/series/:id']) {
    app.put(
      path,
      {
        schema: {
          tags,
          summary: 'Update a series: newly monitored seasons become a request',
          params: optionalIdParams,
          body: seriesBody,
          response: { 202: seriesResourceBody },
        },
      },
      async (request, reply) => {
        const id = request.params.id ?? request.body.id;
        if (!id) throw new HttpError(400, 'body.id: required');
        const view = await library.update('series', id, inputOf(request.body, request.body.addOptions?.searchForMissingEpisodes ?? false));
        if (!view) throw notFound('Series');
        return reply.code(202).send(seriesResource(undefined, view));
      },
    );
  }
};
