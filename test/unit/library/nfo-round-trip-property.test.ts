import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNfo, type SeasonNfo } from '../../../src/media/nfo/index.js';
import { episodesOf, movieOf, publishEpisodes, publishMovie, publishTvShow, tvShowOf } from './publish-as-scanned.js';

/**
 * parse → store as the scan stores it → publish → parse gives the same data, for NFOs from every writer, of
 * every kind, with arbitrary unknown elements added at the root of each block of a multi-episode file,
 * inside actors, streams, `<fileinfo>` and `<set>`, and arbitrary attributes on list values, single-valued
 * elements, ids, ratings, named seasons, the set's and actors' children and the file info elements; and
 * what is published once is published again byte for byte. Each added attribute and element is looked for
 * in the published text, so one the reader skipped on both sides is still caught.
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
const attributeText = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join('');
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
  seasonName: string;
  atRoot: string[][];
  inActors: string[][];
  inStreams: string[][];
  inContainers: string[][];
  onPeople: Record<string, string>[];
  onNested: Record<string, string>[];
}
const additions: fc.Arbitrary<Additions> = fc.record({
  plot: xmlText,
  seasonName: xmlText.map((text) => `Season ${text}`.trim()),
  atRoot: fc.array(unknownElements, { minLength: 3, maxLength: 3 }),
  inActors: fc.array(unknownElements, { minLength: 3, maxLength: 3 }),
  inStreams: fc.array(unknownElements, { minLength: 3, maxLength: 3 }),
  inContainers: fc.array(unknownElements, { minLength: 3, maxLength: 3 }),
  onPeople: fc.array(attributes, { minLength: 3, maxLength: 3 }),
  onNested: fc.array(attributes, { minLength: 5, maxLength: 5 }),
});

/** A fixture with additions, and what the published file must still hold: an attribute on an element, an element inside one. */
interface Sample {
  text: string;
  attributes: { element: string; attribute: string }[];
  children: { parent: string; child: string }[];
}

// Only a start tag's own attributes: a self-closing tag gets them before its slash.
const startTag = (names: string) => new RegExp(`<(${names})(\\s[^>]*?)?(/?)>`, 'g');

function withAdditions(text: string, root: string, add: Additions): Sample {
  const nth = <T>(list: readonly T[]) => {
    let index = 0;
    return () => list[index++ % list.length]!;
  };
  const [atRoot, inActors, inStreams, inContainers] = [nth(add.atRoot), nth(add.inActors), nth(add.inStreams), nth(add.inContainers)];
  const [onPeople, onNested] = [nth(add.onPeople), nth(add.onNested)];
  const sample: Sample = { text, attributes: [], children: [] };
  // An empty element is not written, so its attributes are not looked for.
  const withAttributes = (name: string, existing: string, empty: boolean, slash: string, values: Record<string, string>) => {
    if (!empty)
      for (const [key, value] of Object.entries(values)) sample.attributes.push({ element: name, attribute: ` ${key}="${value}"` });
    return `<${name}${existing}${attributeText(values)}${slash}>`;
  };
  const addAttributes = (source: string, names: string, values: () => Record<string, string>) =>
    source.replace(startTag(names), (tag: string, name: string, existing = '', slash: string, offset: number) =>
      withAttributes(name, existing, slash === '/' || /^\s*<\//.test(source.slice(offset + tag.length)), slash, values()),
    );
  const addChildren = (source: string, parent: string) =>
    source.replace(new RegExp(`</${parent}>`, 'g'), () => {
      const elements = inContainers();
      for (const element of elements) sample.children.push({ parent, child: /^<([^\s>]+)/.exec(element)![1]! });
      return `${elements.join('')}</${parent}>`;
    });

  let result = add.plot === '' ? text : text.replace(/<plot>[\s\S]*?<\/plot>/g, () => `<plot>${add.plot}</plot>`);
  if (root === 'tvshow') result = result.replace('</tvshow>', () => `<namedseason number="1">${add.seasonName}</namedseason></tvshow>`);
  result = result.replace(new RegExp(`</${root}>`, 'g'), () => `${atRoot().join('')}</${root}>`);
  result = result.replace(/<\/actor>/g, () => `${inActors().join('')}</actor>`);
  result = result.replace(/<\/(video|audio|subtitle)>/g, (_, stream: string) => `${inStreams().join('')}</${stream}>`);
  result = addChildren(addChildren(result, 'fileinfo'), 'set');
  const attributed =
    'credits|director|writer|genre|studio|country|tag|title|originaltitle|sorttitle|plot|outline|year|premiered|aired|season|episode|mpaa|runtime|uniqueid';
  result = addAttributes(result, attributed, onPeople);
  result = addAttributes(result, 'ratings|rating|namedseason|fileinfo|streamdetails|video|audio|subtitle', onNested);
  // The children of actors and of the set, which share names (<name>) with nothing else at those places.
  result = result.replace(/<(actor|set)(\s[^>]*)?>[\s\S]*?<\/\1>/g, (block: string) =>
    addAttributes(block, 'name|role|type|order|sortorder|thumb|overview', onNested),
  );
  return { ...sample, text: result };
}

const fixtureWithAdditions = (texts: readonly string[], root: string) =>
  fc.tuple(fc.constantFrom(...texts), additions).map(([text, add]) => withAdditions(text, root, add));

// Elements read under one name and written under Kodi's.
const WRITTEN_AS: Readonly<Record<string, string>> = { sortorder: 'order', writer: 'credits' };

/**
 * Each added attribute is on a start tag of its element (or of the element it is written as), and each
 * added element inside its parent, in the published text, as often as they were added.
 */
function expectAdditionsKept(published: string, sample: Sample): void {
  const tags = [...published.matchAll(/<([^\s>/?]+)[^>]*>/g)];
  const startTagsOf = (element: string) => tags.filter((tag) => tag[1] === (WRITTEN_AS[element] ?? element)).map((tag) => tag[0]);
  const added = (list: string[]) => list.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>());
  for (const [key, count] of added(sample.attributes.map(({ element, attribute }) => JSON.stringify([element, attribute])))) {
    const [element, attribute] = JSON.parse(key) as [string, string];
    expect(startTagsOf(element).filter((tag) => tag.includes(attribute)).length, `${attribute} on <${element}>`).toBeGreaterThanOrEqual(
      count,
    );
  }
  for (const [key, count] of added(sample.children.map(({ parent, child }) => JSON.stringify([parent, child])))) {
    const [parent, child] = JSON.parse(key) as [string, string];
    const blocks = [...published.matchAll(new RegExp(`<${parent}[\\s>][\\s\\S]*?</${parent}>`, 'g'))].map((match) => match[0]);
    const found = blocks.reduce((total, block) => total + [...block.matchAll(new RegExp(`<${child}[\\s/>]`, 'g'))].length, 0);
    expect(found, `<${child}> in <${parent}>`).toBeGreaterThanOrEqual(count);
  }
}

function seasonOf(text: string): SeasonNfo {
  const parsed = parseNfo(text, 'season.nfo');
  if (parsed.kind !== 'season') throw new Error(parsed.kind);
  return parsed.season;
}

describe('publishing what was read', () => {
  it('gives back the same movie data, unknown elements written the same way every time', () => {
    fc.assert(
      fc.property(fixtureWithAdditions(MOVIES, 'movie'), (sample) => {
        const original = movieOf(sample.text);
        const published = publishMovie(original);
        expectAdditionsKept(published, sample);
        expect(movieOf(published)).toStrictEqual(original);
        expect(publishMovie(movieOf(published))).toBe(published);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('gives back the same show data', () => {
    fc.assert(
      fc.property(fixtureWithAdditions(SHOWS, 'tvshow'), (sample) => {
        const original = tvShowOf(sample.text);
        const published = publishTvShow(original);
        expectAdditionsKept(published, sample);
        expect(tvShowOf(published)).toStrictEqual(original);
        expect(publishTvShow(tvShowOf(published))).toBe(published);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('gives back the same data for every block of an episode NFO', () => {
    fc.assert(
      fc.property(fixtureWithAdditions(EPISODES, 'episodedetails'), (sample) => {
        const original = episodesOf(sample.text);
        const published = publishEpisodes(original);
        expectAdditionsKept(published, sample);
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
        expect(season.extra.slice(before.length).map((element) => element.name)).toEqual(
          elements.map((element) => /^<([^\s>]+)/.exec(element)![1]),
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
