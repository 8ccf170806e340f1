import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.js';
import { assets, cacheFiles, type CacheFile } from '../schema/index.js';

/** A title's artwork files (local ones found by the scan, provider ones downloaded by enrichment). */
export class AssetRepository {
  constructor(private readonly db: Database) {}

  /** The cached file of one of a title's artwork, when it is that title's. */
  async cachedFile(entityType: 'movie' | 'show', entityId: string, assetId: string): Promise<CacheFile | undefined> {
    const [row] = await this.db
      .select({ file: cacheFiles })
      .from(assets)
      .innerJoin(cacheFiles, eq(cacheFiles.id, assets.cacheFileId))
      .where(and(eq(assets.id, assetId), eq(assets.entityType, entityType), eq(assets.entityId, entityId)));
    return row?.file;
  }

  /** Paths (relative to the show folder) of the thumbnails the scan found next to the show's videos. */
  async localThumbPaths(showId: string): Promise<string[]> {
    const rows = await this.db
      .select({ sourcePath: assets.sourcePath })
      .from(assets)
      .where(and(eq(assets.entityType, 'show'), eq(assets.entityId, showId), eq(assets.source, 'local'), eq(assets.assetType, 'thumb')));
    return rows.map((r) => r.sourcePath);
  }

  /** An episode's provider thumbnail, to be published at `sourcePath`; a second save points it at the new file. */
  async saveEpisodeThumb(episodeId: string, sourcePath: string, cacheFileId: string): Promise<void> {
    await this.db
      .insert(assets)
      .values({ entityType: 'episode', entityId: episodeId, assetType: 'thumb', source: 'provider', sourcePath, cacheFileId })
      .onConflictDoUpdate({ target: [assets.entityType, assets.entityId, assets.sourcePath], set: { cacheFileId } });
  }

  /** The provider thumbnails of these episodes, with their cached files. */
  episodeThumbs(episodeIds: string[]): Promise<{ sourcePath: string; file: CacheFile }[]> {
    return this.db
      .select({ sourcePath: assets.sourcePath, file: cacheFiles })
      .from(assets)
      .innerJoin(cacheFiles, eq(cacheFiles.id, assets.cacheFileId))
      .where(
        and(
          eq(assets.entityType, 'episode'),
          inArray(assets.entityId, episodeIds),
          eq(assets.source, 'provider'),
          eq(assets.assetType, 'thumb'),
        ),
      );
  }
}
