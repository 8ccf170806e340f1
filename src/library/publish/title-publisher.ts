import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { PublishConfig, ScanConfig } from '../../config/phase-config.js';
import type { Database } from '../../db/client.js';
import { ActorRepository } from '../../db/repositories/actor-repository.js';
import { AssetRepository } from '../../db/repositories/asset-repository.js';
import { MediaFileRepository } from '../../db/repositories/media-file-repository.js';
import { ProviderAssetRepository } from '../../db/repositories/provider-asset-repository.js';
import { ProviderCacheRepository } from '../../db/repositories/provider-cache-repository.js';
import { TitleRepository } from '../../db/repositories/title-repository.js';
import type { EntityType } from '../../db/schema/index.js';
import { KODI_TITLE_ARTWORK_FILE_NAMES, kodiExtraFanartPath, kodiSeasonArtworkFileName } from '../../media/artwork-names.js';
import type { SeasonArtworkType } from '../../contracts/artwork-types.js';
import type { ContentStore } from '../../media/content-store.js';
import { withoutExtension } from '../../media/title-scan/file-names.js';
import { findEpisodeBlock, writeEpisodeNfo, writeMovieNfo, writeTvShowNfo, type EpisodeNfo, type NfoThumb } from '../../media/nfo/index.js';
import { copyFileIfChanged, writeFileIfChanged, type WriteOutcome } from '../../media/write-if-changed.js';
import type { ProviderMetadata } from '../../providers/types.js';
import { TitleNotFoundError } from '../enrich/title-enricher.js';
import { nfoWritePermission, type NfoWritePermission } from './nfo-on-disk.js';
import { PublishedFolderMark, type FolderBeforeWrites } from './published-folder-mark.js';
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
const SEASON_TYPES: Record<string, SeasonArtworkType> = {
  'season-poster': 'poster',
  'season-fanart': 'fanart',
  'season-banner': 'banner',
  'season-landscape': 'landscape',
};

/**
 * Writes what the database knows about a title next to its media, as Kodi reads it: the NFO (always),
 * artwork with Kodi's names and `.actors/` photos (when configured). Every file is written to a temporary
 * name and renamed, and only when its bytes differ; afterwards the folder's scan fingerprint is brought up
 * to date, so the next incremental scan sees nothing new in what publishing wrote.
 */
export class TitlePublisher {
  private readonly titles: TitleRepository;
  private readonly mediaFiles: MediaFileRepository;
  private readonly actors: ActorRepository;
  private readonly assets: AssetRepository;
  private readonly providerAssets: ProviderAssetRepository;
  private readonly providerCache: ProviderCacheRepository;
  private readonly folderMark: PublishedFolderMark;

  constructor(private readonly deps: TitlePublisherDeps) {
    this.titles = new TitleRepository(deps.db);
    this.mediaFiles = new MediaFileRepository(deps.db);
    this.actors = new ActorRepository(deps.db);
    this.assets = new AssetRepository(deps.db);
    this.providerAssets = new ProviderAssetRepository(deps.db);
    this.providerCache = new ProviderCacheRepository(deps.db);
    this.folderMark = new PublishedFolderMark(deps.db);
  }

  async publishMovie(movieId: string, config: PublishConfig, scanConfig: ScanConfig): Promise<PublishResult> {
    const movie = await this.titles.find('movie', movieId);
    if (!movie) throw new TitleNotFoundError('movie', movieId);
    const folderBefore = await this.folderMark.beforeWrites(movie.libraryId, movie.folderKey, movie.folderPath, scanConfig);
    // The reads are independent: asked at once, they cost one round trip's wait, not six (a webhook waits on this).
    const [[main, streams], art, cast, trailer] = await Promise.all([
      this.mediaFiles
        .filesOf('movie', movieId)
        .then(async ([file]) => [file, file ? await this.mediaFiles.streamsOf(file.id) : []] as const),
      this.selectedArtwork('movie', movieId),
      this.cast('movie', movieId),
      config.trailers ? this.trailer('movie', movieId) : undefined,
    ]);
    const nfoName = config.movieNfoName === 'video' && main ? `${withoutExtension(main.relativePath)}.nfo` : 'movie.nfo';
    const folder = movie.folderPath;
    const state = { recordedUnreadable: movie.unreadableNfoPath, replace: movie.replaceUnreadableNfo };
    const permission = await nfoWritePermission(folder, nfoName, 'movie', state);
    const nfos = new NfoOutcomes();
    const outcomes: [string, WriteOutcome][] = [];
    if (nfos.allowed(nfoName, permission)) {
      const existing = permission.existing?.kind === 'movie' ? permission.existing.movie : undefined;
      const nfo = movieNfoFromTitle(movie, {
        actors: cast,
        thumbs: thumbsOver(thumbsOf(art), existing?.thumbs ?? []),
        extra: existing?.extra ?? movie.nfoExtra,
        fileInfo: main ? fileInfoFromStreams(main, streams) : undefined,
        trailer,
        existing,
      });
      outcomes.push([nfoName, await writeFileIfChanged(path.join(folder, nfoName), writeMovieNfo(nfo))]);
      if (movie.nfoPath !== nfoName) await this.titles.setNfoPath('movie', movieId, nfoName);
    }
    if (state.replace) await this.titles.clearUnreadableNfo('movie', movieId);
    const [artwork, actorThumbs] = await Promise.all([
      config.assets ? this.writeArtwork(folder, art) : [],
      config.actors ? this.writeActorThumbs(folder, 'movie', movieId) : [],
    ]);
    outcomes.push(...artwork, ...actorThumbs);
    return this.finish(folder, outcomes, nfos, folderBefore);
  }

  async publishShow(showId: string, config: PublishConfig, scanConfig: ScanConfig): Promise<PublishResult> {
    const show = await this.titles.find('show', showId);
    if (!show) throw new TitleNotFoundError('show', showId);
    const folder = show.folderPath;
    const folderBefore = await this.folderMark.beforeWrites(show.libraryId, show.folderKey, folder, scanConfig);
    const replace = show.replaceUnreadableNfo;
    const permission = await nfoWritePermission(folder, 'tvshow.nfo', 'tvshow', { recordedUnreadable: show.unreadableNfoPath, replace });
    const art = await this.selectedArtwork('tv', showId);
    const nfos = new NfoOutcomes();
    const outcomes: [string, WriteOutcome][] = [];
    if (nfos.allowed('tvshow.nfo', permission)) {
      const existing = permission.existing?.kind === 'tvshow' ? permission.existing.tvShow : undefined;
      const seasonRows = await this.titles.seasonsOf(showId);
      const nfo = tvShowNfoFromTitle(show, {
        actors: await this.cast('show', showId),
        thumbs: thumbsOver(thumbsOf(art), existing?.thumbs ?? []),
        extra: existing?.extra ?? show.nfoExtra,
        seasonNames: seasonRows.filter((s) => s.name).map((s) => ({ number: s.seasonNumber, name: s.name! })),
        existing,
      });
      outcomes.push(['tvshow.nfo', await writeFileIfChanged(path.join(folder, 'tvshow.nfo'), writeTvShowNfo(nfo))]);
      if (show.nfoPath !== 'tvshow.nfo') await this.titles.setNfoPath('show', showId, 'tvshow.nfo');
    }

    // One NFO per video file; a multi-episode file gets one <episodedetails> per episode, as Kodi reads it.
    const episodeRows = await this.titles.episodesOf(showId);
    const byVideo = new Map<string, typeof episodeRows>();
    for (const episode of episodeRows) byVideo.set(episode.videoPath, [...(byVideo.get(episode.videoPath) ?? []), episode]);
    for (const [videoPath, group] of byVideo) {
      const [file] = await this.mediaFiles.filesOf('episode', group[0]!.id);
      const streams = file ? await this.mediaFiles.streamsOf(file.id) : [];
      const fileInfo = file ? fileInfoFromStreams(file, streams) : undefined;
      const nfoPath = `${withoutExtension(videoPath)}.nfo`;
      const recordedUnreadable = group.find((e) => e.unreadableNfoPath !== null)?.unreadableNfoPath ?? null;
      const episodePermission = await nfoWritePermission(folder, nfoPath, 'episodedetails', { recordedUnreadable, replace });
      if (!nfos.allowed(nfoPath, episodePermission)) continue;
      const blocks = episodePermission.existing?.kind === 'episodedetails' ? episodePermission.existing.episodes : [];
      const content = writeEpisodeNfo(
        episodeBlocks(group, blocks, (e, existing) => episodeNfoFromRow(e, { showTitle: show.title, fileInfo, existing })),
      );
      outcomes.push([nfoPath, await writeFileIfChanged(path.join(folder, nfoPath), content)]);
    }
    if (replace) await this.titles.clearUnreadableNfo('show', showId);
    if (config.assets)
      outcomes.push(
        ...(await this.writeArtwork(folder, art)),
        ...(await this.writeEpisodeThumbs(
          folder,
          episodeRows.map((e) => e.id),
        )),
      );
    if (config.actors) outcomes.push(...(await this.writeActorThumbs(folder, 'show', showId)));
    return this.finish(folder, outcomes, nfos, folderBefore);
  }

  /** Selected, downloaded artwork with its cached file, a person's choices first, then best score. */
  private async selectedArtwork(entityType: 'movie' | 'tv', entityId: string) {
    const rows = await this.providerAssets.selectedWithFiles(entityType, entityId);
    return rows.sort(
      (a, b) =>
        a.asset.assetType.localeCompare(b.asset.assetType) ||
        Number(b.asset.selectedBy === 'user') - Number(a.asset.selectedBy === 'user') ||
        (b.asset.score ?? 0) - (a.asset.score ?? 0) ||
        a.asset.providerUrl.localeCompare(b.asset.providerUrl),
    );
  }

  private async writeArtwork(
    folder: string,
    art: Awaited<ReturnType<TitlePublisher['selectedArtwork']>>,
  ): Promise<[string, WriteOutcome][]> {
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
        name = kodiSeasonArtworkFileName(
          season === -1 ? 'all' : season === 0 ? 'specials' : season,
          SEASON_TYPES[asset.assetType]!,
          extension,
        );
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
    const thumbs = await this.assets.episodeThumbs(episodeIds);
    const outcomes: [string, WriteOutcome][] = [];
    for (const { sourcePath, file } of thumbs) {
      const target = path.join(folder, sourcePath);
      if (await stat(target).catch(() => undefined)) continue;
      outcomes.push([sourcePath, await copyFileIfChanged(this.deps.contentStore.absolutePath(file), target)]);
    }
    return outcomes;
  }

  private async writeActorThumbs(folder: string, entityType: EntityType, entityId: string): Promise<[string, WriteOutcome][]> {
    const rows = await this.actors.withCachedThumbs(entityType, entityId);
    const outcomes: [string, WriteOutcome][] = [];
    for (const { name, file } of rows) {
      // Kodi's own export names actor photos with underscores for spaces; the scan reads them back that way.
      const relative = `.actors/${name.replace(/[\\/:*?"<>|]/g, '').replaceAll(' ', '_')}${extensionOf(file.path)}`;
      outcomes.push([relative, await copyFileIfChanged(this.deps.contentStore.absolutePath(file), path.join(folder, relative))]);
    }
    return outcomes;
  }

  private cast(entityType: EntityType, entityId: string) {
    return this.actors.castOf(entityType, entityId);
  }

  private async trailer(entityType: 'movie' | 'tv', entityId: string): Promise<string | undefined> {
    const rows = await this.providerCache.metadataFrom(entityType, entityId, ['tmdb', 'tvdb']);
    for (const row of rows) {
      const first = (row.metadata as unknown as ProviderMetadata | null)?.trailers?.[0];
      if (first) return trailerUrl(first);
    }
    return undefined;
  }

  /**
   * What was written, and the folder marked scanned again when only these writes changed it (see
   * PublishedFolderMark), so the next incremental scan finds nothing new in them.
   */
  private async finish(
    folder: string,
    outcomes: [string, WriteOutcome][],
    nfos: NfoOutcomes,
    folderBefore: FolderBeforeWrites | null,
  ): Promise<PublishResult> {
    const written = outcomes.filter(([, o]) => o === 'written').map(([name]) => name);
    await this.folderMark.afterWrites(folderBefore, [...written, ...nfos.keptUnreadable]);
    return {
      folderPath: folder,
      written,
      unchanged: outcomes.length - written.length,
      heldNfos: nfos.held,
      keptUnreadableNfos: nfos.keptUnreadable,
    };
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

/** The selected artwork as `<thumb>`s; an NFO's own candidate keeps the `preview` and attributes it had there. */
function thumbsOf(
  art: readonly { asset: { assetType: string; providerUrl: string; providerMetadata: Record<string, unknown> | null } }[],
): NfoThumb[] {
  return art
    .filter(({ asset }) => asset.assetType !== 'fanart')
    .map(({ asset }) => {
      const { season, preview, attributes } = asset.providerMetadata ?? {};
      const kept = {
        ...(typeof preview === 'string' ? { preview } : {}),
        ...(isAttributeList(attributes) ? { attributes: Object.fromEntries(attributes) } : {}),
      };
      if (asset.assetType in SEASON_TYPES && typeof season === 'number') {
        return { url: asset.providerUrl, aspect: SEASON_TYPES[asset.assetType]!, type: 'season', season, ...kept };
      }
      return { url: asset.providerUrl, aspect: asset.assetType, ...kept };
    });
}

/**
 * The file's thumbs laid over with the selected artwork, in the file's order: a thumb of a kind (aspect and
 * season) no selected artwork is of stays (a logo URL when only a poster was selected, or when its
 * download failed), as does a thumb of the selected picture itself, exactly as written; the file's other
 * thumbs of a selected kind give way to the selection, which is written after them.
 */
function thumbsOver(selected: readonly NfoThumb[], file: readonly NfoThumb[]): NfoThumb[] {
  const kind = (thumb: NfoThumb) => `${thumb.aspect ?? ''}/${thumb.type ?? ''}/${thumb.season ?? ''}`;
  const covered = new Set(selected.map(kind));
  const isSelected = (thumb: NfoThumb) => selected.some((chosen) => kind(chosen) === kind(thumb) && chosen.url === thumb.url);
  const kept = file.filter((thumb) => !covered.has(kind(thumb)) || isSelected(thumb));
  return [...kept, ...selected.filter((chosen) => !kept.some((thumb) => kind(thumb) === kind(chosen) && thumb.url === chosen.url))];
}

/** NFO candidates keep a `<thumb>`'s attributes as [name, value] pairs: a JSON object in Postgres loses their order. */
function isAttributeList(value: unknown): value is [string, string][] {
  return (
    Array.isArray(value) &&
    value.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === 'string'))
  );
}

function extensionOf(file: string): string {
  const extension = path.extname(file).toLowerCase();
  return extension === '.jpeg' ? '.jpg' : extension || '.jpg';
}
