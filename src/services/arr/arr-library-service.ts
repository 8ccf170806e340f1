import type { Client } from '@temporalio/client';
import type { ProviderCacheManager } from '../../cache/provider-cache-manager.js';
import type { Database } from '../../db/client.js';
import { ArrRepository, type ArrTitleKind } from '../../db/repositories/arr-repository.js';
import { DeliveryTargetRepository } from '../../db/repositories/delivery-target-repository.js';
import { QualityProfileRepository } from '../../db/repositories/quality-profile-repository.js';
import type { ArrTitleRow, DeliveryTargetRow, ProcessingItemRow, QualityProfileRow, RequestRow } from '../../db/schema/index.js';
import { RequestService } from '../requests/request-service.js';
import { ConflictError, InvalidRequestError } from '../service-errors.js';
import { ArrCatalogue, type CatalogueTitle } from './arr-catalogue.js';

export interface ArrLibraryDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  providerCache: ProviderCacheManager;
}

/** What a client sends to add or update a movie (Radarr) or series (Sonarr), already in Reelflow's terms. */
export interface ArrTitleInput {
  qualityProfileId: number;
  rootFolderPath?: string;
  monitored: boolean;
  tags: number[];
  /** Sonarr: every season with whether it is monitored (requested). */
  seasons: { seasonNumber: number; monitored: boolean }[];
  /** Radarr addOptions.searchForMovie, Sonarr addOptions.searchForMissingEpisodes. */
  searchNow: boolean;
}

/** An added title with the state of the requests it led to. */
export interface ArrTitleView {
  row: ArrTitleRow;
  requests: RequestRow[];
  items: ProcessingItemRow[];
  rootFolderPath: string;
  qualityProfileArrId: number;
}

export interface QualityProfileRef {
  id: number;
  profile: QualityProfileRow;
}

export interface RootFolderRef {
  id: number;
  target: DeliveryTargetRow;
}

/**
 * Radarr's movies and Sonarr's series in Reelflow's terms: a quality profile is a Reelflow quality profile,
 * a root folder is a delivery target, adding a monitored movie or monitored seasons makes a Reelflow
 * request (through RequestService, as POST /api/requests does), and a search command wakes the request's
 * items that wait for their next search.
 */
export class ArrLibraryService {
  readonly catalogue: ArrCatalogue;
  private readonly repo: ArrRepository;
  private readonly profiles: QualityProfileRepository;
  private readonly targets: DeliveryTargetRepository;
  private readonly requests: RequestService;

  constructor(deps: ArrLibraryDeps) {
    this.catalogue = new ArrCatalogue(deps.providerCache);
    this.repo = new ArrRepository(deps.db);
    this.profiles = new QualityProfileRepository(deps.db);
    this.targets = new DeliveryTargetRepository(deps.db);
    this.requests = new RequestService({ db: deps.db, temporal: deps.temporal, taskQueue: deps.taskQueue });
  }

  async qualityProfiles(): Promise<QualityProfileRef[]> {
    const profiles = await this.profiles.list();
    const ids = await this.repo.refIds(
      'qualityProfile',
      profiles.map((p) => p.id),
    );
    return profiles.map((profile) => ({ id: ids.get(profile.id)!, profile }));
  }

  async rootFolders(): Promise<RootFolderRef[]> {
    const targets = await this.targets.list();
    const ids = await this.repo.refIds(
      'rootFolder',
      targets.map((t) => t.id),
    );
    return targets.map((target) => ({ id: ids.get(target.id)!, target }));
  }

  tags() {
    return this.repo.listTags();
  }

  createTag(label: string) {
    return this.repo.createTag(label);
  }

  /** Lookup results, each with the added title it is, if any (clients read `id` to tell). */
  async lookup(kind: ArrTitleKind, term: string): Promise<{ title: CatalogueTitle; added?: ArrTitleView }[]> {
    const found = await this.catalogue.lookup(kind, term);
    return Promise.all(
      found.map(async (title) => {
        const key = externalKey(kind, title.ids);
        const row = key ? await this.repo.findTitle(kind, key) : undefined;
        return row ? { title, added: await this.view(row) } : { title };
      }),
    );
  }

  async list(kind: ArrTitleKind): Promise<ArrTitleView[]> {
    return Promise.all((await this.repo.listTitles(kind)).map((row) => this.view(row)));
  }

  async get(kind: ArrTitleKind, id: number): Promise<ArrTitleView | undefined> {
    const row = await this.repo.getTitle(kind, id);
    return row ? this.view(row) : undefined;
  }

  /**
   * Adds a movie (by TMDB id) or series (by TVDB id). A monitored movie, or a series' monitored seasons,
   * become a Reelflow request at once. One already added is a ConflictError, as Radarr and Sonarr refuse it.
   */
  async add(
    kind: ArrTitleKind,
    ids: { tmdbId?: number; tvdbId?: number },
    input: ArrTitleInput & { title?: string; year?: number },
  ): Promise<ArrTitleView> {
    const key = kind === 'movie' ? (ids.tmdbId ? `tmdb:${ids.tmdbId}` : undefined) : ids.tvdbId ? `tvdb:${ids.tvdbId}` : undefined;
    if (!key) throw new InvalidRequestError(kind === 'movie' ? 'body.tmdbId: a TMDB id is required' : 'body.tvdbId: a TVDB id is required');
    if (await this.repo.findTitle(kind, key))
      throw new ConflictError(kind === 'movie' ? 'This movie has already been added' : 'This series has already been added');
    const { qualityProfileId, targetId } = await this.resolveSettings(input);
    const found = await this.catalogue.byIds(kind, kind === 'movie' ? { tmdb: ids.tmdbId } : { tvdb: ids.tvdbId });
    const title = found?.title ?? input.title;
    if (!title) throw new InvalidRequestError(`body.${kind === 'movie' ? 'tmdbId' : 'tvdbId'}: no metadata provider knows ${key}`);
    const row = await this.repo.insertTitle({
      kind,
      externalKey: key,
      tmdbId: kind === 'movie' ? ids.tmdbId! : (found?.ids.tmdb ?? null),
      tvdbId: kind === 'series' ? ids.tvdbId! : (found?.ids.tvdb ?? null),
      imdbId: found?.ids.imdb ?? null,
      title,
      year: found?.year ?? input.year ?? null,
      qualityProfileId,
      targetId,
      monitored: input.monitored,
      tags: input.tags,
      seasons: input.seasons,
      requestIds: [],
    });
    if (!row) throw new ConflictError(kind === 'movie' ? 'This movie has already been added' : 'This series has already been added');
    return this.view(await this.requestWhatIsMonitored(row, [], input.searchNow));
  }

  /** Radarr's and Sonarr's PUT: new settings; a newly monitored movie or season becomes a request. */
  async update(kind: ArrTitleKind, id: number, input: ArrTitleInput): Promise<ArrTitleView | undefined> {
    const existing = await this.repo.getTitle(kind, id);
    if (!existing) return undefined;
    const { qualityProfileId, targetId } = await this.resolveSettings({ ...input, rootFolderPath: input.rootFolderPath });
    const alreadyRequested = await this.requestedSeasons(existing);
    const row = await this.repo.updateTitle(id, {
      monitored: input.monitored,
      tags: input.tags,
      seasons: kind === 'series' ? input.seasons : existing.seasons,
      qualityProfileId,
      targetId,
    });
    return this.view(await this.requestWhatIsMonitored(row, alreadyRequested, input.searchNow));
  }

  /** MoviesSearch / SeriesSearch / MissingEpisodeSearch: the titles' waiting items search now. */
  async searchNow(kind: ArrTitleKind, ids: number[]): Promise<number> {
    const rows = (await Promise.all(ids.map((id) => this.repo.getTitle(kind, id)))).filter((r): r is ArrTitleRow => Boolean(r));
    return this.requests.searchNow(rows.flatMap((r) => r.requestIds));
  }

  /** Every item of every added title that has a release: what Radarr's and Sonarr's queue list. */
  async queue(): Promise<{ title: ArrTitleRow; item: ProcessingItemRow }[]> {
    const titles = [...(await this.repo.listTitles('movie')), ...(await this.repo.listTitles('series'))];
    const { items } = await this.repo.requestsWithItems(titles.flatMap((t) => t.requestIds));
    const titleOfRequest = new Map(titles.flatMap((t) => t.requestIds.map((r) => [r, t] as const)));
    return items
      .filter((item) => item.selectedRelease && QUEUED.includes(item.status))
      .map((item) => ({ title: titleOfRequest.get(item.requestId)!, item }));
  }

  private async resolveSettings(input: {
    qualityProfileId: number;
    rootFolderPath?: string;
  }): Promise<{ qualityProfileId: string; targetId: string }> {
    const qualityProfileId = await this.repo.refOf('qualityProfile', input.qualityProfileId);
    if (!qualityProfileId || !(await this.profiles.get(qualityProfileId)))
      throw new InvalidRequestError(
        `body.qualityProfileId: no quality profile ${input.qualityProfileId} (GET /api/v3/qualityProfile lists them)`,
      );
    const folders = await this.rootFolders();
    const wanted = input.rootFolderPath ? trimSlash(input.rootFolderPath) : undefined;
    const folder = wanted ? folders.find((f) => trimSlash(f.target.path) === wanted) : folders.length === 1 ? folders[0] : undefined;
    if (!folder)
      throw new InvalidRequestError(
        `body.rootFolderPath: "${input.rootFolderPath ?? ''}" is no delivery target's path (GET /api/v3/rootfolder lists them)`,
      );
    return { qualityProfileId, targetId: folder.target.id };
  }

  /** Seasons (0 for a movie) that already have a request that has not failed or been cancelled. */
  private async requestedSeasons(row: ArrTitleRow): Promise<number[]> {
    const { requests } = await this.repo.requestsWithItems(row.requestIds);
    return requests.filter((r) => r.status !== 'FAILED' && r.status !== 'CANCELLED').flatMap((r) => (r.type === 'movie' ? [0] : r.seasons));
  }

  private async requestWhatIsMonitored(row: ArrTitleRow, alreadyRequested: number[], searchNow: boolean): Promise<ArrTitleRow> {
    const wanted =
      row.kind === 'movie'
        ? row.monitored
          ? [0]
          : []
        : row.monitored
          ? row.seasons.filter((s) => s.monitored).map((s) => s.seasonNumber)
          : [];
    const missing = wanted.filter((s) => !alreadyRequested.includes(s));
    if (missing.length === 0) {
      // Nothing new to request; a client asking to search now means the waiting items should.
      if (searchNow) await this.requests.searchNow(row.requestIds);
      return row;
    }
    // A new request searches at once; without searchNow it still does, since Reelflow has no RSS sync to wait for.
    const request = await this.requests.create({
      type: row.kind === 'movie' ? 'movie' : 'tv',
      ...(row.kind === 'movie' ? { tmdbId: row.tmdbId ?? undefined } : { tvdbId: row.tvdbId ?? undefined }),
      title: row.title,
      ...(row.year ? { year: row.year } : {}),
      seasons: row.kind === 'movie' ? [] : missing.sort((a, b) => a - b),
      episodes: [],
      qualityProfileId: row.qualityProfileId,
      targetIds: [row.targetId],
      requireApproval: false,
      fieldPrefix: 'body',
    });
    return this.repo.updateTitle(row.id, { requestIds: [...row.requestIds, request.id] });
  }

  private async view(row: ArrTitleRow): Promise<ArrTitleView> {
    const [{ requests, items }, folders, profiles] = await Promise.all([
      this.repo.requestsWithItems(row.requestIds),
      this.targets.get(row.targetId),
      this.repo.refIds('qualityProfile', [row.qualityProfileId]),
    ]);
    return { row, requests, items, rootFolderPath: folders?.path ?? '', qualityProfileArrId: profiles.get(row.qualityProfileId) ?? 0 };
  }
}

/** Items with a release on their way in: found (awaiting approval), downloading, encoding, delivering, or failed there. */
const QUEUED: ProcessingItemRow['status'][] = ['FOUND', 'DOWNLOADING', 'DOWNLOADED', 'ENCODING', 'ENCODED', 'DELIVERING', 'FAILED'];

function externalKey(kind: ArrTitleKind, ids: { tmdb?: number; tvdb?: number }): string | undefined {
  if (kind === 'movie') return ids.tmdb ? `tmdb:${ids.tmdb}` : undefined;
  return ids.tvdb ? `tvdb:${ids.tvdb}` : undefined;
}

function trimSlash(p: string): string {
  return p.length > 1 ? p.replace(/[/\\]+$/, '') : p;
}
