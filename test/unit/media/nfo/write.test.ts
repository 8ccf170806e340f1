import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { writeEpisodeNfo, writeMovieNfo, writeTvShowNfo } from '../../../../src/media/nfo/index.js';
import type { EpisodeNfo, MovieNfo, TvShowNfo } from '../../../../src/media/nfo/index.js';

const EMPTY_FIELDS = {
  ratings: [],
  thumbs: [],
  uniqueIds: [],
  genres: [],
  countries: [],
  tags: [],
  credits: [],
  directors: [],
  studios: [],
  actors: [],
  extra: [],
};

/** A movie with every modelled field set, each to a value that shows where it was written. */
const fullMovie: MovieNfo = {
  title: 'Alien',
  originalTitle: 'Alien (original)',
  sortTitle: 'Alien 1',
  ratings: [
    { name: 'imdb', value: 8.5, votes: 1012345, max: 10, isDefault: true },
    { name: 'themoviedb', value: 8.1, isDefault: false },
  ],
  userRating: 8,
  outline: 'Outline.',
  plot: 'Plot.',
  tagline: 'In space no one can hear you scream.',
  runtime: 117,
  thumbs: [{ url: 'https://example.org/poster.jpg', aspect: 'poster', preview: 'https://example.org/small.jpg' }],
  mpaa: 'Rated R',
  uniqueIds: [
    { type: 'tmdb', value: '348', isDefault: true },
    { type: 'imdb', value: 'tt0078748', isDefault: false },
  ],
  genres: ['Horror', 'Science Fiction'],
  countries: ['United Kingdom'],
  set: { name: 'Alien Collection', overview: 'Xenomorphs.' },
  tags: ['space'],
  credits: ['Dan O’Bannon'],
  directors: ['Ridley Scott'],
  premiered: '1979-05-25',
  year: 1979,
  studios: ['Brandywine Productions'],
  trailer: 'plugin://plugin.video.youtube/?action=play_video&videoid=LjLamj-b0I8',
  fileInfo: {
    video: [{ codec: 'h264', aspect: 2.35, width: 1920, height: 816, durationInSeconds: 7020, hdrType: 'hdr10' }],
    audio: [{ codec: 'dts', language: 'eng', channels: 6 }],
    subtitles: [{ language: 'eng' }],
  },
  actors: [{ name: 'Sigourney Weaver', role: 'Ripley', order: 0, thumb: 'https://example.org/sw.jpg' }],
  extra: [{ name: 'dateadded', attributes: {}, children: ['2023-10-01 20:14:03'] }],
};

/** Names of the root's child elements, in written order. */
function topLevelElementNames(xml: string): string[] {
  return [...xml.matchAll(/^ {2}<([a-z]+)/gm)].map(([, name]) => name ?? '');
}

describe('writeMovieNfo', () => {
  it('writes a small movie byte for byte as Kodi lays it out', () => {
    const movie: MovieNfo = {
      ...EMPTY_FIELDS,
      title: 'Alien',
      ratings: [{ name: 'imdb', value: 8.5, votes: 1012345, max: 10, isDefault: true }],
      uniqueIds: [{ type: 'tmdb', value: '348', isDefault: true }],
      genres: ['Horror'],
      year: 1979,
      actors: [{ name: 'Sigourney Weaver', role: 'Ripley', order: 0 }],
    };
    expect(writeMovieNfo(movie)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<movie>',
        '  <title>Alien</title>',
        '  <ratings>',
        '    <rating name="imdb" max="10" default="true">',
        '      <value>8.5</value>',
        '      <votes>1012345</votes>',
        '    </rating>',
        '  </ratings>',
        '  <uniqueid type="tmdb" default="true">348</uniqueid>',
        '  <genre>Horror</genre>',
        '  <year>1979</year>',
        '  <actor>',
        '    <name>Sigourney Weaver</name>',
        '    <role>Ripley</role>',
        '    <order>0</order>',
        '  </actor>',
        '</movie>',
        '',
      ].join('\n'),
    );
  });

  it("writes elements in Kodi's order, then the kept extras", () => {
    expect(topLevelElementNames(writeMovieNfo(fullMovie))).toEqual([
      'title',
      'originaltitle',
      'sorttitle',
      'ratings',
      'userrating',
      'outline',
      'plot',
      'tagline',
      'runtime',
      'thumb',
      'mpaa',
      'uniqueid',
      'uniqueid',
      'genre',
      'genre',
      'country',
      'set',
      'tag',
      'credits',
      'director',
      'premiered',
      'year',
      'studio',
      'trailer',
      'fileinfo',
      'actor',
      'dateadded',
    ]);
  });

  it('writes the set, artwork attributes and stream details in Kodi’s shape', () => {
    const xml = writeMovieNfo(fullMovie);
    expect(xml).toContain('  <set>\n    <name>Alien Collection</name>\n    <overview>Xenomorphs.</overview>\n  </set>\n');
    expect(xml).toContain('  <thumb aspect="poster" preview="https://example.org/small.jpg">https://example.org/poster.jpg</thumb>\n');
    expect(xml).toContain(
      [
        '  <fileinfo>',
        '    <streamdetails>',
        '      <video>',
        '        <codec>h264</codec>',
        '        <aspect>2.35</aspect>',
        '        <width>1920</width>',
        '        <height>816</height>',
        '        <durationinseconds>7020</durationinseconds>',
        '        <hdrtype>hdr10</hdrtype>',
        '      </video>',
        '      <audio>',
        '        <codec>dts</codec>',
        '        <language>eng</language>',
        '        <channels>6</channels>',
        '      </audio>',
        '      <subtitle>',
        '        <language>eng</language>',
        '      </subtitle>',
        '    </streamdetails>',
        '  </fileinfo>',
      ].join('\n'),
    );
  });

  it('produces well-formed XML', () => {
    expect(XMLValidator.validate(writeMovieNfo(fullMovie))).toBe(true);
  });

  it('escapes markup characters in text and attributes', () => {
    const xml = writeMovieNfo({
      ...EMPTY_FIELDS,
      title: 'Tom & Jerry <The "Movie">',
      thumbs: [{ url: 'https://example.org/a.jpg?x=1&y=2', preview: 'say "hi" & <bye>\nnow' }],
    });
    expect(xml).toContain('  <title>Tom &amp; Jerry &lt;The "Movie"&gt;</title>\n');
    expect(xml).toContain(
      '  <thumb preview="say &quot;hi&quot; &amp; &lt;bye&gt;&#10;now">https://example.org/a.jpg?x=1&amp;y=2</thumb>\n',
    );
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('removes characters XML forbids and writes Windows line ends as \\n', () => {
    const xml = writeMovieNfo({ ...EMPTY_FIELDS, title: 'Al\u0000ien\u000B', plot: 'One.\r\nTwo.' });
    expect(xml).toContain('  <title>Alien</title>\n');
    expect(xml).toContain('  <plot>One.\nTwo.</plot>\n');
  });

  it('omits absent, empty and blank values and empty lists', () => {
    const xml = writeMovieNfo({
      ...EMPTY_FIELDS,
      title: 'Alien',
      plot: '',
      tagline: '   ',
      fileInfo: { video: [], audio: [], subtitles: [] },
    });
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<movie>\n  <title>Alien</title>\n</movie>\n');
  });

  it('is deterministic: equal models give equal bytes whatever their property order', () => {
    const reordered = Object.fromEntries(Object.entries(fullMovie).reverse()) as unknown as MovieNfo;
    expect(writeMovieNfo(reordered)).toBe(writeMovieNfo(fullMovie));
    expect(writeMovieNfo(structuredClone(fullMovie))).toBe(writeMovieNfo(fullMovie));
  });

  it('writes extra elements verbatim: attributes, nested children, empty and mixed content', () => {
    const xml = writeMovieNfo({
      ...EMPTY_FIELDS,
      extra: [
        {
          name: 'fanart',
          attributes: { url: 'https://example.org/' },
          children: [{ name: 'thumb', attributes: { preview: 'p.jpg' }, children: ['f.jpg'] }],
        },
        { name: 'watched', attributes: {}, children: [] },
        { name: 'note', attributes: {}, children: ['before', { name: 'b', attributes: {}, children: ['bold'] }, 'after'] },
      ],
    });
    expect(xml).toContain(
      [
        '  <fanart url="https://example.org/">',
        '    <thumb preview="p.jpg">f.jpg</thumb>',
        '  </fanart>',
        '  <watched />',
        '  <note>',
        '    before',
        '    <b>bold</b>',
        '    after',
        '  </note>',
      ].join('\n'),
    );
  });

  it('refuses numbers that are not finite and element names that are not XML names', () => {
    expect(() => writeMovieNfo({ ...EMPTY_FIELDS, year: Number.NaN })).toThrow(/<year>: NaN is not a finite number/);
    expect(() => writeMovieNfo({ ...EMPTY_FIELDS, extra: [{ name: '1st place', attributes: {}, children: [] }] })).toThrow(
      /cannot write an XML element or attribute named "1st place"/,
    );
  });
});

describe('writeTvShowNfo', () => {
  const tvShow: TvShowNfo = {
    ...EMPTY_FIELDS,
    title: 'Breaking Bad',
    seasonCount: 5,
    episodeCount: 62,
    status: 'Ended',
    episodeGuide: '{"tvdb":"81189"}',
    uniqueIds: [{ type: 'tvdb', value: '81189', isDefault: true }],
    premiered: '2008-01-20',
    namedSeasons: [{ number: 1, name: 'Season 1' }],
  };

  it('writes the counts as Kodi’s <season> and <episode> and the show fields in Kodi’s order', () => {
    const xml = writeTvShowNfo(tvShow);
    expect(topLevelElementNames(xml)).toEqual([
      'title',
      'season',
      'episode',
      'episodeguide',
      'uniqueid',
      'premiered',
      'status',
      'namedseason',
    ]);
    expect(xml).toContain('  <season>5</season>\n  <episode>62</episode>\n');
    expect(xml).toContain('  <episodeguide>{"tvdb":"81189"}</episodeguide>\n');
    expect(xml).toContain('  <namedseason number="1">Season 1</namedseason>\n');
    expect(xml).toMatch(/^<\?xml[^\n]*\?>\n<tvshow>\n/);
  });
});

describe('writeEpisodeNfo', () => {
  const episode = (number: number): EpisodeNfo => ({
    ...EMPTY_FIELDS,
    title: `Part ${number}`,
    showTitle: 'Lost',
    season: 1,
    episode: number,
    displaySeason: 0,
    displayEpisode: number,
    aired: '2004-09-22',
  });

  it('writes the episode fields in Kodi’s order', () => {
    expect(topLevelElementNames(writeEpisodeNfo([episode(1)]))).toEqual([
      'title',
      'showtitle',
      'season',
      'episode',
      'displayseason',
      'displayepisode',
      'aired',
    ]);
  });

  it('writes one <episodedetails> root per episode after a single declaration', () => {
    const xml = writeEpisodeNfo([episode(1), episode(2)]);
    expect(xml.match(/<\?xml/g)).toHaveLength(1);
    expect([...xml.matchAll(/<title>(.*)<\/title>/g)].map(([, title]) => title)).toEqual(['Part 1', 'Part 2']);
    expect(xml).toMatch(/<\/episodedetails>\n<episodedetails>\n/);
  });

  it('refuses an empty list', () => {
    expect(() => writeEpisodeNfo([])).toThrow('an episode NFO needs at least one episode');
  });
});
