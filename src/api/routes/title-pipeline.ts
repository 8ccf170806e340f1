import { and, eq, sql as dsql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { identificationCandidates, movies, providerAssets, shows } from '../../db/schema/index.js';
import type { AppDeps } from '../app.js';
import { HttpError, notFound } from '../errors.js';
import { uuidParams } from '../schemas.js';

const identifyBody = z
  .object({
    tmdb: z.number().int().positive().optional(),
    imdb: z.string().regex(/^tt\d+$/, 'an IMDb id such as "tt0133093"').optional(),
    tvdb: z.number().int().positive().optional(),
  })
  .strict()
  .refine((ids) => ids.tmdb !== undefined || ids.imdb !== undefined || ids.tvdb !== undefined, { message: 'at least one of tmdb, imdb, tvdb' });

const refreshBody = z
  .object({
    /** Set aside (renamed to `<name>.unreadable-<hash>.bak`) and replace NFOs the last scan could not read. */
    replaceUnreadableNfo: z.boolean().optional(),
  })
  .strict()
  // A POST without a body (the usual refresh) reaches the validator as null.
  .nullish();

const assetChoiceBody = z.object({ choice: z.enum(['select', 'reject', 'clear']) }).strict();

interface Resource {
  path: string;
  kind: 'movie' | 'show';
  table: typeof movies;
  /** provider_assets and the provider cache name shows 'tv'. */
  cacheEntityType: 'movie' | 'tv';
  noun: string;
}

/** Refresh through the pipeline, identification by a person, and a person's artwork choices. */
function pipelineRoutes(resource: Resource): FastifyPluginAsyncZod<AppDeps> {
  return async (app, { db, titlePipelines }) => {
    const { path, kind, table, noun } = resource;
    const tags = [`${kind === 'movie' ? 'movies' : 'shows'}`];

    async function requireTitle(id: string) {
      const [row] = await db.select().from(table).where(eq(table.id, id));
      if (!row) throw notFound(noun);
      return row;
    }

    app.post(
      `${path}/:id/refresh`,
      {
        schema: {
          tags,
          summary: `Run the ${noun}'s pipeline now (enrich → publish → notify), ahead of background work; replaceUnreadableNfo: true lets it replace NFOs it cannot read`,
          params: uuidParams,
          body: refreshBody,
        },
      },
      async (request, reply) => {
        const title = await requireTitle(request.params.id);
        const pipelineRequest = { kind, titleId: title.id, priority: 'user' as const, reason: 'api refresh' };
        let started;
        if (request.body?.replaceUnreadableNfo === true) {
          // A person's permission is a change of the title: a pass must run that sees it.
          await db.update(table).set({ replaceUnreadableNfo: true }).where(eq(table.id, title.id));
          started = await titlePipelines.afterChange(pipelineRequest);
        } else {
          started = await titlePipelines.refresh(pipelineRequest);
        }
        return reply.code(202).send(started);
      },
    );

    app.get(
      `${path}/:id/candidates`,
      { schema: { tags, summary: 'What the last identification search offered, best first, with why none was accepted', params: uuidParams } },
      async (request) => {
        const title = await requireTitle(request.params.id);
        const [row] = await db.select().from(identificationCandidates).where(eq(identificationCandidates.entityId, title.id));
        return {
          identificationStatus: title.identificationStatus,
          reason: row?.reason ?? null,
          searchedAt: row ? row.searchedAt.toISOString() : null,
          candidates: row?.candidates ?? [],
        };
      },
    );

    app.post(
      `${path}/:id/identify`,
      { schema: { tags, summary: `Identify the ${noun} by provider ids (a person's choice, kept by scans) and run its pipeline`, params: uuidParams, body: identifyBody } },
      async (request, reply) => {
        const title = await requireTitle(request.params.id);
        const ids = request.body;
        await db
          .update(table)
          .set({ tmdbId: ids.tmdb ?? null, imdbId: ids.imdb ?? null, tvdbId: ids.tvdb ?? null, identificationStatus: 'identified', identificationSource: 'manual', updatedAt: dsql`now()` })
          .where(eq(table.id, title.id));
        await db.delete(identificationCandidates).where(eq(identificationCandidates.entityId, title.id));
        const started = await titlePipelines.afterChange({ kind, titleId: title.id, priority: 'user', reason: 'identified by a person' });
        return reply.code(202).send(started);
      },
    );

    app.post(
      `${path}/:id/provider-assets/:assetId`,
      {
        schema: {
          tags,
          summary: 'Select or reject one artwork candidate (kept by later enrichment runs), or clear the choice',
          params: z.object({ id: z.uuid(), assetId: z.uuid() }),
          body: assetChoiceBody,
        },
      },
      async (request) => {
        const title = await requireTitle(request.params.id);
        const choice = request.body.choice;
        const set =
          choice === 'select'
            ? { isSelected: true, isRejected: false, selectedBy: 'user' as const, selectedAt: dsql`now()` }
            : choice === 'reject'
              ? { isSelected: false, isRejected: true, selectedBy: 'user' as const, selectedAt: dsql`now()` }
              : { isSelected: false, isRejected: false, selectedBy: null, selectedAt: null };
        const [row] = await db
          .update(providerAssets)
          .set(set)
          .where(and(eq(providerAssets.id, request.params.assetId), eq(providerAssets.entityType, resource.cacheEntityType), eq(providerAssets.entityId, title.id)))
          .returning();
        if (!row) throw new HttpError(404, `Provider asset ${request.params.assetId} of this ${noun} not found`);
        return { id: row.id, assetType: row.assetType, url: row.providerUrl, isSelected: row.isSelected, isRejected: row.isRejected, selectedBy: row.selectedBy };
      },
    );
  };
}

export const moviePipelineRoutes = pipelineRoutes({ path: '/api/movies', kind: 'movie', table: movies, cacheEntityType: 'movie', noun: 'Movie' });
export const showPipelineRoutes = pipelineRoutes({ path: '/api/shows', kind: 'show', table: shows as unknown as typeof movies, cacheEntityType: 'tv', noun: 'Show' });
