import { describe, expect, it } from 'vitest';
import { nfoArtworkCandidates } from '../../../src/library/nfo-artwork-candidates.js';
import { parseNfo, type SeasonNfo, type TvShowNfo } from '../../../src/media/nfo/index.js';
import type { ScannedArtwork, ScannedShow } from '../../../src/media/title-scan/types.js';

function read<T extends TvShowNfo | SeasonNfo>(xml: string): T {
  const parsed = parseNfo(xml, 'test.nfo');
  if (parsed.kind === 'tvshow') return parsed.tvShow as T;
  if (parsed.kind === 'season') return parsed.season as T;
  throw new Error(parsed.kind);
}

describe('nfoArtworkCandidates', () => {
  const art = (assetType: ScannedArtwork['assetType'], season?: ScannedArtwork['season']): ScannedArtwork => ({
    relativePath: 'x.jpg',
    assetType,
    season,
    sha256: 'x',
    sizeBytes: 1,
    mtimeMs: 0,
    width: 1,
    height: 1,
    format: 'jpg',
  });

  it('leaves out every kind of picture the folder has its own of, and names each type and URL once', () => {
    const scanned = {
      kind: 'tvshow',
      nfo: read<TvShowNfo>(
        '<tvshow><thumb aspect="poster">https://a.example/p.jpg</thumb><thumb aspect="banner">https://a.example/b.jpg</thumb><thumb aspect="poster" type="season" season="1">https://a.example/s1.jpg</thumb><thumb aspect="poster" type="season" season="0">https://a.example/s0.jpg</thumb><fanart><thumb>https://a.example/f.jpg</thumb></fanart></tvshow>',
      ),
      seasonNfos: [
        {
          season: 1,
          nfoPath: 'Season 01/season.nfo',
          nfo: read<SeasonNfo>(
            '<season><thumb>https://a.example/s1.jpg</thumb><thumb aspect="banner">https://a.example/s1b.jpg</thumb></season>',
          ),
        },
      ],
      artwork: [art('poster'), art('extrafanart'), art('banner', 1), art('poster', 'specials')],
    } as unknown as ScannedShow;
    expect(nfoArtworkCandidates(scanned)).toEqual([
      { assetType: 'banner', url: 'https://a.example/b.jpg' },
      { assetType: 'season-poster', url: 'https://a.example/s1.jpg', season: 1 },
    ]);
  });
});
