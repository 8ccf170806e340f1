import { describe, expect, it } from 'vitest';
import { parseNfo } from '../../../../src/media/nfo/index.js';
import type { TvShowNfo } from '../../../../src/media/nfo/index.js';
import { readFixture } from './fixtures/read-fixture.js';

function parseTvShow(xml: string): TvShowNfo {
  const parsed = parseNfo(xml, 'tvshow.nfo');
  if (parsed.kind !== 'tvshow') throw new Error(`expected a TV show, got ${parsed.kind}`);
  return parsed.tvShow;
}

describe('parseNfo on a Kodi tvshow.nfo', () => {
  const tvShow = parseTvShow(readFixture('breaking-bad.tvshow.nfo'));

  it('reads the show-specific fields', () => {
    expect(tvShow.seasonCount).toBe(5);
    expect(tvShow.episodeCount).toBe(62);
    expect(tvShow.status).toBe('Ended');
    expect(tvShow.episodeGuide).toBe('{"tmdb":"1396","tvdb":"81189","imdb":"tt0903747"}');
    expect(tvShow.namedSeasons).toEqual([
      { number: 1, name: 'Season 1' },
      { number: 5, name: 'Season 5: The Final Season' },
    ]);
  });

  it('reads the shared fields', () => {
    expect(tvShow.title).toBe('Breaking Bad');
    expect(tvShow.ratings).toEqual([{ name: 'tmdb', value: 8.9, votes: 14500, max: 10, isDefault: true }]);
    expect(tvShow.userRating).toBe(0);
    expect(tvShow.uniqueIds).toEqual([
      { type: 'tmdb', value: '1396', isDefault: true },
      { type: 'tvdb', value: '81189', isDefault: false },
      { type: 'imdb', value: 'tt0903747', isDefault: false },
    ]);
    expect(tvShow.genres).toEqual(['Drama', 'Crime']);
    expect(tvShow.premiered).toBe('2008-01-20');
    expect(tvShow.studios).toEqual(['AMC']);
    expect(tvShow.actors.map((actor) => actor.name)).toEqual(['Bryan Cranston', 'Aaron Paul']);
    expect(tvShow.outline).toBeUndefined();
    expect(tvShow.trailer).toBeUndefined();
  });

  it('reads season artwork with its type and season attributes', () => {
    expect(tvShow.thumbs).toEqual([
      { url: 'https://image.tmdb.org/t/p/original/show-poster.jpg', aspect: 'poster' },
      { url: 'https://image.tmdb.org/t/p/original/season1.jpg', aspect: 'poster', type: 'season', season: 1 },
      { url: 'https://image.tmdb.org/t/p/original/all-seasons.jpg', aspect: 'poster', type: 'season', season: -1 },
    ]);
  });

  it('keeps elements a show does not model, such as <showtitle> and <displayseason>, as extra', () => {
    expect(tvShow.extra.map((element) => element.name)).toEqual([
      'showtitle',
      'top250',
      'displayseason',
      'displayepisode',
      'playcount',
      'lastplayed',
      'code',
      'aired',
      'resume',
      'dateadded',
    ]);
  });
});

describe('parseNfo on legacy tvshow forms', () => {
  it('keeps the <episodeguide><url> form verbatim in extra instead of modelling it', () => {
    const tvShow = parseTvShow(
      '<tvshow><title>Lost</title><episodeguide><url cache="73739-en.xml">https://api.thetvdb.com/login?{&quot;apikey&quot;:&quot;X&quot;,&quot;id&quot;:73739}|Content-Type=application/json</url></episodeguide></tvshow>',
    );
    expect(tvShow.episodeGuide).toBeUndefined();
    expect(tvShow.extra).toEqual([
      {
        name: 'episodeguide',
        attributes: {},
        children: [
          {
            name: 'url',
            attributes: { cache: '73739-en.xml' },
            children: ['https://api.thetvdb.com/login?{"apikey":"X","id":73739}|Content-Type=application/json'],
          },
        ],
      },
    ]);
  });

  it('reads a bare numeric <id> as the TVDB id, and <tvdbid> when no uniqueid names TVDB', () => {
    expect(parseTvShow('<tvshow><id>73739</id></tvshow>').uniqueIds).toEqual([{ type: 'tvdb', value: '73739', isDefault: true }]);
    expect(parseTvShow('<tvshow><uniqueid type="tmdb">4607</uniqueid><tvdbid>73739</tvdbid></tvshow>').uniqueIds).toEqual([
      { type: 'tmdb', value: '4607', isDefault: false },
      { type: 'tvdb', value: '73739', isDefault: false },
    ]);
  });

  it('skips a named season without a name', () => {
    expect(parseTvShow('<tvshow><namedseason number="2"></namedseason></tvshow>').namedSeasons).toEqual([]);
  });
});
