import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { ProviderCacheManager } from '../cache/provider-cache-manager.js';
import type { ItemChanges, RequestRepository } from '../db/repositories/request-repository.js';
import type { ProcessingItemStatus, ReleaseCandidate, RequestRow } from '../db/schema/index.js';
import { SeasonUnavailableError, type TmdbSeasonSource } from '../requests/season-source.js';
import type { EpisodePipelineInput } from '../workflows/request-definitions.js';

export interface RequestItemActivityDeps {
  requests: RequestRepository;
  providerCache: ProviderCacheManager;
  seasons: TmdbSeasonSource;
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

/** A stable UUID (v5 layout) for a title known only by its external ids: the provider cache's entity key. */
function uuidFromKey(key: string): string {
  const hex = createHash('sha1').update(`reelflow-request:${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type PlannedPipeline = Omit<EpisodePipelineInput, 'timings'>;

/** The request's bookkeeping: expanding it into processing items, and every item transition. */
export function createRequestItemActivities({ requests, providerCache, seasons }: RequestItemActivityDeps) {
  async function titleOf(request: RequestRow): Promise<{ title: string; year: number | null }> {
    if (request.title) return { title: request.title, year: request.year };
    const externalIds = { tmdb: request.tmdbId ?? undefined, tvdb: request.tvdbId ?? undefined, imdb: request.imdbId ?? undefined };
    const key = `${request.type}:tmdb=${request.tmdbId ?? ''}:tvdb=${request.tvdbId ?? ''}:imdb=${request.imdbId ?? ''}`;
    const answer = await providerCache.fetchAssets({ entityType: request.type, entityId: uuidFromKey(key), externalIds, priority: 'user' });
    const metadata = Object.values(answer.providers).find((p) => p?.metadata)?.metadata;
    if (!metadata) throw ApplicationFailure.nonRetryable(`No provider knows the ${request.type} with ids ${JSON.stringify(externalIds)}`, 'TitleUnknown');
    return { title: metadata.title, year: metadata.year ?? request.year };
  }

  return {
    /** Idempotent: the items are keyed by request, season and episode. */
    async planRequestItems(input: { requestId: string }): Promise<PlannedPipeline[]> {
      const request = await requests.get(input.requestId);
      if (!request) throw ApplicationFailure.nonRetryable(`Request ${input.requestId} does not exist`, 'RequestMissing');
      const { title, year } = await titleOf(request);
      const common = {
        requestId: request.id,
        ids: { tmdbId: request.tmdbId, tvdbId: request.tvdbId, imdbId: request.imdbId },
        qualityProfileId: request.qualityProfileId,
        targetIds: request.targetIds,
        approval: { required: request.requireApproval, timeoutSeconds: request.approvalTimeoutSeconds, autoAction: request.approvalAutoAction },
      };
      if (request.type === 'movie') {
        const [item] = await requests.upsertItems(request.id, [{ seasonNumber: 0, episodeNumber: 0, title, airDate: null }]);
        return [{ ...common, itemId: item!.id, media: { kind: 'movie', title, year }, airDate: null }];
      }
      if (request.tmdbId === null) throw ApplicationFailure.nonRetryable('A TV request needs a tmdbId to read its seasons', 'RequestInvalid');
      const wantedSeasons = new Set([...request.seasons, ...request.episodes.map((e) => e.season)]);
      const planned = [];
      const seasonSizes = new Map<number, number>();
      for (const season of [...wantedSeasons].sort((a, b) => a - b)) {
        const episodes = await seasons.episodes(request.tmdbId, season).catch((error: unknown) => {
          if (error instanceof SeasonUnavailableError) throw ApplicationFailure.nonRetryable(error.message, 'SeasonUnavailable');
          throw error;
        });
        seasonSizes.set(season, episodes.length);
        const whole = request.seasons.includes(season);
        for (const ep of episodes) {
          if (!whole && !request.episodes.some((e) => e.season === season && e.episode === ep.episodeNumber)) continue;
          planned.push({ seasonNumber: season, episodeNumber: ep.episodeNumber, title: ep.title, airDate: ep.airDate ?? null });
        }
      }
      const items = await requests.upsertItems(request.id, planned);
      return items.map((item) => ({
        ...common,
        itemId: item.id,
        media: {
          kind: 'episode' as const,
          show: title,
          year,
          season: item.seasonNumber,
          episode: item.episodeNumber,
          episodeTitle: item.title,
          episodesInSeason: seasonSizes.get(item.seasonNumber) ?? 1,
        },
        airDate: item.airDate,
      }));
    },

    async recordItemTransition(input: { itemId: string; status: ProcessingItemStatus; changes?: ItemChangesInput }): Promise<void> {
      const { downloadedAt, encodedAt, deliveredAt, ...rest } = input.changes ?? {};
      const changes: ItemChanges = { ...rest };
      if (downloadedAt) changes.downloadedAt = new Date(downloadedAt);
      if (encodedAt) changes.encodedAt = new Date(encodedAt);
      if (deliveredAt) changes.deliveredAt = new Date(deliveredAt);
      await requests.transition(input.itemId, input.status, changes);
    },

    async recordRequestStatus(input: { requestId: string; status: RequestRow['status']; error?: string }): Promise<void> {
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
