import type { z } from 'zod';
import { ProviderAuthError } from '../http/errors.js';
import type { RequestPacing } from '../http/provider-pacer.js';
import { requestJson, type QueryValue } from '../http/request-json.js';
import { DEFAULT_USER_AGENT } from '../http/user-agent.js';
import type { ProviderEpisode, ProviderImage, ProviderSeason, ProviderShowDetails } from '../types.js';
import { mapTvdbArtworks, seasonMainPosters, seasonNumberLookup, uniqueByUrl } from './map-tvdb-artwork.js';
import { mapTvdbEpisode } from './map-tvdb-episode.js';
import { mapTvdbSeason } from './map-tvdb-season.js';
import { mapTvdbSeries } from './map-tvdb-series.js';
import {
  tvdbEnvelope,
  tvdbEpisodeExtendedSchema,
  tvdbLoginSchema,
  tvdbSeasonExtendedSchema,
  tvdbSeriesArtworksSchema,
  tvdbSeriesExtendedSchema,
} from './tvdb-schemas.js';

export interface TvdbClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Subscriber PIN, for keys of the user-supported kind. */
  pin?: string;
  timeoutMs: number;
  userAgent?: string;
  /** The provider's shared request schedule; every request of this client, the login too, waits for its slot. */
  pacing?: RequestPacing;
}

const PROVIDER = 'TVDB';
const DEFAULT_LANGUAGE = 'eng';
const DEFAULT_CERTIFICATION_COUNTRY = 'usa';

/**
 * TVDB v4 client. Its only state is the bearer token from POST /login, kept until TVDB refuses it (tokens
 * last about a month); then it logs in once more and repeats the request once.
 */
export class TvdbClient {
  /** The login in flight or done; shared, so concurrent first calls log in only once. */
  private session: Promise<string> | undefined;

  constructor(private readonly options: TvdbClientOptions) {
    if (!options.apiKey) throw new TypeError('TvdbClient needs an apiKey');
  }

  /**
   * A series with artwork and its aired-order seasons. `language` is ISO 639-2 ("eng", "deu"), TVDB's own
   * codes; `certificationCountry` is TVDB's alpha-3 country ("usa", "deu").
   */
  async seriesExtended(
    id: number,
    language = DEFAULT_LANGUAGE,
    certificationCountry = DEFAULT_CERTIFICATION_COUNTRY,
  ): Promise<ProviderShowDetails> {
    const series = await this.get(`/series/${id}/extended`, { meta: 'translations' }, tvdbSeriesExtendedSchema);
    return mapTvdbSeries(series, { language, certificationCountry });
  }

  /** A season by its TVDB season id (from `seriesExtended(...).seasons[].providerSeasonId`). */
  async seasonExtended(id: number): Promise<ProviderSeason> {
    return mapTvdbSeason(await this.get(`/seasons/${id}/extended`, {}, tvdbSeasonExtendedSchema));
  }

  async episodeExtended(id: number, language = DEFAULT_LANGUAGE): Promise<ProviderEpisode> {
    const episode = await this.get(`/episodes/${id}/extended`, { meta: 'translations' }, tvdbEpisodeExtendedSchema);
    return mapTvdbEpisode(episode, { remoteIds: episode.remoteIds, translations: episode.translations, language });
  }

  /** Every artwork of a series, in all languages, including season artwork. */
  async artworks(seriesId: number): Promise<ProviderImage[]> {
    const body = await this.get(`/series/${seriesId}/artworks`, {}, tvdbSeriesArtworksSchema);
    return uniqueByUrl([...mapTvdbArtworks(body.artworks, seasonNumberLookup(body.seasons)), ...seasonMainPosters(body.seasons)]);
  }

  private async get<S extends z.ZodType>(path: string, query: Record<string, QueryValue>, data: S): Promise<z.output<S>> {
    const session = this.currentSession();
    const token = await session;
    try {
      return await this.authorisedGet(path, query, data, token);
    } catch (error) {
      if (!(error instanceof ProviderAuthError)) throw error;
      // The token expired or was revoked. Forget it (unless a parallel call already replaced it), log in
      // again and repeat once; a refusal with a fresh token means the key itself is refused, and propagates.
      if (this.session === session) this.session = undefined;
      return this.authorisedGet(path, query, data, await this.currentSession());
    }
  }

  private async authorisedGet<S extends z.ZodType>(
    path: string,
    query: Record<string, QueryValue>,
    data: S,
    token: string,
  ): Promise<z.output<S>> {
    const body = await requestJson({
      provider: PROVIDER,
      baseUrl: this.options.baseUrl,
      path,
      query,
      headers: { ...this.baseHeaders(), Authorization: `Bearer ${token}` },
      timeoutMs: this.options.timeoutMs,
      pacing: this.options.pacing,
      schema: tvdbEnvelope(data),
    });
    // zod cannot follow a generic schema through the envelope's object type; `data` is exactly S's output.
    return body.data as z.output<S>;
  }

  private currentSession(): Promise<string> {
    this.session ??= this.login().catch((error: unknown) => {
      this.session = undefined;
      throw error;
    });
    return this.session;
  }

  private async login(): Promise<string> {
    const { apiKey, pin } = this.options;
    const body = await requestJson({
      provider: PROVIDER,
      baseUrl: this.options.baseUrl,
      path: '/login',
      method: 'POST',
      body: pin ? { apikey: apiKey, pin } : { apikey: apiKey },
      headers: this.baseHeaders(),
      timeoutMs: this.options.timeoutMs,
      pacing: this.options.pacing,
      schema: tvdbLoginSchema,
    });
    return body.data.token;
  }

  private baseHeaders(): Record<string, string> {
    return { 'User-Agent': this.options.userAgent ?? DEFAULT_USER_AGENT };
  }
}
