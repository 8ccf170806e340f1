import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNfo, type SeasonNfo } from '../../../src/media/nfo/index.js';
import { episodesOf, movieOf, publishEpisodes, publishMovie, publishTvShow, tvShowOf } from './publish-as-scanned.js';

/**
 * parse → store as the scan stores it → publish → parse gives the same data, for NFOs from every writer, of
 * every kind, with arbitrary unknown elements added at the root of each block of a multi-episode file,
 * inside actors and streams, and arbitrary attributes on list values, single-valued elements and ids; and what is published once is published
 * again byte for byte.
 */
const SEED = 1919;
const RUNS = 100;
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/nfo-writers/${name}`, import.meta.url), 'utf8');
const MOVIES = ['jellyfin.movie.nfo', 'emby.movie.nfo', 'tmm.movie.nfo', 'radarr.movie.nfo'].map(fixture);
const SHOWS = ['jellyfin.tvshow.nfo'].map(fixture);
const EPISODES = ['kodi.episode.nfo', 'sonarr-reversed.multi-episode.nfo'].map(fixture);
const SEASONS = ['jellyfin.season.nfo'].map(fixture);

// Every generated name starts with x, which no modelled element or attribute does.
const xmlName = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).map((name) => `x${name}`);
const xmlText = fc.string({ maxLength: 30 }).map((text) => text.replace(/[&<>"\]]/g, ' ').trim());
const attributes = fc.dictionary(xmlName, xmlText, { maxKeys: 2 });
const attributeText = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ` ${key}="${value}"`).join('');
// An element no reader models: with attributes, text or children, as a tool of tomorrow might write it.
const unknownElement: fc.Arbitrary<string> = fc
  .tuple(xmlName, attributes, fc.oneof(xmlText, fc.array(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), xmlText), { maxLength: 3 })))
  .map(([name, values, content]) => {
    const inner = typeof content === 'string' ? content : content.map(([child, text]) => `<${child}>${text}</${child}>`).join('');
    return `<${name}${attributeText(values)}>${inner}</${name}>`;
  });
const unknownElements = fc.array(unknownElement, { maxLength: 3 });

/** Each place in a fixture gets its own unknown content, so every block of a multi-episode file differs. */
interface Additions {
  plot: string;
  atRoot: string[][];
  inActors: string[][];
  inStreams: string[][];
  onPeople: Record<string, string>[];
}
const additions: fc.Arbitrary<Additions> = fc.record({
  plot: xmlText,
  atRoot: fc.array(unknownElements, { minLength: 3, maxLength: 3 }),
  inActors: fc.array(unknownElements, { minLength: 3, maxLength: 3 }),
  inStreams: fc.array(unknownElements, { minLength: 3, maxLength: 3 }),
  onPeople: fc.array(attributes, { minLength: 3, maxLength: 3 }),
});

function withAdditions(text: string, root: string, add: Additions): string {
  const nth = <T>(list: readonly T[]) => {
    let index = 0;
    return () => list[index++ % list.length]!;
  };
  const [atRoot, inActors, inStreams, onPeople] = [nth(add.atRoot), nth(add.inActors), nth(add.inStreams), nth(add.onPeople)];
  let result = add.plot === '' ? text : text.replace(/<plot>[\s\S]*?<\/plot>/g, () => `<plot>${add.plot}</plot>`);
  result = result.replace(new RegExp(`</${root}>`, 'g'), () => `${atRoot().join('')}</${root}>`);
  result = result.replace(/<\/actor>/g, () => `${inActors().join('')}</actor>`);
  result = result.replace(/<\/(video|audio|subtitle)>/g, (_, stream: string) => `${inStreams().join('')}</${stream}>`);
  const attributed = /<(credits|director|writer|genre|studio|country|tag|title|originaltitle|sorttitle|plot|outline|year|premiered|aired|season|episode|mpaa|runtime|uniqueid)(\s[^>]*)?>/g;
  return result.replace(attributed, (_, name: string, existing = '') => `<${name}${existing}${attributeText(onPeople())}>`);
}

const fixtureWithAdditions = (texts: readonly string[], root: string) =>
  fc.tuple(fc.constantFrom(...texts), additions).map(([text, add]) => withAdditions(text, root, add));

function seasonOf(text: string): SeasonNfo {
  const parsed = parseNfo(text, 'season.nfo');
  if (parsed.kind !== 'season') throw new Error(parsed.kind);
  return parsed.season;
}

describe('publishing what was read', () => {
  it('gives back the same movie data, unknown elements written the same way every time', () => {
    fc.assert(
      fc.property(fixtureWithAdditions(MOVIES, 'movie'), (text) => {
        const original = movieOf(text);
        const published = publishMovie(original);
        expect(movieOf(published)).toStrictEqual(original);
        expect(publishMovie(movieOf(published))).toBe(published);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('gives back the same show data', () => {
    fc.assert(
      fc.property(fixtureWithAdditions(SHOWS, 'tvshow'), (text) => {
        const original = tvShowOf(text);
        const published = publishTvShow(original);
        expect(tvShowOf(published)).toStrictEqual(original);
        expect(publishTvShow(tvShowOf(published))).toBe(published);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('gives back the same data for every block of an episode NFO', () => {
    fc.assert(
      fc.property(fixtureWithAdditions(EPISODES, 'episodedetails'), (text) => {
        const original = episodesOf(text);
        const published = publishEpisodes(original);
        expect(episodesOf(published)).toStrictEqual(original);
        expect(publishEpisodes(episodesOf(published))).toBe(published);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('keeps every unknown element of a season.nfo, which is never written, in the order of the file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEASONS), unknownElements, (text, elements) => {
        const before = seasonOf(text).extra;
        const season = seasonOf(text.replace('</season>', () => `${elements.join('')}</season>`));
        expect(season.extra.slice(0, before.length)).toStrictEqual(before);
        expect(season.extra.slice(before.length).map((element) => element.name)).toEqual(elements.map((element) => /^<([^\s>]+)/.exec(element)![1]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
