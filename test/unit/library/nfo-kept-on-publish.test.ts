import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MediaStream } from '../../../src/db/schema/index.js';
import { fileInfoFromStreams } from '../../../src/library/publish/nfo-from-title.js';
import { episodesOf, movieOf, publishEpisodes, publishMovie, publishTvShow, tvShowOf } from './publish-as-scanned.js';

/**
 * What tools write inside elements we model (an actor's profile link, a director's TMDB id, Kodi's thumb
 * attributes, stream details the probe does not measure) survives publishing, and a second publish of
 * what was published writes the same bytes.
 */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/nfo-writers/${name}`, import.meta.url), 'utf8');
const stream = (s: Partial<MediaStream>): MediaStream =>
  ({ codec: null, language: null, width: null, height: null, hdr: null, channels: null, ...s }) as MediaStream;

describe('publishing keeps what tools write inside modelled elements', () => {
  it("keeps tinyMediaManager's actor children and the ids on <credits> and <director>", () => {
    const published = publishMovie(movieOf(fixture('tmm.movie.nfo')));
    expect(published).toContain(
      [
        '  <actor>',
        '    <name>Sigourney Weaver</name>',
        '    <role>Ripley</role>',
        '    <thumb>https://image.tmdb.org/t/p/h632/weaver.jpg</thumb>',
        '    <profile>https://www.themoviedb.org/person/10205</profile>',
        '    <tmdbid>10205</tmdbid>',
        '    <imdbid>nm0000244</imdbid>',
        '  </actor>',
      ].join('\n'),
    );
    expect(published).toContain(`<credits tmdbid="1" imdbid="nm0001575">Dan O'Bannon</credits>`);
    expect(published).toContain('<director tmdbid="578">Ridley Scott</director>');
    expect(publishMovie(movieOf(published))).toBe(published);
  });

  it('keeps the attributes on the element of the value or person that had them (Kodi\'s clear="true" too)', () => {
    const nfo = movieOf(
      '<movie><title>Heat</title><genre clear="true">Crime / Drama</genre><director>Michael Mann</director><director imdbid="nm0000520">Someone Else</director><writer tmdbid="7">Writer, </writer></movie>',
    );
    expect(nfo.valueAttributes).toEqual([
      { element: 'genre', value: 'Crime', attributes: { clear: 'true' } },
      { element: 'genre', value: 'Drama', attributes: { clear: 'true' } },
      { element: 'credits', value: 'Writer', attributes: { tmdbid: '7' } },
      { element: 'director', value: 'Someone Else', attributes: { imdbid: 'nm0000520' } },
    ]);
    const published = publishMovie(nfo);
    expect(published).toContain('<genre clear="true">Crime</genre>\n  <genre clear="true">Drama</genre>');
    expect(published).toContain('<director>Michael Mann</director>\n  <director imdbid="nm0000520">Someone Else</director>');
    expect(published).toContain('<credits tmdbid="7">Writer</credits>');
    expect(publishMovie(movieOf(published))).toBe(published);
  });

  it("keeps Kodi's thumb attributes (spoof, cache, aspect, preview) and any other tool's", () => {
    const published = publishEpisodes(episodesOf(fixture('kodi.episode.nfo')));
    expect(published).toContain(
      '<thumb spoof="" cache="" aspect="thumb" preview="https://artworks.thetvdb.com/banners/_cache/episodes/81189/349232.jpg">https://artworks.thetvdb.com/banners/episodes/81189/349232.jpg</thumb>',
    );
    const movie = movieOf(
      '<movie><title>A</title><thumb aspect="poster" colors="|a|b|" language="en">https://example.org/p.jpg</thumb></movie>',
    );
    expect(publishMovie(movie)).toContain('<thumb colors="|a|b|" language="en" aspect="poster">https://example.org/p.jpg</thumb>');
  });

  it("merges the file's streams with the probe: the probe wins for what it measured, the rest of the file stays", () => {
    const probe = fileInfoFromStreams({ durationSeconds: 6301.2 }, [
      stream({ streamType: 'video', codec: 'h264', width: 1920, height: 1038 }),
      stream({ streamType: 'audio', codec: 'dts', language: 'eng', channels: 6 }),
    ]);
    const nfo = movieOf(
      fixture('radarr.movie.nfo').replace(
        '</video>',
        '<stereomode>top_bottom</stereomode></video><audio><bitrate>1509</bitrate><channels>2</channels><codec>ac3</codec><language>ger</language></audio><subtitle><language>eng</language><forced>true</forced></subtitle><container>mkv</container>',
      ),
    );
    const once = publishMovie(nfo, probe);
    expect(movieOf(once).fileInfo).toEqual({
      video: [
        {
          codec: 'h264',
          aspect: 1.85,
          width: 1920,
          height: 1038,
          durationInSeconds: 6301,
          stereoMode: 'top_bottom',
          extra: [
            { name: 'bitrate', attributes: {}, children: ['5000'] },
            { name: 'framerate', attributes: {}, children: ['23.976'] },
            { name: 'scantype', attributes: {}, children: ['Progressive'] },
            { name: 'duration', attributes: {}, children: ['105'] },
          ],
        },
      ],
      audio: [{ codec: 'dts', language: 'eng', channels: 6, extra: [{ name: 'bitrate', attributes: {}, children: ['1509'] }] }],
      // The probe found no subtitle: the file's subtitle stream is gone with it.
      subtitles: [],
      extra: [{ name: 'container', attributes: {}, children: ['mkv'] }],
    });
    expect(publishMovie(movieOf(once), probe)).toBe(once);
  });

  it("keeps a 3D episode's stereomode and the stream details of a file that was not probed", () => {
    const [episode] = episodesOf(fixture('kodi.episode.nfo'));
    const probe = fileInfoFromStreams({ durationSeconds: 3480 }, [
      stream({ streamType: 'video', codec: 'hevc', width: 3840, height: 2160 }),
    ]);
    const [published] = episodesOf(publishEpisodes([episode!], probe));
    expect(published!.fileInfo?.video).toEqual([
      { codec: 'hevc', aspect: 1.778, width: 3840, height: 2160, durationInSeconds: 3480, stereoMode: 'left_right' },
    ]);
    const [unprobed] = episodesOf(publishEpisodes([episode!]));
    expect(unprobed!.fileInfo).toEqual(episode!.fileInfo);
  });

  it("keeps Jellyfin's and Emby's air day and time untouched, as written", () => {
    const show = tvShowOf(fixture('jellyfin.tvshow.nfo'));
    expect(show.extra.filter((element) => element.name.startsWith('airs_'))).toEqual([
      { name: 'airs_dayofweek', attributes: {}, children: ['Sunday'] },
      { name: 'airs_time', attributes: {}, children: ['9:00 PM'] },
    ]);
    const published = publishTvShow(show);
    expect(published).toContain('  <airs_dayofweek>Sunday</airs_dayofweek>\n  <airs_time>9:00 PM</airs_time>\n');
    expect(publishTvShow(tvShowOf(published))).toBe(published);
  });

  it('keeps the attributes of single-valued elements and of uniqueids', () => {
    const nfo = movieOf(
      '<movie><title lang="en">Heat</title><plot source="tmdb">A heist.</plot><uniqueid type="tmdb" default="true" scraper="metadata.themoviedb.org">949</uniqueid></movie>',
    );
    expect(nfo.elementAttributes).toEqual({ title: { lang: 'en' }, plot: { source: 'tmdb' } });
    const published = publishMovie(nfo);
    expect(published).toContain('<title lang="en">Heat</title>');
    expect(published).toContain('<plot source="tmdb">A heist.</plot>');
    expect(published).toContain('<uniqueid type="tmdb" default="true" scraper="metadata.themoviedb.org">949</uniqueid>');
  });

  it("keeps the attributes of ratings, the set's children and actors' children, and what <set> holds beyond name and overview", () => {
    const nfo = movieOf(
      [
        '<movie><title>Heat</title><year>2000</year>',
        '<ratings source="tmm"><rating name="imdb" max="10" default="true" origin="scraper"><value>8.3</value></rating></ratings>',
        '<set tmdbcolid="1"><name lang="en">Heat Collection</name><overview lang="en">Two films.</overview><tmdbid>1</tmdbid></set>',
        '<actor><name id="7">Al Pacino</name><role lang="en">Hanna</role><order>0</order><thumb aspect="portrait">https://example.org/al.jpg</thumb></actor>',
        '</movie>',
      ].join(''),
    );
    const published = publishMovie(nfo);
    expect(published).toContain('<ratings source="tmm">\n    <rating name="imdb" max="10" default="true" origin="scraper">');
    expect(published).toContain(
      '<set tmdbcolid="1">\n    <name lang="en">Heat Collection</name>\n    <overview lang="en">Two films.</overview>\n    <tmdbid>1</tmdbid>\n  </set>',
    );
    expect(published).toContain(
      '<actor>\n    <name id="7">Al Pacino</name>\n    <role lang="en">Hanna</role>\n    <order>0</order>\n    <thumb aspect="portrait">https://example.org/al.jpg</thumb>\n  </actor>',
    );
    expect(movieOf(published)).toStrictEqual(nfo);
    expect(publishMovie(movieOf(published))).toBe(published);
  });

  it("keeps the attributes of a legacy <rating> on the rating it becomes, and of Jellyfin's <sortorder> on <order>", () => {
    const show = tvShowOf(
      '<tvshow><title>Lost</title><year>2000</year><rating origin="tvdb">8.3</rating><actor><name>Kate</name><sortorder from="jellyfin">0</sortorder></actor></tvshow>',
    );
    const published = publishTvShow(show);
    expect(published).toContain('<rating name="default" default="true" origin="tvdb">');
    expect(published).toContain('<order from="jellyfin">0</order>');
    expect(tvShowOf(published)).toStrictEqual(show);
  });

  it("keeps a <namedseason>'s other attributes while the season keeps its number", () => {
    const show = tvShowOf('<tvshow><title>Lost</title><namedseason number="1" lang="en">The Island</namedseason></tvshow>');
    const published = publishTvShow(show);
    expect(published).toContain('<namedseason number="1" lang="en">The Island</namedseason>');
    expect(publishTvShow(tvShowOf(published))).toBe(published);
  });

  it('keeps the attributes of <fileinfo>, <streamdetails> and the streams, and what <fileinfo> holds beside them, over the probe', () => {
    const probe = fileInfoFromStreams({ durationSeconds: 3480 }, [
      stream({ streamType: 'video', codec: 'hevc', width: 3840, height: 2160 }),
      stream({ streamType: 'audio', codec: 'dts', language: 'eng', channels: 6 }),
    ]);
    const [episode] = episodesOf(
      [
        '<episodedetails><title>Pilot</title><season>1</season><episode>1</episode>',
        '<fileinfo source="mediainfo"><streamdetails version="2"><video id="0"><codec>h264</codec></video><audio id="1" default="true"><codec>ac3</codec></audio>',
        '<subtitle id="2" forced="true"><language>eng</language></subtitle></streamdetails><container>mkv</container></fileinfo>',
        '</episodedetails>',
      ].join(''),
    );
    const unprobed = publishEpisodes([episode!]);
    expect(unprobed).toContain('<fileinfo source="mediainfo">\n    <streamdetails version="2">\n      <video id="0">');
    expect(unprobed).toContain('<subtitle id="2" forced="true">');
    expect(unprobed).toContain('</streamdetails>\n    <container>mkv</container>\n  </fileinfo>');
    expect(episodesOf(unprobed)).toStrictEqual([episode]);

    const [probed] = episodesOf(publishEpisodes([episode!], probe));
    expect(probed!.fileInfo).toEqual({
      video: [{ codec: 'hevc', aspect: 1.778, width: 3840, height: 2160, durationInSeconds: 3480, attributes: { id: '0' } }],
      audio: [{ codec: 'dts', language: 'eng', channels: 6, attributes: { id: '1', default: 'true' } }],
      // The probe found no subtitle: the file's subtitle stream is gone with it.
      subtitles: [],
      streamDetailsAttributes: { version: '2' },
      fileInfoAttributes: { source: 'mediainfo' },
      fileInfoExtra: [{ name: 'container', attributes: {}, children: ['mkv'] }],
    });
  });

  it("keeps the attributes of a stream's children and of a rating's <value> and <votes>, over the probe", () => {
    const nfo = movieOf(
      [
        '<movie><title>Heat</title><year>1995</year>',
        '<ratings><rating name="imdb" max="10"><value source="imdb.com">8.3</value><votes scale="thousands">700</votes></rating></ratings>',
        '<fileinfo><streamdetails><video><codec profile="high">h264</codec><width unit="px">1920</width></video>',
        '<audio><codec>ac3</codec><language code="iso639-2">eng</language></audio><subtitle><language forced="true">eng</language></subtitle></streamdetails></fileinfo>',
        '</movie>',
      ].join(''),
    );
    const published = publishMovie(nfo);
    expect(published).toContain('<value source="imdb.com">8.3</value>');
    expect(published).toContain('<votes scale="thousands">700</votes>');
    expect(published).toContain('<codec profile="high">h264</codec>');
    expect(published).toContain('<width unit="px">1920</width>');
    expect(published).toContain('<language code="iso639-2">eng</language>');
    expect(published).toContain('<language forced="true">eng</language>');
    expect(movieOf(published)).toStrictEqual(nfo);

    // The probe's values go where the file had them, with the file's attributes.
    const probe = fileInfoFromStreams({ durationSeconds: 6000 }, [
      stream({ streamType: 'video', codec: 'hevc', width: 3840, height: 1600 }),
    ]);
    const probed = publishMovie(nfo, probe);
    expect(probed).toContain('<codec profile="high">hevc</codec>');
    expect(probed).toContain('<width unit="px">3840</width>');
  });

  it('keeps a <fileinfo> that holds no <streamdetails>, without adding one', () => {
    const nfo = movieOf('<movie><title>Heat</title><year>2000</year><fileinfo><container>mkv</container></fileinfo></movie>');
    const published = publishMovie(nfo);
    expect(published).toContain('<fileinfo>\n    <container>mkv</container>\n  </fileinfo>');
    expect(movieOf(published)).toStrictEqual(nfo);
  });
});
