import { z } from 'zod';
import { list, optionalNumber, optionalString } from '../http/schema-helpers.js';

// TMDB v3 wire format, reduced to the fields Reelflow reads (https://developer.themoviedb.org/reference).

export const tmdbConfigurationSchema = z.looseObject({
  images: z.looseObject({
    secure_base_url: z.string(),
    poster_sizes: list(z.string()),
    backdrop_sizes: list(z.string()),
    logo_sizes: list(z.string()),
    profile_sizes: list(z.string()),
    still_sizes: list(z.string()),
  }),
});

export const tmdbMovieSearchItemSchema = z.looseObject({
  id: z.number(),
  title: z.string(),
  original_title: optionalString,
  release_date: optionalString,
  overview: optionalString,
  poster_path: optionalString,
});

export const tmdbTvSearchItemSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  original_name: optionalString,
  first_air_date: optionalString,
  overview: optionalString,
  poster_path: optionalString,
});

export const tmdbMovieSearchSchema = z.looseObject({ results: list(tmdbMovieSearchItemSchema) });
export const tmdbTvSearchSchema = z.looseObject({ results: list(tmdbTvSearchItemSchema) });

/** /find/{id}?external_source=imdb_id or tvdb_id: the same shape whichever id is looked up. */
export const tmdbFindSchema = z.looseObject({
  movie_results: list(tmdbMovieSearchItemSchema),
  tv_results: list(tmdbTvSearchItemSchema),
});

export const tmdbImageSchema = z.looseObject({
  file_path: z.string(),
  width: optionalNumber,
  height: optionalNumber,
  iso_639_1: optionalString,
  vote_average: optionalNumber,
  vote_count: optionalNumber,
});

export const tmdbImagesSchema = z.looseObject({
  posters: list(tmdbImageSchema),
  backdrops: list(tmdbImageSchema),
  logos: list(tmdbImageSchema),
});

export const tmdbCreditsSchema = z.looseObject({
  cast: list(
    z.looseObject({
      name: z.string(),
      character: optionalString,
      order: optionalNumber,
      profile_path: optionalString,
    }),
  ),
  crew: list(
    z.looseObject({
      name: z.string(),
      job: z.string(),
      department: z.string(),
    }),
  ),
});

export const tmdbVideosSchema = z.looseObject({
  results: list(
    z.looseObject({
      site: z.string(),
      key: z.string(),
      name: z.string(),
      type: z.string(),
    }),
  ),
});

const namedSchema = z.looseObject({ name: z.string() });

const tmdbExternalIdsSchema = z.looseObject({
  imdb_id: optionalString,
  tvdb_id: optionalNumber,
});

export const tmdbMovieDetailsSchema = z.looseObject({
  id: z.number(),
  imdb_id: optionalString,
  title: z.string(),
  original_title: optionalString,
  release_date: optionalString,
  overview: optionalString,
  tagline: optionalString,
  runtime: optionalNumber,
  status: optionalString,
  vote_average: optionalNumber,
  vote_count: optionalNumber,
  genres: list(namedSchema),
  production_companies: list(namedSchema),
  production_countries: list(z.looseObject({ iso_3166_1: z.string(), name: z.string() })),
  belongs_to_collection: z.looseObject({ id: z.number(), name: z.string() }).nullish(),
  images: tmdbImagesSchema.nullish(),
  credits: tmdbCreditsSchema.nullish(),
  videos: tmdbVideosSchema.nullish(),
  release_dates: z
    .looseObject({
      results: list(
        z.looseObject({
          iso_3166_1: z.string(),
          release_dates: list(z.looseObject({ certification: optionalString, type: optionalNumber })),
        }),
      ),
    })
    .nullish(),
  keywords: z.looseObject({ keywords: list(namedSchema) }).nullish(),
  external_ids: tmdbExternalIdsSchema.nullish(),
});

export const tmdbTvDetailsSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  original_name: optionalString,
  first_air_date: optionalString,
  overview: optionalString,
  tagline: optionalString,
  episode_run_time: list(z.number()),
  status: optionalString,
  vote_average: optionalNumber,
  vote_count: optionalNumber,
  genres: list(namedSchema),
  networks: list(namedSchema),
  production_companies: list(namedSchema),
  production_countries: list(z.looseObject({ iso_3166_1: z.string(), name: z.string() })),
  seasons: list(
    z.looseObject({
      season_number: z.number(),
      name: optionalString,
      air_date: optionalString,
      episode_count: optionalNumber,
      poster_path: optionalString,
    }),
  ),
  content_ratings: z.looseObject({ results: list(z.looseObject({ iso_3166_1: z.string(), rating: optionalString })) }).nullish(),
  images: tmdbImagesSchema.nullish(),
  credits: tmdbCreditsSchema.nullish(),
  videos: tmdbVideosSchema.nullish(),
  external_ids: tmdbExternalIdsSchema.nullish(),
});

export const tmdbSeasonSchema = z.looseObject({
  id: optionalNumber,
  season_number: z.number(),
  name: optionalString,
  air_date: optionalString,
  overview: optionalString,
  poster_path: optionalString,
  episodes: list(
    z.looseObject({
      id: z.number(),
      episode_number: z.number(),
      season_number: z.number(),
      name: z.string(),
      air_date: optionalString,
      overview: optionalString,
      runtime: optionalNumber,
      still_path: optionalString,
    }),
  ),
});

export type TmdbConfigurationResponse = z.output<typeof tmdbConfigurationSchema>;
export type TmdbMovieSearchItem = z.output<typeof tmdbMovieSearchItemSchema>;
export type TmdbTvSearchItem = z.output<typeof tmdbTvSearchItemSchema>;
export type TmdbImages = z.output<typeof tmdbImagesSchema>;
export type TmdbCredits = z.output<typeof tmdbCreditsSchema>;
export type TmdbVideos = z.output<typeof tmdbVideosSchema>;
export type TmdbMovieDetails = z.output<typeof tmdbMovieDetailsSchema>;
export type TmdbTvDetails = z.output<typeof tmdbTvDetailsSchema>;
export type TmdbSeason = z.output<typeof tmdbSeasonSchema>;

/** /movie/changes and /tv/changes: ids changed in a date range, 100 per page. */
export const tmdbChangesSchema = z.looseObject({
  results: list(z.looseObject({ id: z.number() })),
  page: z.number(),
  total_pages: z.number(),
});
