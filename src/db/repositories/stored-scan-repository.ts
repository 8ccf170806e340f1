import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { PROBE_REVISION } from '../../media/probe.js';
import type { StoredArtworkFile, StoredFolderScan, StoredStream, StoredVideoProbe } from '../../media/title-scan/index.js';
import type { Database } from '../client.js';
import { anyOf } from '../json-rows.js';
import { assets, cacheFiles, episodes, mediaFiles, mediaStreams, movies, shows, type LibraryFolder } from '../schema/index.js';

/**
 * What the last scan of a title folder stored of its files, read back for the next scan of that folder:
 * the probes of its videos and the hashes and measures of its artwork, each with the size and modification
 * time of the file it was read from. The scan reads again only the files whose size or time moved.
 */
export class StoredScanRepository {
  constructor(private readonly db: Database) {}

  /**
   * The folder's stored files, by path relative to the folder. A folder not scanned since it was found (a
   * library's first scan, a folder that vanished and came back) has none, and costs no query.
   */
  async ofFolder(folder: Pick<LibraryFolder, 'libraryId' | 'key' | 'kind' | 'scannedFingerprint'>): Promise<StoredFolderScan> {
    if (folder.scannedFingerprint === null) return { probes: new Map(), artwork: new Map() };
    const [probes, artwork] = await Promise.all([this.probesOf(folder), this.artworkOf(folder)]);
    return { probes, artwork };
  }

  /**
   * The videos' probes (the movie's, or every episode's of the show). Failed probes, probes of an earlier
   * PROBE_REVISION and probes stored without the file's time are left out: those files are read again.
   */
  private async probesOf(folder: Pick<LibraryFolder, 'libraryId' | 'key' | 'kind'>): Promise<Map<string, StoredVideoProbe>> {
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
          // One kind or the other, never both: with an OR, Postgres reads every media file of every library.
          folder.kind === 'movie'
            ? and(eq(mediaFiles.entityType, 'movie'), inArray(mediaFiles.entityId, this.movieOf(folder)))
            : and(eq(mediaFiles.entityType, 'episode'), inArray(mediaFiles.entityId, this.episodesOf(folder))),
        ),
      );
    const probes = new Map<string, StoredVideoProbe>();
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

  /** The title's local artwork (season artwork included) as its cached content describes it. */
  private async artworkOf(folder: Pick<LibraryFolder, 'libraryId' | 'key' | 'kind'>): Promise<Map<string, StoredArtworkFile>> {
    const rows = await this.db
      .select({
        relativePath: assets.sourcePath,
        mtimeMs: assets.sourceMtimeMs,
        sha256: cacheFiles.sha256,
        sizeBytes: cacheFiles.sizeBytes,
        width: cacheFiles.width,
        height: cacheFiles.height,
        format: cacheFiles.format,
      })
      .from(assets)
      .innerJoin(cacheFiles, eq(cacheFiles.id, assets.cacheFileId))
      .where(
        and(
          eq(assets.source, 'local'),
          isNotNull(assets.sourceMtimeMs),
          folder.kind === 'movie'
            ? and(eq(assets.entityType, 'movie'), inArray(assets.entityId, this.movieOf(folder)))
            : and(eq(assets.entityType, 'show'), inArray(assets.entityId, this.showOf(folder))),
        ),
      );
    const artwork = new Map<string, StoredArtworkFile>();
    for (const { relativePath, mtimeMs, width, height, format, ...file } of rows) {
      // Content stored before its measures were kept is read again.
      if (width === null || height === null || format === null) continue;
      artwork.set(relativePath, { ...file, mtimeMs: mtimeMs!, width, height, format });
    }
    return artwork;
  }

  private movieOf(folder: Pick<LibraryFolder, 'libraryId' | 'key'>) {
    return this.db
      .select({ id: movies.id })
      .from(movies)
      .where(and(eq(movies.libraryId, folder.libraryId), eq(movies.folderKey, folder.key)));
  }

  private showOf(folder: Pick<LibraryFolder, 'libraryId' | 'key'>) {
    return this.db
      .select({ id: shows.id })
      .from(shows)
      .where(and(eq(shows.libraryId, folder.libraryId), eq(shows.folderKey, folder.key)));
  }

  private episodesOf(folder: Pick<LibraryFolder, 'libraryId' | 'key'>) {
    return this.db
      .select({ id: episodes.id })
      .from(episodes)
      .innerJoin(shows, eq(shows.id, episodes.showId))
      .where(and(eq(shows.libraryId, folder.libraryId), eq(shows.folderKey, folder.key)));
  }
}
