import { describe, expect, it } from 'vitest';
import { parseNfo } from '../../../../src/media/nfo/index.js';
import type { MovieNfo } from '../../../../src/media/nfo/index.js';
import { readFixture } from './fixtures/read-fixture.js';

function parseMovie(xml: string): MovieNfo {
  const parsed = parseNfo(xml, 'movie.nfo');
  if (parsed.kind !== 'movie') throw new Error(`expected a movie, got ${parsed.kind}`);
  return parsed.movie;
}

/** A minimal movie document around the given elements. */
function movieXml(elements: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<movie>\n${elements}\n</movie>\n`;
}

describe('parseNfo on a full Kodi movie.nfo', () => {
  const parsed = parseNfo(readFixture('the-matrix.movie.nfo'), 'The Matrix (1999).nfo');

  it('recognises the movie root and finds no URLs', () => {
    expect(parsed.kind).toBe('movie');
    expect(parsed.urls).toEqual([]);
  });

  it('reads every modelled field', () => {
    if (parsed.kind !== 'movie') throw new Error('not a movie');
    const { extra: _extra, ...modelled } = parsed.movie;
    expect(modelled).toStrictEqual({
      title: 'The Matrix',
      originalTitle: 'The Matrix',
      sortTitle: 'Matrix 1',
      ratings: [
        { name: 'imdb', value: 8.7, valueText: '8.700000', votes: 1900000, max: 10, isDefault: true },
        { name: 'themoviedb', value: 8.216, valueText: '8.216000', votes: 24511, max: 10, isDefault: false },
        { name: 'trakt', value: 8.5, max: 10, isDefault: false },
      ],
      userRating: 9,
      outline: 'A hacker learns the true nature of his reality.',
      plot:
        'Set in the 22nd century, The Matrix tells the story of a computer hacker who joins a group of underground ' +
        'insurgents fighting the vast and powerful computers who now rule the earth.\n' +
        'Thomas "Neo" Anderson & Trinity must choose: the red pill <or> the blue pill.',
      tagline: 'Welcome to the Real World.',
      runtime: 136,
      thumbs: [
        {
          url: 'https://image.tmdb.org/t/p/original/poster.jpg',
          aspect: 'poster',
          preview: 'https://image.tmdb.org/t/p/w500/poster.jpg',
          attributes: { spoof: '', cache: '' },
        },
        { url: 'https://assets.fanart.tv/fanart/movies/603/moviethumb/the-matrix.jpg', aspect: 'landscape' },
        { url: 'https://assets.fanart.tv/fanart/movies/603/hdmovielogo/the-matrix.png', aspect: 'clearlogo' },
      ],
      mpaa: 'Rated R',
      uniqueIds: [
        { type: 'tmdb', value: '603', isDefault: true },
        { type: 'imdb', value: 'tt0133093', isDefault: false },
      ],
      genres: ['Action', 'Science Fiction'],
      countries: ['United States of America', 'Australia'],
      set: {
        name: 'The Matrix Collection',
        overview: 'The Matrix is an American media franchise created by the Wachowskis.',
      },
      tags: ['cyberpunk', 'artificial intelligence'],
      credits: ['Lilly Wachowski', 'Lana Wachowski'],
      directors: ['Lilly Wachowski', 'Lana Wachowski'],
      premiered: '1999-03-30',
      year: 1999,
      studios: ['Warner Bros. Pictures', 'Village Roadshow Pictures'],
      trailer: 'plugin://plugin.video.youtube/?action=play_video&videoid=vKQi3bBA1y8',
      fileInfo: {
        video: [{ codec: 'hevc', aspect: 2.4, width: 3840, height: 1600, durationInSeconds: 8178, hdrType: 'hdr10' }],
        audio: [
          { codec: 'truehd', language: 'eng', channels: 8 },
          { codec: 'ac3', language: 'ger', channels: 6 },
        ],
        subtitles: [{ language: 'eng' }, { language: 'ger' }],
      },
      actors: [
        {
          name: 'Keanu Reeves',
          role: 'Thomas A. Anderson / Neo',
          order: 0,
          thumb: 'https://image.tmdb.org/t/p/original/keanu.jpg',
        },
        {
          name: 'Laurence Fishburne',
          role: 'Morpheus',
          order: 1,
          thumb: 'https://image.tmdb.org/t/p/original/laurence.jpg',
        },
        { name: 'Carrie-Anne Moss', role: 'Trinity', order: 2 },
      ],
    });
  });

  it('keeps unmodelled elements in document order, with attributes and children', () => {
    if (parsed.kind !== 'movie') throw new Error('not a movie');
    expect(parsed.movie.extra.map((element) => element.name)).toEqual([
      'top250',
      'fanart',
      'playcount',
      'lastplayed',
      'videoassettitle',
      'videoassetid',
      'videoassettype',
      'hasvideoversions',
      'status',
      'code',
      'aired',
      'resume',
      'dateadded',
    ]);
    expect(parsed.movie.extra.find((element) => element.name === 'fanart')).toStrictEqual({
      name: 'fanart',
      attributes: {},
      children: [
        {
          name: 'thumb',
          attributes: { colors: '', preview: 'https://image.tmdb.org/t/p/w780/fanart.jpg' },
          children: ['https://image.tmdb.org/t/p/original/fanart.jpg'],
        },
      ],
    });
  });

  it('does not keep the legacy <id> that duplicates the default uniqueid', () => {
    if (parsed.kind !== 'movie') throw new Error('not a movie');
    expect(parsed.movie.extra.some((element) => element.name === 'id')).toBe(false);
    expect(parsed.movie.uniqueIds).toHaveLength(2);
  });
});

describe('parseNfo on real-world movie files', () => {
  it('accepts a byte order mark, leading blank lines and a declaration with standalone="yes"', () => {
    const movie = parseMovie(`\uFEFF\n\n  <?xml version="1.0" encoding="utf-8" standalone="yes" ?>\n<movie><title>Alien</title></movie>`);
    expect(movie.title).toBe('Alien');
  });

  it('accepts a file without an XML declaration', () => {
    expect(parseMovie('<movie><title>Alien</title><year>1979</year></movie>').year).toBe(1979);
  });

  it('accepts Windows line ends and reads multi-line text with \\n', () => {
    const movie = parseMovie('<movie>\r\n  <plot>Line one.\r\nLine two.</plot>\r\n</movie>\r\n');
    expect(movie.plot).toBe('Line one.\nLine two.');
  });

  it('reads CDATA sections, alone and next to text', () => {
    const movie = parseMovie(
      movieXml('<plot><![CDATA[Ripley & the <Nostromo> crew]]></plot><tagline>In space <![CDATA[no one]]> can hear you scream.</tagline>'),
    );
    expect(movie.plot).toBe('Ripley & the <Nostromo> crew');
    expect(movie.tagline).toBe('In space no one can hear you scream.');
  });

  it('decodes XML, numeric and HTML named entities, in text and attributes', () => {
    const movie = parseMovie(
      movieXml(
        '<title>Am&eacute;lie</title><plot>&quot;Le fabuleux destin&quot; &amp; more&nbsp;&hellip; &#233;&#x263A;</plot>' +
          '<thumb aspect="poster" preview="https://example.org/?a=1&amp;b=&eacute;">https://example.org/p.jpg</thumb>',
      ),
    );
    expect(movie.title).toBe('Amélie');
    expect(movie.plot).toBe('"Le fabuleux destin" & more\u00a0… é☺');
    expect(movie.thumbs[0]?.preview).toBe('https://example.org/?a=1&b=é');
  });

  it('reads a bare ampersand and an unknown entity as literal text, as Kodi does', () => {
    const movie = parseMovie(movieXml('<title>Tom & Jerry</title><plot>R&D &bogus; here</plot>'));
    expect(movie.title).toBe('Tom & Jerry');
    expect(movie.plot).toBe('R&D &bogus; here');
  });

  it('leaves ampersands inside CDATA and comments alone', () => {
    const movie = parseMovie(movieXml('<!-- Tom & Jerry --><title><![CDATA[Tom &amp; Jerry]]></title>'));
    expect(movie.title).toBe('Tom &amp; Jerry');
  });

  it('reads unicode text unchanged', () => {
    const movie = parseMovie(
      movieXml(
        '<title>千と千尋の神隠し</title><originaltitle>Sen to Chihiro no Kamikakushi</originaltitle>' +
          '<plot>Ünïcödé ✓ 🎬 עברית</plot><actor><name>柊瑠美</name><role>荻野 千尋</role></actor>',
      ),
    );
    expect(movie.title).toBe('千と千尋の神隠し');
    expect(movie.plot).toBe('Ünïcödé ✓ 🎬 עברית');
    expect(movie.actors).toEqual([{ name: '柊瑠美', role: '荻野 千尋' }]);
  });

  it('treats empty and whitespace-only elements as absent', () => {
    const movie = parseMovie(
      movieXml(
        '<title></title><plot>   </plot><outline/><year></year><genre></genre><genre>Drama</genre><set></set>' +
          '<uniqueid type="imdb"></uniqueid><actor><name></name></actor><fileinfo><streamdetails><audio/></streamdetails></fileinfo>',
      ),
    );
    expect(movie).toStrictEqual({
      ratings: [],
      thumbs: [],
      uniqueIds: [],
      genres: ['Drama'],
      countries: [],
      tags: [],
      credits: [],
      directors: [],
      studios: [],
      actors: [],
      extra: [],
    });
  });

  it('returns arrays for repeatable elements whether they appear once or several times', () => {
    const once = parseMovie(movieXml('<genre>Horror</genre><actor><name>Sigourney Weaver</name></actor>'));
    const twice = parseMovie(movieXml('<genre>Horror</genre><genre>Sci-Fi</genre>'));
    expect(once.genres).toEqual(['Horror']);
    expect(once.actors).toEqual([{ name: 'Sigourney Weaver' }]);
    expect(twice.genres).toEqual(['Horror', 'Sci-Fi']);
  });

  it('uses the first of a repeated single-valued element, as Kodi does', () => {
    expect(parseMovie(movieXml('<title>First</title><title>Second</title>')).title).toBe('First');
  });

  it('splits " / "-joined list values the way Kodi does', () => {
    const movie = parseMovie(movieXml('<genre>Action / Adventure</genre><studio>Brandywine / 20th Century Fox</studio><tag>AC/DC</tag>'));
    expect(movie.genres).toEqual(['Action', 'Adventure']);
    expect(movie.studios).toEqual(['Brandywine', '20th Century Fox']);
    expect(movie.tags).toEqual(['AC/DC']);
  });

  it('converts numbers written as text, with surrounding whitespace, decimal commas and vote separators', () => {
    const movie = parseMovie(
      movieXml(
        '<year> 1979 </year><runtime>117 min</runtime><ratings><rating name="imdb"><value>8,5</value>' +
          '<votes>1,012,345</votes></rating></ratings><fileinfo><streamdetails><video><aspect>16:9</aspect>' +
          '<width>1920</width></video></streamdetails></fileinfo>',
      ),
    );
    expect(movie.year).toBe(1979);
    expect(movie.runtime).toBe(117);
    expect(movie.ratings).toEqual([{ name: 'imdb', value: 8.5, valueText: '8,5', votes: 1012345, isDefault: false }]);
    expect(movie.fileInfo?.video).toEqual([{ aspect: 1.778, width: 1920 }]);
  });

  it('drops a time of day after a premiered date', () => {
    expect(parseMovie(movieXml('<premiered>1979-05-25 00:00:00</premiered>')).premiered).toBe('1979-05-25');
  });

  it('reads the text of stray HTML markup inside a text field', () => {
    expect(parseMovie(movieXml('<plot>First line.<br/>Second <b>bold</b> line.</plot>')).plot).toBe('First line. Second bold line.');
  });

  it('removes control characters XML does not allow', () => {
    expect(parseMovie(movieXml('<title>Ali\u0001en\u001F</title>')).title).toBe('Alien');
  });

  it('lower-cases uniqueid types and names a type-less uniqueid "unknown"', () => {
    const movie = parseMovie(movieXml('<uniqueid type="TMDB" default="TRUE">348</uniqueid><uniqueid>abc</uniqueid>'));
    expect(movie.uniqueIds).toEqual([
      { type: 'tmdb', value: '348', isDefault: true },
      { type: 'unknown', value: 'abc', isDefault: false },
    ]);
  });
});

describe('parseNfo on legacy movie forms', () => {
  it('reads a bare <id> as the default id when there is no <uniqueid>: tt ids are IMDb, numbers TMDB', () => {
    expect(parseMovie(movieXml('<id>tt0078748</id>')).uniqueIds).toEqual([{ type: 'imdb', value: 'tt0078748', isDefault: true }]);
    expect(parseMovie(movieXml('<id>348</id>')).uniqueIds).toEqual([{ type: 'tmdb', value: '348', isDefault: true }]);
  });

  it('adds <imdbid> and <tmdbid> for providers the uniqueids do not name', () => {
    const movie = parseMovie(movieXml('<uniqueid type="tmdb" default="true">348</uniqueid><tmdbid>999</tmdbid><imdbid>tt0078748</imdbid>'));
    expect(movie.uniqueIds).toEqual([
      { type: 'tmdb', value: '348', isDefault: true },
      { type: 'imdb', value: 'tt0078748', isDefault: false },
    ]);
    expect(movie.extra).toEqual([]);
  });

  it('reads the legacy top-level <rating> and <votes> as the default rating, keeping its scale', () => {
    const movie = parseMovie(movieXml('<rating max="100">85</rating><votes>1.012.345</votes>'));
    expect(movie.ratings).toEqual([{ name: 'default', value: 85, votes: 1012345, max: 100, isDefault: true }]);
  });

  it('ignores the legacy <rating> when <ratings> is present, as Kodi does', () => {
    const movie = parseMovie(
      movieXml('<ratings><rating name="imdb" default="true"><value>8.5</value></rating></ratings><rating>1.0</rating><votes>3</votes>'),
    );
    expect(movie.ratings).toEqual([{ name: 'imdb', value: 8.5, isDefault: true }]);
    expect(movie.extra).toEqual([]);
  });

  it('reads a rating whose value is the text of <rating> itself', () => {
    const movie = parseMovie(movieXml('<ratings><rating name="themoviedb" max="10">7.9</rating></ratings>'));
    expect(movie.ratings).toEqual([{ name: 'themoviedb', value: 7.9, max: 10, isDefault: false }]);
  });

  it('reads the plain-text <set>', () => {
    expect(parseMovie(movieXml('<set>Alien Collection</set>')).set).toEqual({ name: 'Alien Collection' });
  });
});
