import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { mediaFiles, mediaStreams, type EntityType, type MediaFile, type MediaStream } from '../schema/index.js';

/** The video files of a movie or episode and their probed streams. */
export class MediaFileRepository {
  constructor(private readonly db: Database) {}

  /** Largest first: a title's main video is its first file. */
  filesOf(entityType: EntityType, entityId: string): Promise<MediaFile[]> {
    return this.db
      .select()
      .from(mediaFiles)
      .where(and(eq(mediaFiles.entityType, entityType), eq(mediaFiles.entityId, entityId)))
      .orderBy(desc(mediaFiles.sizeBytes), asc(mediaFiles.relativePath));
  }

  streamsOf(mediaFileId: string): Promise<MediaStream[]> {
    return this.db.select().from(mediaStreams).where(eq(mediaStreams.mediaFileId, mediaFileId)).orderBy(asc(mediaStreams.streamIndex));
  }
}
