import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { movies } from '../../db/schema/index.js';
import type { AppDeps } from '../app.js';
import { HttpError, notFound } from '../errors.js';
import { uuidParams } from '../schemas.js';

const assetType = z.enum(['poster', 'fanart', 'banner', 'clearlogo', 'clearart', 'discart', 'landscape', 'keyart', 'thumb', 'characterart', 'season-poster', 'season-banner', 'season-fanart', 'season-landscape']);

/** Search providers, and fetch or read a movie's provider artwork and metadata through the provider cache. */
export const providerCacheRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, providerCache }) => {
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
      },
    },
    async (request) => {
      const { type, query, year, limit } = request.query;
      return providerCache.search({ entityType: type, query, year, limit });
    },
  );

  app.post(
    '/api/movies/:id/provider-assets/fetch',
    {
      schema: {
        tags: ['providers'],
        summary: "Fetch a movie's metadata and artwork from the providers (cached 7 days unless force)",
        params: uuidParams,
        body: z.object({ force: z.boolean().default(false), assetTypes: z.array(assetType).optional() }).strict().default({ force: false }),
      },
    },
    async (request) => {
      const movie = await findMovie(request.params.id);
      const externalIds = {
        ...(movie.tmdbId !== null ? { tmdb: movie.tmdbId } : {}),
        ...(movie.imdbId !== null ? { imdb: movie.imdbId } : {}),
        ...(movie.tvdbId !== null ? { tvdb: movie.tvdbId } : {}),
      };
      if (Object.keys(externalIds).length === 0) {
        throw new HttpError(409, `Movie "${movie.title}" has no provider ids yet; identify it first`);
      }
      return providerCache.fetchAssets({
        entityType: 'movie',
        entityId: movie.id,
        externalIds,
        force: request.body.force,
        assetTypes: request.body.assetTypes,
        priority: 'user',
      });
    },
  );

  app.get(
    '/api/movies/:id/provider-assets',
    {
      schema: {
        tags: ['providers'],
        summary: 'What the provider cache holds for a movie (no network)',
        params: uuidParams,
        querystring: z.object({ type: assetType.optional() }).strict(),
      },
    },
    async (request) => {
      const movie = await findMovie(request.params.id);
      const rows = await providerCache.getCachedAssets({ entityType: 'movie', entityId: movie.id, assetType: request.query.type });
      return rows.map((r) => ({
        id: r.id,
        assetType: r.assetType,
        provider: r.providerName,
        url: r.providerUrl,
        width: r.width,
        height: r.height,
        metadata: r.providerMetadata,
        score: r.score,
        isSelected: r.isSelected,
        isRejected: r.isRejected,
        fetchedAt: r.fetchedAt.toISOString(),
      }));
    },
  );

  async function findMovie(id: string) {
    const [movie] = await db.select().from(movies).where(eq(movies.id, id));
    if (!movie) throw notFound('Movie');
    return movie;
  }
};
