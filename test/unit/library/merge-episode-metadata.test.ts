import { describe, expect, it } from 'vitest';
import { fillEpisodeFromProvider } from '../../../src/library/enrich/merge-episode-metadata.js';
import type { ProviderEpisode } from '../../../src/providers/types.js';

const PROVIDED: ProviderEpisode = {
  provider: 'tmdb',
  externalIds: { tmdb: 62086, imdb: 'tt1054724' },
  seasonNumber: 1,
  episodeNumber: 2,
  title: "Cat's in the Bag...",
  airDate: '2008-01-27',
  plot: 'Walt and Jesse attempt to tie up loose ends.',
  runtime: 48,
};

const BARE = { title: null, plot: null, aired: null, runtime: null, tmdbId: null, tvdbId: null, imdbId: null };

describe('fillEpisodeFromProvider', () => {
  it('gives an episode known only by its numbers everything the provider has', () => {
    expect(fillEpisodeFromProvider(BARE, PROVIDED)).toEqual({
      title: "Cat's in the Bag...",
      plot: 'Walt and Jesse attempt to tie up loose ends.',
      aired: '2008-01-27',
      runtime: 48,
      tmdbId: 62086,
      imdbId: 'tt1054724',
    });
  });

  it('keeps what the episode NFO said and fills only the gaps', () => {
    const fromNfo = { ...BARE, title: 'Cat in the Bag (director’s cut)', aired: '2008-01-28', tvdbId: 349232 };
    expect(fillEpisodeFromProvider(fromNfo, PROVIDED)).toEqual({ plot: PROVIDED.plot, runtime: 48, tmdbId: 62086, imdbId: 'tt1054724' });
  });

  it('adds nothing from an empty provider value', () => {
    expect(
      fillEpisodeFromProvider(BARE, { ...PROVIDED, title: '', plot: undefined, airDate: undefined, runtime: undefined, externalIds: {} }),
    ).toEqual({});
  });
});
