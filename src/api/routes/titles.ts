import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TitleKind } from '../../db/repositories/title-repository.js';
import { lockableMovieFields } from '../../db/schema/index.js';
import { ArtworkFileService } from '../../services/titles/artwork-file-service.js';
import { TitleService, type TitleEdit } from '../../services/titles/title-service.js';
import type { AppDeps } from '../app-deps.js';
import { uuidParams } from '../schemas.js';
import { episodeDetailBody, movieDetailBody, showDetailBody, titlePageBody, titleSummaryBody } from './title-bodies.js';

/** Far past any library's last page (pageSize 500 × 100,000 pages); an offset beyond is a mistake. */
const MAX_PAGE = 100_000;

const listQuery = z
  .object({
    libraryId: z.uuid().optional(),
    status: z.enum(['identified', 'unidentified', 'removed']).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    page: z.coerce.number().int().min(1).max(MAX_PAGE, `at most ${MAX_PAGE}`).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

const text = z.string().trim().min(1).max(10_000).nullable();
const list = z.array(z.string().trim().min(1).max(500)).max(200);

/** Editable fields; editing one locks it against scans and refreshes until it is unlocked. */
const editableFields = {
  title: z.string().trim().min(1).max(500),
  originalTitle: text,
  sortTitle: text,
  year: z.number().int().min(1870).max(2200).nullable(),
  premiered: z.iso.date().nullable(),
  plot: text,
  outline: text,
  tagline: text,
  runtime: z.number().int().min(0).max(100_000).nullable(),
  mpaa: text,
  genres: list,
  countries: list,
  studios: list,
  tags: list,
  directors: list,
  credits: list,
} as const;

const lockName = z.enum(lockableMovieFields);

interface TitleResource {
  path: string;
  tag: string;
  kind: TitleKind;
  noun: string;
}

/** List, detail and edit routes, shared by movies and shows. */
function titleRoutes(resource: TitleResource): FastifyPluginAsyncZod<AppDeps> {
  return async (app, { db, config }) => {
    const { kind, path, tag: tagName, noun } = resource;
    const titles = new TitleService(db);
    const artwork = new ArtworkFileService(db, config.dataDir);
    const tags = [tagName];
    const editBody = z
      .object({ ...editableFields, ...(kind === 'movie' ? { setName: text } : {}) })
      .partial()
      .extend({ unlock: z.array(lockName).optional() })
      .strict();

    app.get(
      path,
      { schema: { tags, summary: `List ${tagName}`, querystring: listQuery, response: { 200: titlePageBody } } },
      async (request) => {
        const { libraryId, status, q, page, pageSize } = request.query;
        return titles.list(kind, { libraryId, status, text: q, page, pageSize });
      },
    );

    app.get(
      `${path}/:id`,
      {
        schema: {
          tags,
          summary: `One ${noun} with streams, artwork, cast, unknown files and where the IPTV catalogues offer it`,
          params: uuidParams,
          response: { 200: kind === 'movie' ? movieDetailBody : showDetailBody },
        },
      },
      async (request) => titles.detail(kind, request.params.id),
    );

    app.get(
      `${path}/:id/assets/:assetId/content`,
      {
        schema: {
          tags,
          summary: `The image of one of the ${noun}'s artwork (an asset of its detail), from the cache`,
          params: z.object({ id: z.uuid('an id in UUID form'), assetId: z.uuid('an id in UUID form') }),
          response: {
            200: { description: 'The image, as cached (JPEG, PNG, WebP or GIF)', content: { 'image/*': { schema: z.string() } } },
          },
        },
      },
      async (request, reply) => {
        const file = await artwork.open(kind, request.params.id, request.params.assetId);
        // Cached files are content-addressed: an asset id names the same bytes until the asset changes.
        return (
          reply
            .type(file.contentType)
            .header('content-length', file.sizeBytes)
            .header('cache-control', 'private, max-age=3600')
            // The schema describes the bytes for the OpenAPI document; a stream is sent as it is, unserialized.
            .send(file.stream as unknown as string)
        );
      },
    );

    app.patch(
      `${path}/:id`,
      {
        schema: {
          tags,
          summary: `Edit ${noun} fields (locks them); unlock with "unlock"`,
          params: uuidParams,
          body: editBody,
          response: { 200: titleSummaryBody },
        },
      },
      async (request) => titles.edit(kind, request.params.id, request.body as TitleEdit),
    );
  };
}

export const movieRoutes = titleRoutes({ path: '/api/movies', tag: 'movies', kind: 'movie', noun: 'movie' });
export const showRoutes = titleRoutes({ path: '/api/shows', tag: 'shows', kind: 'show', noun: 'show' });

/** Episodes carry their own media files; served separately to keep show detail small. */
export const episodeRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const titles = new TitleService(db);
  app.get(
    '/api/episodes/:id',
    { schema: { tags: ['shows'], summary: 'One episode with its streams', params: uuidParams, response: { 200: episodeDetailBody } } },
    async (request) => titles.episode(request.params.id),
  );
};
