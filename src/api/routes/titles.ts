import { asc, eq, sql as dsql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProviderTitleRepository } from '../../db/repositories/provider-title-repository.js';
import { loadTitleChildren } from '../../db/repositories/title-children.js';
import { listTitles } from '../../db/repositories/title-list-query.js';
import { episodes, lockableMovieFields, movies, seasons, shows, type LockableMovieField } from '../../db/schema/index.js';
import type { AppDeps } from '../app.js';
import { HttpError, notFound } from '../errors.js';
import { toIso, uuidParams } from '../schemas.js';

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

type TitleTable = typeof movies | typeof shows;
type TitleRow = TitleTable['$inferSelect'];

function summaryOf(row: TitleRow) {
  const locked = lockableMovieFields.filter((f) => (row as unknown as Record<string, unknown>)[`${f}Locked`] === true);
  return {
    id: row.id,
    libraryId: row.libraryId,
    title: row.title,
    originalTitle: row.originalTitle,
    sortTitle: row.sortTitle,
    year: row.year,
    premiered: row.premiered,
    plot: row.plot,
    outline: row.outline,
    tagline: row.tagline,
    runtime: row.runtime,
    mpaa: row.mpaa,
    ids: { tmdb: row.tmdbId, imdb: row.imdbId, tvdb: row.tvdbId },
    ratings: row.ratings,
    genres: row.genres,
    countries: row.countries,
    studios: row.studios,
    tags: row.tags,
    directors: row.directors,
    credits: row.credits,
    identificationStatus: row.identificationStatus,
    identificationSource: row.identificationSource,
    folderPath: row.folderPath,
    nfoPath: row.nfoPath,
    unreadableNfoPath: row.unreadableNfoPath,
    replaceUnreadableNfo: row.replaceUnreadableNfo,
    scanErrors: row.scanErrors,
    lockedFields: locked,
    removedAt: toIso(row.deletedAt),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

interface TitleResource {
  path: string;
  tag: string;
  table: TitleTable;
  entityType: 'movie' | 'show';
  noun: string;
}

/** List, detail and edit routes, shared by movies and shows. */
function titleRoutes(resource: TitleResource): FastifyPluginAsyncZod<AppDeps> {
  return async (app, { db }) => {
    const { table, path, tag: tagName, noun } = resource;
    const iptvTitles = new ProviderTitleRepository(db);
    const tags = [tagName];
    const editBody = z
      .object({ ...editableFields, ...(table === movies ? { setName: text } : {}) })
      .partial()
      .extend({ unlock: z.array(lockName).optional() })
      .strict();

    app.get(path, { schema: { tags, summary: `List ${tagName}`, querystring: listQuery } }, async (request) => {
      const { libraryId, status, q, page, pageSize } = request.query;
      const { items, total } = await listTitles(db, table, { libraryId, status, text: q, page, pageSize });
      return { page, pageSize, total, items: items.map(summaryOf) };
    });

    app.get(`${path}/:id`, { schema: { tags, summary: `One ${noun} with streams, artwork, cast, unknown files and where the IPTV catalogues offer it`, params: uuidParams } }, async (request) => {
      const row = await findTitle(request.params.id);
      const children = await loadTitleChildren(db, resource.entityType, row.id);
      const extra = resource.entityType === 'show' ? await showSeasons(row.id) : { set: (row as typeof movies.$inferSelect).setName };
      const iptv = row.tmdbId === null ? [] : await iptvTitles.streamsOf(resource.entityType === 'show' ? 'tv' : 'movie', row.tmdbId);
      return { ...summaryOf(row), ...extra, ...children, iptv };
    });

    app.patch(`${path}/:id`, { schema: { tags, summary: `Edit ${noun} fields (locks them); unlock with "unlock"`, params: uuidParams, body: editBody } }, async (request) => {
      const existing = await findTitle(request.params.id);
      const { unlock = [], ...edits } = request.body as Record<string, unknown> & { unlock?: LockableMovieField[] };
      const overlap = unlock.filter((f) => f in edits);
      if (overlap.length > 0) throw new HttpError(400, `body.unlock: cannot edit and unlock ${overlap.join(', ')} at once`);
      const set: Record<string, unknown> = { updatedAt: dsql`now()` };
      for (const [field, value] of Object.entries(edits)) {
        set[field] = value;
        set[`${field}Locked`] = true;
      }
      for (const field of unlock) set[`${field}Locked`] = false;
      await db.update(table).set(set).where(eq(table.id, existing.id));
      return summaryOf(await findTitle(existing.id));
    });

    async function findTitle(id: string): Promise<TitleRow> {
      const [row] = await db.select().from(table).where(eq(table.id, id));
      if (!row) throw notFound(noun[0]!.toUpperCase() + noun.slice(1));
      return row;
    }

    async function showSeasons(showId: string) {
      const [seasonRows, episodeRows] = await Promise.all([
        db.select().from(seasons).where(eq(seasons.showId, showId)).orderBy(asc(seasons.seasonNumber)),
        db.select().from(episodes).where(eq(episodes.showId, showId)).orderBy(asc(episodes.seasonNumber), asc(episodes.episodeNumber)),
      ]);
      return {
        status: (await db.select({ status: shows.status }).from(shows).where(eq(shows.id, showId)))[0]?.status ?? null,
        seasons: seasonRows.map((s) => ({
          seasonNumber: s.seasonNumber,
          name: s.name,
          title: s.nfoTitle,
          plot: s.plot,
          premiered: s.premiered,
          nfoPath: s.nfoPath,
          episodes: episodeRows
            .filter((e) => e.seasonNumber === s.seasonNumber)
            .map((e) => ({
              id: e.id,
              episodeNumber: e.episodeNumber,
              title: e.title,
              plot: e.plot,
              aired: e.aired,
              runtime: e.runtime,
              videoPath: e.videoPath,
              nfoPath: e.nfoPath,
              unreadableNfoPath: e.unreadableNfoPath,
              ids: { tmdb: e.tmdbId, imdb: e.imdbId, tvdb: e.tvdbId },
            })),
        })),
      };
    }
  };
}

export const movieRoutes = titleRoutes({ path: '/api/movies', tag: 'movies', table: movies, entityType: 'movie', noun: 'movie' });
export const showRoutes = titleRoutes({ path: '/api/shows', tag: 'shows', table: shows, entityType: 'show', noun: 'show' });

/** Episodes carry their own media files; served separately to keep show detail small. */
export const episodeRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get('/api/episodes/:id', { schema: { tags: ['shows'], summary: 'One episode with its streams', params: uuidParams } }, async (request) => {
    const [row] = await db.select().from(episodes).where(eq(episodes.id, request.params.id));
    if (!row) throw notFound('Episode');
    const { mediaFiles } = await loadTitleChildren(db, 'episode', row.id);
    return { ...row, ids: { tmdb: row.tmdbId, imdb: row.imdbId, tvdb: row.tvdbId }, mediaFiles };
  });
};
