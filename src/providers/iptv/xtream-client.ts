import { z } from 'zod';
import { ProviderAuthError, ProviderResponseError } from '../http/errors.js';
import { requestJson } from '../http/request-json.js';
import { DEFAULT_USER_AGENT } from '../http/user-agent.js';

// Xtream Codes' player API: GET <panel>/player_api.php?username&password&action=… answers JSON.
// Listings are parsed as arrays of anything: one bad entry must not cost the rest of the catalogue.

const PROVIDER = 'Xtream';

// A list, or — from panels that refuse the credentials on every action — the login object with auth 0.
const listSchema = z.union([z.array(z.unknown()), z.looseObject({})]);
const objectSchema = z.looseObject({});
const loginSchema = z.looseObject({ user_info: z.looseObject({ auth: z.union([z.number(), z.string()]) }) });

export type XtreamListAction = 'get_vod_categories' | 'get_vod_streams' | 'get_series_categories' | 'get_series';

export interface XtreamClientOptions {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
}

export class XtreamClient {
  constructor(private readonly options: XtreamClientOptions) {}

  /** The login answer; `user_info.auth` is 0 for refused credentials (panels answer 200 either way). */
  async login(): Promise<{ authorised: boolean }> {
    const body = await this.get({}, loginSchema);
    return { authorised: String(body.user_info.auth) === '1' };
  }

  async list(action: XtreamListAction): Promise<unknown[]> {
    const body = await this.get({ action }, listSchema);
    if (Array.isArray(body)) return body;
    const endpoint = `/player_api.php?action=${action}`;
    const userInfo = (body as { user_info?: { auth?: unknown } }).user_info;
    if (userInfo && String(userInfo.auth) !== '1')
      throw new ProviderAuthError(`${PROVIDER} refused the username and password (${endpoint})`, { provider: PROVIDER, endpoint });
    // Some panels answer an empty category with {} instead of [].
    if (Object.keys(body).length === 0) return [];
    throw new ProviderResponseError(`${PROVIDER} answered ${endpoint} with an object where a list was expected`, {
      provider: PROVIDER,
      endpoint,
      status: 200,
    });
  }

  vodInfo(vodId: string): Promise<Record<string, unknown>> {
    return this.get({ action: 'get_vod_info', vod_id: vodId }, objectSchema);
  }

  seriesInfo(seriesId: string): Promise<Record<string, unknown>> {
    return this.get({ action: 'get_series_info', series_id: seriesId }, objectSchema);
  }

  movieStreamUrl(streamId: string, extension: string): string {
    return `${this.root()}/movie/${encodeURIComponent(this.options.username)}/${encodeURIComponent(this.options.password)}/${streamId}.${extension}`;
  }

  episodeStreamUrl(episodeId: string, extension: string): string {
    return `${this.root()}/series/${encodeURIComponent(this.options.username)}/${encodeURIComponent(this.options.password)}/${episodeId}.${extension}`;
  }

  private root(): string {
    return this.options.baseUrl.replace(/\/+$/, '');
  }

  private get<S extends z.ZodType>(query: Record<string, string>, schema: S): Promise<z.output<S>> {
    const { action, ...rest } = query;
    return requestJson({
      provider: PROVIDER,
      baseUrl: this.options.baseUrl,
      // The action is part of the path so that errors name the call ("…/player_api.php?action=get_series");
      // the credentials stay in the query, which errors never show.
      path: action ? `/player_api.php?action=${action}` : '/player_api.php',
      query: { username: this.options.username, password: this.options.password, ...rest },
      headers: { 'User-Agent': DEFAULT_USER_AGENT },
      timeoutMs: this.options.timeoutMs,
      schema,
      credentialName: 'username and password',
    });
  }
}
