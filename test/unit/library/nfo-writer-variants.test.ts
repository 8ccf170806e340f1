import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findEpisodeBlock, isCast, NfoParseError, parseNfo } from '../../../src/media/nfo/index.js';
import { episodesOf, movieOf, publishEpisodes, publishMovie, publishTvShow, tvShowOf } from './publish-as-scanned.js';

/**
 * The forms Jellyfin, Emby, tinyMediaManager, Sonarr and Radarr write that a Kodi-only reader misreads:
 * each is read as what it means, and publishing keeps it.
 */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/nfo-writers/${name}`, import.meta.url), 'utf8');

describe('multi-episode files', () => {
  const blocks = episodesOf(fixture('sonarr-reversed.multi-episode.nfo'));

  it('match each block by its season and episode, not its position', () => {
    expect(findEpisodeBlock(blocks, 1, 1, 0)?.title).toBe('Pilot');
    expect(findEpisodeBlock(blocks, 1, 2, 1)?.title).toBe("Cat's in the Bag...");
    expect(findEpisodeBlock(blocks, 1, 3, 0)).toBeUndefined();
  });

  it('take a block without <season> by its <episode>, and by position only a block that names no episode', () => {
    const loose = episodesOf(
      '<episodedetails><title>B</title><episode>2</episode></episodedetails><episodedetails><title>A</title></episodedetails>',
    );
    expect(findEpisodeBlock(loose, 1, 2, 0)?.title).toBe('B');
    expect(findEpisodeBlock(loose, 1, 1, 1)?.title).toBe('A');
    expect(findEpisodeBlock(loose, 1, 1, 0)).toBeUndefined();
  });

  it('are published in the file order, each block with its own title, plot, rating and ids', () => {
    const published = episodesOf(publishEpisodes(blocks));
    expect(
      published.map((block) => [block.episode, block.title, block.plot, block.ratings[0]?.value, block.uniqueIds.map((id) => id.value)]),
    ).toEqual([
      [2, "Cat's in the Bag...", 'Walt and Jesse try to dispose of two bodies.', 7.9, ['349235', '102']],
      [1, 'Pilot', 'Walter White is diagnosed with cancer.', 8.2, ['349232', '101']],
    ]);
  });
});

describe('ids in Jellyfin, Emby and tool forms', () => {
  it('reads per-provider elements in any case, and Emby id attributes', () => {
    const movie = movieOf('<movie><title>Heat</title><ImdbId>tt0113277</ImdbId><TMDBID>949</TMDBID><Tvdb_Id>1</Tvdb_Id></movie>');
    expect(movie.uniqueIds).toEqual([
      { type: 'imdb', value: 'tt0113277', isDefault: false },
      { type: 'tmdb', value: '949', isDefault: false },
      { type: 'tvdb', value: '1', isDefault: false },
    ]);
    const emby = movieOf(fixture('emby.movie.nfo'));
    expect(emby.uniqueIds).toEqual([
      { type: 'imdb', value: 'tt0113277', isDefault: true },
      { type: 'tmdb', value: '949', isDefault: false },
    ]);
  });

  it('publishes every id it read, and keeps other providers’ uniqueids and the attributes of <set>', () => {
    const published = publishMovie(movieOf(fixture('emby.movie.nfo')));
    expect(published).toContain('<uniqueid type="imdb" default="true">tt0113277</uniqueid>');
    expect(published).toContain('<uniqueid type="tmdb">949</uniqueid>');
    const jellyfin = publishMovie(movieOf(fixture('jellyfin.movie.nfo')));
    expect(jellyfin).toContain('<uniqueid type="tmdbcol">2344</uniqueid>');
    expect(jellyfin).toContain('<set tmdbcolid="2344">');
    const sonarr = publishEpisodes(episodesOf(fixture('sonarr-reversed.multi-episode.nfo')));
    expect(sonarr.match(/<uniqueid type="sonarr">10[12]<\/uniqueid>/g)).toHaveLength(2);
  });
});

describe('ratings', () => {
  it('reads <communityrating> with a dot or a decimal comma, and keeps it', () => {
    for (const text of ['7.4', '7,4']) {
      const movie = movieOf(`<movie><title>A</title><communityrating>${text}</communityrating></movie>`);
      expect(movie.ratings).toEqual([{ name: 'default', value: 7.4, ...(text === '7.4' ? {} : { valueText: text }), isDefault: true }]);
      expect(publishMovie(movie)).toContain(`<communityrating>${text}</communityrating>`);
    }
  });

  it('refuses a rating outside its scale, naming the field', () => {
    const refusal = (xml: string) => {
      try {
        parseNfo(xml, 'movie.nfo');
      } catch (error) {
        return error instanceof NfoParseError ? error.message : String(error);
      }
      return 'read';
    };
    expect(refusal('<movie><rating>11</rating></movie>')).toBe('movie.nfo: <rating> must be a rating from 0 to 10, got "11"');
    expect(refusal('<movie><communityrating>-1</communityrating></movie>')).toBe(
      'movie.nfo: <communityrating> must be a rating from 0 to 10, got "-1"',
    );
    expect(refusal('<movie><ratings><rating name="x" max="5"><value>6</value></rating></ratings></movie>')).toBe(
      'movie.nfo: <ratings>/<rating>/<value> must be a rating from 0 to 5, got "6"',
    );
  });

  it('writes an unchanged rating back as the file spelt it', () => {
    expect(publishEpisodes(episodesOf(fixture('kodi.episode.nfo')))).toContain('<value>8.200000</value>');
    expect(publishMovie(movieOf(fixture('tmm.movie.nfo')))).toContain('<userrating>0.0</userrating>');
    expect(
      publishMovie(movieOf('<movie><title>A</title><ratings><rating name="imdb"><value>6.400000</value></rating></ratings></movie>')),
    ).toContain('<value>6.400000</value>');
  });
});

describe('cast and crew', () => {
  it('takes an <actor> whose <type> is not Actor or GuestStar as crew, and writes it back as it was', () => {
    const movie = movieOf(
      '<movie><title>A</title><actor><name>A</name><type>Actor</type></actor><actor><name>G</name><type>GuestStar</type></actor><actor><name>D</name><type>Director</type></actor><actor><name>L</name><type>Lyricist</type></actor></movie>',
    );
    expect(movie.actors.filter(isCast).map((actor) => actor.name)).toEqual(['A', 'G']);
    const published = movieOf(publishMovie(movie));
    expect(published.actors.map((actor) => [actor.name, actor.type])).toEqual([
      ['A', 'Actor'],
      ['G', 'GuestStar'],
      ['D', 'Director'],
      ['L', 'Lyricist'],
    ]);
  });

  it('reads <writer> as a writer, once beside the same <credits>, without trailing commas', () => {
    const show = tvShowOf(fixture('jellyfin.tvshow.nfo'));
    expect(show.credits).toEqual(['Vince Gilligan']);
    const movie = movieOf('<movie><title>A</title><director>Zack Snyder,</director><writer>Chris Terrio ,</writer></movie>');
    expect([movie.directors, movie.credits]).toEqual([['Zack Snyder'], ['Chris Terrio']]);
    expect(publishTvShow(show)).toContain('<credits>Vince Gilligan</credits>');
  });
});

describe('episode titles', () => {
  it('name an episode by <originaltitle> when <title> is empty, without writing a <title> into its NFO', () => {
    const [episode] = episodesOf(
      '<episodedetails><title></title><originaltitle>Grilled</originaltitle><season>2</season><episode>2</episode></episodedetails>',
    );
    expect(episode!.title).toBeUndefined();
    const published = publishEpisodes([episode!]);
    expect(published).not.toContain('<title>');
    expect(published).toContain('<originaltitle>Grilled</originaltitle>');
  });
});
