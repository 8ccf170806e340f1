import { describe, expect, it } from 'vitest';
import { NfoParseError, parseNfo } from '../../../../src/media/nfo/index.js';

/** The error parseNfo throws for this text, failing the test when it throws none. */
function parseError(xml: string, fileName = 'movie.nfo'): NfoParseError {
  try {
    parseNfo(xml, fileName);
  } catch (error) {
    if (error instanceof NfoParseError) return error;
    throw error;
  }
  throw new Error('parseNfo did not throw');
}

describe('parseNfo on files that are not well-formed XML', () => {
  it('names the file and the line of a mismatched closing tag', () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      '<movie>',
      '  <title>The Matrix</title>',
      '  <year>1999</year>',
      '  <plot>A hacker',
      '  learns the truth.',
      '  </plt>',
      '</movie>',
    ].join('\n');
    const error = parseError(xml);
    expect(error.message).toMatch(/^movie\.nfo: not well-formed XML at line 7: /);
    expect(error.message).toContain("'plot'");
    expect(error.fileName).toBe('movie.nfo');
    expect(error.name).toBe('NfoParseError');
  });

  it('counts lines from the first line of the file, past a BOM and blank lines', () => {
    expect(parseError('\uFEFF\n\n<movie>\n<title>x</title\n</movie>').message).toMatch(/at line 4:/);
  });

  it('reports a root element that is never closed without mentioning any internal wrapper', () => {
    const error = parseError('<movie>\n  <title>The Matrix</title>\n');
    expect(error.message).toBe(
      "movie.nfo: not well-formed XML at line 2: Expected closing tag 'movie' (opened in line 1, col 1) before the end of the file.",
    );
  });

  it('reports a file cut off in the middle of a tag as malformed, not as stray text', () => {
    expect(parseError('<movie>\n  <title>x</title>\n  <year').message).toBe(
      'movie.nfo: not well-formed XML at line 3: "<year" is never closed with ">"',
    );
  });

  it('rejects an unescaped < in text', () => {
    expect(parseError('<movie>\n<title>a < b</title>\n</movie>').message).toMatch(/^movie\.nfo: not well-formed XML at line 2: /);
  });

  it('rejects duplicate attributes', () => {
    expect(parseError('<movie><uniqueid type="a" type="b">1</uniqueid></movie>').message).toMatch(
      /not well-formed XML at line 1: Attribute 'type' is repeated/,
    );
  });

  it('turns a parser refusal (an element named __proto__) into an NfoParseError', () => {
    expect(parseError('<movie><__proto__>x</__proto__></movie>').message).toMatch(/^movie\.nfo: could not be read as XML: /);
  });
});

describe('parseNfo on files of the wrong shape', () => {
  it('rejects an empty file', () => {
    expect(parseError(' \n\uFEFF').message).toBe('movie.nfo: is empty');
  });

  it('rejects text that is neither XML nor contains a URL', () => {
    expect(parseError('just some notes about the film').message).toBe('movie.nfo: is neither Kodi NFO XML nor a provider URL');
  });

  it('rejects an unknown root element', () => {
    expect(parseError('<musicvideo><title>x</title></musicvideo>', 'clip.nfo').message).toBe(
      'clip.nfo: unknown root element <musicvideo>; expected <movie>, <tvshow>, <episodedetails> or <season>',
    );
  });

  it('rejects a declaration with no root element', () => {
    expect(parseError('<?xml version="1.0"?>\n').message).toBe('movie.nfo: has no root element');
  });

  it('rejects two movie roots and mixed roots', () => {
    expect(parseError('<movie/><movie/>').message).toBe('movie.nfo: has 2 <movie> root elements; only <episodedetails> may repeat');
    expect(parseError('<episodedetails/><movie/>').message).toBe(
      'movie.nfo: has several kinds of root element (<episodedetails>, <movie>); only <episodedetails> may repeat',
    );
  });

  it('rejects text after the root element that is not a URL', () => {
    expect(parseError('<movie><title>x</title></movie>\nrelease notes: great movie').message).toBe(
      'movie.nfo: unexpected text outside the <movie> element: "release notes: great movie"',
    );
  });
});

describe('parseNfo on fields with values of the wrong type', () => {
  it.each([
    ['<year>abc</year>', 'movie.nfo: <year> must be a number, got "abc"'],
    ['<year>1999.5</year>', 'movie.nfo: <year> must be a whole number, got "1999.5"'],
    ['<runtime>two hours</runtime>', 'movie.nfo: <runtime> must be a number, got "two hours"'],
    ['<userrating>great</userrating>', 'movie.nfo: <userrating> must be a number, got "great"'],
    ['<premiered>30/03/1999</premiered>', 'movie.nfo: <premiered> must be a date (YYYY-MM-DD), got "30/03/1999"'],
    ['<premiered>2021-02-29</premiered>', 'movie.nfo: <premiered> must be a date (YYYY-MM-DD), got "2021-02-29"'],
    ['<actor><name>Keanu</name><order>first</order></actor>', 'movie.nfo: <actor>/<order> must be a number, got "first"'],
    [
      '<ratings><rating name="imdb"><value>8.7/10</value></rating></ratings>',
      'movie.nfo: <ratings>/<rating>/<value> must be a number, got "8.7/10"',
    ],
    [
      '<ratings><rating name="imdb" max="ten"><value>8</value></rating></ratings>',
      'movie.nfo: <ratings>/<rating> attribute "max" must be a number, got "ten"',
    ],
    ['<rating>good</rating>', 'movie.nfo: <rating> must be a number, got "good"'],
    ['<votes>many</votes>', 'movie.nfo: <votes> must be a whole number, got "many"'],
    ['<thumb season="one">x.jpg</thumb>', 'movie.nfo: <thumb> attribute "season" must be a number, got "one"'],
    [
      '<fileinfo><streamdetails><video><width>wide</width></video></streamdetails></fileinfo>',
      'movie.nfo: <fileinfo>/<streamdetails>/<video>/<width> must be a number, got "wide"',
    ],
  ])('rejects %s', (elements, message) => {
    expect(parseError(`<movie>${elements}</movie>`).message).toBe(message);
  });

  it('shortens a long wrong value in the message', () => {
    expect(parseError(`<movie><year>${'x'.repeat(200)}</year></movie>`).message).toBe(
      `movie.nfo: <year> must be a number, got "${'x'.repeat(60)}…"`,
    );
  });

  it('requires the number of a named season', () => {
    expect(parseError('<tvshow><namedseason>Specials</namedseason></tvshow>', 'tvshow.nfo').message).toBe(
      'tvshow.nfo: <namedseason> needs a "number" attribute',
    );
    expect(parseError('<tvshow><namedseason number="x">Specials</namedseason></tvshow>', 'tvshow.nfo').message).toBe(
      'tvshow.nfo: <namedseason> attribute "number" must be a number, got "x"',
    );
  });

  it('names which episode of a multi-episode file is wrong', () => {
    expect(
      parseError('<episodedetails><season>1</season></episodedetails><episodedetails><season>one</season></episodedetails>', 'e.nfo')
        .message,
    ).toBe('e.nfo: <episodedetails> #2: <season> must be a number, got "one"');
  });

  it('rejects a wrong aired date on an episode', () => {
    expect(parseError('<episodedetails><aired>yesterday</aired></episodedetails>', 'e.nfo').message).toBe(
      'e.nfo: <aired> must be a date (YYYY-MM-DD), got "yesterday"',
    );
  });

  it('refuses element names XML does not allow (a byte order mark inside a tag), which could not be written back', () => {
    expect(parseError('<movie><\uFEFFratings>8</\uFEFFratings></movie>').message).toMatch(
      /^movie\.nfo: not well-formed XML: ".*" is not an element name$/,
    );
  });

  it('rejects a whole number no integer column (nor Kodi) can hold, instead of failing the title when it is saved', () => {
    expect(parseError('<movie><year>99999999999999999999</year></movie>').message).toBe(
      'movie.nfo: <year> must be a whole number within ±2,147,483,647, got "99999999999999999999"',
    );
  });
});
