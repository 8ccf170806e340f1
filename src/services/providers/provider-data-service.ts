import type { ProviderCacheManager } from '../../cache/provider-cache-manager.js';
import type { Database } from '../../db/client.js';
import { TitleRepository, type TitleKind } from '../../db/repositories/title-repository.js';
import type { Movie } from '../../db/schema/index.js';
import type { ProviderAssetType } from '../../contracts/artwork-types.js';
import { ConflictError, NotFoundError } from '../service-errors.js';
import { CACHE_ENTITY_TYPE, TITLE_NOUN } from '../titles/title-kinds.js';

export interface ProviderSearch {
  type: 'movie' | 'tv';
  query: string;
  year?: number;
  limit: number;
}

/** Provider searches, and a movie's provider metadata and artwork through the provider cache. */
export class ProviderDataService {
  private readonly titles: TitleRepository;

  constructor(
    db: Database,
    private readonly providerCache: ProviderCacheManager,
  ) {
    this.titles = new TitleRepository(db);
  }

  /** Every enabled provider, never cached; results merged across providers, best first. */
  search({ type, query, year, limit }: ProviderSearch) {
    return this.providerCache.search({ entityType: type, query, year, limit });
  }

  /** Fetches through the cache (fresh for 7 days unless forced); a movie without provider ids is a conflict. */
  async fetchMovieAssets(movieId: string, options: { force: boolean; assetTypes?: ProviderAssetType[] }) {
    const movie = await this.requireMovie(movieId);
    const externalIds = {
      ...(movie.tmdbId !== null ? { tmdb: movie.tmdbId } : {}),
      ...(movie.imdbId !== null ? { imdb: movie.imdbId } : {}),
      ...(movie.tvdbId !== null ? { tvdb: movie.tvdbId } : {}),
    };
    if (Object.keys(externalIds).length === 0) throw new ConflictError(`Movie "${movie.title}" has no provider ids yet; identify it first`);
    return this.providerCache.fetchAssets({
      entityType: 'movie',
      entityId: movie.id,
      externalIds,
      force: options.force,
      assetTypes: options.assetTypes,
      priority: 'user',
    });
  }

  /** What the cache holds for the movie or show, without asking any provider: the ids a person selects or rejects. */
  async cachedAssets(kind: TitleKind, titleId: string, assetType?: string) {
    const title = await this.titles.find(kind, titleId);
    if (!title) throw new NotFoundError(TITLE_NOUN[kind]);
    const rows = await this.providerCache.getCachedAssets({ entityType: CACHE_ENTITY_TYPE[kind], entityId: title.id, assetType });
    return rows.map((r) => ({
      id: r.id,
      assetType: r.assetType,
      provider: r.providerName,
      url: r.providerUrl,
      width: r.width,
      height: r.height,
      metadata: r.providerMetadata,
      score: r.score,
      isSelected: r.isSelected,
      isRejected: r.isRejected,
      fetchedAt: r.fetchedAt.toISOString(),
    }));
  }

  private async requireMovie(id: string): Promise<Movie> {
    const movie = await this.titles.find('movie', id);
    if (!movie) throw new NotFoundError('Movie');
    return movie;
  }
}
