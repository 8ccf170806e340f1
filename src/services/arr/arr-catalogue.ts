import type { ProviderCacheManager } from '../../cache/provider-cache-manager.js';
import { stableEntityId } from '../../cache/stable-entity-id.js';
import type { ProviderAnswer } from '../../cache/types.js';
import type { ExternalIds } from '../../contracts/external-ids.js';

/** A title as a Radarr/Sonarr lookup shows it, from the metadata providers. */
export interface CatalogueTitle {
  kind: 'movie' | 'series';
  title: string;
  year: number | null;
  overview: string | null;
  ids: ExternalIds;
  posterUrl: string | null;
  fanartUrl: string | null;
  status: string | null;
  runtime: number | null;
  genres: string[];
  /** Series: the season numbers some provider lists (specials, season 0, left out). */
  seasons: number[];
}

/** Seasons are asked one after the other until no provider knows the next; a show with more is rare. */
const MAX_SEASONS = 60;

/**
 * `movie/lookup` and `series/lookup` through the ProviderCacheManager. The cache entity is the one the
 * request pipeline's planning uses for a request with just this id (request/<type>/tmdb=…/tvdb=…/imdb=…),
 * so a client's lookup before it adds a title warms the cache the request then reads.
 */
export class ArrCatalogue {
  constructor(private readonly providerCache: ProviderCacheManager) {}

  /** A `term` as Radarr and Sonarr take it: "tmdb:603", "imdb:tt0133093", "tvdb:81189", or words. */
  async lookup(kind: 'movie' | 'series', term: string): Promise<CatalogueTitle[]> {
    const id = /^(tmdb|tvdb|imdb):\s*(\S+)$/i.exec(term.trim());
    if (!id) return this.search(kind, term);
    const source = id[1]!.toLowerCase() as 'tmdb' | 'tvdb' | 'imdb';
    const value = id[2]!;
    if (source !== 'imdb' && !/^\d+$/.test(value)) return [];
    if (source === 'imdb' && !/^tt\d+$/.test(value)) return [];
    const ids: ExternalIds = source === 'imdb' ? { imdb: value } : { [source]: Number(value) };
    const found = await this.byIds(kind, ids);
    return found ? [found] : [];
  }

  async byIds(kind: 'movie' | 'series', ids: ExternalIds): Promise<CatalogueTitle | undefined> {
    const entityType = kind === 'movie' ? 'movie' : 'tv';
    const entityId = stableEntityId(`request/${entityType}/tmdb=${ids.tmdb ?? ''}/tvdb=${ids.tvdb ?? ''}/imdb=${ids.imdb ?? ''}`);
    const answer = await this.providerCache.fetchAssets({ entityType, entityId, externalIds: ids, priority: 'user' });
    const answers = Object.values(answer.providers).filter((p): p is ProviderAnswer => Boolean(p?.metadata));
    const metadata = answers[0]?.metadata;
    if (!metadata) return undefined;
    const merged: ExternalIds = { ...ids };
    for (const a of answers) Object.assign(merged, { ...a.metadata!.externalIds, ...merged });
    const image = (type: string) => answers.flatMap((a) => a.images[type] ?? []).find((i) => i.season === null)?.url ?? null;
    return {
      kind,
      title: metadata.title,
      year: metadata.year ?? null,
      overview: metadata.plot ?? null,
      ids: merged,
      posterUrl: image('poster'),
      fanartUrl: image('fanart'),
      status: metadata.status ?? null,
      runtime: metadata.runtime ?? null,
      genres: metadata.genres,
      seasons: kind === 'series' ? await this.seasonsOf(entityId, ids) : [],
    };
  }

  private async seasonsOf(entityId: string, externalIds: ExternalIds): Promise<number[]> {
    const seasons: number[] = [];
    for (let n = 1; n <= MAX_SEASONS; n++) {
      const answer = await this.providerCache.fetchSeason({ entityType: 'tv', entityId, externalIds, seasonNumber: n, priority: 'user' });
      if (!Object.values(answer.seasons).some((s) => s && s.episodes.length > 0)) break;
      seasons.push(n);
    }
    return seasons;
  }

  private async search(kind: 'movie' | 'series', term: string): Promise<CatalogueTitle[]> {
    if (!term.trim()) return [];
    const { results } = await this.providerCache.search({ entityType: kind === 'movie' ? 'movie' : 'tv', query: term.trim(), limit: 10 });
    return results.map((r) => ({
      kind,
      title: r.title,
      year: r.year ?? null,
      overview: r.overview ?? null,
      ids: r.externalIds,
      posterUrl: r.posterUrl ?? null,
      fanartUrl: null,
      status: null,
      runtime: null,
      genres: [],
      seasons: [],
    }));
  }
}
