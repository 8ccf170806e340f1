import type { ProviderPacer } from '../http/provider-pacer.js';
import type { ProcessingContext, ProviderConfig } from '../processing-context.js';
import { ProviderNotFoundError } from '../http/errors.js';
import type {
  EntityKind,
  MetadataProcessor,
  SearchRequest,
  SeasonFetchRequest,
  TitleFetchRequest,
  TitleFetchResult,
} from '../processor.js';
import { TmdbClient, type TmdbChangesPage, type TmdbFindResult } from '../tmdb/tmdb-client.js';
import type { ProviderSearchResult, ProviderSeason } from '../types.js';
import type { ExternalIds } from '../../contracts/external-ids.js';
import { ClientCache } from './client-cache.js';

/**
 * TMDB: metadata and artwork for movies and shows, by TMDB id or, through /find, by IMDb id; a show's
 * seasons also by TVDB id, which /find resolves too (TVDB ids are what Sonarr and many NFOs carry). One instance
 * serves every configured TMDB provider; the client for each configuration is cached, so its /configuration
 * answer is fetched once, not once per run.
 */
export class TmdbProcessor implements MetadataProcessor {
  readonly kind = 'tmdb' as const;
  private readonly clients = new ClientCache<TmdbClient>();

  /** Without a pacer (tests of the processors alone) requests go out unpaced. */
  constructor(private readonly pacer?: ProviderPacer) {}

  /** A show known only by its TVDB id (Sonarr's NFOs) is found through /find as well. */
  canFetch(request: TitleFetchRequest): boolean {
    const { tmdb, imdb, tvdb } = request.externalIds;
    return tmdb !== undefined || imdb !== undefined || (request.entityType === 'tv' && tvdb !== undefined);
  }

  async fetchTitle(context: ProcessingContext, request: TitleFetchRequest): Promise<TitleFetchResult> {
    const client = this.client(context);
    const tmdbId = await this.tmdbIdOf(context, client, request.entityType, request.externalIds);
    if (tmdbId === undefined) return { images: [] };
    const details =
      request.entityType === 'movie'
        ? await client.movieDetails(tmdbId, request.language)
        : await client.tvDetails(tmdbId, request.language);
    return { metadata: details.metadata, images: details.images };
  }

  canFetchSeason(request: SeasonFetchRequest): boolean {
    const { tmdb, imdb, tvdb } = request.externalIds;
    return tmdb !== undefined || imdb !== undefined || tvdb !== undefined;
  }

  async fetchSeason(context: ProcessingContext, request: SeasonFetchRequest): Promise<ProviderSeason | undefined> {
    const client = this.client(context);
    const tmdbId = await this.tmdbIdOf(context, client, 'tv', request.externalIds);
    if (tmdbId === undefined) return undefined;
    try {
      return await client.tvSeason(tmdbId, request.seasonNumber, request.language);
    } catch (error) {
      // TMDB answers 404 for a season it does not list (yet): an answer, not a failure.
      if (error instanceof ProviderNotFoundError) {
        context.logger.info(`TMDB has no season ${request.seasonNumber} of show ${tmdbId}`);
        return undefined;
      }
      throw error;
    }
  }

  search(context: ProcessingContext, request: SearchRequest): Promise<ProviderSearchResult[]> {
    const client = this.client(context);
    return request.entityType === 'movie' ? client.searchMovie(request.query, request.year) : client.searchTv(request.query, request.year);
  }

  /** One page of TMDB's change list: which ids changed in the date range. */
  changes(
    context: ProcessingContext,
    entityType: 'movie' | 'tv',
    range: { startDate: string; endDate: string; page: number },
  ): Promise<TmdbChangesPage> {
    return this.client(context).changes(entityType, range);
  }

  /** /configuration is TMDB's cheapest authenticated call; a new client, so it is really asked, not remembered. */
  async testCredentials(context: ProcessingContext): Promise<void> {
    await createTmdbClient(context.providerData, this.pacer).configuration();
  }

  private client(context: ProcessingContext): TmdbClient {
    return this.clients.get(context.providerData, () => createTmdbClient(context.providerData, this.pacer));
  }

  /** The TMDB id itself, else what /find says of the IMDb id, else (shows) of the TVDB id. */
  private async tmdbIdOf(
    context: ProcessingContext,
    client: TmdbClient,
    entityType: EntityKind,
    ids: ExternalIds,
  ): Promise<number | undefined> {
    if (ids.tmdb !== undefined) return ids.tmdb;
    const fromImdb = ids.imdb === undefined ? undefined : await this.idFromImdb(context, client, entityType, ids.imdb);
    if (fromImdb !== undefined || entityType !== 'tv' || ids.tvdb === undefined) return fromImdb;
    return this.idFromTvdb(context, client, ids.tvdb);
  }

  private async idFromImdb(
    context: ProcessingContext,
    client: TmdbClient,
    entityType: EntityKind,
    imdbId: string,
  ): Promise<number | undefined> {
    return this.foundId(context, entityType, `imdb:${imdbId}`, `IMDb id ${imdbId}`, await client.findByImdbId(imdbId));
  }

  private async idFromTvdb(context: ProcessingContext, client: TmdbClient, tvdbId: number): Promise<number | undefined> {
    return this.foundId(context, 'tv', `tvdb:${tvdbId}`, `TVDB id ${tvdbId}`, await client.findByTvdbId(tvdbId));
  }

  private foundId(
    context: ProcessingContext,
    entityType: EntityKind,
    key: string,
    idName: string,
    found: TmdbFindResult,
  ): number | undefined {
    const tmdbId = (entityType === 'movie' ? found.movies : found.tv)[0]?.externalIds.tmdb;
    if (tmdbId === undefined) {
      const reason = `TMDB has no ${entityType} with ${idName}`;
      context.ignore(key, reason);
      context.logger.info(reason);
    }
    return tmdbId;
  }
}

function createTmdbClient(config: ProviderConfig, pacer: ProviderPacer | undefined): TmdbClient {
  const { baseUrl, timeoutMs, credentials } = config;
  const pacing = pacer?.forProvider(config);
  // The token is TMDB's recommended credential, so it wins when both are configured.
  const { readAccessToken, apiKey } = credentials;
  if (readAccessToken) return new TmdbClient({ baseUrl, timeoutMs, pacing, readAccessToken });
  return new TmdbClient({ baseUrl, timeoutMs, pacing, apiKey: apiKey ?? '' });
}
