import { and, between, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { episodes, processingItems, requests, shows } from '../schema/index.js';

export interface CalendarEntry {
  /** YYYY-MM-DD: an episode's air date or a movie's release date. */
  date: string;
  kind: 'episode' | 'movie';
  /** "Breaking Bad (2008)" or "Heat (1995)". */
  title: string;
  seasonNumber: number | null;
  episodeNumber: number | null;
  episodeTitle: string | null;
  /** `library`: in a library already; `request`: asked for, with its item's status. */
  source: 'library' | 'request';
  status: string;
  libraryId: string | null;
  titleId: string | null;
  requestId: string | null;
  itemId: string | null;
}

const named = (title: unknown, year: unknown) =>
  sql<string>`case when ${year} is null then coalesce(${title}, 'Untitled') else coalesce(${title}, 'Untitled') || ' (' || ${year} || ')' end`;

/** Dates of what is in the libraries and what was asked for, for GET /api/calendar and its iCal feed. */
export class CalendarRepository {
  constructor(private readonly db: Database) {}

  async between(start: string, end: string): Promise<CalendarEntry[]> {
    const [library, requested, movies] = await Promise.all([
      this.db
        .select({
          date: sql<string>`${episodes.aired}`,
          title: named(shows.title, shows.year),
          seasonNumber: episodes.seasonNumber,
          episodeNumber: episodes.episodeNumber,
          episodeTitle: episodes.title,
          libraryId: shows.libraryId,
          titleId: shows.id,
        })
        .from(episodes)
        .innerJoin(shows, eq(shows.id, episodes.showId))
        // A partial date ("2008") or none is no day on a calendar.
        .where(and(isNull(shows.deletedAt), sql`${episodes.aired} ~ '^\\d{4}-\\d{2}-\\d{2}$'`, between(episodes.aired, start, end))),
      this.db
        .select({
          date: sql<string>`${processingItems.airDate}`,
          title: named(requests.title, requests.year),
          seasonNumber: processingItems.seasonNumber,
          episodeNumber: processingItems.episodeNumber,
          episodeTitle: processingItems.title,
          status: processingItems.status,
          requestId: requests.id,
          itemId: processingItems.id,
        })
        .from(processingItems)
        .innerJoin(requests, eq(requests.id, processingItems.requestId))
        .where(and(eq(requests.type, 'tv'), between(processingItems.airDate, start, end))),
      this.db
        .select({
          date: sql<string>`${requests.releaseDate}`,
          title: named(requests.title, requests.year),
          status: sql<string>`coalesce((select ${processingItems.status}::text from ${processingItems} where ${processingItems.requestId} = ${requests.id} limit 1), ${requests.status}::text)`,
          requestId: requests.id,
          itemId: sql<
            string | null
          >`(select ${processingItems.id} from ${processingItems} where ${processingItems.requestId} = ${requests.id} limit 1)`,
        })
        .from(requests)
        .where(and(eq(requests.type, 'movie'), between(requests.releaseDate, start, end))),
    ]);
    const entries: CalendarEntry[] = [
      ...library.map((e) => ({
        ...e,
        kind: 'episode' as const,
        source: 'library' as const,
        status: 'IN_LIBRARY',
        requestId: null,
        itemId: null,
      })),
      ...requested.map((e) => ({ ...e, kind: 'episode' as const, source: 'request' as const, libraryId: null, titleId: null })),
      ...movies.map((e) => ({
        ...e,
        kind: 'movie' as const,
        source: 'request' as const,
        seasonNumber: null,
        episodeNumber: null,
        episodeTitle: null,
        libraryId: null,
        titleId: null,
      })),
    ];
    return entries.sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.title.localeCompare(b.title) ||
        (a.seasonNumber ?? 0) - (b.seasonNumber ?? 0) ||
        (a.episodeNumber ?? 0) - (b.episodeNumber ?? 0),
    );
  }
}
