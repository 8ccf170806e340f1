import { dateOrUndefined, textOrUndefined } from '../http/dates.js';
import type { ProviderSeason } from '../types.js';
import { optionalTmdbImageUrl, tmdbImageUrl } from './tmdb-image-url.js';
import type { TmdbSeason } from './tmdb-schemas.js';

/** One `/tv/{id}/season/{n}` response as a normalised season with its episodes. */
export function mapTmdbSeason(season: TmdbSeason, secureBaseUrl: string): ProviderSeason {
  const airDate = dateOrUndefined(season.air_date);
  const plot = textOrUndefined(season.overview);
  return {
    provider: 'tmdb',
    externalIds: season.id ? { tmdb: season.id } : {},
    seasonNumber: season.season_number,
    ...(season.name ? { name: season.name } : {}),
    ...(airDate ? { airDate } : {}),
    ...(plot ? { plot } : {}),
    episodes: season.episodes.map((episode) => {
      const episodeAirDate = dateOrUndefined(episode.air_date);
      const episodePlot = textOrUndefined(episode.overview);
      const thumbUrl = optionalTmdbImageUrl(secureBaseUrl, episode.still_path);
      return {
        provider: 'tmdb' as const,
        externalIds: { tmdb: episode.id },
        seasonNumber: episode.season_number,
        episodeNumber: episode.episode_number,
        title: episode.name,
        ...(episodeAirDate ? { airDate: episodeAirDate } : {}),
        ...(episodePlot ? { plot: episodePlot } : {}),
        ...(episode.runtime ? { runtime: episode.runtime } : {}),
        ...(thumbUrl ? { thumbUrl } : {}),
      };
    }),
    images: season.poster_path
      ? [
          {
            provider: 'tmdb',
            assetType: 'season-poster',
            url: tmdbImageUrl(secureBaseUrl, season.poster_path),
            language: null,
            season: season.season_number,
          },
        ]
      : [],
  };
}
