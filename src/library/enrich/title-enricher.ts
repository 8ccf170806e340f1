import fs from 'node:fs/promises';
import path from 'node:path';
import type { ProviderCacheManager } from '../../cache/provider-cache-manager.js';
import { preferredSeason } from '../../cache/season-answers.js';
import type { EnrichmentConfig } from '../../config/phase-config.js';
import type { Database } from '../../db/client.js';
import { ActorRepository } from '../../db/repositories/actor-repository.js';
import { AssetRepository } from '../../db/repositories/asset-repository.js';
import { IdentificationCandidateRepository } from '../../db/repositories/identification-candidate-repository.js';
import { ProviderAssetRepository, type DownloadedCandidate } from '../../db/repositories/provider-asset-repository.js';
import { TitleRepository, type TitleKind } from '../../db/repositories/title-repository.js';
import type { ProviderAssetRow } from '../../db/schema/index.js';
import type { ContentStore } from '../../media/content-store.js';
import { kodiVideoThumbFileName } from '../../media/artwork-names.js';
import { downloadToTempFile } from '../../media/download-file.js';
import { readImageFile } from '../../media/image-info.js';
import { withoutExtension } from '../../media/title-scan/file-names.js';
import { differenceHash, isNearDuplicate } from '../../media/perceptual-hash.js';
import { ProviderRateLimitError, ProviderUnavailableError } from '../../providers/http/errors.js';
import type { ProviderCastMember } from '../../providers/types.js';
import type { ExternalIds } from '../../contracts/external-ids.js';
import type { FetchPriority } from '../../contracts/providers.js';
import { maxForType, scoreArtwork, selectionOrder } from './artwork-scoring.js';
import { decideIdentification } from './identification.js';
import { fillEpisodeFromProvider } from './merge-episode-metadata.js';
import { mergeProviderMetadata } from './merge-provider-metadata.js';
import { TitleIdentification } from './title-identification.js';

export type { TitleKind };

export interface EnrichTitleResult {
  status: 'enriched' | 'unidentified';
  fieldsUpdated: number;
  actors: number;
  artworkSelected: number;
  artworkDownloaded: number;
  /** A show's episodes that got a title, plot, air date, runtime or ids from their season's provider data. */
  episodesUpdated: number;
  /** Episode thumbnails downloaded for videos without one next to them. */
  episodeThumbs: number;
  /** Things that went wrong with single pieces (one image that would not download); the rest went on. */
  problems: string[];
}

export interface TitleEnricherDeps {
  db: Database;
  providerCache: ProviderCacheManager;
  contentStore: ContentStore;
  /** Where downloads wait before the content store takes them. */
  workDir: string;
}

/** The order in which providers' metadata is trusted, field by field. */
const PROVIDER_ORDER = ['tmdb', 'tvdb', 'fanart_tv', 'musicbrainz'];
/** Cast members whose photos are fetched: the billed ones; extras rarely have photos worth a request. */
const MAX_ACTOR_THUMBS = 30;

/**
 * Identification and enrichment of one movie or show: search and accept a confident match, fetch through
 * the provider cache, merge metadata around locked fields, cast with photos, and score → select →
 * download artwork into the content store, dropping near-duplicates. Knows nothing of Temporal.
 */
export class TitleEnricher {
  private readonly titles: TitleRepository;
  private readonly candidates: IdentificationCandidateRepository;
  private readonly identification: TitleIdentification;
  private readonly actors: ActorRepository;
  private readonly assets: AssetRepository;
  private readonly providerAssets: ProviderAssetRepository;

  constructor(private readonly deps: TitleEnricherDeps) {
    this.titles = new TitleRepository(deps.db);
    this.candidates = new IdentificationCandidateRepository(deps.db);
    this.identification = new TitleIdentification(deps.db);
    this.actors = new ActorRepository(deps.db);
    this.assets = new AssetRepository(deps.db);
    this.providerAssets = new ProviderAssetRepository(deps.db);
  }

  /** Searches for a title without ids; accepts a confident match, else stores the candidates. */
  async identify(kind: TitleKind, id: string): Promise<{ status: 'identified' | 'unidentified'; reason: string }> {
    const row = await this.title(kind, id);
    if (hasIds(row)) return { status: 'identified', reason: 'already has provider ids' };
    const search = await this.deps.providerCache.search({
      entityType: kind === 'movie' ? 'movie' : 'tv',
      query: row.title,
      year: row.year ?? undefined,
      limit: 10,
    });
    const decision = decideIdentification({ name: row.title, year: row.year ?? undefined }, search.results);
    if (!decision.accepted) {
      const failed = search.failedProviders.map((f) => `${f.provider}: ${f.error}`);
      const reason = failed.length > 0 && search.results.length === 0 ? `search failed (${failed.join('; ')})` : decision.reason;
      await this.saveCandidates(kind, id, decision.candidates, reason);
      return { status: 'unidentified', reason };
    }
    await this.setIdentification(kind, id, decision.accepted.externalIds, 'provider');
    return { status: 'identified', reason: decision.reason };
  }

  /** A person's choice (or a provider match): the ids, and identified; what a search offered is dropped. */
  async setIdentification(kind: TitleKind, id: string, ids: ExternalIds, source: 'provider' | 'manual'): Promise<void> {
    await this.identification.accept(kind, id, ids, source);
  }

  async enrich(kind: TitleKind, id: string, config: EnrichmentConfig, priority: FetchPriority): Promise<EnrichTitleResult> {
    const result: EnrichTitleResult = { status: 'enriched', ...nothingEnriched(), problems: [] };
    const row = await this.title(kind, id);
    if (!hasIds(row)) return { ...result, status: 'unidentified' };
    const entityType = kind === 'movie' ? 'movie' : 'tv';

    // Metadata, cast and episodes always come from the providers; fetchProviderAssets turns off their artwork only.
    const fetched = await this.deps.providerCache.fetchAssets({
      entityType,
      entityId: id,
      externalIds: idsOf(row),
      language: config.language,
      priority,
    });
    const metadata = Object.entries(fetched.providers)
      .sort(([a], [b]) => PROVIDER_ORDER.indexOf(a) - PROVIDER_ORDER.indexOf(b))
      .flatMap(([, answer]) => (answer.metadata ? [answer.metadata] : []));
    for (const failure of fetched.metadata.failedProviders) result.problems.push(`${failure.provider}: ${failure.error}`);
    for (const provider of fetched.metadata.timedOutProviders) result.problems.push(`${provider}: timed out`);
    const update = mergeProviderMetadata(metadata, row as Parameters<typeof mergeProviderMetadata>[1], { isShow: kind === 'show' });
    result.fieldsUpdated = Object.keys(update).length;
    if (result.fieldsUpdated > 0) await this.titles.updateColumnsUnlessLocked(kind, id, update);
    if (kind === 'show') {
      const episodeResult = await this.enrichEpisodes(id, idsOf(row), config, priority, result.problems);
      result.episodesUpdated = episodeResult.updated;
      result.episodeThumbs = episodeResult.thumbs;
    }

    const cast = metadata.find((m) => m.cast.length > 0)?.cast;
    result.actors = await this.saveCast(kind, id, cast, result.problems);
    const artwork = await this.selectArtwork(entityType, id, config, result.problems);
    result.artworkSelected = artwork.selected;
    result.artworkDownloaded = artwork.downloaded;
    return result;
  }

  /**
   * The show's episodes from their seasons' provider data, one season fetch (through the provider cache)
   * per season the library holds: fields an episode lacks, and each video's thumbnail (the still of the
   * first episode it holds) when no thumbnail sits next to it yet. A season no provider answered for is a
   * problem; the others go on.
   */
  private async enrichEpisodes(
    showId: string,
    externalIds: ExternalIds,
    config: EnrichmentConfig,
    priority: FetchPriority,
    problems: string[],
  ): Promise<{ updated: number; thumbs: number }> {
    const rows = await this.titles.episodesOf(showId);
    const localThumbs = await this.localThumbStems(showId);
    const seasonNumbers = [...new Set(rows.map((r) => r.seasonNumber))].sort((a, b) => a - b);
    const counts = { updated: 0, thumbs: 0 };
    await Promise.all(
      seasonNumbers.map(async (seasonNumber) => {
        let answer;
        try {
          answer = await this.deps.providerCache.fetchSeason({
            entityType: 'tv',
            entityId: showId,
            externalIds,
            seasonNumber,
            language: config.language,
            priority,
          });
        } catch (err) {
          // A provider's passing failure thrown by the fetch is for the activity's retry, after its Retry-After.
          if (err instanceof ProviderRateLimitError || err instanceof ProviderUnavailableError) throw err;
          problems.push(`season ${seasonNumber}: ${(err as Error).message}`);
          return;
        }
        for (const failure of answer.metadata.failedProviders)
          problems.push(`season ${seasonNumber}, ${failure.provider}: ${failure.error}`);
        const provided = new Map((preferredSeason(answer)?.episodes ?? []).map((e) => [e.episodeNumber, e]));
        const seasonRows = rows.filter((r) => r.seasonNumber === seasonNumber).sort((a, b) => a.episodeNumber - b.episodeNumber);
        for (const row of seasonRows) {
          const episode = provided.get(row.episodeNumber);
          if (!episode) continue;
          const update = fillEpisodeFromProvider(row, episode);
          if (Object.keys(update).length === 0) continue;
          await this.titles.updateEpisode(row.id, update);
          counts.updated++;
        }
        if (!picksArtwork(config)) return;
        const known = await this.knownDownloads(seasonRows.flatMap((row) => provided.get(row.episodeNumber)?.thumbUrl ?? []));
        const thumbed = new Set<string>();
        for (const row of seasonRows) {
          const thumbUrl = provided.get(row.episodeNumber)?.thumbUrl;
          const videoStem = withoutExtension(row.videoPath);
          // A multi-episode file has one thumbnail: its first episode's.
          if (!thumbUrl || thumbed.has(videoStem) || localThumbs.has(videoStem.toLowerCase())) continue;
          thumbed.add(videoStem);
          try {
            const stored = await this.storeDownload(thumbUrl, 'show', showId, 'thumb', known);
            const sourcePath = kodiVideoThumbFileName(videoStem, imageExtension(thumbUrl));
            await this.assets.saveEpisodeThumb(row.id, sourcePath, stored.cacheFileId);
            counts.thumbs++;
          } catch (err) {
            problems.push(`S${seasonNumber}E${row.episodeNumber} thumb ${thumbUrl}: ${(err as Error).message}`);
          }
        }
      }),
    );
    return counts;
  }

  /** Videos of the show (path without extension, lower case) that have a thumbnail file next to them. */
  private async localThumbStems(showId: string): Promise<Set<string>> {
    const local = await this.assets.localThumbPaths(showId);
    // `<video>-thumb.jpg`, or Kodi's older `<video>.tbn` / `<video>.jpg`.
    return new Set(
      local.map((sourcePath) =>
        withoutExtension(sourcePath)
          .replace(/-thumb$/i, '')
          .toLowerCase(),
      ),
    );
  }

  /**
   * Replaces the cast with the provider's when it has one (else keeps the NFO's), and makes sure every
   * billed actor's photo is in the content store.
   */
  private async saveCast(kind: TitleKind, id: string, cast: ProviderCastMember[] | undefined, problems: string[]): Promise<number> {
    const existing = await this.actors.listFor(kind, id);
    if (cast) {
      const known = new Map(existing.map((a) => [a.name.toLowerCase(), a]));
      const rows = cast.map((member, i) => {
        const before = known.get(member.name.toLowerCase());
        const sameThumb = before && (before.thumbUrl === (member.thumbUrl ?? null) || !member.thumbUrl);
        return {
          entityType: kind,
          entityId: id,
          name: member.name,
          role: member.role ?? null,
          sortOrder: member.order ?? i,
          thumbUrl: member.thumbUrl ?? before?.thumbUrl ?? null,
          thumbCacheFileId: sameThumb ? before.thumbCacheFileId : null,
        };
      });
      await this.actors.replace(kind, id, rows);
    }
    const current = await this.actors.listFor(kind, id);
    const missing = current.filter(
      (a) => a.thumbCacheFileId === null && a.thumbUrl && /^https?:\/\//.test(a.thumbUrl) && a.sortOrder < MAX_ACTOR_THUMBS,
    );
    const known = await this.knownDownloads(missing.map((actor) => actor.thumbUrl!));
    const thumbs: { actorId: string; cacheFileId: string }[] = [];
    for (const actor of missing) {
      try {
        const stored = await this.storeDownload(actor.thumbUrl!, kind, id, 'actor', known);
        thumbs.push({ actorId: actor.id, cacheFileId: stored.cacheFileId });
      } catch (err) {
        problems.push(`actor thumb of ${actor.name}: ${(err as Error).message}`);
      }
    }
    await this.actors.setThumbs(thumbs);
    return current.length;
  }

  /**
   * Scores every candidate, then per type (and season) keeps a person's choices plus the best-scoring
   * others up to the configured maximum, downloading each into the content store and skipping those that
   * look like one already kept. Without autoSelectAssets, or with fetchProviderAssets off, only a person's
   * choices are kept (they asked for that picture).
   */
  private async selectArtwork(entityType: string, id: string, config: EnrichmentConfig, problems: string[]) {
    const rows = await this.providerAssets.candidatesOf(entityType, id);
    const scored = rows.map((row) => ({
      row,
      id: row.id,
      assetType: row.assetType,
      isRejected: row.isRejected,
      selectedByUser: row.isSelected && row.selectedBy === 'user',
      score: scoreOf(row, config),
    }));
    await this.providerAssets.setScores(scored.filter((s) => s.row.score !== s.score));
    // What the content store already holds of these pictures, asked once for every candidate.
    const known = await this.knownDownloads(rows.filter((row) => !row.isDownloaded).map((row) => row.providerUrl));
    const groups = new Map<string, typeof scored>();
    for (const s of scored) {
      const key = `${s.assetType}\0${seasonOf(s.row) ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    // What is learnt and chosen is written once for all the groups: a statement each, not one per picture.
    const downloads: DownloadedCandidate[] = [];
    const keptIds: string[] = [];
    for (const group of groups.values()) {
      const max = maxForType(group[0]!.assetType, config);
      const kept: { id: string; hash: string | null }[] = [];
      for (const candidate of selectionOrder(group)) {
        if (!candidate.selectedByUser && (!picksArtwork(config) || kept.length >= max)) continue;
        let hashes: { contentHash: string; perceptualHash: string | null };
        try {
          if (
            candidate.row.isDownloaded &&
            candidate.row.contentHash &&
            (await this.deps.contentStore.findBySha256(candidate.row.contentHash))
          ) {
            hashes = { contentHash: candidate.row.contentHash, perceptualHash: candidate.row.perceptualHash };
          } else {
            const stored = await this.storeDownload(
              candidate.row.providerUrl,
              entityType === 'tv' ? 'show' : 'movie',
              id,
              candidate.assetType,
              known,
            );
            hashes = { contentHash: stored.sha256, perceptualHash: stored.perceptualHash };
            downloads.push({ id: candidate.id, ...hashes, width: stored.width, height: stored.height });
          }
        } catch (err) {
          problems.push(`${candidate.assetType} ${candidate.row.providerUrl}: ${(err as Error).message}`);
          continue;
        }
        const duplicate =
          !candidate.selectedByUser && kept.some((k) => k.hash && hashes.perceptualHash && isNearDuplicate(k.hash, hashes.perceptualHash));
        if (duplicate) continue;
        kept.push({ id: candidate.id, hash: hashes.perceptualHash });
      }
      keptIds.push(...kept.map((k) => k.id));
    }
    await this.providerAssets.markDownloaded(downloads);
    await this.providerAssets.applyAutoSelection(
      scored.map((s) => s.id),
      keptIds,
    );
    return { selected: keptIds.length, downloaded: downloads.length };
  }

  private async storeDownload(
    url: string,
    entityType: 'movie' | 'show',
    entityId: string,
    assetType: string,
    known: Map<string, KnownDownload>,
  ) {
    // Provider image URLs name immutable files (TMDB's and Fanart.tv's paths are content hashes): a URL
    // already in the content store for another title, or another actor's role, is not fetched again.
    const stored = known.get(url);
    if (stored) return stored;
    const file = await downloadToTempFile(url, path.join(this.deps.workDir, 'downloads'));
    try {
      const { sha256, sizeBytes, ...info } = await readImageFile(file);
      // The same bytes hashed before (another title's copy of the same picture) need no ffmpeg run.
      const perceptualHash = (await this.providerAssets.perceptualHashOfContent(sha256)) ?? (await differenceHash(file).catch(() => null));
      const { cacheFile } = await this.deps.contentStore.put({
        sourcePath: file,
        sha256,
        sizeBytes,
        format: info.format,
        width: info.width,
        height: info.height,
        entityType,
        entityId,
        assetType,
      });
      const downloaded = { cacheFileId: cacheFile.id, sha256, perceptualHash, width: info.width, height: info.height };
      // Another candidate or actor of this run with the same URL takes the same file.
      known.set(url, downloaded);
      return downloaded;
    } finally {
      await fs.rm(file, { force: true });
    }
  }

  /** Of these URLs, those whose picture is in the content store (as a candidate's or an actor's photo), with its facts. */
  private async knownDownloads(urls: string[]): Promise<Map<string, KnownDownload>> {
    const unique = [...new Set(urls)];
    const [assets, actors] = await Promise.all([this.providerAssets.downloadedByUrls(unique), this.actors.cachedThumbsByUrls(unique)]);
    const known = new Map<string, KnownDownload>();
    for (const url of unique) {
      const asset = assets.get(url);
      const actor = actors.get(url);
      if (asset && asset.width !== null && asset.height !== null) known.set(url, { ...asset, width: asset.width, height: asset.height });
      else if (actor && actor.width !== null && actor.height !== null)
        known.set(url, { ...actor, perceptualHash: null, width: actor.width, height: actor.height });
    }
    return known;
  }

  private async saveCandidates(
    kind: TitleKind,
    id: string,
    candidates: ReturnType<typeof decideIdentification>['candidates'],
    reason: string,
  ) {
    await this.candidates.save(kind, id, candidates, reason);
  }

  private async title(kind: TitleKind, id: string) {
    const row = await this.titles.find(kind, id);
    if (!row) throw new TitleNotFoundError(kind, id);
    return row;
  }
}

/** A picture already in the content store, as storeDownload answers for it. */
interface KnownDownload {
  sha256: string;
  cacheFileId: string;
  perceptualHash: string | null;
  width: number;
  height: number;
}

/** An enrichment's counts before it has done anything (and the result of one that did nothing). */
export function nothingEnriched(): Omit<EnrichTitleResult, 'status'> {
  return { fieldsUpdated: 0, actors: 0, artworkSelected: 0, artworkDownloaded: 0, episodesUpdated: 0, episodeThumbs: 0, problems: [] };
}

export class TitleNotFoundError extends Error {
  override name = 'TitleNotFoundError';
  constructor(kind: TitleKind, id: string) {
    super(`${kind === 'movie' ? 'Movie' : 'Show'} ${id} does not exist`);
  }
}

function hasIds(row: { tmdbId: number | null; imdbId: string | null; tvdbId: number | null }): boolean {
  return row.tmdbId !== null || row.imdbId !== null || row.tvdbId !== null;
}

function idsOf(row: { tmdbId: number | null; imdbId: string | null; tvdbId: number | null }): ExternalIds {
  return {
    ...(row.tmdbId !== null ? { tmdb: row.tmdbId } : {}),
    ...(row.imdbId !== null ? { imdb: row.imdbId } : {}),
    ...(row.tvdbId !== null ? { tvdb: row.tvdbId } : {}),
  };
}

function metaOf(row: ProviderAssetRow) {
  const meta = (row.providerMetadata ?? {}) as Record<string, unknown>;
  return {
    language: typeof meta.language === 'string' ? meta.language : null,
    voteAverage: typeof meta.voteAverage === 'number' ? meta.voteAverage : null,
    voteCount: typeof meta.voteCount === 'number' ? meta.voteCount : null,
  };
}

function seasonOf(row: ProviderAssetRow): number | null {
  const season = (row.providerMetadata ?? {}).season;
  return typeof season === 'number' ? season : null;
}

function scoreOf(row: ProviderAssetRow, config: EnrichmentConfig): number {
  return scoreArtwork({ assetType: row.assetType, width: row.width, height: row.height, ...metaOf(row) }, config);
}

/** The picture's extension as its URL names it (provider image URLs end in their format). */
function imageExtension(url: string): string {
  const extension = path.posix.extname(new URL(url).pathname).toLowerCase();
  return extension === '.png' ? '.png' : '.jpg';
}

/** Whether enrichment picks provider artwork by itself: it may fetch artwork, and may choose it. */
function picksArtwork(config: EnrichmentConfig): boolean {
  return config.fetchProviderAssets && config.autoSelectAssets;
}
