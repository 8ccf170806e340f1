import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { actors, cacheFiles, type CacheFile, type EntityType } from '../schema/index.js';

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

  async setThumb(actorId: string, cacheFileId: string): Promise<void> {
    await this.db.update(actors).set({ thumbCacheFileId: cacheFileId }).where(eq(actors.id, actorId));
  }

  /** Actors of the title whose photo is in the content store, with that file. */
  withCachedThumbs(entityType: EntityType, entityId: string): Promise<{ name: string; file: CacheFile }[]> {
    return this.db
      .select({ name: actors.name, file: cacheFiles })
      .from(actors)
      .innerJoin(cacheFiles, eq(cacheFiles.id, actors.thumbCacheFileId))
      .where(ofEntity(entityType, entityId));
  }

  /** A photo URL some actor's cached photo was downloaded from (any title), with the cached file's facts. */
  async cachedThumbByUrl(url: string) {
    const [actor] = await this.db
      .select({ sha256: cacheFiles.sha256, cacheFileId: cacheFiles.id, width: cacheFiles.width, height: cacheFiles.height })
      .from(actors)
      .innerJoin(cacheFiles, eq(cacheFiles.id, actors.thumbCacheFileId))
      .where(eq(actors.thumbUrl, url))
      .limit(1);
    return actor;
  }
}

const ofEntity = (entityType: EntityType, entityId: string) => and(eq(actors.entityType, entityType), eq(actors.entityId, entityId));
