import { ProviderAuthError } from '../http/errors.js';
import type { CatalogueEntry, CatalogueListing, IptvContext, IptvProcessor, MalformedEntry, TitleDetails } from './catalogue.js';
import { imdbIdOf, text, wholeNumber, yearOf } from './iptv-values.js';
import { createRequestPacer, type RequestPacer } from './request-pacer.js';
import { episodeKey } from './title-names.js';
import { XtreamClient } from './xtream-client.js';

const DEFAULT_EXTENSION = 'mp4';

/**
 * Xtream Codes panels: movies from get_vod_categories + get_vod_streams, shows from get_series_categories +
 * get_series, and per title get_vod_info (its TMDB id, when the listing has none) or get_series_info (the
 * episodes and their stream URLs). Every request goes through the run's pacer.
 */
export class XtreamProcessor implements IptvProcessor {
  readonly kind = 'xtream' as const;

  async listCatalogue(context: IptvContext): Promise<CatalogueListing> {
    const { client, pace } = this.run(context);
    const { categories } = context.providerData;
    const listing: CatalogueListing = { entries: [], malformed: [] };
    if (categories.movies) {
      const [names, streams] = await Promise.all([
        pace(() => client.list('get_vod_categories')),
        pace(() => client.list('get_vod_streams')),
      ]);
      const categoryNames = categoryMap(names);
      for (const [index, item] of streams.entries()) this.addMovie(listing, client, categoryNames, item, index);
    }
    if (categories.tvshows) {
      const [names, series] = await Promise.all([pace(() => client.list('get_series_categories')), pace(() => client.list('get_series'))]);
      const categoryNames = categoryMap(names);
      for (const [index, item] of series.entries()) this.addSeries(listing, categoryNames, item, index);
    }
    for (const bad of listing.malformed) context.ignore(bad.titleKey, bad.reason);
    context.progress.total = listing.entries.length;
    return listing;
  }

  async details(
    context: IptvContext,
    entry: Pick<CatalogueEntry, 'type' | 'sourceId' | 'tmdbId' | 'detailsFromProvider'>,
  ): Promise<TitleDetails> {
    const { client, pace } = this.run(context);
    if (entry.type === 'movie') {
      if (entry.tmdbId !== undefined) return {};
      const body = await pace(() => client.vodInfo(entry.sourceId));
      const info = record(body.info);
      const tmdbId = wholeNumber(info.tmdb_id) ?? wholeNumber(info.tmdb);
      const imdbId = imdbIdOf(info.imdb_id) ?? imdbIdOf(info.imdb);
      return { ...(tmdbId !== undefined ? { tmdbId } : {}), ...(imdbId !== undefined ? { imdbId } : {}) };
    }
    const body = await pace(() => client.seriesInfo(entry.sourceId));
    const info = record(body.info);
    const tmdbId = wholeNumber(info.tmdb_id) ?? wholeNumber(info.tmdb);
    const episodes: Record<string, string> = {};
    // `episodes` is an object keyed by season number, each a list of episodes.
    for (const [seasonKey, list] of Object.entries(record(body.episodes))) {
      if (!Array.isArray(list)) continue;
      for (const raw of list) {
        const episode = record(raw);
        const id = wholeNumber(episode.id);
        const season = wholeNumber(episode.season) ?? wholeNumber(seasonKey);
        const number = wholeNumber(episode.episode_num);
        if (id === undefined || season === undefined || number === undefined) {
          context.ignore(`tv:${entry.sourceId}/${String(episode.id ?? '?')}`, 'episode without a numeric id, season or episode number');
          continue;
        }
        episodes[episodeKey(season, number)] = client.episodeStreamUrl(String(id), text(episode.container_extension) ?? DEFAULT_EXTENSION);
      }
    }
    return { episodes, ...(tmdbId !== undefined && entry.tmdbId === undefined ? { tmdbId } : {}) };
  }

  async testConnection(context: IptvContext): Promise<void> {
    const { client, pace } = this.run(context);
    const { authorised } = await pace(() => client.login());
    if (!authorised)
      throw new ProviderAuthError('Xtream refused the username and password (user_info.auth is 0)', {
        provider: 'Xtream',
        endpoint: '/player_api.php',
      });
  }

  private addMovie(listing: CatalogueListing, client: XtreamClient, categories: Map<string, string>, raw: unknown, index: number): void {
    const item = record(raw);
    const id = wholeNumber(item.stream_id);
    const name = text(item.name);
    if (id === undefined || name === undefined) {
      listing.malformed.push(
        malformed(
          'movie',
          item.stream_id,
          index,
          name,
          id === undefined ? `stream_id ${JSON.stringify(item.stream_id ?? null)} is not a number` : 'no name',
        ),
      );
      return;
    }
    const tmdbId = wholeNumber(item.tmdb) ?? wholeNumber(item.tmdb_id);
    const year = yearOf(item.year) ?? yearOf(item.release_date);
    listing.entries.push({
      titleKey: `movie:${id}`,
      type: 'movie',
      name,
      category: categories.get(String(item.category_id)) ?? text(item.category_id) ?? null,
      sourceId: String(id),
      ...(tmdbId !== undefined ? { tmdbId } : {}),
      ...(year !== undefined ? { year } : {}),
      streams: { movie: client.movieStreamUrl(String(id), text(item.container_extension) ?? DEFAULT_EXTENSION) },
      revision: text(item.added),
      // get_vod_info often knows the TMDB id the listing leaves out.
      detailsFromProvider: tmdbId === undefined,
    });
  }

  private addSeries(listing: CatalogueListing, categories: Map<string, string>, raw: unknown, index: number): void {
    const item = record(raw);
    const id = wholeNumber(item.series_id);
    const name = text(item.name);
    if (id === undefined || name === undefined) {
      listing.malformed.push(
        malformed(
          'tv',
          item.series_id,
          index,
          name,
          id === undefined ? `series_id ${JSON.stringify(item.series_id ?? null)} is not a number` : 'no name',
        ),
      );
      return;
    }
    const tmdbId = wholeNumber(item.tmdb) ?? wholeNumber(item.tmdb_id);
    const year = yearOf(item.year) ?? yearOf(item.releaseDate) ?? yearOf(item.release_date);
    listing.entries.push({
      titleKey: `tv:${id}`,
      type: 'tv',
      name,
      category: categories.get(String(item.category_id)) ?? text(item.category_id) ?? null,
      sourceId: String(id),
      ...(tmdbId !== undefined ? { tmdbId } : {}),
      ...(year !== undefined ? { year } : {}),
      streams: {},
      // A new episode changes last_modified, so the series' episodes are read again.
      revision: text(item.last_modified),
      detailsFromProvider: true,
    });
  }

  /** This run's client and pacer, made once per context. */
  private run(context: IptvContext): { client: XtreamClient; pace: RequestPacer } {
    const cached = context.caches.get('xtream') as { client: XtreamClient; pace: RequestPacer } | undefined;
    if (cached) return cached;
    const config = context.providerData;
    const made = {
      client: new XtreamClient({
        baseUrl: config.baseUrl,
        username: config.credentials.username ?? '',
        password: config.credentials.password ?? '',
        timeoutMs: config.timeoutMs,
      }),
      pace: createRequestPacer({
        maxConcurrent: config.maxConcurrent,
        requests: config.rateLimitRequests,
        windowMs: config.rateLimitWindowMs,
      }),
    };
    context.caches.set('xtream', made);
    return made;
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function categoryMap(list: unknown[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const raw of list) {
    const item = record(raw);
    const id = text(item.category_id);
    const name = text(item.category_name);
    if (id !== undefined && name !== undefined) map.set(id, name);
  }
  return map;
}

function malformed(type: 'movie' | 'tv', rawId: unknown, index: number, name: string | undefined, reason: string): MalformedEntry {
  // A key that stays the same while the panel lists the same broken entry, so it is stored once.
  const idText = text(rawId);
  return { titleKey: `${type}:invalid:${idText ?? `#${index}`}`, type, name: name ?? '', reason };
}
