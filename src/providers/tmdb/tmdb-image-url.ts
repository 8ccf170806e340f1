/** What TMDB's /configuration tells us about image URLs, reduced to what the mappers need. */
export interface TmdbImageConfiguration {
  /** e.g. "https://image.tmdb.org/t/p/" */
  secureBaseUrl: string;
  posterSizes: string[];
  backdropSizes: string[];
  logoSizes: string[];
  profileSizes: string[];
  stillSizes: string[];
}

/**
 * Full URL of a TMDB image path. "original" is the default because artwork is downloaded once, scored and
 * cached; a smaller size would be a lossy copy we could never upgrade from.
 */
export function tmdbImageUrl(secureBaseUrl: string, filePath: string, size = 'original'): string {
  const base = secureBaseUrl.endsWith('/') ? secureBaseUrl : `${secureBaseUrl}/`;
  const path = filePath.startsWith('/') ? filePath : `/${filePath}`;
  return `${base}${size}${path}`;
}

/** Same, for the optional paths TMDB sends as null when a picture is missing. */
export function optionalTmdbImageUrl(secureBaseUrl: string, filePath: string | null | undefined): string | undefined {
  return filePath ? tmdbImageUrl(secureBaseUrl, filePath) : undefined;
}
