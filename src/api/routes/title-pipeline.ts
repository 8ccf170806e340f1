import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TitleKind } from '../../db/repositories/title-repository.js';
import { TitlePipelineService } from '../../services/titles/title-pipeline-service.js';
import type { AppDeps } from '../app-deps.js';
import { isoDate, temporalUrl, uuidParams } from '../schemas.js';

const identifyBody = z
  .object({
    tmdb: z.number().int().positive().optional(),
    imdb: z
      .string()
      .regex(/^tt\d+$/, 'an IMDb id such as "tt0133093"')
      .optional(),
    tvdb: z.number().int().positive().optional(),
  })
  .strict()
  .refine((ids) => ids.tmdb !== undefined || ids.imdb !== undefined || ids.tvdb !== undefined, {
    message: 'at least one of tmdb, imdb, tvdb',
  });

const refreshBody = z
  .object({
    /** Set aside (renamed to `<name>.unreadable-<hash>.bak`) and replace NFOs the last scan could not read. */
    replaceUnreadableNfo: z.boolean().optional(),
  })
  .strict()
  // A POST without a body (the usual refresh) reaches the validator as null.
  .nullish();

const assetChoiceBody = z.object({ choice: z.enum(['select', 'reject', 'clear']) }).strict();

/** The pipeline a request reached: its workflow id, and the change handed to it (none when already published). */
const startedBody = z.object({ workflowId: z.string(), temporalUrl, seq: z.number().int().optional() });

const candidatesBody = z.object({
  identificationStatus: z.enum(['unidentified', 'identified']),
  reason: z.string().nullable(),
  searchedAt: isoDate.nullable(),
  candidates: z.array(
    z.object({
      externalIds: z.object({
        tmdb: z.number().optional(),
        imdb: z.string().optional(),
        tvdb: z.number().optional(),
        musicbrainz: z.string().optional(),
      }),
      title: z.string(),
      originalTitle: z.string().optional(),
      year: z.number().optional(),
      overview: z.string().optional(),
      posterUrl: z.string().optional(),
      confidence: z.number(),
      /** The providers whose search found the candidate. */
      providers: z.array(z.string()).optional(),
    }),
  ),
});

const assetChoiceResult = z.object({
  id: z.uuid(),
  assetType: z.string(),
  url: z.string(),
  isSelected: z.boolean(),
  isRejected: z.boolean(),
  selectedBy: z.enum(['user', 'auto']).nullable(),
});

interface Resource {
  path: string;
  kind: TitleKind;
  noun: string;
}

/** Refresh through the pipeline, identification by a person, and a person's artwork choices. */
function pipelineRoutes(resource: Resource): FastifyPluginAsyncZod<AppDeps> {
  return async (app, { db, titlePipelines, temporalLinks }) => {
    const { path, kind, noun } = resource;
    // The latest run of the title's pipeline: a start joined by a signal has no run id of its own to give.
    const withLink = <T extends { workflowId: string }>(started: T) => ({
      ...started,
      temporalUrl: temporalLinks.workflow(started.workflowId),
    });
    const service = new TitlePipelineService(db, titlePipelines);
    const tags = [`${kind === 'movie' ? 'movies' : 'shows'}`];

    app.post(
      `${path}/:id/refresh`,
      {
        schema: {
          tags,
          summary: `Run the ${noun}'s pipeline now (enrich → publish → notify), ahead of background work; replaceUnreadableNfo: true lets it replace NFOs it cannot read`,
          params: uuidParams,
          body: refreshBody,
          response: { 202: startedBody },
        },
      },
      async (request, reply) => reply.code(202).send(withLink(await service.refresh(kind, request.params.id, request.body ?? {}))),
    );

    app.get(
      `${path}/:id/candidates`,
      {
        schema: {
          tags,
          summary: 'What the last identification search offered, best first, with why none was accepted',
          params: uuidParams,
          response: { 200: candidatesBody },
        },
      },
      async (request) => service.candidatesOf(kind, request.params.id),
    );

    app.post(
      `${path}/:id/identify`,
      {
        schema: {
          tags,
          summary: `Identify the ${noun} by provider ids (a person's choice, kept by scans) and run its pipeline`,
          params: uuidParams,
          body: identifyBody,
          response: { 202: startedBody },
        },
      },
      async (request, reply) => reply.code(202).send(withLink(await service.identify(kind, request.params.id, request.body))),
    );

    app.post(
      `${path}/:id/provider-assets/:assetId`,
      {
        schema: {
          tags,
          summary: 'Select or reject one artwork candidate (kept by later enrichment runs), or clear the choice',
          params: z.object({ id: z.uuid(), assetId: z.uuid() }),
          body: assetChoiceBody,
          response: { 200: assetChoiceResult },
        },
      },
      async (request) => service.chooseArtwork(kind, request.params.id, request.params.assetId, request.body.choice),
    );
  };
}

export const moviePipelineRoutes = pipelineRoutes({ path: '/api/movies', kind: 'movie', noun: 'Movie' });
export const showPipelineRoutes = pipelineRoutes({ path: '/api/shows', kind: 'show', noun: 'Show' });
