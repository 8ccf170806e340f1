import type { Database } from '../../db/client.js';
import { ProviderTitleRepository } from '../../db/repositories/provider-title-repository.js';
import { loadTitleChildren } from '../../db/repositories/title-children.js';
import type { TitleListFilter } from '../../db/repositories/title-list-query.js';
import { TitleRepository, type TitleKind, type TitleRow } from '../../db/repositories/title-repository.js';
import { lockableMovieFields, type LockableMovieField, type Movie, type Show } from '../../db/schema/index.js';
import { InvalidRequestError, NotFoundError } from '../service-errors.js';

/** A person's edit of a title: new values (each locks its field) and fields to unlock. */
export type TitleEdit = Partial<Record<LockableMovieField, unknown>> & { unlock?: LockableMovieField[] };

const NOUN: Record<TitleKind, string> = { movie: 'Movie', show: 'Show' };

/**
 * Movies and shows as people see and edit them. The rule of editing: a field a person sets is locked, so
 * no scan or provider refresh overwrites it until it is unlocked; a field cannot be set and unlocked at once.
 */
export class TitleService {
  private readonly titles: TitleRepository;
  private readonly iptvTitles: ProviderTitleRepository;

  constructor(private readonly db: Database) {
    this.titles = new TitleRepository(db);
    this.iptvTitles = new ProviderTitleRepository(db);
  }

  async list(kind: TitleKind, filter: TitleListFilter) {
    const { items, total } = await this.titles.list(kind, filter);
    return { page: filter.page, pageSize: filter.pageSize, total, items: items.map(titleSummary) };
  }

  /** One title with its media files, artwork, cast, unknown files, a show's seasons, and its IPTV streams. */
  async detail(kind: TitleKind, id: string) {
    const row = await this.require(kind, id);
    const children = await loadTitleChildren(this.db, kind, row.id);
    const extra = kind === 'show' ? await this.showSeasons(row as Show) : { set: (row as Movie).setName };
    const iptv = row.tmdbId === null ? [] : await this.iptvTitles.streamsOf(kind === 'show' ? 'tv' : 'movie', row.tmdbId);
    return { ...titleSummary(row), ...extra, ...children, iptv };
  }

  async edit(kind: TitleKind, id: string, edit: TitleEdit) {
    const existing = await this.require(kind, id);
    const { unlock = [], ...edits } = edit;
    const overlap = unlock.filter((f) => f in edits);
    if (overlap.length > 0) throw new InvalidRequestError(`body.unlock: cannot edit and unlock ${overlap.join(', ')} at once`);
    const columns: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(edits)) {
      columns[field] = value;
      columns[`${field}Locked`] = true;
    }
    for (const field of unlock) columns[`${field}Locked`] = false;
    await this.titles.updateColumns(kind, existing.id, columns);
    return titleSummary(await this.require(kind, existing.id));
  }

  /** One episode with its media files. */
  async episode(id: string) {
    const row = await this.titles.findEpisode(id);
    if (!row) throw new NotFoundError('Episode');
    const { mediaFiles } = await loadTitleChildren(this.db, 'episode', row.id);
    return { ...row, ids: { tmdb: row.tmdbId, imdb: row.imdbId, tvdb: row.tvdbId }, mediaFiles };
  }

  private async require(kind: TitleKind, id: string): Promise<TitleRow> {
    const row = await this.titles.find(kind, id);
    if (!row) throw new NotFoundError(NOUN[kind]);
    return row;
  }

  private async showSeasons(show: Show) {
    const [seasonRows, episodeRows] = await Promise.all([this.titles.seasonsOf(show.id), this.titles.episodesOf(show.id)]);
    return {
      status: show.status,
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
}

/** A title as lists and detail show it, with the fields a person locked. */
export function titleSummary(row: TitleRow) {
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
    removedAt: row.deletedAt ? row.deletedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
