import { FanartClient } from '../fanart/fanart-client.js';
import type { ProviderPacer } from '../http/provider-pacer.js';
import type { ProcessingContext, ProviderConfig } from '../processing-context.js';
import type { MetadataProcessor, SearchRequest, SeasonFetchRequest, TitleFetchRequest, TitleFetchResult } from '../processor.js';
import type { ProviderSearchResult, ProviderSeason } from '../types.js';
import { ClientCache } from './client-cache.js';

/** A title Fanart.tv is sure to have (The Matrix, TMDB 603); only whether the key is accepted matters. */
const KNOWN_MOVIE_ID = 603;

/** Fanart.tv: artwork only. Movies by TMDB or IMDb id, shows by TVDB id (the only id Fanart.tv keys shows by). */
export class FanartProcessor implements MetadataProcessor {
  readonly kind = 'fanart_tv' as const;
  private readonly clients = new ClientCache<FanartClient>();

  /** Without a pacer (tests of the processors alone) requests go out unpaced. */
  constructor(private readonly pacer?: ProviderPacer) {}

  canFetch(request: TitleFetchRequest): boolean {
    const { tmdb, imdb, tvdb } = request.externalIds;
    return request.entityType === 'movie' ? tmdb !== undefined || imdb !== undefined : tvdb !== undefined;
  }

  async fetchTitle(context: ProcessingContext, request: TitleFetchRequest): Promise<TitleFetchResult> {
    const { tmdb, imdb, tvdb } = request.externalIds;
    const client = this.client(context);
    if (request.entityType === 'movie') {
      const id = tmdb ?? imdb;
      return { images: id === undefined ? [] : await client.movieImages(id) };
    }
    return { images: tvdb === undefined ? [] : await client.tvImages(tvdb) };
  }

  /** Fanart.tv has artwork, not episode lists. */
  canFetchSeason(_request: SeasonFetchRequest): boolean {
    return false;
  }

  fetchSeason(_context: ProcessingContext, _request: SeasonFetchRequest): Promise<ProviderSeason | undefined> {
    return Promise.resolve(undefined);
  }

  search(_context: ProcessingContext, _request: SearchRequest): Promise<ProviderSearchResult[]> {
    return Promise.resolve([]);
  }

  async testCredentials(context: ProcessingContext): Promise<void> {
    await createFanartClient(context.providerData, this.pacer).movieImages(KNOWN_MOVIE_ID);
  }

  private client(context: ProcessingContext): FanartClient {
    return this.clients.get(context.providerData, () => createFanartClient(context.providerData, this.pacer));
  }
}

function createFanartClient(config: ProviderConfig, pacer: ProviderPacer | undefined): FanartClient {
  const { baseUrl, timeoutMs, credentials } = config;
  const pacing = pacer?.forProvider(config);
  const { apiKey = '', clientKey } = credentials;
  return new FanartClient({ baseUrl, timeoutMs, pacing, apiKey, ...(clientKey ? { clientKey } : {}) });
}
