import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NfoParseError,
  parseNfo,
  writeEpisodeNfo,
  writeMovieNfo,
  writeTvShowNfo,
  type ParsedNfo,
} from '../../../../src/media/nfo/index.js';
import { readFixture } from './fixtures/read-fixture.js';

/**
 * Whatever text an NFO holds, the reader answers with a model or an NfoParseError naming the file, within a
 * bounded time, and a model it answers with can always be written back (the publisher does exactly that).
 */
const SEED = 1913;
const PER_INPUT_MS = 1_000;
const FIXTURES = ['the-matrix.movie.nfo', 'breaking-bad.tvshow.nfo', 'pilot.episode.nfo', 'lost-s01e01e02.multi-episode.nfo'].map(
  readFixture,
);

// Pieces that stress an XML reader: markup, entities, CDATA, DOCTYPE, processing instructions, odd characters.
const PIECES = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&#1114112;',
  '&eacute;',
  '&unknown;',
  '"',
  "'",
  '</',
  '/>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE movie [<!ENTITY a "&a;&a;">]>',
  '<?xml version="1.0"?>',
  '<?pi x?>',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\r\n',
  '\t',
  ' / ',
  'https://www.imdb.com/title/tt0133093/',
  '<movie>',
  '</movie>',
  '<episodedetails>',
  '</episodedetails>',
  '<tvshow>',
  '<actor><name>',
  '<uniqueid type="tmdb">',
  '<rating>',
  '<ratings>',
  '<namedseason number="x">',
  '<a:b xmlns:a="u">',
  '<1bad>',
  '<bad name="1" name="2">',
  '<thumb season="-1">',
  'Ω',
  '😀',
  'ä',
];

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 20 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 60 }),
    times: fc.integer({ min: 2, max: 50 }),
  }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const change of mutations) {
    const at = change.at % (result.length + 1);
    if (change.kind === 'insert') result = result.slice(0, at) + change.text + result.slice(at);
    else if (change.kind === 'delete') result = result.slice(0, at) + result.slice(at + change.length);
    else result = result.slice(0, at) + result.slice(at, at + change.length).repeat(change.times) + result.slice(at + change.length);
  }
  return result;
}

function write(parsed: ParsedNfo): string | undefined {
  if (parsed.kind === 'movie') return writeMovieNfo(parsed.movie);
  if (parsed.kind === 'tvshow') return writeTvShowNfo(parsed.tvShow);
  if (parsed.kind === 'episodedetails') return writeEpisodeNfo(parsed.episodes);
  return undefined;
}

/** Parses, and writes what it parsed; only an NfoParseError naming the file may come out of it. */
function readAndWriteBack(text: string): void {
  const started = performance.now();
  try {
    const parsed = parseNfo(text, 'fuzz.nfo');
    const written = write(parsed);
    // What we write must itself be readable: the next scan reads it.
    if (written !== undefined) parseNfo(written, 'fuzz.nfo');
  } catch (error) {
    if (!(error instanceof NfoParseError)) throw error;
    expect(error.message.startsWith('fuzz.nfo: ')).toBe(true);
  }
  expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
}

describe('the NFO reader on arbitrary input', () => {
  it('answers arbitrary text with a model or an NfoParseError', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), readAndWriteBack), { seed: SEED, numRuns: 400 });
  });

  it('answers text built from XML pieces with a model or an NfoParseError', () => {
    const pieces = fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 60 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(pieces, readAndWriteBack), { seed: SEED, numRuns: 400 });
  });

  it('answers mutated Kodi NFOs with a model or an NfoParseError', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 6 }))
      .map(([text, changes]) => mutate(text, changes));
    fc.assert(fc.property(mutated, readAndWriteBack), { seed: SEED, numRuns: 600 });
  });
});
