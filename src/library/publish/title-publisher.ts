import { stat } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { PublishConfig, ScanConfig } from '../../config/phase-config.js';
import type { Database } from '../../db/client.js';
import {
  actors,
  assets,
  cacheFiles,
  episodes,
  libraries,
  libraryFolders,
  mediaFiles,
  mediaStreams,
  movies,
  providerAssets,
  providerMetadata,
  seasons,
  shows,
  type EntityType,
} from '../../db/schema/index.js';
import { KODI_TITLE_ARTWORK_FILE_NAMES, kodiExtraFanartPath, kodiSeasonArtworkFileName } from '../../media/artwork-names.js';
import type { SeasonArtworkType } from '../../contracts/artwork-types.js';
import type { ContentStore } from '../../media/content-store.js';
import { discoverTitleFolder } from '../../media/discovery/index.js';
import { withoutExtension } from '../../media/title-scan/file-names.js';
import { findEpisodeBlock, writeEpisodeNfo, writeMovieNfo, writeTvShowNfo, type EpisodeNfo, type NfoThumb } from '../../media/nfo/index.js';
import { copyFileIfChanged, writeFileIfChanged, type WriteOutcome } from '../../media/write-if-changed.js';
import type { ProviderMetadata } from '../../providers/types.js';
import { TitleNotFoundError } from '../enrich/title-enricher.js';
import { nfoWritePermission, type NfoWritePermission } from './nfo-on-disk.js';
import { episodeNfoFromRow, fileInfoFromStreams, movieNfoFromTitle, trailerUrl, tvShowNfoFromTitle } from './nfo-from-title.js';

export interface PublishResult {
  folderPath: string;
  /** Files written, relative to the title folder; unchanged files are not listed. */
  written: string[];
  unchanged: number;
  /** NFOs left as they are because they cannot be read (or the last scan could not read them), with why. */
  heldNfos: { path: string; reason: string }[];
  /** Unreadable NFOs a person asked to replace, as renamed beside themselves before the new one was written. */
  keptUnreadableNfos: string[];
}

export interface TitlePublisherDeps {
  db: Database;
  contentStore: ContentStore;
}

type TitleArtType = keyof typeof KODI_TITLE_ARTWORK_FILE_NAMES;
const SEASON_TYPES: Record<string, SeasonArtworkType> = { 'season-poster': 'poster', 'season-fanart': 'fanart', 'season-banner': 'banner', 'season-landscape': 'landscape' };

/**
 * Writes what the database knows about a title next to its media, as Kodi reads it: the NFO (always),
 * artwork with Kodi's names and `.actors/` photos (when configured). Every file is written to a temporary
 * name and renamed, and only when its bytes differ; afterwards the folder's scan fingerprint is brought up
 * to date, so the next incremental scan sees nothing new in what publishing wrote.
 */
export class TitlePublisher {
  constructor(private readonly deps: TitlePublisherDeps) {}

  async publishMovie(movieId: string, config: PublishConfig, scanConfig: ScanConfig): Promise<PublishResult> {
    const { db } = this.deps;
    const [movie] = await db.select().from(movies).where(eq(movies.id, movieId));
    if (!movie) throw new TitleNotFoundError('movie', movieId);
    const files = await db.select().from(mediaFiles).where(and(eq(mediaFiles.entityType, 'movie'), eq(mediaFiles.entityId, movieId))).orderBy(desc(mediaFiles.sizeBytes), asc(mediaFiles.relativePath));
    const main = files[0];
    const streams = main ? await db.select().from(mediaStreams).where(eq(mediaStreams.mediaFileId, main.id)).orderBy(asc(mediaStreams.streamIndex)) : [];
    const nfoName = config.movieNfoName === 'video' && main ? `${withoutExtension(main.relativePath)}.nfo` : 'movie.nfo';
    const folder = movie.folderPath;
    const state = { recordedUnreadable: movie.unreadableNfoPath, replace: movie.replaceUnreadableNfo };
    const permission = await nfoWritePermission(folder, nfoName, 'movie', state);
    const art = await this.selectedArtwork('movie', movieId);
    const nfos = new NfoOutcomes();
    const outcomes: [string, WriteOutcome][] = [];
    if (nfos.allowed(nfoName, permission)) {
      const existing = permission.existing?.kind === 'movie' ? permission.existing.movie : undefined;
      const cast = await this.cast('movie', movieId);
      const trailer = config.trailers ? await this.trailer('movie', movieId) : undefined;
      const nfo = movieNfoFromTitle(movie, {
        actors: cast,
        thumbs: art.length > 0 ? thumbsOf(art) : (existing?.thumbs ?? []),
        extra: existing?.extra ?? movie.nfoExtra,
        fileInfo: main ? fileInfoFromStreams(main, streams) : undefined,
        trailer,
        existing,
      });
      outcomes.push([nfoName, await writeFileIfChanged(path.join(folder, nfoName), writeMovieNfo(nfo))]);
      if (movie.nfoPath !== nfoName) await db.update(movies).set({ nfoPath: nfoName }).where(eq(movies.id, movieId));
    }
    if (state.replace) await db.update(movies).set({ unreadableNfoPath: null, replaceUnreadableNfo: false }).where(eq(movies.id, movieId));
    if (config.assets) outcomes.push(...(await this.writeArtwork(folder, art)));
    if (config.actors) outcomes.push(...(await this.writeActorThumbs(folder, 'movie', movieId)));
    return this.finish(movie.libraryId, movie.folderKey, folder, outcomes, scanConfig, nfos);
  }

  async publishShow(showId: string, config: PublishConfig, scanConfig: ScanConfig): Promise<PublishResult> {
    const { db } = this.deps;
    const [show] = await db.select().from(shows).where(eq(shows.id, showId));
    if (!show) throw new TitleNotFoundError('show', showId);
    const folder = show.folderPath;
    const replace = show.replaceUnreadableNfo;
    const permission = await nfoWritePermission(folder, 'tvshow.nfo', 'tvshow', { recordedUnreadable: show.unreadableNfoPath, replace });
    const art = await this.selectedArtwork('tv', showId);
    const nfos = new NfoOutcomes();
    const outcomes: [string, WriteOutcome][] = [];
    if (nfos.allowed('tvshow.nfo', permission)) {
      const existing = permission.existing?.kind === 'tvshow' ? permission.existing.tvShow : undefined;
      const seasonRows = await db.select().from(seasons).where(eq(seasons.showId, showId)).orderBy(asc(seasons.seasonNumber));
      const nfo = tvShowNfoFromTitle(show, {
        actors: await this.cast('show', showId),
        thumbs: art.length > 0 ? thumbsOf(art) : (existing?.thumbs ?? []),
        extra: existing?.extra ?? show.nfoExtra,
        seasonNames: seasonRows.filter((s) => s.name).map((s) => ({ number: s.seasonNumber, name: s.name! })),
        existing,
      });
      outcomes.push(['tvshow.nfo', await writeFileIfChanged(path.join(folder, 'tvshow.nfo'), writeTvShowNfo(nfo))]);
      if (show.nfoPath !== 'tvshow.nfo') await db.update(shows).set({ nfoPath: 'tvshow.nfo' }).where(eq(shows.id, showId));
    }

    // One NFO per video file; a multi-episode file gets one <episodedetails> per episode, as Kodi reads it.
    const episodeRows = await db.select().from(episodes).where(eq(episodes.showId, showId)).orderBy(asc(episodes.seasonNumber), asc(episodes.episodeNumber));
    const byVideo = new Map<string, typeof episodeRows>();
    for (const episode of episodeRows) byVideo.set(episode.videoPath, [...(byVideo.get(episode.videoPath) ?? []), episode]);
    for (const [videoPath, group] of byVideo) {
      const [file] = await db.select().from(mediaFiles).where(and(eq(mediaFiles.entityType, 'episode'), eq(mediaFiles.entityId, group[0]!.id)));
      const streams = file ? await db.select().from(mediaStreams).where(eq(mediaStreams.mediaFileId, file.id)).orderBy(asc(mediaStreams.streamIndex)) : [];
      const fileInfo = file ? fileInfoFromStreams(file, streams) : undefined;
      const nfoPath = `${withoutExtension(videoPath)}.nfo`;
      const recordedUnreadable = group.find((e) => e.unreadableNfoPath !== null)?.unreadableNfoPath ?? null;
      const episodePermission = await nfoWritePermission(folder, nfoPath, 'episodedetails', { recordedUnreadable, replace });
      if (!nfos.allowed(nfoPath, episodePermission)) continue;
      const blocks = episodePermission.existing?.kind === 'episodedetails' ? episodePermission.existing.episodes : [];
      const content = writeEpisodeNfo(episodeBlocks(group, blocks, (e, existing) => episodeNfoFromRow(e, { showTitle: show.title, fileInfo, existing })));
      outcomes.push([nfoPath, await writeFileIfChanged(path.join(folder, nfoPath), content)]);
    }
    if (replace) {
      await db.update(shows).set({ unreadableNfoPath: null, replaceUnreadableNfo: false }).where(eq(shows.id, showId));
      await db.update(episodes).set({ unreadableNfoPath: null }).where(eq(episodes.showId, showId));
    }
    if (config.assets) outcomes.push(...(await this.writeArtwork(folder, art)), ...(await this.writeEpisodeThumbs(folder, episodeRows.map((e) => e.id))));
    if (config.actors) outcomes.push(...(await this.writeActorThumbs(folder, 'show', showId)));
    return this.finish(show.libraryId, show.folderKey, folder, outcomes, scanConfig, nfos);
  }

  /** Selected, downloaded artwork with its cached file, a person's choices first, then best score. */
  private async selectedArtwork(entityType: 'movie' | 'tv', entityId: string) {
    const rows = await this.deps.db
      .select({ asset: providerAssets, file: cacheFiles })
      .from(providerAssets)
      .innerJoin(cacheFiles, eq(cacheFiles.sha256, providerAssets.contentHash))
      .where(and(eq(providerAssets.entityType, entityType), eq(providerAssets.entityId, entityId), eq(providerAssets.isSelected, true), eq(providerAssets.isRejected, false)));
    return rows.sort(
      (a, b) =>
        a.asset.assetType.localeCompare(b.asset.assetType) ||
        Number(b.asset.selectedBy === 'user') - Number(a.asset.selectedBy === 'user') ||
        (b.asset.score ?? 0) - (a.asset.score ?? 0) ||
        a.asset.providerUrl.localeCompare(b.asset.providerUrl),
    );
  }

  private async writeArtwork(folder: string, art: Awaited<ReturnType<TitlePublisher['selectedArtwork']>>): Promise<[string, WriteOutcome][]> {
    const outcomes: [string, WriteOutcome][] = [];
    const used = new Map<string, number>();
    for (const { asset, file } of art) {
      const extension = extensionOf(file.path);
      const count = used.get(asset.assetType) ?? 0;
      used.set(asset.assetType, count + 1);
      const season = (asset.providerMetadata ?? {}).season;
      let name: string | undefined;
      if (asset.assetType in SEASON_TYPES && typeof season === 'number') {
        const key = `${asset.assetType}/${season}`;
        if (used.has(key)) continue;
        used.set(key, 1);
        name = kodiSeasonArtworkFileName(season === -1 ? 'all' : season === 0 ? 'specials' : season, SEASON_TYPES[asset.assetType]!, extension);
      } else if (asset.assetType === 'fanart' && count > 0) {
        name = kodiExtraFanartPath(count, extension);
      } else if (count === 0 && asset.assetType in KODI_TITLE_ARTWORK_FILE_NAMES) {
        name = `${withoutExtension(KODI_TITLE_ARTWORK_FILE_NAMES[asset.assetType as TitleArtType])}${extension}`;
      }
      if (!name) continue;
      outcomes.push([name, await copyFileIfChanged(this.deps.contentStore.absolutePath(file), path.join(folder, name))]);
    }
    return outcomes;
  }

  /**
   * Each video's provider thumbnail as `<video>-thumb.jpg`, where no file is at that name yet: a thumbnail
   * next to a video (a person's, Sonarr's, or ours from an earlier run) is never replaced.
   */
  private async writeEpisodeThumbs(folder: string, episodeIds: string[]): Promise<[string, WriteOutcome][]> {
    if (episodeIds.length === 0) return [];
    const thumbs = await this.deps.db
      .select({ sourcePath: assets.sourcePath, file: cacheFiles })
      .from(assets)
      .innerJoin(cacheFiles, eq(cacheFiles.id, assets.cacheFileId))
      .where(and(eq(assets.entityType, 'episode'), inArray(assets.entityId, episodeIds), eq(assets.source, 'provider'), eq(assets.assetType, 'thumb')));
    const outcomes: [string, WriteOutcome][] = [];
    for (const { sourcePath, file } of thumbs) {
      const target = path.join(folder, sourcePath);
      if (await stat(target).catch(() => undefined)) continue;
      outcomes.push([sourcePath, await copyFileIfChanged(this.deps.contentStore.absolutePath(file), target)]);
    }
    return outcomes;
  }

  private async writeActorThumbs(folder: string, entityType: EntityType, entityId: string): Promise<[string, WriteOutcome][]> {
    const rows = await this.deps.db
      .select({ name: actors.name, file: cacheFiles })
      .from(actors)
      .innerJoin(cacheFiles, eq(cacheFiles.id, actors.thumbCacheFileId))
      .where(and(eq(actors.entityType, entityType), eq(actors.entityId, entityId)));
    const outcomes: [string, WriteOutcome][] = [];
    for (const { name, file } of rows) {
      // Kodi's own export names actor photos with underscores for spaces; the scan reads them back that way.
      const relative = `.actors/${name.replace(/[\\/:*?"<>|]/g, '').replaceAll(' ', '_')}${extensionOf(file.path)}`;
      outcomes.push([relative, await copyFileIfChanged(this.deps.contentStore.absolutePath(file), path.join(folder, relative))]);
    }
    return outcomes;
  }

  private async cast(entityType: EntityType, entityId: string) {
    return this.deps.db
      .select({ name: actors.name, role: actors.role, sortOrder: actors.sortOrder, thumbUrl: actors.thumbUrl })
      .from(actors)
      .where(and(eq(actors.entityType, entityType), eq(actors.entityId, entityId)))
      .orderBy(asc(actors.sortOrder));
  }

  private async trailer(entityType: 'movie' | 'tv', entityId: string): Promise<string | undefined> {
    const rows = await this.deps.db
      .select({ metadata: providerMetadata.metadata })
      .from(providerMetadata)
      .where(and(eq(providerMetadata.entityType, entityType), eq(providerMetadata.entityId, entityId), inArray(providerMetadata.providerName, ['tmdb', 'tvdb'])));
    for (const row of rows) {
      const first = (row.metadata as unknown as ProviderMetadata | null)?.trailers?.[0];
      if (first) return trailerUrl(first);
    }
    return undefined;
  }

  /** When anything was written, the folder's fingerprint is taken again, so the next scan finds it unchanged. */
  private async finish(libraryId: string, folderKey: string, folder: string, outcomes: [string, WriteOutcome][], scanConfig: ScanConfig, nfos: NfoOutcomes): Promise<PublishResult> {
    const written = outcomes.filter(([, o]) => o === 'written').map(([name]) => name);
    if (written.length > 0 || nfos.keptUnreadable.length > 0) {
      const [library] = await this.deps.db.select().from(libraries).where(eq(libraries.id, libraryId));
      const [row] = await this.deps.db.select().from(libraryFolders).where(and(eq(libraryFolders.libraryId, libraryId), eq(libraryFolders.key, folderKey)));
      if (library && row && row.scannedFingerprint === row.fingerprint) {
        const found = await discoverTitleFolder(library.rootPath, library.kind === 'tv' ? 'tv' : 'movie', folder, scanConfig).catch(() => null);
        if (found) {
          await this.deps.db
            .update(libraryFolders)
            .set({ fingerprint: found.fingerprint, scannedFingerprint: found.fingerprint, fileCount: found.fileCount, videoFiles: found.videoFiles })
            .where(eq(libraryFolders.id, row.id));
        }
      }
    }
    return { folderPath: folder, written, unchanged: outcomes.length - written.length, heldNfos: nfos.held, keptUnreadableNfos: nfos.keptUnreadable };
  }
}

/** What happened to the NFOs one publish run was allowed, or not allowed, to write. */
class NfoOutcomes {
  readonly held: { path: string; reason: string }[] = [];
  readonly keptUnreadable: string[] = [];

  allowed(relativePath: string, permission: NfoWritePermission): permission is Extract<NfoWritePermission, { write: true }> {
    if (!permission.write) {
      this.held.push({ path: relativePath, reason: permission.reason });
      return false;
    }
    this.keptUnreadable.push(...permission.keptAs);
    return true;
  }
}

/**
 * The blocks of one episode NFO: the file's blocks in the file's order, each laid over with the episode it
 * describes (matched by number, so a file with E02 before E01 keeps its order and each block its episode),
 * a block for an episode the database does not hold kept as it is, then a block for each episode the file
 * had none for.
 */
function episodeBlocks<T extends { seasonNumber: number; episodeNumber: number }>(
  rows: readonly T[],
  blocks: readonly EpisodeNfo[],
  build: (row: T, existing: EpisodeNfo | undefined) => EpisodeNfo,
): EpisodeNfo[] {
  const matched = new Map<EpisodeNfo, T>();
  rows.forEach((row, position) => {
    const block = findEpisodeBlock(blocks, row.seasonNumber, row.episodeNumber, position);
    if (block !== undefined && !matched.has(block)) matched.set(block, row);
  });
  const taken = new Set(matched.values());
  return [
    ...blocks.map((block) => {
      const row = matched.get(block);
      return row === undefined ? block : build(row, block);
    }),
    ...rows.filter((row) => !taken.has(row)).map((row) => build(row, undefined)),
  ];
}

function thumbsOf(art: readonly { asset: { assetType: string; providerUrl: string; providerMetadata: Record<string, unknown> | null } }[]): NfoThumb[] {
  return art
    .filter(({ asset }) => asset.assetType !== 'fanart')
    .map(({ asset }) => {
      const season = (asset.providerMetadata ?? {}).season;
      if (asset.assetType in SEASON_TYPES && typeof season === 'number') {
        return { url: asset.providerUrl, aspect: SEASON_TYPES[asset.assetType]!, type: 'season', season };
      }
      return { url: asset.providerUrl, aspect: asset.assetType };
    });
}

function extensionOf(file: string): string {
  const extension = path.extname(file).toLowerCase();
  return extension === '.jpeg' ? '.jpg' : extension || '.jpg';
}
