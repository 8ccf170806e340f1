import { dateOrUndefined, textOrUndefined, yearOf } from '../http/dates.js';
import type { ProviderImage, ProviderShowDetails } from '../types.js';
import { mapTmdbImages } from './map-tmdb-images.js';
import { tmdbRatings, type TmdbMappingOptions } from './map-tmdb-movie.js';
import { mapTmdbCast, mapTmdbCrew, mapTmdbTrailers } from './map-tmdb-people.js';
import { tmdbTvCertification } from './tmdb-certification.js';
import { tmdbImageUrl } from './tmdb-image-url.js';
import type { TmdbTvDetails } from './tmdb-schemas.js';

/** One `/tv/{id}` response with its appended blocks, as normalised metadata, artwork and season list. */
export function mapTmdbTv(details: TmdbTvDetails, options: TmdbMappingOptions): ProviderShowDetails {
  const imdb = details.external_ids?.imdb_id || undefined;
  const tvdb = details.external_ids?.tvdb_id || undefined;
  const premiered = dateOrUndefined(details.first_air_date);
  const year = yearOf(premiered);
  const plot = textOrUndefined(details.overview);
  const tagline = textOrUndefined(details.tagline);
  const certification = tmdbTvCertification(details, options.certificationCountry);
  const runtime = details.episode_run_time[0];
  return {
    metadata: {
      provider: 'tmdb',
      externalIds: { tmdb: details.id, ...(imdb ? { imdb } : {}), ...(tvdb ? { tvdb } : {}) },
      title: details.name,
      ...(details.original_name ? { originalTitle: details.original_name } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(premiered ? { premiered } : {}),
      ...(plot ? { plot } : {}),
      ...(tagline ? { tagline } : {}),
      ...(runtime ? { runtime } : {}),
      genres: details.genres.map((genre) => genre.name),
      // Kodi shows a series' network as its studio; production companies follow for completeness.
      studios: unique([...details.networks, ...details.production_companies].map((company) => company.name)),
      countries: details.production_countries.map((country) => country.name),
      tags: [],
      ...(certification ? { certification } : {}),
      ratings: tmdbRatings(details.vote_average, details.vote_count),
      cast: mapTmdbCast(details.credits, options.secureBaseUrl),
      crew: mapTmdbCrew(details.credits),
      trailers: mapTmdbTrailers(details.videos),
      ...(details.status ? { status: details.status } : {}),
    },
    images: [...mapTmdbImages(details.images, options.secureBaseUrl), ...seasonPosters(details, options.secureBaseUrl)],
    seasons: details.seasons.map((season) => {
      const airDate = dateOrUndefined(season.air_date);
      return {
        seasonNumber: season.season_number,
        ...(season.name ? { name: season.name } : {}),
        ...(airDate ? { airDate } : {}),
        ...(season.episode_count !== null && season.episode_count !== undefined ? { episodeCount: season.episode_count } : {}),
      };
    }),
  };
}

/** The show response already names each season's main poster; taking it here saves a call per season. */
function seasonPosters(details: TmdbTvDetails, secureBaseUrl: string): ProviderImage[] {
  return details.seasons.flatMap((season) =>
    season.poster_path
      ? [
          {
            provider: 'tmdb' as const,
            assetType: 'season-poster' as const,
            url: tmdbImageUrl(secureBaseUrl, season.poster_path),
            // TMDB does not say which language a season's main poster is in.
            language: null,
            season: season.season_number,
          },
        ]
      : [],
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
