import type { ProcessingContext, ProviderConfig } from '../processing-context.js';
import type { MetadataProcessor, SearchRequest, TitleFetchRequest, TitleFetchResult } from '../processor.js';
import { TmdbClient, type TmdbChangesPage } from '../tmdb/tmdb-client.js';
import type { ProviderSearchResult } from '../types.js';
import { ClientCache } from './client-cache.js';

/**
 * TMDB: metadata and artwork for movies and shows, by TMDB id or, through /find, by IMDb id. One instance
 * serves every configured TMDB provider; the client for each configuration is cached, so its /configuration
 * answer is fetched once, not once per run.
 */
export class TmdbProcessor implements MetadataProcessor {
  readonly kind = 'tmdb' as const;
  private readonly clients = new ClientCache<TmdbClient>();

  canFetch(request: TitleFetchRequest): boolean {
    return request.externalIds.tmdb !== undefined || request.externalIds.imdb !== undefined;
  }

  async fetchTitle(context: ProcessingContext, request: TitleFetchRequest): Promise<TitleFetchResult> {
    const client = this.client(context);
    const tmdbId = request.externalIds.tmdb ?? (await this.idFromImdb(context, client, request));
    if (tmdbId === undefined) return { images: [] };
    const details =
      request.entityType === 'movie'
        ? await client.movieDetails(tmdbId, request.language)
        : await client.tvDetails(tmdbId, request.language);
    return { metadata: details.metadata, images: details.images };
  }

  search(context: ProcessingContext, request: SearchRequest): Promise<ProviderSearchResult[]> {
    const client = this.client(context);
    return request.entityType === 'movie' ? client.searchMovie(request.query, request.year) : client.searchTv(request.query, request.year);
  }

  /** One page of TMDB's change list: which ids changed in the date range. */
  changes(context: ProcessingContext, entityType: 'movie' | 'tv', range: { startDate: string; endDate: string; page: number }): Promise<TmdbChangesPage> {
    return this.client(context).changes(entityType, range);
  }

  /** /configuration is TMDB's cheapest authenticated call; a new client, so it is really asked, not remembered. */
  async testCredentials(context: ProcessingContext): Promise<void> {
    await createTmdbClient(context.providerData).configuration();
  }

  private client(context: ProcessingContext): TmdbClient {
    return this.clients.get(context.providerData, () => createTmdbClient(context.providerData));
  }

  private async idFromImdb(context: ProcessingContext, client: TmdbClient, request: TitleFetchRequest): Promise<number | undefined> {
    const imdbId = request.externalIds.imdb;
    if (imdbId === undefined) return undefined;
    const found = await client.findByImdbId(imdbId);
    const match = (request.entityType === 'movie' ? found.movies : found.tv)[0];
    const tmdbId = match?.externalIds.tmdb;
    if (tmdbId === undefined) {
      const reason = `TMDB has no ${request.entityType} with IMDb id ${imdbId}`;
      context.ignore(`imdb:${imdbId}`, reason);
      context.logger.info(reason);
    }
    return tmdbId;
  }
}

function createTmdbClient({ baseUrl, timeoutMs, credentials }: ProviderConfig): TmdbClient {
  // The token is TMDB's recommended credential, so it wins when both are configured.
  const { readAccessToken, apiKey } = credentials;
  if (readAccessToken) return new TmdbClient({ baseUrl, timeoutMs, readAccessToken });
  return new TmdbClient({ baseUrl, timeoutMs, apiKey: apiKey ?? '' });
}
