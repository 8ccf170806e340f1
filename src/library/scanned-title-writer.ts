import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/client.js';
import {
  ScannedTitleRepository,
  type CastMemberToSave,
  type LocalArtwork,
  type LocalAssetToSave,
  type MediaFileToSave,
  type ScannedTitleRow,
  type ScannedTitleWrites,
  type UnknownFileToSave,
} from '../db/repositories/scanned-title-repository.js';
import type { TitleRow } from '../db/repositories/title-repository.js';
import type { EntityType, LibraryFolder } from '../db/schema/index.js';
import { LibraryFolderRepository } from '../db/repositories/library-folder-repository.js';
import { ScanIssueRepository } from '../db/repositories/scan-issue-repository.js';
import type { ContentStore, ContentToStore } from '../media/content-store.js';
import { findEpisodeBlock, isCast } from '../media/nfo/index.js';
import { sha256File } from '../media/file-hash.js';
import type { SeasonRef } from '../media/artwork-names.js';
import type { ScannedArtwork, ScannedMovie, ScannedShow, ScannedTitle, ScannedVideoFile } from '../media/title-scan/types.js';
import { mediaFileRows } from './media-file-rows.js';
import { NfoArtworkCandidateRepository } from '../db/repositories/nfo-artwork-candidate-repository.js';
import { nfoArtworkCandidates } from './nfo-artwork-candidates.js';
import { metadataFromScan, withoutLockedFields, idColumns } from './title-metadata.js';

/** The folder a scan read a title from, as library_folders holds it. */
export type ScannedFolder = Pick<LibraryFolder, 'id' | 'key' | 'folderPath' | 'fingerprint'>;

export interface SavedFolder extends SavedTitle {
  /** Files of the folder the scan could not read (recorded as the folder's scan issues). */
  fileErrors: number;
}

export interface SavedTitle extends SavedTitleRow {
  /** Artwork files copied into the cache (content it did not hold yet). */
  assetsCached: number;
}

/** The title row a folder's scan wrote. */
interface SavedTitleRow {
  entityType: 'movie' | 'show';
  entityId: string;
  isNew: boolean;
}

/** A folder and what its scan found, for saveFolders. */
export interface FolderToSave {
  folder: ScannedFolder;
  scanned: ScannedTitle;
}

/**
 * Writes one scanned title to Postgres: the title row (an upsert on library + folder, honouring locked
 * fields), its media files and streams, cast, unknown files, and its artwork through the content store.
 * Everything it writes is replaced as a whole, so running it twice leaves the same rows as running it once.
 */
export class ScannedTitleWriter {
  private readonly repository: ScannedTitleRepository;
  private readonly nfoCandidates: NfoArtworkCandidateRepository;
  private readonly issues: ScanIssueRepository;
  private readonly folders: LibraryFolderRepository;

  constructor(
    db: Database,
    private readonly contentStore: ContentStore,
  ) {
    this.repository = new ScannedTitleRepository(db);
    this.nfoCandidates = new NfoArtworkCandidateRepository(db);
    this.issues = new ScanIssueRepository(db);
    this.folders = new LibraryFolderRepository(db);
  }

  /**
   * Saves what a scan found in a folder: the title (one transaction), its artwork into the content store,
   * then in a second transaction the title's local artwork rows, its NFO's artwork candidates, the folder's
   * scan issues and its mark as scanned at this fingerprint: two commits a folder, not five (each is a round
   * trip and a WAL flush).
   */
  async saveFolder(libraryId: string, scanId: string, folder: ScannedFolder, scanned: ScannedTitle): Promise<SavedFolder> {
    const [saved] = await this.saveFolders(libraryId, scanId, [{ folder, scanned }]);
    return saved!;
  }

  /**
   * saveFolder for several folders of one library at once, answering in the order given: the same two
   * transactions, with each table written in one statement for all the folders' movies rather than one
   * per folder (a show's seasons and episodes are still written show by show). A statement costs the worker
   * and Postgres about the same for one row as for thirty, so a first scan writes a group of folders for
   * the price of one. Everything is replaced as a whole, so running it twice leaves the same rows.
   */
  async saveFolders(libraryId: string, scanId: string, folders: readonly FolderToSave[]): Promise<SavedFolder[]> {
    const titles = await this.saveTitles(libraryId, scanId, folders);
    const artwork = await this.storeArtwork(
      scanId,
      folders.map(({ scanned }, i) => ({ ...titles[i]!, scanned })),
    );
    const fileIssues = folders.map(({ folder, scanned }) =>
      scanned.errors.map((e) => ({ path: `${folder.folderPath}/${e.relativePath}`, reason: e.reason })),
    );
    // The tables are independent of each other: their statements go together, pipelined on the transaction's connection.
    await this.repository.transaction(async (tx) => {
      const writes: Promise<void>[] = [];
      for (const entityType of ['movie', 'show'] as const) {
        const ofType = titles.flatMap((title, i) => (title.entityType === entityType ? [[title.entityId, artwork[i]!] as const] : []));
        writes.push(this.repository.replaceLocalArtwork(entityType, new Map(ofType), tx));
        // An NFO that could not be read says nothing about artwork: the candidates of the last read stay.
        const candidates = titles.flatMap((title, i) =>
          title.entityType === entityType && folders[i]!.scanned.unreadableNfoPath === undefined
            ? [[title.entityId, nfoArtworkCandidates(folders[i]!.scanned)] as const]
            : [],
        );
        writes.push(this.nfoCandidates.replaceMany(entityType === 'movie' ? 'movie' : 'tv', new Map(candidates), tx));
      }
      writes.push(
        this.issues.replaceForFolders(scanId, libraryId, new Map(folders.map(({ folder }, i) => [folder.key, fileIssues[i]!])), tx),
      );
      const marks = folders.map(({ folder }, i) => ({ folder, outcome: { scanError: null, fileErrors: fileIssues[i]!.length } }));
      writes.push(this.folders.markManyScanned(marks, scanId, tx));
      await Promise.all(writes);
    });
    return titles.map((title, i) => ({ ...title, assetsCached: artwork[i]!.stored, fileErrors: fileIssues[i]!.length }));
  }

  /** The folders' titles, in the order given: the movies together in one transaction, each show in one of its own. */
  private async saveTitles(libraryId: string, scanId: string, folders: readonly FolderToSave[]): Promise<SavedTitleRow[]> {
    const movies = folders.flatMap(({ scanned }) => (scanned.kind === 'movie' ? [scanned] : []));
    const savedMovies = movies.length > 0 ? await this.saveMovies(libraryId, scanId, movies) : [];
    const titles: SavedTitleRow[] = [];
    for (const { scanned } of folders) {
      titles.push(scanned.kind === 'movie' ? savedMovies.shift()! : await this.saveShow(libraryId, scanId, scanned));
    }
    return titles;
  }

  private saveMovies(libraryId: string, scanId: string, movies: readonly ScannedMovie[]): Promise<SavedTitleRow[]> {
    return this.repository.saveInTransaction(async (tx) => {
      const rows = movies.map((scanned) => {
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
        return titleRow(libraryId, scanId, scanned.key, values);
      });
      const saved = await tx.upsertTitles('movie', rows);
      const byTitle = <T>(rowsOf: (scanned: ScannedMovie, entityId: string) => T) =>
        new Map(movies.map((scanned, i) => [saved[i]!.entityId, rowsOf(scanned, saved[i]!.entityId)]));
      // Sent together: postgres.js pipelines a transaction's statements, so the three tables cost one wait, not six.
      await Promise.all([
        tx.replaceMediaFiles(
          'movie',
          byTitle((scanned, entityId) => mediaFilesOf('movie', entityId, scanned.videoFiles)),
        ),
        tx.replaceCast('movie', byTitle(castOf)),
        tx.replaceUnknownFiles('movie', byTitle(unknownFilesOf)),
      ]);
      return saved.map(({ entityId, isNew }) => ({ entityType: 'movie' as const, entityId, isNew }));
    });
  }

  private saveShow(libraryId: string, scanId: string, scanned: ScannedShow): Promise<SavedTitleRow> {
    return this.repository.saveInTransaction(async (tx) => {
      const values = {
        ...metadataFromScan(scanned.nfo, scanned.identification),
        status: scanned.nfo?.status ?? null,
        nfoPath: scanned.nfoPath ?? null,
        nfoExtra: scanned.nfo?.extra ?? [],
        ...unreadableNfoColumns(scanned),
        folderPath: scanned.folderPath,
        scanErrors: scanned.errors,
      };
      const [show] = await tx.upsertTitles('show', [titleRow(libraryId, scanId, scanned.key, values)]);
      const { entityId: showId, isNew } = show!;
      await this.saveSeasonsAndEpisodes(tx, showId, scanned);
      await tx.replaceCast('show', new Map([[showId, castOf(scanned)]]));
      await tx.replaceUnknownFiles('show', new Map([[showId, unknownFilesOf(scanned)]]));
      return { entityType: 'show' as const, entityId: showId, isNew };
    });
  }

  private async saveSeasonsAndEpisodes(tx: ScannedTitleWrites, showId: string, scanned: ScannedShow) {
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
      await tx.upsertSeason(showId, seasonNumber, values);
    }
    await tx.keepOnlySeasons(showId, seasonNumbers);

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
        const episodeId = await tx.upsertEpisode(showId, scannedEpisode.season, episodeNumber, values);
        kept.push(episodeId);
        await tx.replaceMediaFiles('episode', new Map([[episodeId, mediaFilesOf('episode', episodeId, [scannedEpisode.video])]]));
      }
    }
    await tx.keepOnlyEpisodes(showId, kept);
  }

  /**
   * Stores each artwork file's content (and each actor photo's) once, in one content-store lookup for all the
   * titles; returns each title's local asset rows and actor photos that point at it, and how many were new.
   */
  private async storeArtwork(
    scanId: string,
    titles: readonly (SavedTitleRow & { scanned: ScannedTitle })[],
  ): Promise<(LocalArtwork & { stored: number })[]> {
    const contents: { artwork: ContentToStore[]; thumbs: { thumb: ScannedTitle['actorThumbs'][number]; content: ContentToStore }[] }[] = [];
    for (const { entityType, entityId, scanned } of titles) {
      // One at a time, as before: a show's .actors folder can hold hundreds of photos to hash.
      const thumbs = [];
      for (const thumb of scanned.actorThumbs) {
        const sourcePath = path.join(scanned.folderPath, thumb.relativePath);
        const [sha256, { size }] = await Promise.all([sha256File(sourcePath), fs.stat(sourcePath)]);
        thumbs.push({ thumb, content: { sourcePath, sha256, sizeBytes: size, entityType, entityId, assetType: 'actor', scanId } });
      }
      const artwork = scanned.artwork.map((art) => contentOf(scanned, art, entityType, entityId, scanId));
      contents.push({ artwork, thumbs });
    }
    const answers = await this.contentStore.putMany(
      contents.flatMap(({ artwork, thumbs }) => [...artwork, ...thumbs.map((t) => t.content)]),
    );
    let next = 0;
    return titles.map(({ entityType, entityId, scanned }, i) => {
      const { artwork, thumbs } = contents[i]!;
      const mine = answers.slice(next, (next += artwork.length + thumbs.length));
      const rows: LocalAssetToSave[] = scanned.artwork.map((art, j) => ({
        entityType,
        entityId,
        assetType: art.assetType,
        season: seasonNumber(art.season),
        source: 'local',
        sourcePath: art.relativePath,
        sourceMtimeMs: art.mtimeMs,
        cacheFileId: mine[j]!.cacheFile.id,
      }));
      const actorThumbs = new Map<string, string>();
      for (const [j, { thumb }] of thumbs.entries()) {
        actorThumbs.set(thumb.actorName.replaceAll('_', ' ').toLowerCase(), mine[artwork.length + j]!.cacheFile.id);
      }
      return { rows, actorThumbs, stored: mine.filter((answer) => answer.stored).length };
    });
  }
}

/**
 * The title row of a folder: a rescan changes every field except those a person locked, and the ids of a
 * title a person identified by hand.
 */
function titleRow(
  libraryId: string,
  scanId: string,
  folderKey: string,
  values: Record<string, unknown> & { identificationSource: string },
): ScannedTitleRow {
  return {
    libraryId,
    scanId,
    folderKey,
    values,
    update: (existing: TitleRow) => {
      const update = withoutLockedFields(values as Record<string, unknown>, existing);
      if (keepsIdentification(existing.identificationSource, values.identificationSource)) stripIdentification(update);
      return update;
    },
  };
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

function mediaFilesOf(entityType: EntityType, entityId: string, videos: ScannedVideoFile[]): MediaFileToSave[] {
  return videos.map((video) => mediaFileRows(entityType, entityId, video));
}

function castOf(scanned: ScannedTitle): CastMemberToSave[] {
  // Crew that Jellyfin and Emby list as <actor> with a <type> is not cast; publishing keeps it in the NFO.
  return (scanned.nfo?.actors ?? []).filter(isCast).map((actor, i) => ({
    name: actor.name,
    role: actor.role ?? null,
    sortOrder: actor.order ?? i,
    thumbUrl: actor.thumb ?? null,
  }));
}

function unknownFilesOf(scanned: ScannedTitle): UnknownFileToSave[] {
  return scanned.unknownFiles.map((f) => ({ relativePath: f.relativePath, sizeBytes: f.sizeBytes }));
}
