import { describe, expect, it } from 'vitest';
import { mergeProviderMetadata } from '../../../src/library/enrich/merge-provider-metadata.js';
import type { ProviderMetadata } from '../../../src/providers/types.js';

const tmdb: ProviderMetadata = {
  provider: 'tmdb',
  externalIds: { tmdb: 603, imdb: 'tt0133093' },
  title: 'The Matrix',
  year: 1999,
  plot: 'From TMDB.',
  tagline: '',
  genres: ['Action'],
  studios: [],
  countries: ['US'],
  tags: [],
  certification: 'R',
  collection: { id: 2344, name: 'The Matrix Collection' },
  ratings: [{ name: 'themoviedb', value: 8.2, votes: 26012 }],
  cast: [],
  crew: [
    { name: 'Lana Wachowski', job: 'Director', department: 'Directing' },
    { name: 'Lana Wachowski', job: 'Writer', department: 'Writing' },
  ],
  trailers: [],
};

describe('mergeProviderMetadata', () => {
  it('takes provider values, never empty ones, and merges ratings by source', () => {
    const update = mergeProviderMetadata(
      [tmdb],
      { ratings: [{ name: 'imdb', value: 8.7, votes: 10, isDefault: true }] },
      { isShow: false },
    );
    expect(update).toMatchObject({
      title: 'The Matrix',
      plot: 'From TMDB.',
      mpaa: 'R',
      setName: 'The Matrix Collection',
      directors: ['Lana Wachowski'],
      credits: ['Lana Wachowski'],
      tmdbId: 603,
      imdbId: 'tt0133093',
    });
    expect(update).not.toHaveProperty('tagline');
    expect(update).not.toHaveProperty('studios');
    expect(update.ratings).toEqual([
      { name: 'imdb', value: 8.7, votes: 10, isDefault: true },
      { name: 'themoviedb', value: 8.2, votes: 26012, max: 10, isDefault: false },
    ]);
  });

  it('never touches a locked field', () => {
    const update = mergeProviderMetadata(
      [tmdb],
      { ratings: [], plotLocked: true, titleLocked: true, genresLocked: true },
      { isShow: false },
    );
    expect(update).not.toHaveProperty('plot');
    expect(update).not.toHaveProperty('title');
    expect(update).not.toHaveProperty('genres');
    expect(update.year).toBe(1999);
  });

  it('lets the first provider with a value win each field', () => {
    const tvdb = { ...tmdb, provider: 'tvdb' as const, plot: 'From TVDB.', tagline: 'From TVDB too.' };
    const update = mergeProviderMetadata([tmdb, tvdb], { ratings: [] }, { isShow: true });
    expect(update.plot).toBe('From TMDB.');
    expect(update.tagline).toBe('From TVDB too.');
    expect(update).not.toHaveProperty('setName');
  });
});
