import { ProviderResponseError } from '../http/errors.js';
import type { CatalogueEntry, CatalogueListing, IptvContext, IptvProcessor, TitleDetails } from './catalogue.js';
import { imdbIdOf, wholeNumber } from './iptv-values.js';
import { parseM3u, type M3uItem } from './m3u-parser.js';
import { createRequestPacer, type RequestPacer } from './request-pacer.js';
import { requestText } from './request-text.js';
import { foldText } from '../../title-matching/title-similarity.js';
import { cleanTitle, episodeKey, findEpisodeMarker } from './title-names.js';

const PROVIDER = 'M3U';
const VOD_EXTENSIONS = new Set(['mp4', 'mkv', 'avi', 'm4v', 'mov', 'wmv', 'mpg', 'mpeg']);
/** A paged list stops at its first empty or missing page; this bounds a list that never ends. */
const MAX_PAGES = 1_000;

/**
 * M3U playlists: a movie per VOD entry; a show per name, its episodes gathered from entries whose name or
 * URL carries S01E02. A URL with `{page}` is a paged list, read page by page until one is empty. Live
 * channels are not catalogue titles and are left out.
 */
export class M3uProcessor implements IptvProcessor {
  readonly kind = 'm3u' as const;

  async listCatalogue(context: IptvContext): Promise<CatalogueListing> {
    const pace = this.pacer(context);
    const config = context.providerData;
    const items: M3uItem[] = [];
    if (config.baseUrl.includes('{page}')) {
      for (let page = 1; page <= MAX_PAGES; page++) {
        const pageItems = await this.fetchList(context, pace, config.baseUrl.replaceAll('{page}', String(page)), `page ${page}`);
        if (pageItems === undefined || pageItems.length === 0) break;
        items.push(...pageItems);
      }
    } else {
      const listed = await this.fetchList(context, pace, config.baseUrl, 'the playlist');
      if (listed === undefined)
        throw new ProviderResponseError(`${PROVIDER} playlist not found (HTTP 404)`, {
          provider: PROVIDER,
          endpoint: 'the playlist',
          status: 404,
        });
      items.push(...listed);
    }
    const listing = this.toListing(context, items);
    for (const bad of listing.malformed) context.ignore(bad.titleKey, bad.reason);
    context.progress.total = listing.entries.length;
    return listing;
  }

  /** The playlist says all there is. */
  async details(): Promise<TitleDetails> {
    return {};
  }

  async testConnection(context: IptvContext): Promise<void> {
    const url = context.providerData.baseUrl.replaceAll('{page}', '1');
    const items = await this.fetchList(context, this.pacer(context), url, 'the playlist');
    if (items === undefined)
      throw new ProviderResponseError(`${PROVIDER} playlist not found (HTTP 404)`, {
        provider: PROVIDER,
        endpoint: 'the playlist',
        status: 404,
      });
  }

  private async fetchList(context: IptvContext, pace: RequestPacer, address: string, endpoint: string): Promise<M3uItem[] | undefined> {
    const url = new URL(address);
    const { username, password } = context.providerData.credentials;
    if (username) url.searchParams.set('username', username);
    if (password) url.searchParams.set('password', password);
    const { status, text } = await pace(() =>
      requestText({ provider: PROVIDER, url, endpoint, timeoutMs: context.providerData.timeoutMs }),
    );
    if (status === 404) return undefined;
    if (!text.trimStart().startsWith('#EXTM3U')) {
      throw new ProviderResponseError(`${PROVIDER} ${endpoint} is not an M3U playlist (it does not start with #EXTM3U)`, {
        provider: PROVIDER,
        endpoint,
        status,
      });
    }
    return parseM3u(text);
  }

  private toListing(context: IptvContext, items: M3uItem[]): CatalogueListing {
    const { categories, nameCleanup } = context.providerData;
    const listing: CatalogueListing = { entries: [], malformed: [] };
    const shows = new Map<string, CatalogueEntry>();
    for (const item of items) {
      const name = item.displayName || item.attributes['tvg-name'] || '';
      const url = item.url;
      const where = `line ${item.line}`;
      if (name === '') {
        listing.malformed.push({ titleKey: `movie:invalid:${where}`, type: 'movie', name: '', reason: `#EXTINF at ${where} has no name` });
        continue;
      }
      const path = url === undefined ? undefined : urlPath(url);
      if (url === undefined || path === undefined) {
        listing.malformed.push({
          titleKey: `movie:invalid:${foldText(name)}`,
          type: 'movie',
          name,
          reason: `#EXTINF at ${where} has no http(s) stream URL`,
        });
        continue;
      }
      const category = item.attributes['group-title'] || null;
      const marker = findEpisodeMarker(name) ?? findEpisodeMarker(path);
      if (marker) {
        if (!categories.tvshows) continue;
        const showName = cleanTitle(findEpisodeMarker(name)?.before || item.attributes['tvg-name'] || name, nameCleanup);
        const key = `tv:${foldText(showName.title)}${showName.year ? `-${showName.year}` : ''}`;
        let show = shows.get(key);
        if (!show) {
          show = {
            titleKey: key,
            type: 'tv',
            name: showName.year ? `${showName.title} (${showName.year})` : showName.title,
            category,
            sourceId: key,
            streams: { episodes: {} },
            detailsFromProvider: false,
          };
          shows.set(key, show);
          listing.entries.push(show);
        }
        show.streams.episodes![episodeKey(marker.season, marker.episode)] = url;
        continue;
      }
      const extension = /\.([a-z0-9]{2,5})$/i.exec(path)?.[1]?.toLowerCase();
      const isVod = /\/movie\//i.test(url) || (extension !== undefined && VOD_EXTENSIONS.has(extension));
      if (!isVod) {
        context.ignore(`live:${foldText(name)}`, 'live channel, not a movie or an episode');
        continue;
      }
      if (!categories.movies) continue;
      const ids = idsFromTvgId(item.attributes['tvg-id']);
      listing.entries.push({
        titleKey: `movie:${ids.imdbId ?? (ids.tmdbId !== undefined ? `tmdb-${ids.tmdbId}` : foldText(name))}`,
        type: 'movie',
        name,
        category,
        sourceId: url,
        ...ids,
        streams: { movie: url },
        detailsFromProvider: false,
      });
    }
    return listing;
  }

  private pacer(context: IptvContext): RequestPacer {
    const cached = context.caches.get('pacer') as RequestPacer | undefined;
    if (cached) return cached;
    const config = context.providerData;
    const pace = createRequestPacer({
      maxConcurrent: config.maxConcurrent,
      requests: config.rateLimitRequests,
      windowMs: config.rateLimitWindowMs,
    });
    context.caches.set('pacer', pace);
    return pace;
  }
}

/** The decoded path of an http(s) URL; undefined for anything else or a URL that does not parse. */
function urlPath(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    const pathname = new URL(url).pathname;
    try {
      return decodeURIComponent(pathname);
    } catch {
      return pathname;
    }
  } catch {
    return undefined;
  }
}

/** VOD playlists put the IMDb id ("tt0133093") or a TMDB id ("tmdb:603") in tvg-id; channels put EPG ids there. */
function idsFromTvgId(tvgId: string | undefined): { imdbId?: string; tmdbId?: number } {
  const imdbId = imdbIdOf(tvgId);
  if (imdbId) return { imdbId };
  const tmdb = /^tmdb[:-](\d+)$/i.exec(tvgId ?? '');
  const tmdbId = tmdb ? wholeNumber(tmdb[1]) : undefined;
  return tmdbId !== undefined ? { tmdbId } : {};
}
