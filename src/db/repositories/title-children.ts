import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.js';
import { actors, assets, cacheFiles, mediaFiles, mediaStreams, unknownFiles, type EntityType } from '../schema/index.js';

/** What hangs off a movie, show or episode: media files with streams, artwork, cast, unknown files. */
export async function loadTitleChildren(db: Database, entityType: EntityType, entityId: string) {
  const [files, art, cast, unknown] = await Promise.all([
    db
      .select()
      .from(mediaFiles)
      .where(and(eq(mediaFiles.entityType, entityType), eq(mediaFiles.entityId, entityId)))
      .orderBy(asc(mediaFiles.relativePath)),
    db
      .select({
        id: assets.id,
        assetType: assets.assetType,
        season: assets.season,
        source: assets.source,
        sourcePath: assets.sourcePath,
        sha256: cacheFiles.sha256,
        cachePath: cacheFiles.path,
        width: cacheFiles.width,
        height: cacheFiles.height,
        format: cacheFiles.format,
      })
      .from(assets)
      .innerJoin(cacheFiles, eq(cacheFiles.id, assets.cacheFileId))
      .where(and(eq(assets.entityType, entityType), eq(assets.entityId, entityId)))
      .orderBy(asc(assets.assetType), asc(assets.sourcePath)),
    db
      .select({
        name: actors.name,
        role: actors.role,
        order: actors.sortOrder,
        thumbUrl: actors.thumbUrl,
        thumbCacheFileId: actors.thumbCacheFileId,
      })
      .from(actors)
      .where(and(eq(actors.entityType, entityType), eq(actors.entityId, entityId)))
      .orderBy(asc(actors.sortOrder)),
    db
      .select({ relativePath: unknownFiles.relativePath, sizeBytes: unknownFiles.sizeBytes })
      .from(unknownFiles)
      .where(and(eq(unknownFiles.entityType, entityType), eq(unknownFiles.entityId, entityId)))
      .orderBy(asc(unknownFiles.relativePath)),
  ]);
  const streams =
    files.length === 0
      ? []
      : await db
          .select()
          .from(mediaStreams)
          .where(
            inArray(
              mediaStreams.mediaFileId,
              files.map((f) => f.id),
            ),
          )
          .orderBy(asc(mediaStreams.external), asc(mediaStreams.streamIndex), asc(mediaStreams.externalPath));
  const mediaFilesWithStreams = files.map((file) => ({
    relativePath: file.relativePath,
    sizeBytes: file.sizeBytes,
    container: file.container,
    durationSeconds: file.durationSeconds,
    bitrate: file.bitrate,
    probeError: file.probeError,
    streams: streams.filter((s) => s.mediaFileId === file.id).map(({ id: _id, mediaFileId: _f, details: _d, ...stream }) => stream),
  }));
  return { mediaFiles: mediaFilesWithStreams, assets: art, actors: cast, unknownFiles: unknown };
}
