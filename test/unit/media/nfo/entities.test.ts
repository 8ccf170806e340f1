import { describe, expect, it } from 'vitest';
import { parseNfo, type MovieNfo } from '../../../../src/media/nfo/index.js';

function movieOf(xml: string): MovieNfo {
  const parsed = parseNfo(xml, 'movie.nfo');
  if (parsed.kind !== 'movie') throw new Error(`parsed a ${parsed.kind}`);
  return parsed.movie;
}

describe('entities in NFO files', () => {
  it('reads as many entities as a long Kodi or tinyMediaManager export holds (no expansion limit to hit)', () => {
    // 5,000 &amp; in a plot, 5,000 more in tags and thumb attributes, numeric and HTML named references besides.
    const plot = 'Tom &amp; Jerry &#233;&#x41; &eacute; '.repeat(5_000);
    const tags = '<tag>R&amp;B</tag>'.repeat(5_000);
    const thumbs = '<thumb aspect="poster" preview="a&amp;b">http://x/?a=1&amp;b=2</thumb>'.repeat(1_000);
    const movie = movieOf(`<movie><title>A &amp; B</title><plot>${plot}</plot>${tags}${thumbs}</movie>`);
    expect(movie.title).toBe('A & B');
    expect(movie.plot?.match(/Tom & Jerry éA é/g)).toHaveLength(5_000);
    expect(movie.tags).toHaveLength(5_000);
    expect(movie.tags.every((tag) => tag === 'R&B')).toBe(true);
    expect(movie.thumbs[999]).toEqual({ url: 'http://x/?a=1&b=2', aspect: 'poster', preview: 'a&b' });
  });

  it('reads 200,000 entities in one element', () => {
    expect(movieOf(`<movie><plot>${'&amp;'.repeat(200_000)}</plot></movie>`).plot).toHaveLength(200_000);
  });

  it('never expands entities a DOCTYPE declares (billion laughs), and reads the rest of the file', () => {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let level = 1; level <= 9; level++) levels.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE movie [\n${levels.join('\n')}\n]>\n<movie><title>&lol9;</title><year>1999</year></movie>`;
    const started = Date.now();
    const movie = movieOf(bomb);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(movie.title).toBe('&lol9;');
    expect(movie.year).toBe(1999);
  });

  it('does not read external entities a DOCTYPE declares', () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE movie [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<movie><title>&secret;</title></movie>';
    expect(movieOf(xml).title).toBe('&secret;');
  });
});
