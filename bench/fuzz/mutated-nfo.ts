import fc from 'fast-check';
import { movieNfoXml } from '../support/movie-nfo.js';

/**
 * Mutated movie.nfo files, as hand edits, broken exports and hostile files make them: unescaped `&`,
 * unclosed tags, entity bombs, files far past the read ceiling, binary garbage, truncation, NUL bytes,
 * lone surrogates, deep nesting, another root element.
 */
const base = (i: number) =>
  movieNfoXml({
    title: `Fuzz Movie ${i}`,
    year: 1990 + (i % 30),
    tmdbId: 1000 + i,
    plot: 'A plot.',
    actors: [{ name: 'Some One', role: 'Lead' }],
  });

const BOMB = `<?xml version="1.0"?>
<!DOCTYPE movie [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<movie><title>&g;</title></movie>`;

type NfoMutation = (text: string, n: number) => string | Buffer;

const mutations: NfoMutation[] = [
  (t) => t.replace('A plot.', 'Tom & Jerry'),
  (t) => t.replace('</actor>', ''),
  (t) => t.replace('<title>', '<title>Title & <b>bold'),
  () => BOMB,
  (t) => t.replace('A plot.', '&lol;&amp;&#0;&#xD800;&#1114112;'),
  (t, n) => t.slice(0, n % t.length),
  (t, n) => Buffer.concat([Buffer.from(t.slice(0, n % t.length)), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xed, 0xa0, 0x80])]),
  (t) => t.replace('A plot.', 'nul\u0000byte'),
  (t) => t.replace('Fuzz Movie', 'lone \ud800 surrogate'),
  (t) => `\uFEFF${t}`,
  (t) => t.replace('<movie>', '<tvshow>').replace('</movie>', '</tvshow>'),
  (t) => t.replace('<genre>Drama</genre>', `${'<x>'.repeat(5_000)}${'</x>'.repeat(5_000)}`),
  (t) => t.replace('A plot.', 'p'.repeat(6 * 1024 * 1024)),
  (t) => t.replace('A plot.', 'p'.repeat(1024 * 1024)),
  (t) => t.replace(/<year>\d+<\/year>/, '<year>99999999999999999999</year>').replace(/>\d+<\/uniqueid>/, '>-1e400</uniqueid>'),
  (t) => t.replace('<uniqueid type="tmdb" default="true">', '<uniqueid type="tmdb" default="true">all'),
  (t) => t.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0" encoding="UTF-16"?>'),
  (t) => t.replace('<title>', '<title><![CDATA[').replace('</title>', ''),
  (t) => `${t}${t}`,
  () => '',
  () => 'https://www.themoviedb.org/movie/603\n',
];

/** The n-th mutated NFO: random byte flips on top of one or two of the mutations above. */
export function mutatedNfo(n: number, seed: number): string | Buffer {
  const [first, second, flips] = fc.sample(
    fc.tuple(fc.nat(mutations.length - 1), fc.nat(mutations.length), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 3 })),
    { seed: seed + n, numRuns: 1 },
  )[0]!;
  let text: string | Buffer = mutations[first]!(base(n), n);
  if (second < mutations.length && typeof text === 'string' && text.length < 2 * 1024 * 1024) text = mutations[second]!(text, n * 7);
  if (flips.length === 0) return text;
  const bytes = Buffer.from(text);
  for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
  return bytes;
}
