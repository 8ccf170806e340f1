import { describe, expect, it } from 'vitest';
import { parseNfo, writeEpisodeNfo, writeMovieNfo, writeTvShowNfo } from '../../../../src/media/nfo/index.js';
import type { ParsedNfo } from '../../../../src/media/nfo/index.js';
import { readFixture } from './fixtures/read-fixture.js';

function write(parsed: ParsedNfo): string {
  switch (parsed.kind) {
    case 'movie':
      return writeMovieNfo(parsed.movie);
    case 'tvshow':
      return writeTvShowNfo(parsed.tvShow);
    case 'episodedetails':
      return writeEpisodeNfo(parsed.episodes);
    case 'url-only':
    case 'season':
      throw new Error(`a ${parsed.kind} NFO is never written`);
  }
}

describe('parse → write → parse', () => {
  it.each(['the-matrix.movie.nfo', 'breaking-bad.tvshow.nfo', 'pilot.episode.nfo', 'lost-s01e01e02.multi-episode.nfo'])(
    'gives deep-equal data for %s, and rewriting gives the same bytes',
    (fixture) => {
      const first = parseNfo(readFixture(fixture), fixture);
      const written = write(first);
      const second = parseNfo(written, fixture);
      expect(second).toStrictEqual(first);
      expect(write(second)).toBe(written);
    },
  );

  it('keeps unknown elements with their attributes, nesting, namespaces and mixed content', () => {
    const xml = [
      '<movie>',
      '  <title>Alien</title>',
      '  <tmm:source xmlns:tmm="https://tinymediamanager.org">BLURAY</tmm:source>',
      '  <fanart url="https://example.org/"><thumb preview="p.jpg">f.jpg</thumb><thumb>g.jpg</thumb></fanart>',
      '  <watched/>',
      '  <note lang="en">before <b>bold</b> after</note>',
      '  <edition>Director&apos;s Cut &amp; more</edition>',
      '</movie>',
    ].join('\n');
    const first = parseNfo(xml, 'movie.nfo');
    const second = parseNfo(write(first), 'movie.nfo');
    expect(second).toStrictEqual(first);
    expect(second.kind === 'movie' && second.movie.extra).toEqual([
      { name: 'tmm:source', attributes: { 'xmlns:tmm': 'https://tinymediamanager.org' }, children: ['BLURAY'] },
      {
        name: 'fanart',
        attributes: { url: 'https://example.org/' },
        children: [
          { name: 'thumb', attributes: { preview: 'p.jpg' }, children: ['f.jpg'] },
          { name: 'thumb', attributes: {}, children: ['g.jpg'] },
        ],
      },
      { name: 'watched', attributes: {}, children: [] },
      { name: 'note', attributes: { lang: 'en' }, children: ['before', { name: 'b', attributes: {}, children: ['bold'] }, 'after'] },
      { name: 'edition', attributes: {}, children: ["Director's Cut & more"] },
    ]);
  });

  it('keeps unicode, markup characters and line breaks in text and attributes', () => {
    const xml =
      '<movie><title>千と千尋の神隠し 🎬</title><plot>A &lt;b&gt; &amp; "quoted"\nsecond line — עברית</plot>' +
      '<thumb aspect="poster" preview="a&quot;b&#10;c">https://example.org/?q=ä&amp;x=1</thumb></movie>';
    const first = parseNfo(xml, 'movie.nfo');
    const second = parseNfo(write(first), 'movie.nfo');
    expect(second).toStrictEqual(first);
    expect(second.kind === 'movie' && second.movie.plot).toBe('A <b> & "quoted"\nsecond line — עברית');
    expect(second.kind === 'movie' && second.movie.thumbs[0]?.preview).toBe('a"b\nc');
  });

  it('normalises legacy forms once, then stays stable', () => {
    const legacy =
      '<movie><id>tt0078748</id><tmdbid>348</tmdbid><rating>8.5</rating><votes>1,000</votes>' +
      '<set>Alien Collection</set><genre>Horror / Sci-Fi</genre><runtime>117 min</runtime></movie>';
    const first = parseNfo(legacy, 'movie.nfo');
    const written = write(first);
    expect(written).toContain('<uniqueid type="imdb" default="true">tt0078748</uniqueid>');
    expect(written).toContain('<rating name="default" default="true">');
    expect(written).toContain('<set>\n    <name>Alien Collection</name>\n  </set>');
    expect(parseNfo(written, 'movie.nfo')).toStrictEqual(first);
  });

  it('survives a JSON round trip, as a Temporal payload would', () => {
    const parsed = parseNfo(readFixture('the-matrix.movie.nfo'), 'movie.nfo');
    expect(JSON.parse(JSON.stringify(parsed))).toStrictEqual(parsed);
  });
});
