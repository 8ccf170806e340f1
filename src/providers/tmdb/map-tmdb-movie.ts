import { dateOrUndefined, textOrUndefined, yearOf } from '../http/dates.js';
import type { ProviderDetails, ProviderRating } from '../types.js';
import { mapTmdbImages } from './map-tmdb-images.js';
import { mapTmdbCast, mapTmdbCrew, mapTmdbTrailers } from './map-tmdb-people.js';
import { tmdbMovieCertification } from './tmdb-certification.js';
import type { TmdbMovieDetails } from './tmdb-schemas.js';

export interface TmdbMappingOptions {
  secureBaseUrl: string;
  /** ISO 3166-1 country whose certification is wanted. */
  certificationCountry: string;
}

/** One `/movie/{id}` response with its appended blocks, as normalised metadata and artwork. */
export function mapTmdbMovie(details: TmdbMovieDetails, options: TmdbMappingOptions): ProviderDetails {
  const imdb = details.imdb_id || details.external_ids?.imdb_id || undefined;
  const premiered = dateOrUndefined(details.release_date);
  const year = yearOf(premiered);
  const plot = textOrUndefined(details.overview);
  const tagline = textOrUndefined(details.tagline);
  const certification = tmdbMovieCertification(details, options.certificationCountry);
  const collection = details.belongs_to_collection;
  return {
    metadata: {
      provider: 'tmdb',
      externalIds: { tmdb: details.id, ...(imdb ? { imdb } : {}) },
      title: details.title,
      ...(details.original_title ? { originalTitle: details.original_title } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(premiered ? { premiered } : {}),
      ...(plot ? { plot } : {}),
      ...(tagline ? { tagline } : {}),
      // TMDB sends 0 for "unknown runtime".
      ...(details.runtime ? { runtime: details.runtime } : {}),
      genres: details.genres.map((genre) => genre.name),
      studios: details.production_companies.map((company) => company.name),
      countries: details.production_countries.map((country) => country.name),
      tags: details.keywords?.keywords.map((keyword) => keyword.name) ?? [],
      ...(certification ? { certification } : {}),
      ...(collection ? { collection: { id: collection.id, name: collection.name } } : {}),
      ratings: tmdbRatings(details.vote_average, details.vote_count),
      cast: mapTmdbCast(details.credits, options.secureBaseUrl),
      crew: mapTmdbCrew(details.credits),
      trailers: mapTmdbTrailers(details.videos),
      ...(details.status ? { status: details.status } : {}),
    },
    images: mapTmdbImages(details.images, options.secureBaseUrl),
  };
}

/** "themoviedb" is the rating name Kodi writes in NFO files for TMDB's vote average. */
export function tmdbRatings(voteAverage: number | null | undefined, voteCount: number | null | undefined): ProviderRating[] {
  if (voteAverage === null || voteAverage === undefined || !voteCount) return [];
  return [{ name: 'themoviedb', value: voteAverage, votes: voteCount }];
}
