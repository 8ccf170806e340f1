import type { TmdbMovieDetails, TmdbTvDetails } from './tmdb-schemas.js';

// TMDB release types: 1 premiere, 2 limited theatrical, 3 theatrical, 4 digital, 5 physical, 6 TV.
// The theatrical rating is the one people know a film by; the others are fallbacks.
const RELEASE_TYPE_PREFERENCE = [3, 2, 4, 5, 6, 1];

/** The movie's certification in one country (ISO 3166-1, e.g. "US"), from `append_to_response=release_dates`. */
export function tmdbMovieCertification(details: TmdbMovieDetails, country: string): string | undefined {
  const forCountry = details.release_dates?.results.find((entry) => entry.iso_3166_1 === country.toUpperCase());
  if (!forCountry) return undefined;
  const certified = forCountry.release_dates.filter((release) => release.certification?.trim());
  const rank = (type: number | null | undefined) => {
    const index = RELEASE_TYPE_PREFERENCE.indexOf(type ?? 0);
    return index === -1 ? RELEASE_TYPE_PREFERENCE.length : index;
  };
  const best = [...certified].sort((a, b) => rank(a.type) - rank(b.type))[0];
  return best?.certification?.trim();
}

/** The show's content rating in one country, from `append_to_response=content_ratings`. */
export function tmdbTvCertification(details: TmdbTvDetails, country: string): string | undefined {
  const rating = details.content_ratings?.results.find((entry) => entry.iso_3166_1 === country.toUpperCase())?.rating;
  return rating?.trim() ? rating.trim() : undefined;
}
