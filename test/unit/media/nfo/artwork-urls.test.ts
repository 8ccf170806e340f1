import { describe, expect, it } from 'vitest';
import { nfoArtworkUrls, parseNfo, type MovieNfo, type SeasonNfo, type TvShowNfo } from '../../../../src/media/nfo/index.js';

const read = <K extends 'movie' | 'tvshow' | 'season'>(xml: string, kind: K) => {
  const parsed = parseNfo(xml, 'test.nfo');
  if (parsed.kind !== kind) throw new Error(parsed.kind);
  return (
    parsed.kind === 'movie' ? parsed.movie : parsed.kind === 'tvshow' ? parsed.tvShow : parsed.kind === 'season' ? parsed.season : undefined
  ) as K extends 'movie' ? MovieNfo : K extends 'tvshow' ? TvShowNfo : SeasonNfo;
};

describe('nfoArtworkUrls', () => {
  it("reads Kodi's thumbs by aspect, a thumb without one as a poster, and <fanart> with its base URL", () => {
    const movie = read(
      [
        '<movie>',
        '<thumb spoof="" cache="" aspect="poster" preview="https://img.example/w500/p.jpg">https://img.example/original/p.jpg</thumb>',
        '<thumb>https://img.example/old-style.jpg</thumb>',
        '<thumb aspect="clearlogo">https://img.example/logo.png</thumb>',
        '<thumb aspect="somethingnew">https://img.example/new.jpg</thumb>',
        '<thumb aspect="banner">/media/movies/Alien/banner.jpg</thumb>',
        '<thumb aspect="discart">smb://nas/art/disc.png</thumb>',
        '<fanart url="https://img.example/original"><thumb preview="https://img.example/w780/f.jpg">/f.jpg</thumb><thumb>https://other.example/g.jpg</thumb></fanart>',
        '</movie>',
      ].join(''),
      'movie',
    );
    expect(nfoArtworkUrls(movie)).toEqual([
      {
        assetType: 'poster',
        url: 'https://img.example/original/p.jpg',
        preview: 'https://img.example/w500/p.jpg',
        attributes: { spoof: '', cache: '' },
      },
      { assetType: 'poster', url: 'https://img.example/old-style.jpg' },
      { assetType: 'clearlogo', url: 'https://img.example/logo.png' },
      { assetType: 'fanart', url: 'https://img.example/original/f.jpg', preview: 'https://img.example/w780/f.jpg' },
      { assetType: 'fanart', url: 'https://other.example/g.jpg' },
    ]);
  });

  it("reads a show's season thumbs, and a season.nfo's thumbs and fanart as that season's", () => {
    const show = read(
      '<tvshow><thumb aspect="banner">https://a.example/b.jpg</thumb><thumb aspect="poster" type="season" season="-1">https://a.example/all.jpg</thumb><thumb aspect="clearlogo" type="season" season="1">https://a.example/x.png</thumb></tvshow>',
      'tvshow',
    );
    expect(nfoArtworkUrls(show)).toEqual([
      { assetType: 'banner', url: 'https://a.example/b.jpg' },
      { assetType: 'season-poster', url: 'https://a.example/all.jpg', season: -1 },
    ]);
    const season = read(
      '<season><thumb>https://a.example/s2.jpg</thumb><thumb aspect="landscape">https://a.example/s2l.jpg</thumb><fanart><thumb>https://a.example/s2f.jpg</thumb></fanart></season>',
      'season',
    );
    expect(nfoArtworkUrls(season, 2)).toEqual([
      { assetType: 'season-poster', url: 'https://a.example/s2.jpg', season: 2 },
      { assetType: 'season-landscape', url: 'https://a.example/s2l.jpg', season: 2 },
      { assetType: 'season-fanart', url: 'https://a.example/s2f.jpg', season: 2 },
    ]);
  });
});
