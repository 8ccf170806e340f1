import { randomUUID } from 'node:crypto';
import { and, eq, inArray, notInArray, sql as dsql } from 'drizzle-orm';
import { inTransaction, type Database, type Transaction } from '../client.js';
import { anyOf, insertJsonRows } from '../json-rows.js';
import { actors, assets, episodes, mediaFiles, mediaStreams, seasons, unknownFiles, type EntityType } from '../schema/index.js';
import { titleTable, type TitleKind, type TitleRow } from './title-repository.js';

export type MediaFileToSave = { file: typeof mediaFiles.$inferInsert; streams: Omit<typeof mediaStreams.$inferInsert, 'mediaFileId'>[] };
export type CastMemberToSave = Omit<typeof actors.$inferInsert, 'entityType' | 'entityId'>;
export type UnknownFileToSave = Pick<typeof unknownFiles.$inferInsert, 'relativePath' | 'sizeBytes'>;
export type SeasonToSave = Omit<typeof seasons.$inferInsert, 'id' | 'showId' | 'seasonNumber'>;
export type EpisodeToSave = Omit<typeof episodes.$inferInsert, 'id' | 'showId' | 'seasonNumber' | 'episodeNumber'>;
export type LocalAssetToSave = typeof assets.$inferInsert;

/** A title's local artwork rows, and its actors' photos in the cache by lower-case name. */
export interface LocalArtwork {
  rows: LocalAssetToSave[];
  actorThumbs: ReadonlyMap<string, string>;
}

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
   * Inserts the titles of several folders, or updates each with `row.update(existing)`; answers in the order
   * given. Locks the rows (in id order, so two writers never wait on each other in a circle) so concurrent
   * saves of one folder serialise. A new row starts at change 1; every later save is a change the pipeline
   * must publish (title-change-repository), bumped in this same transaction. Two saves of one new folder at
   * once (a webhook's folder scan beside the library's) both find no row: the second's insert waits for the
   * first to commit and then updates the row it made, as if it had come second all along.
   */
  async upsertTitles(kind: TitleKind, rows: readonly ScannedTitleRow[]): Promise<{ entityId: string; isNew: boolean }[]> {
    if (rows.length === 0) return [];
    const table = titleTable(kind);
    const existing = await this.lockTitles(table, rows);
    const folderOf = (libraryId: string, folderKey: string) => `${libraryId}/${folderKey}`;
    const existingByFolder = new Map(existing.map((title) => [folderOf(title.libraryId, title.folderKey), title]));
    const fresh = rows.filter((row) => !existingByFolder.has(folderOf(row.libraryId, row.folderKey)));
    const inserted =
      fresh.length === 0
        ? []
        : await this.tx.execute<{ id: string; library_id: string; folder_key: string }>(
            insertJsonRows(
              table,
              fresh.map((row) => ({
                ...(row.values as typeof table.$inferInsert),
                libraryId: row.libraryId,
                folderKey: row.folderKey,
                createdScanId: row.scanId,
              })),
              { onConflictDoNothing: [table.libraryId, table.folderKey], returning: [table.id, table.libraryId, table.folderKey] },
            ),
          );
    const insertedByFolder = new Map(inserted.map((title) => [folderOf(title.library_id, title.folder_key), title.id]));
    const madeMeanwhile = fresh.filter((row) => !insertedByFolder.has(folderOf(row.libraryId, row.folderKey)));
    if (madeMeanwhile.length > 0) {
      for (const title of await this.lockTitles(table, madeMeanwhile))
        existingByFolder.set(folderOf(title.libraryId, title.folderKey), title);
    }
    const answers = [];
    for (const row of rows) {
      const folder = folderOf(row.libraryId, row.folderKey);
      const before = existingByFolder.get(folder);
      if (!before) {
        const insertedId = insertedByFolder.get(folder);
        // Made by another save meanwhile and gone again before this one could lock it: the caller retries.
        if (!insertedId) throw new Error(`The title row of folder ${row.folderKey} was deleted while this scan saved it`);
        answers.push({ entityId: insertedId, isNew: true });
        continue;
      }
      await this.tx
        .update(table)
        .set({ ...row.update(before), deletedAt: null, updatedAt: dsql`now()`, changeSeq: dsql`${table.changeSeq} + 1` })
        .where(eq(table.id, before.id));
      answers.push({ entityId: before.id, isNew: false });
    }
    return answers;
  }

  /** The title rows of these folders, locked for update in id order. */
  private lockTitles(
    table: ReturnType<typeof titleTable>,
    rows: readonly Pick<ScannedTitleRow, 'libraryId' | 'folderKey'>[],
  ): Promise<TitleRow[]> {
    const folders = dsql`select * from unnest(${dsql.param(rows.map((row) => row.libraryId))}::uuid[], ${dsql.param(rows.map((row) => row.folderKey))}::text[])`;
    return this.tx
      .select()
      .from(table)
      .where(dsql`(${table.libraryId}, ${table.folderKey}) in (${folders})`)
      .orderBy(table.id)
      .for('update');
  }

  /** Replaces the media files (and their streams) of each entity listed with the ones given for it. */
  async replaceMediaFiles(entityType: EntityType, filesByEntity: ReadonlyMap<string, readonly MediaFileToSave[]>): Promise<void> {
    if (filesByEntity.size === 0) return;
    await this.tx.delete(mediaFiles).where(and(eq(mediaFiles.entityType, entityType), anyOf(mediaFiles.entityId, filesByEntity.keys())));
    // Ids made here, so the streams can name their file without reading the inserted rows back.
    const files = [...filesByEntity.values()].flat().map(({ file, streams }) => ({ file: { ...file, id: randomUUID() }, streams }));
    if (files.length === 0) return;
    await this.tx.execute(
      insertJsonRows(
        mediaFiles,
        files.map(({ file }) => file),
      ),
    );
    const streams = files.flatMap(({ file, streams }) => streams.map((stream) => ({ ...stream, mediaFileId: file.id })));
    if (streams.length > 0) await this.tx.execute(insertJsonRows(mediaStreams, streams));
  }

  /** Replaces the cast of each entity listed. */
  async replaceCast(entityType: EntityType, castByEntity: ReadonlyMap<string, readonly CastMemberToSave[]>): Promise<void> {
    if (castByEntity.size === 0) return;
    await this.tx.delete(actors).where(and(eq(actors.entityType, entityType), anyOf(actors.entityId, castByEntity.keys())));
    const rows = [...castByEntity].flatMap(([entityId, cast]) => cast.map((member) => ({ ...member, entityType, entityId })));
    if (rows.length > 0) await this.tx.execute(insertJsonRows(actors, rows));
  }

  /** Replaces the unknown files of each entity listed. */
  async replaceUnknownFiles(entityType: EntityType, filesByEntity: ReadonlyMap<string, readonly UnknownFileToSave[]>): Promise<void> {
    if (filesByEntity.size === 0) return;
    await this.tx
      .delete(unknownFiles)
      .where(and(eq(unknownFiles.entityType, entityType), anyOf(unknownFiles.entityId, filesByEntity.keys())));
    const rows = [...filesByEntity].flatMap(([entityId, files]) => files.map((f) => ({ ...f, entityType, entityId })));
    if (rows.length > 0) await this.tx.execute(insertJsonRows(unknownFiles, rows));
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
   * Replaces the local artwork rows of each title listed and points its actors at their cached photos (by
   * lower-case name), in one transaction (the caller's when given one).
   */
  async replaceLocalArtwork(
    entityType: 'movie' | 'show',
    artworkByEntity: ReadonlyMap<string, LocalArtwork>,
    within?: Transaction,
  ): Promise<void> {
    if (artworkByEntity.size === 0) return;
    await inTransaction(this.db, within, async (tx) => {
      await tx
        .delete(assets)
        .where(and(eq(assets.entityType, entityType), anyOf(assets.entityId, artworkByEntity.keys()), eq(assets.source, 'local')));
      const rows = [...artworkByEntity.values()].flatMap((artwork) => artwork.rows);
      if (rows.length > 0) await tx.execute(insertJsonRows(assets, rows));
      for (const [entityId, { actorThumbs }] of artworkByEntity) {
        for (const [name, cacheFileId] of actorThumbs) {
          await tx
            .update(actors)
            .set({ thumbCacheFileId: cacheFileId })
            .where(and(eq(actors.entityType, entityType), eq(actors.entityId, entityId), dsql`lower(${actors.name}) = ${name}`));
        }
      }
    });
  }
}
