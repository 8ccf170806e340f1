import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Episode, Movie } from '../../../src/db/schema/index.js';
import { episodeNfoFromRow, movieNfoFromTitle } from '../../../src/library/publish/nfo-from-title.js';
import { metadataFromScan } from '../../../src/library/title-metadata.js';
import { isCast, parseNfo, writeEpisodeNfo, writeMovieNfo, type EpisodeNfo, type MovieNfo } from '../../../src/media/nfo/index.js';
import { idsFromUniqueIds, identifyTitle } from '../../../src/media/title-scan/identify-title.js';

/**
 * parse → store as the scan stores it → publish → parse gives the same data, for NFOs from every writer with
 * arbitrary unknown elements, attributes and values added; and what is published once is published again
 * byte for byte.
 */
const SEED = 1919;
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/nfo-writers/${name}`, import.meta.url), 'utf8');
const MOVIES = ['jellyfin.movie.nfo', 'emby.movie.nfo', 'tmm.movie.nfo', 'radarr.movie.nfo'].map(fixture);
const EPISODES = ['kodi.episode.nfo', 'sonarr-reversed.multi-episode.nfo'].map(fixture);

const xmlName = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).filter((name) => !MODELLED.has(name));
const xmlText = fc.string({ maxLength: 30 }).map((text) => text.replace(/[&<>"\]]/g, ' ').trim());
// An element no reader models: with attributes, text or children, as a tool of tomorrow might write it.
const unknownElement: fc.Arbitrary<string> = fc
  .tuple(xmlName, fc.dictionary(xmlName, xmlText, { maxKeys: 2 }), fc.oneof(xmlText, fc.array(fc.tuple(xmlName, xmlText), { maxLength: 3 })))
  .map(([name, attributes, content]) => {
    const attributeText = Object.entries(attributes).map(([key, value]) => ` ${key}="${value}"`).join('');
    const inner = typeof content === 'string' ? content : content.map(([child, text]) => `<${child}>${text}</${child}>`).join('');
    return `<x${name}${attributeText}>${inner}</x${name}>`;
  });
// Names the readers model, which an "unknown" element must not take (its x prefix already avoids most).
const MODELLED = new Set(['title', 'plot', 'id', 'set', 'actor', 'rating', 'ratings']);

const withUnknown = (texts: readonly string[], root: string) =>
  fc.tuple(fc.constantFrom(...texts), fc.array(unknownElement, { maxLength: 4 }), xmlText).map(([text, elements, plot]) => {
    const withPlot = plot === '' ? text : text.replace(/<plot>[\s\S]*?<\/plot>/, () => `<plot>${plot}</plot>`);
    return withPlot.replace(`</${root}>`, () => `${elements.join('')}</${root}>`);
  });

function movieOf(text: string): MovieNfo {
  const parsed = parseNfo(text, 'movie.nfo');
  if (parsed.kind !== 'movie') throw new Error(parsed.kind);
  return parsed.movie;
}

function episodesOf(text: string): EpisodeNfo[] {
  const parsed = parseNfo(text, 'episode.nfo');
  if (parsed.kind !== 'episodedetails') throw new Error(parsed.kind);
  return parsed.episodes;
}

/** Publishes a movie NFO the way the publisher does, from the row the scan stores for it. */
function publishMovie(nfo: MovieNfo): string {
  const row = {
    ...metadataFromScan(nfo, identifyTitle('Movie (2000)', nfo.uniqueIds)),
    setName: nfo.set?.name ?? null,
    setOverview: nfo.set?.overview ?? null,
    trailer: nfo.trailer ?? null,
  } as unknown as Movie;
  const cast = nfo.actors.filter(isCast).map((actor, index) => ({ name: actor.name, role: actor.role ?? null, sortOrder: actor.order ?? index, thumbUrl: actor.thumb ?? null }));
  return writeMovieNfo(movieNfoFromTitle(row, { actors: cast, thumbs: nfo.thumbs, extra: nfo.extra, existing: nfo }));
}

/** Publishes an episode NFO from rows as the scan stores them, one per block, in the file's order. */
function publishEpisodes(blocks: readonly EpisodeNfo[]): string {
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
      return episodeNfoFromRow(row, { showTitle: block.showTitle ?? 'Show', existing: block });
    }),
  );
}

describe('publishing what was read', () => {
  it('gives back the same movie data, unknown elements written the same way every time', () => {
    fc.assert(
      fc.property(withUnknown(MOVIES, 'movie'), (text) => {
        const original = movieOf(text);
        const published = publishMovie(original);
        expect(movieOf(published)).toStrictEqual(original);
        expect(publishMovie(movieOf(published))).toBe(published);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('gives back the same data for every block of an episode NFO', () => {
    fc.assert(
      fc.property(withUnknown(EPISODES, 'episodedetails'), (text) => {
        const original = episodesOf(text);
        const published = publishEpisodes(original);
        expect(episodesOf(published)).toStrictEqual(original);
        expect(publishEpisodes(episodesOf(published))).toBe(published);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
