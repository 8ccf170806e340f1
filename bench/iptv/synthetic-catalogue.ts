import { syntheticImdbId } from '../../test/fakes/tmdb.js';
import { xtreamMovie, type XtreamCatalogue } from '../../test/fakes/xtream.js';

/** How the titles of the synthetic catalogue reach TMDB, and how many TMDB requests each costs. */
export interface CatalogueMix {
  /** The panel lists the TMDB id: one /movie/{id}. */
  withTmdbId: number;
  /** get_vod_info gives the IMDb id: /find then /movie/{id}. */
  withImdbId: number;
  /** Name and year only: one /search/movie with the year. */
  byName: number;
  /** No TMDB title: /search/movie with the year, then without. */
  unmatched: number;
  /** Malformed entries (non-numeric id): no request. */
  malformed: number;
}

export function catalogueMix(titles: number): CatalogueMix {
  const withImdbId = Math.round(titles * 0.02);
  const unmatched = Math.round(titles * 0.03);
  const malformed = Math.round(titles * 0.005);
  const byName = Math.round(titles * 0.2);
  return { withTmdbId: titles - withImdbId - unmatched - malformed - byName, withImdbId, byName, unmatched, malformed };
}

/** TMDB requests the matching needs at least (plus /configuration once per client). */
export function expectedTmdbRequests(mix: CatalogueMix): number {
  return mix.withTmdbId + 2 * mix.withImdbId + mix.byName + 2 * mix.unmatched;
}

/**
 * An Xtream catalogue of movies "Synthetic Movie <id> (<year>)" with ids from `firstId`, in the mix given,
 * as the fake TMDB's synthetic catalogue knows them (same ids, titles and years).
 */
export function syntheticXtreamCatalogue(firstId: number, mix: CatalogueMix, year: (id: number) => number): XtreamCatalogue {
  const vodStreams: unknown[] = [];
  const vodInfo: Record<string, unknown> = {};
  let id = firstId;
  const name = (n: number) => `Synthetic Movie ${n} (${year(n)})`;
  for (let i = 0; i < mix.withTmdbId; i++, id++) vodStreams.push(xtreamMovie(id, name(id), { tmdb: String(id), category_id: '1' }));
  for (let i = 0; i < mix.withImdbId; i++, id++) {
    vodStreams.push(xtreamMovie(id, name(id)));
    vodInfo[String(id)] = { info: { name: `Synthetic Movie ${id}`, imdb_id: syntheticImdbId(id) }, movie_data: { stream_id: id } };
  }
  for (let i = 0; i < mix.byName; i++, id++) vodStreams.push(xtreamMovie(id, `EN - ${name(id)} 4K`));
  for (let i = 0; i < mix.unmatched; i++, id++) vodStreams.push(xtreamMovie(id, `Home Video ${id} (2001)`));
  for (let i = 0; i < mix.malformed; i++) vodStreams.push(xtreamMovie(`x${i}`, `Broken ${i}`));
  return {
    vodCategories: [{ category_id: '1', category_name: 'Movies', parent_id: 0 }],
    vodStreams,
    seriesCategories: [],
    series: [],
    vodInfo,
    seriesInfo: {},
  };
}
