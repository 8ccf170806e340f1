import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray, notInArray, sql as dsql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import {
  actors,
  assets,
  episodes,
  mediaFiles,
  mediaStreams,
  movies,
  seasons,
  shows,
  unknownFiles,
  type EntityType,
} from '../db/schema/index.js';
import type { ContentStore } from '../media/content-store.js';
import { findEpisodeBlock, isCast } from '../media/nfo/index.js';
import { sha256File } from '../media/file-hash.js';
import type { SeasonRef } from '../media/artwork-names.js';
import type { ScannedArtwork, ScannedMovie, ScannedShow, ScannedTitle, ScannedVideoFile } from '../media/title-scan/types.js';
import { mediaFileRows } from './media-file-rows.js';
import { nfoArtworkCandidates, saveNfoArtworkCandidates } from './nfo-artwork-candidates.js';
import { metadataFromScan, withoutLockedFields, idColumns } from './title-metadata.js';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface SavedTitle {
  entityType: 'movie' | 'show';
  entityId: string;
  isNew: boolean;
  /** Artwork files copied into the cache (content it did not hold yet). */
  assetsCached: number;
}

/**
 * Writes one scanned title to Postgres: the title row (an upsert on library + folder, honouring locked
 * fields), its media files and streams, cast, unknown files, and its artwork through the content store.
 * Everything it writes is replaced as a whole, so running it twice leaves the same rows as running it once.
 */
export class ScannedTitleWriter {
  constructor(
    private readonly db: Database,
    private readonly contentStore: ContentStore,
  ) {}

  async save(libraryId: string, scanId: string, scanned: ScannedTitle): Promise<SavedTitle> {
    const saved = scanned.kind === 'movie' ? await this.saveMovie(libraryId, scanId, scanned) : await this.saveShow(libraryId, scanId, scanned);
    const assetsCached = await this.saveArtwork(saved.entityType, saved.entityId, scanId, scanned);
    // An NFO that could not be read says nothing about artwork: the candidates of the last read stay.
    if (scanned.unreadableNfoPath === undefined) {
      const candidates = nfoArtworkCandidates(scanned);
      await this.db.transaction((tx) => saveNfoArtworkCandidates(tx, saved.entityType === 'movie' ? 'movie' : 'tv', saved.entityId, candidates));
    }
    return { ...saved, assetsCached };
  }

  private saveMovie(libraryId: string, scanId: string, scanned: ScannedMovie) {
    return this.db.transaction(async (tx) => {
      const values = {
        ...metadataFromScan(scanned.nfo, scanned.identification),
        setName: scanned.nfo?.set?.name ?? null,
        setOverview: scanned.nfo?.set?.overview ?? null,
        trailer: scanned.nfo?.trailer ?? null,
        nfoPath: scanned.nfoPath ?? null,
        nfoExtra: scanned.nfo?.extra ?? [],
        ...unreadableNfoColumns(scanned),
        folderPath: scanned.folderPath,
        scanErrors: scanned.errors,
      };
      const { entityId, isNew } = await upsertTitle(tx, movies, libraryId, scanId, scanned.key, values);
      await replaceMediaFiles(tx, 'movie', entityId, scanned.videoFiles);
      await replaceCast(tx, 'movie', entityId, scanned);
      await replaceUnknownFiles(tx, 'movie', entityId, scanned);
      return { entityType: 'movie' as const, entityId, isNew };
    });
  }

  private saveShow(libraryId: string, scanId: string, scanned: ScannedShow) {
    return this.db.transaction(async (tx) => {
      const values = {
        ...metadataFromScan(scanned.nfo, scanned.identification),
        status: scanned.nfo?.status ?? null,
        nfoPath: scanned.nfoPath ?? null,
        nfoExtra: scanned.nfo?.extra ?? [],
        ...unreadableNfoColumns(scanned),
        folderPath: scanned.folderPath,
        scanErrors: scanned.errors,
      };
      const { entityId: showId, isNew } = await upsertTitle(tx, shows, libraryId, scanId, scanned.key, values);
      await this.saveSeasonsAndEpisodes(tx, showId, scanned);
      await replaceCast(tx, 'show', showId, scanned);
      await replaceUnknownFiles(tx, 'show', showId, scanned);
      return { entityType: 'show' as const, entityId: showId, isNew };
    });
  }

  private async saveSeasonsAndEpisodes(tx: Tx, showId: string, scanned: ScannedShow) {
    const names = new Map((scanned.nfo?.namedSeasons ?? []).map((s) => [s.number, s.name]));
    const seasonNfos = new Map(scanned.seasonNfos.map((s) => [s.season, s]));
    const seasonNumbers = [...new Set([...scanned.episodes.map((e) => e.season), ...seasonNfos.keys()])].sort((a, b) => a - b);
    for (const seasonNumber of seasonNumbers) {
      const seasonNfo = seasonNfos.get(seasonNumber);
      const values = {
        name: names.get(seasonNumber) ?? null,
        nfoPath: seasonNfo?.nfoPath ?? null,
        nfoTitle: seasonNfo?.nfo?.title ?? null,
        plot: seasonNfo?.nfo?.plot ?? null,
        premiered: seasonNfo?.nfo?.premiered ?? null,
      };
      await tx
        .insert(seasons)
        .values({ showId, seasonNumber, ...values })
        .onConflictDoUpdate({ target: [seasons.showId, seasons.seasonNumber], set: values });
    }
    if (seasonNumbers.length > 0) {
      await tx.delete(seasons).where(and(eq(seasons.showId, showId), notInArray(seasons.seasonNumber, seasonNumbers)));
    } else {
      await tx.delete(seasons).where(eq(seasons.showId, showId));
    }

    const kept: string[] = [];
    for (const scannedEpisode of scanned.episodes) {
      for (const [position, episodeNumber] of scannedEpisode.episodes.entries()) {
        const nfo = findEpisodeBlock(scannedEpisode.nfo ?? [], scannedEpisode.season, episodeNumber, position);
        const values = {
          videoPath: scannedEpisode.video.relativePath,
          // Some tools leave <title> empty and name the episode only in <originaltitle>.
          title: nfo?.title ?? nfo?.originalTitle ?? null,
          plot: nfo?.plot ?? null,
          aired: nfo?.aired ?? nfo?.premiered ?? null,
          runtime: nfo?.runtime ?? null,
          ratings: nfo?.ratings ?? [],
          directors: nfo?.directors ?? [],
          credits: nfo?.credits ?? [],
          nfoPath: scannedEpisode.nfoPath ?? null,
          unreadableNfoPath: scannedEpisode.unreadableNfoPath ?? null,
          ...idColumns(episodeIds(nfo?.uniqueIds ?? [])),
        };
        const [row] = await tx
          .insert(episodes)
          .values({ showId, seasonNumber: scannedEpisode.season, episodeNumber, ...values })
          .onConflictDoUpdate({ target: [episodes.showId, episodes.seasonNumber, episodes.episodeNumber], set: values })
          .returning({ id: episodes.id });
        kept.push(row!.id);
        await replaceMediaFiles(tx, 'episode', row!.id, [scannedEpisode.video]);
      }
    }
    const gone = await tx
      .delete(episodes)
      .where(kept.length > 0 ? and(eq(episodes.showId, showId), notInArray(episodes.id, kept)) : eq(episodes.showId, showId))
      .returning({ id: episodes.id });
    if (gone.length > 0) {
      await tx.delete(mediaFiles).where(and(eq(mediaFiles.entityType, 'episode'), inArray(mediaFiles.entityId, gone.map((g) => g.id))));
    }
  }

  /** Stores each artwork file's content once and points the title's local assets at it. */
  private async saveArtwork(entityType: 'movie' | 'show', entityId: string, scanId: string, scanned: ScannedTitle): Promise<number> {
    let stored = 0;
    const rows: (typeof assets.$inferInsert)[] = [];
    for (const art of scanned.artwork) {
      const result = await this.contentStore.put(contentOf(scanned, art, entityType, entityId, scanId));
      if (result.stored) stored++;
      rows.push({
        entityType,
        entityId,
        assetType: art.assetType,
        season: seasonNumber(art.season),
        source: 'local',
        sourcePath: art.relativePath,
        cacheFileId: result.cacheFile.id,
      });
    }
    const thumbs = new Map<string, string>();
    for (const thumb of scanned.actorThumbs) {
      const sourcePath = path.join(scanned.folderPath, thumb.relativePath);
      const [sha256, { size }] = await Promise.all([sha256File(sourcePath), fs.stat(sourcePath)]);
      const result = await this.contentStore.put({ sourcePath, sha256, sizeBytes: size, entityType, entityId, assetType: 'actor', scanId });
      if (result.stored) stored++;
      thumbs.set(thumb.actorName.replaceAll('_', ' ').toLowerCase(), result.cacheFile.id);
    }

    await this.db.transaction(async (tx) => {
      await tx.delete(assets).where(and(eq(assets.entityType, entityType), eq(assets.entityId, entityId), eq(assets.source, 'local')));
      if (rows.length > 0) await tx.insert(assets).values(rows);
      for (const [name, cacheFileId] of thumbs) {
        await tx
          .update(actors)
          .set({ thumbCacheFileId: cacheFileId })
          .where(and(eq(actors.entityType, entityType), eq(actors.entityId, entityId), dsql`lower(${actors.name}) = ${name}`));
      }
    });
    return stored;
  }
}

/**
 * Inserts the title of a folder, or updates it: a rescan changes every field except those a person locked,
 * and the ids of a title a person identified by hand. Locks the row so concurrent saves of one folder
 * serialise.
 */
async function upsertTitle<T extends typeof movies | typeof shows>(
  tx: Tx,
  table: T,
  libraryId: string,
  scanId: string,
  folderKey: string,
  values: Omit<T['$inferInsert'], 'libraryId' | 'folderKey'>,
): Promise<{ entityId: string; isNew: boolean }> {
  const titleTable = table as typeof movies;
  const [existing] = await tx
    .select()
    .from(titleTable)
    .where(and(eq(titleTable.libraryId, libraryId), eq(titleTable.folderKey, folderKey)))
    .for('update');
  if (!existing) {
    const [row] = await tx
      .insert(titleTable)
      .values({ ...(values as typeof movies.$inferInsert), libraryId, folderKey, createdScanId: scanId })
      .returning({ id: titleTable.id });
    return { entityId: row!.id, isNew: true };
  }
  const update = withoutLockedFields(values as Record<string, unknown>, existing);
  if (keepsIdentification(existing.identificationSource, (values as { identificationSource: string }).identificationSource)) stripIdentification(update);
  // A new row starts at change 1; every later save is a change the pipeline must publish (title-change-repository).
  await tx
    .update(titleTable)
    .set({ ...update, deletedAt: null, updatedAt: dsql`now()`, changeSeq: dsql`${titleTable.changeSeq} + 1` })
    .where(eq(titleTable.id, existing.id));
  return { entityId: existing.id, isNew: false };
}

function contentOf(scanned: ScannedTitle, art: ScannedArtwork, entityType: EntityType, entityId: string, scanId: string) {
  return {
    sourcePath: path.join(scanned.folderPath, art.relativePath),
    sha256: art.sha256,
    sizeBytes: art.sizeBytes,
    format: art.format,
    width: art.width,
    height: art.height,
    entityType,
    entityId,
    assetType: art.season === undefined ? art.assetType : `season-${art.season}-${art.assetType}`,
    scanId,
  };
}

/**
 * Which NFO the scan could not read. Once a scan reads it again (a person fixed it), a pending request to
 * replace it is void: the fixed file is theirs.
 */
function unreadableNfoColumns(scanned: ScannedTitle): { unreadableNfoPath: string | null; replaceUnreadableNfo?: false } {
  const unreadableEpisodeNfo = scanned.kind === 'tvshow' && scanned.episodes.some((e) => e.unreadableNfoPath !== undefined);
  const unreadableNfoPath = scanned.unreadableNfoPath ?? null;
  return unreadableNfoPath !== null || unreadableEpisodeNfo ? { unreadableNfoPath } : { unreadableNfoPath, replaceUnreadableNfo: false };
}

function seasonNumber(season: SeasonRef | undefined): number | null {
  if (season === undefined) return null;
  if (season === 'all') return -1;
  if (season === 'specials') return 0;
  return season;
}

/**
 * A person's identification survives every rescan; a Radarr/Sonarr one survives a rescan that found no id
 * in the folder (an NFO or folder tag written since is the person's own word and replaces it).
 */
function keepsIdentification(existing: string, scanned: string): boolean {
  return existing === 'manual' || (existing === 'arr' && scanned === 'folder-name');
}

function stripIdentification(update: Record<string, unknown>) {
  for (const key of ['tmdbId', 'imdbId', 'tvdbId', 'identificationStatus', 'identificationSource']) delete update[key];
}

function episodeIds(uniqueIds: readonly { type: string; value: string; isDefault: boolean }[]) {
  const ids: { tmdb?: number; imdb?: string; tvdb?: number } = {};
  for (const id of uniqueIds) {
    if (id.type === 'tmdb' && /^\d+$/.test(id.value)) ids.tmdb ??= Number(id.value);
    if (id.type === 'imdb' && /^tt\d+$/.test(id.value)) ids.imdb ??= id.value;
    if (id.type === 'tvdb' && /^\d+$/.test(id.value)) ids.tvdb ??= Number(id.value);
  }
  return ids;
}

async function replaceMediaFiles(tx: Tx, entityType: EntityType, entityId: string, videos: ScannedVideoFile[]) {
  await tx.delete(mediaFiles).where(and(eq(mediaFiles.entityType, entityType), eq(mediaFiles.entityId, entityId)));
  for (const video of videos) {
    const { file, streams } = mediaFileRows(entityType, entityId, video);
    const [row] = await tx.insert(mediaFiles).values(file).returning({ id: mediaFiles.id });
    if (streams.length > 0) await tx.insert(mediaStreams).values(streams.map((s) => ({ ...s, mediaFileId: row!.id })));
  }
}

async function replaceCast(tx: Tx, entityType: EntityType, entityId: string, scanned: ScannedTitle) {
  await tx.delete(actors).where(and(eq(actors.entityType, entityType), eq(actors.entityId, entityId)));
  // Crew that Jellyfin and Emby list as <actor> with a <type> is not cast; publishing keeps it in the NFO.
  const cast = (scanned.nfo?.actors ?? []).filter(isCast);
  if (cast.length === 0) return;
  await tx.insert(actors).values(
    cast.map((actor, i) => ({
      entityType,
      entityId,
      name: actor.name,
      role: actor.role ?? null,
      sortOrder: actor.order ?? i,
      thumbUrl: actor.thumb ?? null,
    })),
  );
}

async function replaceUnknownFiles(tx: Tx, entityType: EntityType, entityId: string, scanned: ScannedTitle) {
  await tx.delete(unknownFiles).where(and(eq(unknownFiles.entityType, entityType), eq(unknownFiles.entityId, entityId)));
  if (scanned.unknownFiles.length === 0) return;
  await tx.insert(unknownFiles).values(scanned.unknownFiles.map((f) => ({ entityType, entityId, relativePath: f.relativePath, sizeBytes: f.sizeBytes })));
}
