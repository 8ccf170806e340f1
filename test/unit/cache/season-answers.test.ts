import { describe, expect, it } from 'vitest';
import { preferredSeason, seasonResultFromFetch } from '../../../src/cache/season-answers.js';
import type { ProviderEpisode, ProviderId, ProviderSeason } from '../../../src/providers/types.js';

function season(provider: ProviderId, episodes: number): ProviderSeason {
  const episode = (n: number): ProviderEpisode => ({
    provider,
    externalIds: {},
    seasonNumber: 1,
    episodeNumber: n,
    title: `${provider} ${n}`,
  });
  return { provider, externalIds: {}, seasonNumber: 1, episodes: Array.from({ length: episodes }, (_, i) => episode(i + 1)), images: [] };
}

describe('season answers', () => {
  it('keeps the providers’ priority order, with who failed, and prefers the first that lists episodes', () => {
    const result = seasonResultFromFetch({
      fetchedAt: '2026-01-01T00:00:00.000Z',
      cacheWritten: true,
      results: [
        { provider: 'tvdb', providerId: 'a', status: 'failed', error: 'TVDB rejected the API key' },
        { provider: 'tmdb', providerId: 'b', status: 'completed', season: season('tmdb', 3) },
        { provider: 'fanart_tv', providerId: 'c', status: 'timed-out', error: 'no answer' },
      ],
    });
    expect(result).toMatchObject({ cached: false, cacheAge: 0, providerOrder: ['tvdb', 'tmdb', 'fanart_tv'] });
    expect(Object.keys(result.seasons)).toStrictEqual(['tmdb']);
    expect(result.metadata).toStrictEqual({
      fetchedAt: '2026-01-01T00:00:00.000Z',
      completedProviders: ['tmdb'],
      failedProviders: [{ provider: 'tvdb', error: 'TVDB rejected the API key' }],
      timedOutProviders: ['fanart_tv'],
    });
    expect(preferredSeason(result)?.provider).toBe('tmdb');
  });

  it('skips a provider whose season lists no episodes for the next one that does', () => {
    const result = seasonResultFromFetch({
      fetchedAt: '2026-01-01T00:00:00.000Z',
      cacheWritten: true,
      results: [
        { provider: 'tmdb', providerId: 'a', status: 'completed', season: season('tmdb', 0) },
        { provider: 'tvdb', providerId: 'b', status: 'completed', season: season('tvdb', 2) },
      ],
    });
    expect(preferredSeason(result)?.provider).toBe('tvdb');
  });

  it('has no season to prefer when every provider answered that it does not know it', () => {
    const result = seasonResultFromFetch({
      fetchedAt: '2026-01-01T00:00:00.000Z',
      cacheWritten: true,
      results: [{ provider: 'tmdb', providerId: 'a', status: 'completed' }],
    });
    expect(result.seasons).toStrictEqual({});
    expect(preferredSeason(result)).toBeUndefined();
  });
});
