import type { ProviderRepository } from '../db/repositories/provider-repository.js';
import { TmdbClient } from '../providers/tmdb/tmdb-client.js';
import type { ProviderEpisode } from '../providers/types.js';

export class SeasonUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeasonUnavailableError';
  }
}

/**
 * A show's episodes for one season, from the first enabled TMDB provider (its base URL and credentials
 * read afresh each call, as every provider run does).
 */
export class TmdbSeasonSource {
  constructor(private readonly providers: ProviderRepository) {}

  async episodes(tmdbId: number, season: number, language = 'en'): Promise<ProviderEpisode[]> {
    const tmdb = (await this.providers.listEnabled()).find((p) => p.kind === 'tmdb');
    if (!tmdb) throw new SeasonUnavailableError('No enabled TMDB provider to read season data from');
    const { readAccessToken, apiKey } = tmdb.credentials;
    const client = readAccessToken
      ? new TmdbClient({ baseUrl: tmdb.baseUrl, timeoutMs: tmdb.timeoutMs, readAccessToken })
      : new TmdbClient({ baseUrl: tmdb.baseUrl, timeoutMs: tmdb.timeoutMs, apiKey: apiKey ?? '' });
    const answer = await client.tvSeason(tmdbId, season, language);
    return answer.episodes;
  }
}
