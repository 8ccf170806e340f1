import { ProviderNotFoundError } from '../http/errors.js';
import { requestJson } from '../http/request-json.js';
import { DEFAULT_USER_AGENT } from '../http/user-agent.js';
import type { ProviderPacer } from '../http/provider-pacer.js';
import type { ProcessingContext, ProviderConfig } from '../processing-context.js';
import type { MetadataProcessor, SearchRequest, SeasonFetchRequest, TitleFetchRequest, TitleFetchResult } from '../processor.js';
import { uniqueByUrl } from '../tvdb/map-tvdb-artwork.js';
import { TvdbClient } from '../tvdb/tvdb-client.js';
import { tvdbLoginSchema } from '../tvdb/tvdb-schemas.js';
import type { ProviderSearchResult, ProviderSeason } from '../types.js';
import { ClientCache } from './client-cache.js';

/**
 * TVDB: show metadata and every artwork of a show, by TVDB id. The client for each configuration is cached
 * so its login token lasts across runs (TVDB tokens are good for about a month).
 */
export class TvdbProcessor implements MetadataProcessor {
  readonly kind = 'tvdb' as const;
  private readonly clients = new ClientCache<TvdbClient>();

  /** Without a pacer (tests of the processors alone) requests go out unpaced. */
  constructor(private readonly pacer?: ProviderPacer) {}

  /** The client reads series only; TVDB's movie records are not fetched, so movies have nothing here. */
  canFetch(request: TitleFetchRequest): boolean {
    return request.entityType === 'tv' && request.externalIds.tvdb !== undefined;
  }

  async fetchTitle(context: ProcessingContext, request: TitleFetchRequest): Promise<TitleFetchResult> {
    const seriesId = request.externalIds.tvdb;
    if (request.entityType !== 'tv' || seriesId === undefined) return { images: [] };
    const client = this.client(context);
    const [details, artworks] = await Promise.all([
      client.seriesExtended(seriesId, tvdbLanguage(request.language)),
      client.artworks(seriesId),
    ]);
    // The extended record carries the main artwork, /artworks all of it, season artwork included.
    return { metadata: details.metadata, images: uniqueByUrl([...details.images, ...artworks]) };
  }

  canFetchSeason(request: SeasonFetchRequest): boolean {
    return request.externalIds.tvdb !== undefined;
  }

  /**
   * TVDB fetches a season by its own season id, which only the series record lists: the series first, then
   * the aired-order season with that number. Season records carry no translations; titles are as TVDB has them.
   */
  async fetchSeason(context: ProcessingContext, request: SeasonFetchRequest): Promise<ProviderSeason | undefined> {
    const seriesId = request.externalIds.tvdb;
    if (seriesId === undefined) return undefined;
    const client = this.client(context);
    try {
      const series = await client.seriesExtended(seriesId, tvdbLanguage(request.language));
      const summary = series.seasons.find((season) => season.seasonNumber === request.seasonNumber);
      if (summary?.providerSeasonId === undefined) {
        context.logger.info(`TVDB lists no season ${request.seasonNumber} of series ${seriesId}`);
        return undefined;
      }
      return await client.seasonExtended(summary.providerSeasonId);
    } catch (error) {
      // An unknown series or season id is TVDB's answer that it does not know the season, not a failure.
      if (error instanceof ProviderNotFoundError) {
        context.logger.info(`TVDB has no record for season ${request.seasonNumber} of series ${seriesId}`);
        return undefined;
      }
      throw error;
    }
  }

  /** The TVDB client has no search; matching is by TVDB id, which TMDB's answers and NFOs provide. */
  search(_context: ProcessingContext, _request: SearchRequest): Promise<ProviderSearchResult[]> {
    return Promise.resolve([]);
  }

  /** POST /login is the call TVDB checks the key (and PIN) on, and the cheapest one. */
  async testCredentials(context: ProcessingContext): Promise<void> {
    const { baseUrl, timeoutMs, credentials } = context.providerData;
    const { apiKey = '', pin } = credentials;
    await requestJson({
      provider: 'TVDB',
      baseUrl,
      path: '/login',
      method: 'POST',
      body: pin ? { apikey: apiKey, pin } : { apikey: apiKey },
      headers: { 'User-Agent': DEFAULT_USER_AGENT },
      timeoutMs,
      schema: tvdbLoginSchema,
    });
  }

  private client(context: ProcessingContext): TvdbClient {
    return this.clients.get(context.providerData, () => createTvdbClient(context.providerData, this.pacer));
  }
}

function createTvdbClient(config: ProviderConfig, pacer: ProviderPacer | undefined): TvdbClient {
  const { baseUrl, timeoutMs, credentials } = config;
  const pacing = pacer?.forProvider(config);
  const { apiKey = '', pin } = credentials;
  return new TvdbClient({ baseUrl, timeoutMs, pacing, apiKey, ...(pin ? { pin } : {}) });
}

/** TVDB names languages in ISO 639-2 ("eng"); requests carry ISO 639-1 ("en"). */
const TVDB_LANGUAGES: Record<string, string> = {
  ar: 'ara',
  cs: 'ces',
  da: 'dan',
  de: 'deu',
  el: 'ell',
  en: 'eng',
  es: 'spa',
  fi: 'fin',
  fr: 'fra',
  he: 'heb',
  hu: 'hun',
  it: 'ita',
  ja: 'jpn',
  ko: 'kor',
  nl: 'nld',
  no: 'nor',
  pl: 'pol',
  pt: 'por',
  ru: 'rus',
  sv: 'swe',
  tr: 'tur',
  uk: 'ukr',
  zh: 'zho',
};

/** Unknown codes pass through: TVDB then falls back to English, as it does for a language it lacks. */
export function tvdbLanguage(language: string): string {
  const primary = (language.split('-')[0] ?? '').toLowerCase();
  return TVDB_LANGUAGES[primary] ?? primary;
}
