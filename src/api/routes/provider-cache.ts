import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProviderDataService } from '../../services/providers/provider-data-service.js';
import type { AppDeps } from '../app-deps.js';
import { isoDate, uuidParams } from '../schemas.js';

const assetType = z.enum([
  'poster',
  'fanart',
  'banner',
  'clearlogo',
  'clearart',
  'discart',
  'landscape',
  'keyart',
  'thumb',
  'characterart',
  'season-poster',
  'season-banner',
  'season-fanart',
  'season-landscape',
]);

const externalIds = z.object({
  tmdb: z.number().optional(),
  imdb: z.string().optional(),
  tvdb: z.number().optional(),
  musicbrainz: z.string().optional(),
});

const searchBody = z.object({
  results: z.array(
    z.object({
      externalIds,
      title: z.string(),
      originalTitle: z.string().optional(),
      year: z.number().optional(),
      overview: z.string().optional(),
      posterUrl: z.string().optional(),
      confidence: z.number(),
      providers: z.array(z.string()),
    }),
  ),
  failedProviders: z.array(z.object({ provider: z.string(), error: z.string() })),
});

const cachedImage = z.object({
  url: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  language: z.string().nullable(),
  voteAverage: z.number().nullable(),
  voteCount: z.number().nullable(),
  season: z.number().nullable(),
});

const fetchBody = z.object({
  cached: z.boolean(),
  cacheAge: z.number(),
  /** Per provider: its artwork by type, and its metadata (null when it gave none). */
  providers: z.record(
    z.string(),
    z.object({
      images: z.record(z.string(), z.array(cachedImage).optional()),
      metadata: z.unknown().describe("The provider's metadata of the title (ids, titles, plot, cast, ratings, trailers, …), or null"),
    }),
  ),
  metadata: z.object({
    fetchedAt: z.string(),
    completedProviders: z.array(z.string()),
    failedProviders: z.array(z.object({ provider: z.string(), error: z.string() })),
    timedOutProviders: z.array(z.string()),
  }),
});

const cachedAssetBody = z.object({
  id: z.uuid(),
  assetType: z.string(),
  provider: z.string(),
  url: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  score: z.number().nullable(),
  isSelected: z.boolean(),
  isRejected: z.boolean(),
  fetchedAt: isoDate,
});

/** Search providers; fetch a movie's provider artwork and metadata, and read a movie's or show's, through the provider cache. */
export const providerCacheRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, providerCache }) => {
  const service = new ProviderDataService(db, providerCache);

  app.get(
    '/api/search',
    {
      schema: {
        tags: ['providers'],
        summary: 'Search every enabled provider (never cached); results merged across providers, best first',
        querystring: z
          .object({
            type: z.enum(['movie', 'tv']),
            query: z.string().trim().min(1, 'a search text'),
            year: z.coerce.number().int().min(1870).max(2200).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          })
          .strict(),
        response: { 200: searchBody },
      },
    },
    async (request) => service.search(request.query),
  );

  app.post(
    '/api/movies/:id/provider-assets/fetch',
    {
      schema: {
        tags: ['providers'],
        summary: "Fetch a movie's metadata and artwork from the providers (cached 7 days unless force)",
        params: uuidParams,
        body: z
          .object({ force: z.boolean().default(false), assetTypes: z.array(assetType).optional() })
          .strict()
          .default({ force: false }),
        response: { 200: fetchBody },
      },
    },
    async (request) => service.fetchMovieAssets(request.params.id, request.body),
  );

  for (const [kind, path, noun] of [
    ['movie', '/api/movies', 'movie'],
    ['show', '/api/shows', 'show (season artwork included)'],
  ] as const) {
    app.get(
      `${path}/:id/provider-assets`,
      {
        schema: {
          tags: ['providers'],
          summary: `What the provider cache holds for a ${noun} (no network): the candidates a person selects or rejects`,
          params: uuidParams,
          querystring: z.object({ type: assetType.optional() }).strict(),
          response: { 200: z.array(cachedAssetBody) },
        },
      },
      async (request) => service.cachedAssets(kind, request.params.id, request.query.type),
    );
  }
};
