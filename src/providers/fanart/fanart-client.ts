import type { z } from 'zod';
import { ProviderNotFoundError } from '../http/errors.js';
import type { RequestPacing } from '../http/provider-pacer.js';
import { requestJson } from '../http/request-json.js';
import { DEFAULT_USER_AGENT } from '../http/user-agent.js';
import type { ProviderImage } from '../types.js';
import { FANART_MOVIE_TYPES, FANART_TV_TYPES, type FanartMovieKey, type FanartTvKey } from './fanart-image-types.js';
import { fanartMovieSchema, fanartTvSchema } from './fanart-schemas.js';
import { mapFanartImages } from './map-fanart-images.js';

export interface FanartClientOptions {
  baseUrl: string;
  /** The project key. */
  apiKey: string;
  /** A user's personal key: optional, it gets fresher images and a higher rate limit. */
  clientKey?: string;
  timeoutMs: number;
  userAgent?: string;
  /** The provider's shared request schedule; every request of this client waits for its slot. */
  pacing?: RequestPacing;
}

const PROVIDER = 'Fanart.tv';

/** Fanart.tv v3 client; stateless. */
export class FanartClient {
  constructor(private readonly options: FanartClientOptions) {
    if (!options.apiKey) throw new TypeError('FanartClient needs an apiKey');
  }

  /** Movie artwork by TMDB id or IMDb id; a movie Fanart.tv does not know has no artwork, not an error. */
  async movieImages(tmdbOrImdbId: number | string): Promise<ProviderImage[]> {
    const body = await this.getOrNothing(`/movies/${encodeURIComponent(String(tmdbOrImdbId))}`, fanartMovieSchema);
    return body ? mapFanartImages<FanartMovieKey>(body, FANART_MOVIE_TYPES, { keyartFrom: 'movieposter' }) : [];
  }

  /** Show artwork by TVDB id (Fanart.tv keys shows by TVDB only). */
  async tvImages(tvdbId: number): Promise<ProviderImage[]> {
    const body = await this.getOrNothing(`/tv/${tvdbId}`, fanartTvSchema);
    return body ? mapFanartImages<FanartTvKey>(body, FANART_TV_TYPES) : [];
  }

  private async getOrNothing<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S> | undefined> {
    const { apiKey, clientKey, userAgent } = this.options;
    const headers: Record<string, string> = { 'api-key': apiKey, 'User-Agent': userAgent ?? DEFAULT_USER_AGENT };
    if (clientKey) headers['client-key'] = clientKey;
    try {
      return await requestJson({
        provider: PROVIDER,
        baseUrl: this.options.baseUrl,
        path,
        headers,
        timeoutMs: this.options.timeoutMs,
        pacing: this.options.pacing,
        schema,
      });
    } catch (error) {
      // Fanart.tv answers an unknown id with 404 and its JSON error body ("Not found"). A 404 without that
      // body comes from something else (a wrong base URL, a proxy) and must stay an error, not look empty.
      if (error instanceof ProviderNotFoundError && error.providerMessage !== undefined) return undefined;
      throw error;
    }
  }
}
