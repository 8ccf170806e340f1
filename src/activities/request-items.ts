import { ApplicationFailure } from '@temporalio/activity';
import type { ProviderCacheManager } from '../cache/provider-cache-manager.js';
import { showHasEnded } from '../cache/refresh-rules.js';
import { preferredSeason } from '../cache/season-answers.js';
import { stableEntityId } from '../cache/stable-entity-id.js';
import type { FetchSeasonResult } from '../cache/types.js';
import type { ItemChanges, RequestRepository } from '../db/repositories/request-repository.js';
import type { PlannedItem } from '../db/repositories/request-repository.js';
import type { ProcessingItemRow, ProcessingItemStatus, ReleaseCandidate, RequestRow } from '../db/schema/index.js';
import type { ProviderEpisode } from '../providers/types.js';
import type { ExternalIds } from '../contracts/external-ids.js';
import type { EpisodePipelineInput, RequestReplan, RequestWatch } from '../contracts/request.js';
import { REQUEST_MISSING, SEASON_FETCH_FAILED, SEASON_UNAVAILABLE, TITLE_UNKNOWN } from '../contracts/failures.js';
import type { EventRecorder } from '../events/event-recorder.js';

export interface RequestItemActivityDeps {
  requests: RequestRepository;
  providerCache: ProviderCacheManager;
  events: EventRecorder;
  /** REELFLOW_REQUEST_WATCH_SECONDS: the time between two re-plans of a watched request. */
  watchCadenceMs: number;
}

/** Item changes as a workflow sends them: dates as ISO strings. */
export interface ItemChangesInput {
  failedStep?: string | null;
  sourceFilePath?: string | null;
  encodedFilePath?: string | null;
  deliveredPaths?: string[];
  torrentHash?: string | null;
  selectedRelease?: ReleaseCandidate | null;
  availableReleases?: ReleaseCandidate[];
  qualityMet?: boolean | null;
  progress?: number;
  lastError?: string | null;
  downloadedAt?: string;
  encodedAt?: string;
  deliveredAt?: string;
}

function externalIdsOf(request: RequestRow): ExternalIds {
  return {
    ...(request.tmdbId !== null ? { tmdb: request.tmdbId } : {}),
    ...(request.tvdbId !== null ? { tvdb: request.tvdbId } : {}),
    ...(request.imdbId !== null ? { imdb: request.imdbId } : {}),
  };
}

/**
 * The provider-cache entity of a requested title, which belongs to no library title: the same ids always
 * land on the same cached title and seasons, so a second request for a show asks no provider again.
 */
function cacheEntityId(request: RequestRow): string {
  return stableEntityId(`request/${request.type}/tmdb=${request.tmdbId ?? ''}/tvdb=${request.tvdbId ?? ''}/imdb=${request.imdbId ?? ''}`);
}

export type PlannedPipeline = Omit<EpisodePipelineInput, 'timings'>;

/**
 * The seasons a TV request reads, and those it takes whole (every episode, later ones included): the
 * seasons it names; with `monitor: all` every season from 1 up to the last one named; and seasons past
 * the last one named that a `future` or `all` watch found (`held`: the seasons of its items so far).
 */
function seasonsOf(request: RequestRow, held: number[]): { seasonNumbers: number[]; whole: Set<number> } {
  const named = [...request.seasons, ...request.episodes.map((e) => e.season)];
  const last = Math.max(0, ...named);
  const upToLast = request.monitor === 'all' ? Array.from({ length: last }, (_, i) => i + 1) : [];
  const whole = new Set([...request.seasons, ...upToLast, ...held.filter((n) => n > last)]);
  return { seasonNumbers: [...new Set([...named, ...whole])].sort((a, b) => a - b), whole };
}

/** The request's bookkeeping: expanding it into processing items, and every item transition. */
export function createRequestItemActivities({ requests, providerCache, events, watchCadenceMs }: RequestItemActivityDeps) {
  /**
   * The title, year and (for a movie) release date. A request that names its title still asks the provider
   * cache for the release date the calendar shows, and goes on without it when no provider knows the movie.
   */
  async function titleOf(request: RequestRow): Promise<{ title: string; year: number | null; releaseDate: string | null }> {
    if (request.title && (request.type !== 'movie' || request.releaseDate))
      return { title: request.title, year: request.year, releaseDate: request.releaseDate };
    const externalIds = externalIdsOf(request);
    const answer = await providerCache.fetchAssets({
      entityType: request.type,
      entityId: cacheEntityId(request),
      externalIds,
      priority: 'user',
    });
    const metadata = Object.values(answer.providers).find((p) => p?.metadata)?.metadata;
    if (request.title)
      return { title: request.title, year: request.year, releaseDate: request.type === 'movie' ? (metadata?.premiered ?? null) : null };
    if (!metadata)
      throw ApplicationFailure.nonRetryable(`No provider knows the ${request.type} with ids ${JSON.stringify(externalIds)}`, TITLE_UNKNOWN);
    return {
      title: metadata.title,
      year: metadata.year ?? request.year,
      releaseDate: request.type === 'movie' ? (metadata.premiered ?? null) : null,
    };
  }

  /** `maxAgeMs`: a re-plan reads what the providers said within its cadence, not within the cache's week. */
  function fetchSeason(request: RequestRow, seasonNumber: number, maxAgeMs?: number): Promise<FetchSeasonResult> {
    return providerCache.fetchSeason({
      entityType: 'tv',
      entityId: cacheEntityId(request),
      externalIds: externalIdsOf(request),
      seasonNumber,
      priority: maxAgeMs === undefined ? 'user' : 'background',
      ...(maxAgeMs === undefined ? {} : { maxAgeMs }),
    });
  }

  /** The show's status as the highest-priority provider with metadata names it ("Returning Series", "Ended"…). */
  async function showStatus(request: RequestRow, maxAgeMs?: number): Promise<string | undefined> {
    const answer = await providerCache.fetchAssets({
      entityType: 'tv',
      entityId: cacheEntityId(request),
      externalIds: externalIdsOf(request),
      priority: 'background',
      ...(maxAgeMs === undefined ? {} : { maxAgeMs }),
    });
    return Object.values(answer.providers).find((p) => p?.metadata)?.metadata?.status;
  }

  /** What every item of the request passes on to its pipeline. */
  function commonOf(request: RequestRow) {
    return {
      requestId: request.id,
      ids: { tmdbId: request.tmdbId, tvdbId: request.tvdbId, imdbId: request.imdbId },
      qualityProfileId: request.qualityProfileId,
      targetIds: request.targetIds,
      approval: {
        required: request.requireApproval,
        timeoutSeconds: request.approvalTimeoutSeconds,
        autoAction: request.approvalAutoAction,
      },
    };
  }

  function episodePipelineOf(
    request: RequestRow,
    show: { title: string; year: number | null },
    item: ProcessingItemRow,
    seasonSizes: Map<number, number>,
  ): PlannedPipeline {
    return {
      ...commonOf(request),
      itemId: item.id,
      media: {
        kind: 'episode' as const,
        show: show.title,
        year: show.year,
        season: item.seasonNumber,
        episode: item.episodeNumber,
        episodeTitle: item.title,
        episodesInSeason: seasonSizes.get(item.seasonNumber) ?? 1,
      },
      airDate: item.airDate,
    };
  }

  /** The episodes of one season the request asks for: all of a whole season, else the ones it names. */
  function wantedEpisodes(request: RequestRow, season: number, episodes: ProviderEpisode[], whole: boolean): PlannedItem[] {
    return episodes
      .filter((ep) => whole || request.episodes.some((e) => e.season === season && e.episode === ep.episodeNumber))
      .map((ep) => ({
        seasonNumber: season,
        episodeNumber: ep.episodeNumber,
        // TVDB names an untitled episode "", which an item records as no title.
        title: ep.title || null,
        airDate: ep.airDate ?? null,
      }));
  }

  /** The season's episodes from the highest-priority provider that lists any. */
  function episodesOf(answer: FetchSeasonResult, request: RequestRow, show: string, seasonNumber: number): ProviderEpisode[] {
    const season = preferredSeason(answer);
    if (season) return season.episodes;
    const { failedProviders, timedOutProviders } = answer.metadata;
    const unanswered = [
      ...failedProviders.map((f) => `${f.provider}: ${f.error}`),
      ...timedOutProviders.map((provider) => `${provider}: no answer in time`),
    ];
    // A provider that did not answer may know the season: worth another attempt, unlike a plain "no".
    if (unanswered.length > 0)
      throw ApplicationFailure.retryable(
        `Season ${seasonNumber} of "${show}" could not be read (${unanswered.join('; ')})`,
        SEASON_FETCH_FAILED,
      );
    const asked =
      answer.providerOrder.length > 0 ? `asked ${answer.providerOrder.join(', ')}` : 'no enabled provider can read seasons for these ids';
    throw ApplicationFailure.nonRetryable(
      `No provider knows season ${seasonNumber} of "${show}" (ids ${JSON.stringify(externalIdsOf(request))}; ${asked})`,
      SEASON_UNAVAILABLE,
    );
  }

  return {
    /** Idempotent: the items are keyed by request, season and episode. */
    async planRequestItems(input: { requestId: string }): Promise<PlannedPipeline[]> {
      const request = await requests.get(input.requestId);
      // Retried: the API starts the workflow before it writes the row (see RequestService.create).
      if (!request) throw ApplicationFailure.retryable(`Request ${input.requestId} does not exist`, REQUEST_MISSING);
      const { seasonNumbers, whole } = request.type === 'tv' ? seasonsOf(request, []) : { seasonNumbers: [], whole: new Set<number>() };
      // The title and every season at once: on a cold cache each is its own provider fetch.
      const [{ title, year, releaseDate }, seasonAnswers] = await Promise.all([
        titleOf(request),
        Promise.all(seasonNumbers.map((n) => fetchSeason(request, n))),
      ]);
      // A request made by id alone gets the provider's title, which lists and the history name it by; a
      // movie its release date, which the calendar shows.
      await requests.recordTitleFacts(request.id, { title, year, releaseDate });
      const common = commonOf(request);
      if (request.type === 'movie') {
        const [item] = await requests.upsertItems(request.id, [{ seasonNumber: 0, episodeNumber: 0, title, airDate: null }]);
        return [{ ...common, itemId: item!.id, media: { kind: 'movie', title, year }, airDate: null }];
      }
      const planned: PlannedItem[] = [];
      const seasonSizes = new Map<number, number>();
      for (const [index, season] of seasonNumbers.entries()) {
        const episodes = episodesOf(seasonAnswers[index]!, request, title, season);
        seasonSizes.set(season, episodes.length);
        planned.push(...wantedEpisodes(request, season, episodes, whole.has(season)));
      }
      const items = await requests.upsertItems(request.id, planned);
      return items.map((item) => episodePipelineOf(request, { title, year }, item, seasonSizes));
    },

    /**
     * How the request keeps watching (its `monitor`; a movie never does), this worker's cadence, and whether
     * the show has ended already (from the provider cache, which planning filled): then there is nothing to watch.
     */
    async requestWatch(input: { requestId: string }): Promise<RequestWatch> {
      const request = await requests.get(input.requestId);
      if (!request) throw ApplicationFailure.retryable(`Request ${input.requestId} does not exist`, REQUEST_MISSING);
      const monitor = request.type === 'tv' ? request.monitor : 'none';
      if (monitor === 'none') return { monitor, cadenceMs: watchCadenceMs };
      return { monitor, cadenceMs: watchCadenceMs, showEnded: showHasEnded(await showStatus(request)) };
    },

    /**
     * A watched request's seasons read again (through the provider cache, no older than the cadence): new
     * episodes become items, moved air dates are written. Idempotent: items are keyed by request, season and
     * episode, and the answer is what differs from `known` (the items the workflow has started, with the
     * air dates it last told them), so a retried attempt answers what the first one planned.
     */
    async replanRequestItems(input: { requestId: string; known: Record<string, string | null> }): Promise<RequestReplan> {
      const request = await requests.get(input.requestId);
      if (!request) throw ApplicationFailure.retryable(`Request ${input.requestId} does not exist`, REQUEST_MISSING);
      if (request.type !== 'tv') return { added: [], moved: [], showEnded: true };
      const title = request.title ?? '';
      const held = (await requests.listItems(request.id)).map((item) => item.seasonNumber);
      const { seasonNumbers, whole } = seasonsOf(request, held);
      const watchesLater = request.monitor === 'future' || request.monitor === 'all';
      // `future`: the season after the last one held, which no provider may know yet.
      const next = watchesLater ? Math.max(0, ...seasonNumbers) + 1 : undefined;
      const [status, answers, nextAnswer] = await Promise.all([
        showStatus(request, watchCadenceMs),
        Promise.all(seasonNumbers.map((n) => fetchSeason(request, n, watchCadenceMs))),
        next === undefined ? undefined : fetchSeason(request, next, watchCadenceMs),
      ]);
      const planned: PlannedItem[] = [];
      const seasonSizes = new Map<number, number>();
      for (const [index, season] of seasonNumbers.entries()) {
        const episodes = episodesOf(answers[index]!, request, title, season);
        seasonSizes.set(season, episodes.length);
        planned.push(...wantedEpisodes(request, season, episodes, whole.has(season)));
      }
      const announced = nextAnswer && preferredSeason(nextAnswer);
      if (next !== undefined && announced) {
        seasonSizes.set(next, announced.episodes.length);
        planned.push(...wantedEpisodes(request, next, announced.episodes, true));
      }
      await requests.moveAirDates(request.id, planned);
      const items = await requests.upsertItems(request.id, planned);
      return {
        added: items
          .filter((item) => !(item.id in input.known))
          .map((item) => episodePipelineOf(request, { title, year: request.year }, item, seasonSizes)),
        moved: items
          .filter((item) => item.id in input.known && input.known[item.id] !== item.airDate)
          .map((item) => ({ itemId: item.id, airDate: item.airDate })),
        showEnded: showHasEnded(status),
      };
    },

    async recordItemTransition(input: { itemId: string; status: ProcessingItemStatus; changes?: ItemChangesInput }): Promise<void> {
      const { downloadedAt, encodedAt, deliveredAt, ...rest } = input.changes ?? {};
      const changes: ItemChanges = { ...rest };
      if (downloadedAt) changes.downloadedAt = new Date(downloadedAt);
      if (encodedAt) changes.encodedAt = new Date(encodedAt);
      if (deliveredAt) changes.deliveredAt = new Date(deliveredAt);
      await requests.transition(input.itemId, input.status, changes);
      await events.itemTransition(input.itemId, input.status, {
        release: input.changes?.torrentHash ? input.changes.selectedRelease?.title : undefined,
        error: input.changes?.lastError,
        step: input.changes?.failedStep,
      });
    },

    async recordRequestStatus(input: { requestId: string; status: RequestRow['status']; error?: string }): Promise<void> {
      // The first status can come before the API has written the row (it starts the workflow first): wait for it.
      if (!(await requests.get(input.requestId)))
        throw ApplicationFailure.retryable(`Request ${input.requestId} does not exist`, REQUEST_MISSING);
      await requests.setStatus(input.requestId, input.status, input.error);
    },

    /** The request's final status from its items: all completed, some, none, or all cancelled. */
    async concludeRequest(input: { requestId: string }): Promise<RequestRow['status']> {
      const counts = await requests.aggregates(input.requestId);
      let status: RequestRow['status'];
      if (counts.total > 0 && counts.completed === counts.total) status = 'COMPLETED';
      else if (counts.completed > 0) status = 'PARTIAL';
      else if (counts.cancelled === counts.total) status = 'CANCELLED';
      else status = 'FAILED';
      await requests.setStatus(input.requestId, status);
      return status;
    },
  };
}

export type RequestItemActivities = ReturnType<typeof createRequestItemActivities>;
