import { asc, eq, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  episodes,
  lockableMovieFields,
  movies,
  seasons,
  shows,
  type Episode,
  type Movie,
  type Season,
  type Show,
} from '../schema/index.js';
import { listTitles, type TitleListFilter } from './title-list-query.js';

export type TitleKind = 'movie' | 'show';
export type TitleRow = Movie | Show;
export type TitleRowOf<K extends TitleKind> = K extends 'movie' ? Movie : Show;

/** Provider ids as a title stores them; absent ones are cleared. */
export interface TitleIds {
  tmdb?: number;
  imdb?: string;
  tvdb?: number;
}

/**
 * The table of a movie or a show. Both are built from the same title columns (`titleColumns`), so every
 * query over those columns reads either; drizzle types a table by its own column set, hence this one cast,
 * here and nowhere else.
 */
export function titleTable(kind: TitleKind): typeof movies {
  return (kind === 'movie' ? movies : shows) as unknown as typeof movies;
}

/** Movies and shows (with a show's seasons and episodes): the title rows the library, API and pipelines read. */
export class TitleRepository {
  constructor(private readonly db: Database) {}

  async find<K extends TitleKind>(kind: K, id: string): Promise<TitleRowOf<K> | undefined> {
    const table = titleTable(kind);
    const [row] = await this.db.select().from(table).where(eq(table.id, id));
    return row as TitleRowOf<K> | undefined;
  }

  /** One page of movies or shows, sorted by title, with the total. */
  async list<K extends TitleKind>(kind: K, filter: TitleListFilter): Promise<{ items: TitleRowOf<K>[]; total: number }> {
    const { items, total } = await listTitles(this.db, titleTable(kind), filter);
    return { items: items as TitleRowOf<K>[], total };
  }

  /** What a notification names a title by, and where it lives. */
  async describe(
    kind: TitleKind,
    id: string,
  ): Promise<{ libraryId: string; title: string; year: number | null; folderPath: string } | undefined> {
    const table = titleTable(kind);
    const [row] = await this.db
      .select({ libraryId: table.libraryId, title: table.title, year: table.year, folderPath: table.folderPath })
      .from(table)
      .where(eq(table.id, id));
    return row;
  }

  /** Writes columns of a title (already checked by the caller) and marks it updated. */
  async updateColumns(kind: TitleKind, id: string, columns: object): Promise<void> {
    const table = titleTable(kind);
    await this.db
      .update(table)
      .set({ ...columns, updatedAt: dsql`now()` })
      .where(eq(table.id, id));
  }

  /**
   * Writes what a provider says of a title, except the fields a person has locked, judged as the row is
   * when written: a person may lock a field while the provider was being asked (after the row was read), and
   * their value must win.
   */
  async updateColumnsUnlessLocked(kind: TitleKind, id: string, columns: object): Promise<void> {
    const table = titleTable(kind);
    const columnsOf = table as unknown as Record<string, AnyPgColumn>;
    const set: Record<string, unknown> = { updatedAt: dsql`now()` };
    for (const [key, value] of Object.entries(columns)) {
      const lockable = (lockableMovieFields as readonly string[]).includes(key);
      const column = columnsOf[key];
      const locked = columnsOf[`${key}Locked`];
      set[key] = lockable && column && locked ? dsql`case when ${locked} then ${column} else ${dsql.param(value, column)} end` : value;
    }
    await this.db.update(table).set(set).where(eq(table.id, id));
  }

  /**
   * The title's provider ids, and identified, by a provider match or a person's choice. A person's choice is
   * a change a pipeline pass must publish: its change_seq is bumped in the same statement, so no process
   * that dies after it can leave the identification saved and unpublished (title-change-repository).
   */
  async setIdentification(kind: TitleKind, id: string, ids: TitleIds, source: 'provider' | 'manual'): Promise<void> {
    const table = titleTable(kind);
    await this.updateColumns(kind, id, {
      tmdbId: ids.tmdb ?? null,
      imdbId: ids.imdb ?? null,
      tvdbId: ids.tvdb ?? null,
      identificationStatus: 'identified',
      identificationSource: source,
      ...(source === 'manual' ? { changeSeq: dsql`${table.changeSeq} + 1` } : {}),
    });
  }

  /**
   * A person allows publishing to set aside and replace the NFOs the last scan could not read: a change a
   * pass must publish, bumped in the same statement.
   */
  async allowReplacingUnreadableNfo(kind: TitleKind, id: string): Promise<void> {
    const table = titleTable(kind);
    await this.db
      .update(table)
      .set({ replaceUnreadableNfo: true, changeSeq: dsql`${table.changeSeq} + 1` })
      .where(eq(table.id, id));
  }

  /** The NFO publishing wrote for the title. */
  async setNfoPath(kind: TitleKind, id: string, nfoPath: string): Promise<void> {
    const table = titleTable(kind);
    await this.db.update(table).set({ nfoPath }).where(eq(table.id, id));
  }

  /** Publishing replaced the unreadable NFOs: the title (and a show's episodes) have none any more. */
  async clearUnreadableNfo(kind: TitleKind, id: string): Promise<void> {
    const table = titleTable(kind);
    await this.db.update(table).set({ unreadableNfoPath: null, replaceUnreadableNfo: false }).where(eq(table.id, id));
    if (kind === 'show') await this.db.update(episodes).set({ unreadableNfoPath: null }).where(eq(episodes.showId, id));
  }

  seasonsOf(showId: string): Promise<Season[]> {
    return this.db.select().from(seasons).where(eq(seasons.showId, showId)).orderBy(asc(seasons.seasonNumber));
  }

  episodesOf(showId: string): Promise<Episode[]> {
    return this.db
      .select()
      .from(episodes)
      .where(eq(episodes.showId, showId))
      .orderBy(asc(episodes.seasonNumber), asc(episodes.episodeNumber));
  }

  async findEpisode(id: string): Promise<Episode | undefined> {
    const [row] = await this.db.select().from(episodes).where(eq(episodes.id, id));
    return row;
  }

  async updateEpisode(id: string, columns: Partial<typeof episodes.$inferInsert>): Promise<void> {
    await this.db.update(episodes).set(columns).where(eq(episodes.id, id));
  }
}
