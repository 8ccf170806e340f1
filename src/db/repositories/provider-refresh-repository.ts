import { sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { providerRefreshState } from '../schema/index.js';

export type RefreshEntityType = 'movie' | 'tv';

/** A library title whose provider data is cached, with what the refresh rules and the fetch need. */
export interface CachedTitle {
  entityType: RefreshEntityType;
  entityId: string;
  tmdbId: number | null;
  imdbId: string | null;
  premiered: string | null;
  status: string | null;
  /** The oldest provider answer cached for it (the cache's own notion of its age). */
  fetchedAt: Date;
}

interface CachedTitleRow extends Record<string, unknown> {
  entity_id: string;
  tmdb_id: number | null;
  imdb_id: string | null;
  premiered: string | null;
  status: string | null;
  fetched_at: Date | string;
}

/** Library titles as the provider refresh sees them, and where its last look at TMDB's change list ended. */
export class ProviderRefreshRepository {
  constructor(private readonly db: Database) {}

  async changesCheckedAt(entityType: RefreshEntityType): Promise<Date | undefined> {
    const [row] = await this.db
      .select()
      .from(providerRefreshState)
      .where(dsql`${providerRefreshState.entityType} = ${entityType}`);
    return row?.changesCheckedAt;
  }

  async saveChangesCheckedAt(entityType: RefreshEntityType, at: Date): Promise<void> {
    await this.db
      .insert(providerRefreshState)
      .values({ entityType, changesCheckedAt: at })
      .onConflictDoUpdate({ target: providerRefreshState.entityType, set: { changesCheckedAt: at } });
  }

  /** The cached library titles among these TMDB ids (a page of TMDB's change list). */
  async cachedTitlesWithTmdbIds(entityType: RefreshEntityType, tmdbIds: number[]): Promise<CachedTitle[]> {
    if (tmdbIds.length === 0) return [];
    const rows = await this.db.execute<CachedTitleRow>(dsql`
      ${this.cachedTitles(entityType)}
      and t.tmdb_id = any(${`{${tmdbIds.join(',')}}`}::int[])
      group by t.id order by t.id`);
    return rows.map((row) => toCachedTitle(entityType, row));
  }

  /** One page of cached library titles in id order, after `afterId`. */
  async cachedTitlesPage(entityType: RefreshEntityType, afterId: string | null, limit: number): Promise<CachedTitle[]> {
    const rows = await this.db.execute<CachedTitleRow>(dsql`
      ${this.cachedTitles(entityType)}
      and t.id > ${afterId ?? '00000000-0000-0000-0000-000000000000'}::uuid
      group by t.id order by t.id limit ${limit}`);
    return rows.map((row) => toCachedTitle(entityType, row));
  }

  private cachedTitles(entityType: RefreshEntityType) {
    const table = entityType === 'movie' ? dsql.raw('movies') : dsql.raw('shows');
    const status = entityType === 'movie' ? dsql.raw('null::text') : dsql.raw('t.status');
    return dsql`
      select t.id as entity_id, t.tmdb_id, t.imdb_id, t.premiered, ${status} as status, min(pm.fetched_at) as fetched_at
      from ${table} t
      join provider_metadata pm on pm.entity_type = ${entityType} and pm.entity_id = t.id
      where t.deleted_at is null`;
  }
}

function toCachedTitle(entityType: RefreshEntityType, row: CachedTitleRow): CachedTitle {
  return {
    entityType,
    entityId: row.entity_id,
    tmdbId: row.tmdb_id,
    imdbId: row.imdb_id,
    premiered: row.premiered,
    status: row.status,
    fetchedAt: new Date(row.fetched_at),
  };
}
