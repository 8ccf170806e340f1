import { and, eq, inArray, notInArray, sql as dsql } from 'drizzle-orm';
import { inTransaction, type Database, type Transaction } from '../client.js';
import { actors, assets, episodes, mediaFiles, mediaStreams, seasons, unknownFiles, type EntityType } from '../schema/index.js';
import { titleTable, type TitleKind, type TitleRow } from './title-repository.js';

export type MediaFileToSave = { file: typeof mediaFiles.$inferInsert; streams: Omit<typeof mediaStreams.$inferInsert, 'mediaFileId'>[] };
export type CastMemberToSave = Omit<typeof actors.$inferInsert, 'entityType' | 'entityId'>;
export type UnknownFileToSave = Pick<typeof unknownFiles.$inferInsert, 'relativePath' | 'sizeBytes'>;
export type SeasonToSave = Omit<typeof seasons.$inferInsert, 'id' | 'showId' | 'seasonNumber'>;
export type EpisodeToSave = Omit<typeof episodes.$inferInsert, 'id' | 'showId' | 'seasonNumber' | 'episodeNumber'>;
export type LocalAssetToSave = typeof assets.$inferInsert;

/** The title a scan found in a folder, and how a rescan's values apply to the row already there. */
export interface ScannedTitleRow {
  libraryId: string;
  scanId: string;
  folderKey: string;
  /** Every column the scan read (the title table's insert shape, without library and folder). */
  values: Record<string, unknown>;
  /** The columns a rescan writes over `existing` (the rule for locked fields and kept identifications). */
  update: (existing: TitleRow) => Record<string, unknown>;
}

/**
 * What a scan writes for one title, each method inside the transaction `saveInTransaction` opened: the
 * title row, its media files, cast, unknown files, seasons and episodes. Everything is replaced as a whole,
 * so writing the same scan twice leaves the same rows.
 */
export class ScannedTitleWrites {
  constructor(private readonly tx: Transaction) {}

  /**
   * Inserts the title of a folder, or updates it with `row.update(existing)`. Locks the row so concurrent
   * saves of one folder serialise. A new row starts at change 1; every later save is a change the pipeline
   * must publish (title-change-repository), bumped in this same transaction.
   */
  async upsertTitle(kind: TitleKind, row: ScannedTitleRow): Promise<{ entityId: string; isNew: boolean }> {
    const table = titleTable(kind);
    const [existing] = await this.tx
      .select()
      .from(table)
      .where(and(eq(table.libraryId, row.libraryId), eq(table.folderKey, row.folderKey)))
      .for('update');
    if (!existing) {
      const [inserted] = await this.tx
        .insert(table)
        .values({
          ...(row.values as typeof table.$inferInsert),
          libraryId: row.libraryId,
          folderKey: row.folderKey,
          createdScanId: row.scanId,
        })
        .returning({ id: table.id });
      return { entityId: inserted!.id, isNew: true };
    }
    await this.tx
      .update(table)
      .set({ ...row.update(existing), deletedAt: null, updatedAt: dsql`now()`, changeSeq: dsql`${table.changeSeq} + 1` })
      .where(eq(table.id, existing.id));
    return { entityId: existing.id, isNew: false };
  }

  async replaceMediaFiles(entityType: EntityType, entityId: string, files: MediaFileToSave[]): Promise<void> {
    await this.tx.delete(mediaFiles).where(and(eq(mediaFiles.entityType, entityType), eq(mediaFiles.entityId, entityId)));
    for (const { file, streams } of files) {
      const [row] = await this.tx.insert(mediaFiles).values(file).returning({ id: mediaFiles.id });
      if (streams.length > 0) await this.tx.insert(mediaStreams).values(streams.map((s) => ({ ...s, mediaFileId: row!.id })));
    }
  }

  async replaceCast(entityType: EntityType, entityId: string, cast: CastMemberToSave[]): Promise<void> {
    await this.tx.delete(actors).where(and(eq(actors.entityType, entityType), eq(actors.entityId, entityId)));
    if (cast.length > 0) await this.tx.insert(actors).values(cast.map((member) => ({ ...member, entityType, entityId })));
  }

  async replaceUnknownFiles(entityType: EntityType, entityId: string, files: UnknownFileToSave[]): Promise<void> {
    await this.tx.delete(unknownFiles).where(and(eq(unknownFiles.entityType, entityType), eq(unknownFiles.entityId, entityId)));
    if (files.length > 0) await this.tx.insert(unknownFiles).values(files.map((f) => ({ ...f, entityType, entityId })));
  }

  async upsertSeason(showId: string, seasonNumber: number, values: SeasonToSave): Promise<void> {
    await this.tx
      .insert(seasons)
      .values({ showId, seasonNumber, ...values })
      .onConflictDoUpdate({ target: [seasons.showId, seasons.seasonNumber], set: values });
  }

  /** Drops the show's seasons whose numbers are not listed. */
  async keepOnlySeasons(showId: string, seasonNumbers: number[]): Promise<void> {
    if (seasonNumbers.length > 0) {
      await this.tx.delete(seasons).where(and(eq(seasons.showId, showId), notInArray(seasons.seasonNumber, seasonNumbers)));
    } else {
      await this.tx.delete(seasons).where(eq(seasons.showId, showId));
    }
  }

  /** The episode's id. */
  async upsertEpisode(showId: string, seasonNumber: number, episodeNumber: number, values: EpisodeToSave): Promise<string> {
    const [row] = await this.tx
      .insert(episodes)
      .values({ showId, seasonNumber, episodeNumber, ...values })
      .onConflictDoUpdate({ target: [episodes.showId, episodes.seasonNumber, episodes.episodeNumber], set: values })
      .returning({ id: episodes.id });
    return row!.id;
  }

  /** Drops the show's episodes not listed, and their media files. */
  async keepOnlyEpisodes(showId: string, episodeIds: string[]): Promise<void> {
    const gone = await this.tx
      .delete(episodes)
      .where(episodeIds.length > 0 ? and(eq(episodes.showId, showId), notInArray(episodes.id, episodeIds)) : eq(episodes.showId, showId))
      .returning({ id: episodes.id });
    if (gone.length > 0) {
      await this.tx.delete(mediaFiles).where(
        and(
          eq(mediaFiles.entityType, 'episode'),
          inArray(
            mediaFiles.entityId,
            gone.map((g) => g.id),
          ),
        ),
      );
    }
  }
}

/** Writes a scanned title in one transaction; and its local artwork, once stored in the content store. */
export class ScannedTitleRepository {
  constructor(private readonly db: Database) {}

  saveInTransaction<T>(write: (writes: ScannedTitleWrites) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => write(new ScannedTitleWrites(tx)));
  }

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Replaces the title's local artwork rows and points its actors at their cached photos (by lower-case
   * name), in one transaction (the caller's when given one).
   */
  async replaceLocalArtwork(
    entityType: 'movie' | 'show',
    entityId: string,
    rows: LocalAssetToSave[],
    actorThumbs: Map<string, string>,
    within?: Transaction,
  ): Promise<void> {
    await inTransaction(this.db, within, async (tx) => {
      await tx.delete(assets).where(and(eq(assets.entityType, entityType), eq(assets.entityId, entityId), eq(assets.source, 'local')));
      if (rows.length > 0) await tx.insert(assets).values(rows);
      for (const [name, cacheFileId] of actorThumbs) {
        await tx
          .update(actors)
          .set({ thumbCacheFileId: cacheFileId })
          .where(and(eq(actors.entityType, entityType), eq(actors.entityId, entityId), dsql`lower(${actors.name}) = ${name}`));
      }
    });
  }
}
