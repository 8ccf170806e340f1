import { and, asc, eq, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { actors, cacheFiles, type CacheFile, type EntityType } from '../schema/index.js';
import type { DownloadedFile } from './provider-asset-repository.js';

export type ActorRow = typeof actors.$inferSelect;
export type NewActor = typeof actors.$inferInsert;

/** A title's cast, and the cached photos of its actors. */
export class ActorRepository {
  constructor(private readonly db: Database) {}

  listFor(entityType: EntityType, entityId: string): Promise<ActorRow[]> {
    return this.db.select().from(actors).where(ofEntity(entityType, entityId));
  }

  /** The cast as an NFO lists it, in billing order. */
  castOf(entityType: EntityType, entityId: string) {
    return this.db
      .select({ name: actors.name, role: actors.role, sortOrder: actors.sortOrder, thumbUrl: actors.thumbUrl })
      .from(actors)
      .where(ofEntity(entityType, entityId))
      .orderBy(asc(actors.sortOrder));
  }

  /** Replaces the whole cast in one transaction. */
  async replace(entityType: EntityType, entityId: string, rows: NewActor[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(actors).where(ofEntity(entityType, entityId));
      if (rows.length > 0) await tx.insert(actors).values(rows);
    });
  }

  /** Cached photos of several actors, in one statement. */
  async setThumbs(thumbs: { actorId: string; cacheFileId: string }[]): Promise<void> {
    if (thumbs.length === 0) return;
    const values = dsql.join(
      thumbs.map(({ actorId, cacheFileId }) => dsql`(${actorId}::uuid, ${cacheFileId}::uuid)`),
      dsql`, `,
    );
    await this.db.execute(
      dsql`update ${actors} set thumb_cache_file_id = v.file from (values ${values}) as v(id, file) where ${actors.id} = v.id`,
    );
  }

  /** Actors of the title whose photo is in the content store, with that file. */
  withCachedThumbs(entityType: EntityType, entityId: string): Promise<{ name: string; file: CacheFile }[]> {
    return this.db
      .select({ name: actors.name, file: cacheFiles })
      .from(actors)
      .innerJoin(cacheFiles, eq(cacheFiles.id, actors.thumbCacheFileId))
      .where(ofEntity(entityType, entityId));
  }

  /** For each of these photo URLs some actor's cached photo was downloaded from (any title), that file; one query. */
  async cachedThumbsByUrls(urls: string[]): Promise<Map<string, DownloadedFile>> {
    if (urls.length === 0) return new Map();
    // One stored photo per URL, found by index (actors_cached_thumb_url_idx): an actor in a thousand titles'
    // casts is looked up once, not read for every title that names them.
    const rows = await this.db.execute<{ url: string; sha256: string; cacheFileId: string; width: number | null; height: number | null }>(
      dsql`select u.url, f.sha256, f.id as "cacheFileId", f.width, f.height
        from unnest(array[${dsql.join(
          urls.map((url) => dsql`${url}`),
          dsql`, `,
        )}]::text[]) as u(url)
        cross join lateral (
          select ${actors.thumbCacheFileId} as file_id from ${actors}
          where ${actors.thumbUrl} = u.url and ${actors.thumbCacheFileId} is not null
          limit 1
        ) a
        join ${cacheFiles} f on f.id = a.file_id`,
    );
    return new Map(rows.map(({ url, ...file }) => [url, file]));
  }
}

const ofEntity = (entityType: EntityType, entityId: string) => and(eq(actors.entityType, entityType), eq(actors.entityId, entityId));
