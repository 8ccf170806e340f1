import type { z } from 'zod';
import type { RequestPacing } from '../http/provider-pacer.js';
import { requestJson, type QueryValue } from '../http/request-json.js';
import { DEFAULT_USER_AGENT } from '../http/user-agent.js';
import type { ProviderDetails, ProviderSearchResult, ProviderSeason, ProviderShowDetails } from '../types.js';
import type { ExternalIds } from '../../contracts/external-ids.js';
import { mapTmdbMovie } from './map-tmdb-movie.js';
import { mapTmdbSeason } from './map-tmdb-season.js';
import { mapTmdbMovieResults, mapTmdbTvResults } from './map-tmdb-search.js';
import { mapTmdbTv } from './map-tmdb-tv.js';
import type { TmdbImageConfiguration } from './tmdb-image-url.js';
import {
  tmdbChangesSchema,
  tmdbConfigurationSchema,
  tmdbFindSchema,
  tmdbMovieDetailsSchema,
  tmdbMovieSearchSchema,
  tmdbSeasonSchema,
  tmdbTvDetailsSchema,
  tmdbTvSearchSchema,
} from './tmdb-schemas.js';

/** TMDB accepts either the v3 API key (query parameter) or the v4 read access token (Bearer header). */
export type TmdbCredentials = { apiKey: string; readAccessToken?: undefined } | { readAccessToken: string; apiKey?: undefined };

export type TmdbClientOptions = TmdbCredentials & {
  baseUrl: string;
  timeoutMs: number;
  userAgent?: string;
  /** The provider's shared request schedule; every request of this client waits for its slot. */
  pacing?: RequestPacing;
};

export interface TmdbChangesPage {
  ids: number[];
  page: number;
  totalPages: number;
}

export interface TmdbFindResult {
  movies: ProviderSearchResult[];
  tv: ProviderSearchResult[];
}

const PROVIDER = 'TMDB';
const DEFAULT_CERTIFICATION_COUNTRY = 'US';

/**
 * TMDB v3 client. Besides its options it keeps only the /configuration answer, which TMDB documents as
 * rarely changing and which every image URL needs, so it is fetched once per client.
 */
export class TmdbClient {
  private configurationRequest: Promise<TmdbImageConfiguration> | undefined;

  constructor(private readonly options: TmdbClientOptions) {
    if (!options.apiKey && !options.readAccessToken) {
      throw new TypeError('TmdbClient needs an apiKey or a readAccessToken');
    }
  }

  /** Image base URL and sizes; fetched on first use and shared by every later call of this client. */
  configuration(): Promise<TmdbImageConfiguration> {
    this.configurationRequest ??= this.fetchConfiguration().catch((error: unknown) => {
      // A failed fetch must not be remembered: the next call (a Temporal retry, say) asks again.
      this.configurationRequest = undefined;
      throw error;
    });
    return this.configurationRequest;
  }

  async searchMovie(query: string, year?: number): Promise<ProviderSearchResult[]> {
    const [configuration, body] = await Promise.all([
      this.configuration(),
      this.get('/search/movie', { query, year, include_adult: false }, tmdbMovieSearchSchema),
    ]);
    return mapTmdbMovieResults(body.results, { query, year, secureBaseUrl: configuration.secureBaseUrl });
  }

  async searchTv(query: string, year?: number): Promise<ProviderSearchResult[]> {
    const [configuration, body] = await Promise.all([
      this.configuration(),
      this.get('/search/tv', { query, first_air_date_year: year, include_adult: false }, tmdbTvSearchSchema),
    ]);
    return mapTmdbTvResults(body.results, { query, year, secureBaseUrl: configuration.secureBaseUrl });
  }

  /** Movies and shows TMDB links to an IMDb id; an id match is certain, so confidence is 100. */
  findByImdbId(imdbId: string): Promise<TmdbFindResult> {
    return this.find(imdbId, 'imdb_id', { imdb: imdbId });
  }

  /** Shows TMDB links to a TVDB series id (TVDB ids name shows only, so `movies` is normally empty). */
  findByTvdbId(tvdbId: number): Promise<TmdbFindResult> {
    return this.find(String(tvdbId), 'tvdb_id', { tvdb: tvdbId });
  }

  /**
   * Ids of the movies or shows whose data changed between two dates (YYYY-MM-DD; TMDB allows at most 14
   * days), one page of 100 at a time.
   */
  async changes(entityType: 'movie' | 'tv', range: { startDate: string; endDate: string; page: number }): Promise<TmdbChangesPage> {
    const body = await this.get(
      `/${entityType}/changes`,
      { start_date: range.startDate, end_date: range.endDate, page: range.page },
      tmdbChangesSchema,
    );
    return { ids: body.results.map((result) => result.id), page: body.page, totalPages: body.total_pages };
  }

  /**
   * Everything about a movie in one call. `language` is a TMDB language tag ("en-US"); images are limited
   * to that language plus text-less ones. `certificationCountry` is ISO 3166-1 ("US", "DE").
   */
  async movieDetails(id: number, language: string, certificationCountry = DEFAULT_CERTIFICATION_COUNTRY): Promise<ProviderDetails> {
    const [configuration, details] = await Promise.all([
      this.configuration(),
      this.get(
        `/movie/${id}`,
        {
          append_to_response: 'images,credits,videos,release_dates,keywords,external_ids',
          language,
          include_image_language: imageLanguages(language),
        },
        tmdbMovieDetailsSchema,
      ),
    ]);
    return mapTmdbMovie(details, { secureBaseUrl: configuration.secureBaseUrl, certificationCountry });
  }

  async tvDetails(id: number, language: string, certificationCountry = DEFAULT_CERTIFICATION_COUNTRY): Promise<ProviderShowDetails> {
    const [configuration, details] = await Promise.all([
      this.configuration(),
      this.get(
        `/tv/${id}`,
        {
          append_to_response: 'images,credits,videos,content_ratings,external_ids',
          language,
          include_image_language: imageLanguages(language),
        },
        tmdbTvDetailsSchema,
      ),
    ]);
    return mapTmdbTv(details, { secureBaseUrl: configuration.secureBaseUrl, certificationCountry });
  }

  async tvSeason(id: number, season: number, language: string): Promise<ProviderSeason> {
    const [configuration, body] = await Promise.all([
      this.configuration(),
      this.get(`/tv/${id}/season/${season}`, { language }, tmdbSeasonSchema),
    ]);
    return mapTmdbSeason(body, configuration.secureBaseUrl);
  }

  private async find(externalId: string, source: 'imdb_id' | 'tvdb_id', knownIds: ExternalIds): Promise<TmdbFindResult> {
    const [configuration, body] = await Promise.all([
      this.configuration(),
      this.get(`/find/${encodeURIComponent(externalId)}`, { external_source: source }, tmdbFindSchema),
    ]);
    const context = { query: '', secureBaseUrl: configuration.secureBaseUrl };
    const certain = (result: ProviderSearchResult): ProviderSearchResult => ({
      ...result,
      externalIds: { ...result.externalIds, ...knownIds },
      confidence: 100,
    });
    return {
      movies: mapTmdbMovieResults(body.movie_results, context).map(certain),
      tv: mapTmdbTvResults(body.tv_results, context).map(certain),
    };
  }

  private async fetchConfiguration(): Promise<TmdbImageConfiguration> {
    const body = await this.get('/configuration', {}, tmdbConfigurationSchema);
    return {
      secureBaseUrl: body.images.secure_base_url,
      posterSizes: body.images.poster_sizes,
      backdropSizes: body.images.backdrop_sizes,
      logoSizes: body.images.logo_sizes,
      profileSizes: body.images.profile_sizes,
      stillSizes: body.images.still_sizes,
    };
  }

  private get<S extends z.ZodType>(path: string, query: Record<string, QueryValue>, schema: S): Promise<z.output<S>> {
    const { apiKey, readAccessToken, baseUrl, timeoutMs, userAgent } = this.options;
    const headers: Record<string, string> = { 'User-Agent': userAgent ?? DEFAULT_USER_AGENT };
    if (readAccessToken) headers.Authorization = `Bearer ${readAccessToken}`;
    return requestJson({
      provider: PROVIDER,
      baseUrl,
      path,
      query: readAccessToken ? query : { ...query, api_key: apiKey },
      headers,
      timeoutMs,
      pacing: this.options.pacing,
      schema,
    });
  }
}

/**
 * include_image_language takes ISO 639-1 codes, not full tags: "en-US" asks for "en" images, and "null"
 * adds the text-less ones, which are often the best fanart.
 */
function imageLanguages(language: string): string {
  const primary = language.split('-')[0]?.toLowerCase() || 'en';
  return `${primary},null`;
}
