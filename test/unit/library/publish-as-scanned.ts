import type { Episode, Movie, Show } from '../../../src/db/schema/index.js';
import { episodeNfoFromRow, movieNfoFromTitle, tvShowNfoFromTitle } from '../../../src/library/publish/nfo-from-title.js';
import { metadataFromScan } from '../../../src/library/title-metadata.js';
import {
  isCast,
  parseNfo,
  writeEpisodeNfo,
  writeMovieNfo,
  writeTvShowNfo,
  type EpisodeNfo,
  type MovieNfo,
  type NfoActor,
  type NfoFileInfo,
  type TvShowNfo,
} from '../../../src/media/nfo/index.js';
import { idsFromUniqueIds, identifyTitle } from '../../../src/media/title-scan/identify-title.js';

/**
 * Publishing as the publisher does it, from the rows the scan stores for a parsed NFO (the NFO on disk
 * passed as `existing`), without a database: what a file holds that the rows do not is the file's to keep.
 */

/** The cast rows the scan stores: people whose `<type>` makes them cast, numbered by position. */
function castRows(actors: readonly NfoActor[]) {
  return actors.filter(isCast).map((actor, index) => ({
    name: actor.name,
    role: actor.role ?? null,
    sortOrder: actor.order ?? index,
    thumbUrl: actor.thumb ?? null,
  }));
}

export function publishMovie(nfo: MovieNfo, probe?: NfoFileInfo): string {
  const row = {
    ...metadataFromScan(nfo, identifyTitle('Movie (2000)', nfo.uniqueIds)),
    setName: nfo.set?.name ?? null,
    setOverview: nfo.set?.overview ?? null,
    trailer: nfo.trailer ?? null,
  } as unknown as Movie;
  return writeMovieNfo(
    movieNfoFromTitle(row, { actors: castRows(nfo.actors), thumbs: nfo.thumbs, extra: nfo.extra, existing: nfo, fileInfo: probe }),
  );
}

export function publishTvShow(nfo: TvShowNfo): string {
  const row = { ...metadataFromScan(nfo, identifyTitle('Show (2000)', nfo.uniqueIds)), status: nfo.status ?? null } as unknown as Show;
  return writeTvShowNfo(
    tvShowNfoFromTitle(row, {
      actors: castRows(nfo.actors),
      thumbs: nfo.thumbs,
      extra: nfo.extra,
      seasonNames: nfo.namedSeasons.map(({ number, name }) => ({ number, name })),
      existing: nfo,
    }),
  );
}

/** An episode NFO from rows as the scan stores them, one per block, in the file's order. */
export function publishEpisodes(blocks: readonly EpisodeNfo[], probe?: NfoFileInfo): string {
  return writeEpisodeNfo(
    blocks.map((block) => {
      const ids = idsFromUniqueIds(block.uniqueIds);
      const row = {
        seasonNumber: block.season ?? 1,
        episodeNumber: block.episode ?? 1,
        title: block.title ?? block.originalTitle ?? null,
        plot: block.plot ?? null,
        aired: block.aired ?? block.premiered ?? null,
        runtime: block.runtime ?? null,
        ratings: block.ratings,
        directors: block.directors,
        credits: block.credits,
        tmdbId: ids.tmdb ?? null,
        imdbId: ids.imdb ?? null,
        tvdbId: ids.tvdb ?? null,
      } as unknown as Episode;
      return episodeNfoFromRow(row, { showTitle: block.showTitle ?? 'Show', existing: block, fileInfo: probe });
    }),
  );
}

export function movieOf(text: string): MovieNfo {
  const parsed = parseNfo(text, 'movie.nfo');
  if (parsed.kind !== 'movie') throw new Error(`read a ${parsed.kind} NFO, not a movie`);
  return parsed.movie;
}

export function tvShowOf(text: string): TvShowNfo {
  const parsed = parseNfo(text, 'tvshow.nfo');
  if (parsed.kind !== 'tvshow') throw new Error(`read a ${parsed.kind} NFO, not a show`);
  return parsed.tvShow;
}

export function episodesOf(text: string): EpisodeNfo[] {
  const parsed = parseNfo(text, 'episode.nfo');
  if (parsed.kind !== 'episodedetails') throw new Error(`read a ${parsed.kind} NFO, not an episode`);
  return parsed.episodes;
}
