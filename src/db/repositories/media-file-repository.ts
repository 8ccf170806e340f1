import { and, asc, desc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { PROBE_REVISION } from '../../media/probe.js';
import type { StoredStream, StoredVideoProbe } from '../../media/title-scan/index.js';
import type { Database } from '../client.js';
import { anyOf } from '../json-rows.js';
import {
  episodes,
  mediaFiles,
  mediaStreams,
  movies,
  shows,
  type EntityType,
  type LibraryFolder,
  type MediaFile,
  type MediaStream,
} from '../schema/index.js';

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

  /**
   * The probes the last scan of a title folder stored for its videos (the movie's, or every episode's of the
   * show), by path relative to the folder, for the next scan of that folder to reuse. Failed probes, probes
   * of an earlier PROBE_REVISION and probes stored without the file's modification time are left out: those
   * files are probed again. A folder
   * not scanned since it was found (a library's first scan, a folder that vanished and came back) has none,
   * and costs no query.
   */
  async storedProbesOfFolder(
    folder: Pick<LibraryFolder, 'libraryId' | 'key' | 'scannedFingerprint'>,
  ): Promise<Map<string, StoredVideoProbe>> {
    const probes = new Map<string, StoredVideoProbe>();
    if (folder.scannedFingerprint === null) return probes;
    const { libraryId, key: folderKey } = folder;
    const movieIds = this.db
      .select({ id: movies.id })
      .from(movies)
      .where(and(eq(movies.libraryId, libraryId), eq(movies.folderKey, folderKey)));
    const episodeIds = this.db
      .select({ id: episodes.id })
      .from(episodes)
      .innerJoin(shows, eq(shows.id, episodes.showId))
      .where(and(eq(shows.libraryId, libraryId), eq(shows.folderKey, folderKey)));
    const files = await this.db
      .select({
        id: mediaFiles.id,
        relativePath: mediaFiles.relativePath,
        sizeBytes: mediaFiles.sizeBytes,
        mtimeMs: mediaFiles.mtimeMs,
        container: mediaFiles.container,
        durationSeconds: mediaFiles.durationSeconds,
        bitrate: mediaFiles.bitrate,
      })
      .from(mediaFiles)
      .where(
        and(
          isNull(mediaFiles.probeError),
          isNotNull(mediaFiles.mtimeMs),
          eq(mediaFiles.probeRevision, PROBE_REVISION),
          or(
            and(eq(mediaFiles.entityType, 'movie'), inArray(mediaFiles.entityId, movieIds)),
            and(eq(mediaFiles.entityType, 'episode'), inArray(mediaFiles.entityId, episodeIds)),
          ),
        ),
      );
    if (files.length === 0) return probes;
    const streams = await this.db
      .select({
        mediaFileId: mediaStreams.mediaFileId,
        streamType: mediaStreams.streamType,
        streamIndex: mediaStreams.streamIndex,
        codec: mediaStreams.codec,
        language: mediaStreams.language,
        title: mediaStreams.title,
        isDefault: mediaStreams.isDefault,
        isForced: mediaStreams.isForced,
        width: mediaStreams.width,
        height: mediaStreams.height,
        hdr: mediaStreams.hdr,
        channels: mediaStreams.channels,
      })
      .from(mediaStreams)
      .where(
        and(
          anyOf(
            mediaStreams.mediaFileId,
            files.map((file) => file.id),
          ),
          eq(mediaStreams.external, false),
        ),
      );
    const streamsOf = new Map<string, StoredStream[]>();
    for (const { mediaFileId, ...stream } of streams) {
      const list = streamsOf.get(mediaFileId) ?? [];
      list.push(stream);
      streamsOf.set(mediaFileId, list);
    }
    // A file of several episodes (S01E01E02) has a row per episode, all from one probe: any of them will do.
    for (const file of files) {
      probes.set(file.relativePath, {
        sizeBytes: file.sizeBytes,
        mtimeMs: file.mtimeMs!,
        container: file.container,
        durationSeconds: file.durationSeconds,
        bitrate: file.bitrate,
        streams: streamsOf.get(file.id) ?? [],
      });
    }
    return probes;
  }
}
