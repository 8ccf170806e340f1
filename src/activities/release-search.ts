import { ApplicationFailure, log } from '@temporalio/activity';
import { blocks, type BlocklistRepository } from '../db/repositories/blocklist-repository.js';
import type { QualityProfileRepository } from '../db/repositories/quality-profile-repository.js';
import type { ReleaseCandidate } from '../db/schema/index.js';
import { TorznabClient } from '../integrations/torznab/torznab-client.js';
import type { TorznabIndexer } from '../integrations/torznab/torznab-indexer.js';
import { decideReleases, type FoundRelease } from '../requests/quality-decision.js';
import { releaseGuid, type EpisodeMedia, type EpisodePipelineInput, type MovieMedia } from '../contracts/request.js';
import { INDEXERS_FAILED, NO_INDEXERS, PROFILE_MISSING } from '../contracts/failures.js';

export interface ReleaseSearchDeps {
  /** The configured indexers, read for every search: people and Prowlarr change them while workers run. */
  indexers: () => Promise<TorznabIndexer[]>;
  profiles: QualityProfileRepository;
  /** Releases a person rejected, on any item: read for every search, as people add and remove them. */
  blocklist: Pick<BlocklistRepository, 'matching'>;
}

export interface SearchOutcome {
  accepted: ReleaseCandidate[];
  /** The best rejected alternatives, with their reasons. */
  rejected: ReleaseCandidate[];
  qualityMet: boolean;
  failedIndexers: string[];
}

/** At most this many alternatives are kept on the item: enough to choose from, small for the history. */
const KEPT_ALTERNATIVES = 20;

/** Asks every Torznab indexer and lets the quality profile judge what they found. */
export function createReleaseSearchActivities({ indexers: configured, profiles, blocklist }: ReleaseSearchDeps) {
  // One client per endpoint, kept while the endpoint is configured, so its caps are asked once.
  const known = new Map<string, TorznabClient>();
  return {
    async searchReleases(input: {
      media: EpisodeMedia | MovieMedia;
      ids: EpisodePipelineInput['ids'];
      qualityProfileId: string;
      /** Download URLs already refused (by a person, or because they stalled). */
      excluded: string[];
    }): Promise<SearchOutcome> {
      const profile = await profiles.get(input.qualityProfileId);
      if (!profile) throw ApplicationFailure.nonRetryable(`Quality profile ${input.qualityProfileId} does not exist`, PROFILE_MISSING);
      const indexers = await configured();
      const clients = indexers.map(
        (indexer) => known.get(indexer.apiUrl) ?? known.set(indexer.apiUrl, new TorznabClient(indexer)).get(indexer.apiUrl)!,
      );
      if (clients.length === 0)
        throw ApplicationFailure.nonRetryable(
          'No Torznab indexer is enabled (POST /api/indexers, Prowlarr, or TORZNAB_INDEXERS on first start)',
          NO_INDEXERS,
        );
      const { media, ids } = input;
      const found: FoundRelease[] = [];
      const failedIndexers: string[] = [];
      await Promise.all(
        clients.map(async (client, i) => {
          try {
            const query =
              media.kind === 'episode'
                ? {
                    kind: 'tv' as const,
                    tvdbId: ids.tvdbId ?? undefined,
                    tmdbId: ids.tmdbId ?? undefined,
                    imdbId: ids.imdbId ?? undefined,
                    season: media.season,
                    episode: media.episode,
                    query: media.show,
                  }
                : { kind: 'movie' as const, tmdbId: ids.tmdbId ?? undefined, imdbId: ids.imdbId ?? undefined, query: media.title };
            found.push(...(await client.search(query)));
          } catch (error) {
            log.warn('indexer search failed', { indexer: indexers[i]!.name, error: (error as Error).message });
            failedIndexers.push(`${indexers[i]!.name}: ${(error as Error).message}`);
          }
        }),
      );
      // Every indexer failing is an error worth retrying; an empty answer is not.
      if (failedIndexers.length === clients.length)
        throw ApplicationFailure.retryable(`Every indexer failed: ${failedIndexers.join('; ')}`, INDEXERS_FAILED);
      const excluded = new Set(input.excluded);
      const unique = [...new Map(found.map((r) => [r.infoHash ?? r.downloadUrl, r])).values()].filter((r) => !excluded.has(r.downloadUrl));
      // Blocklisted releases stay in the answer, rejected, so a person sees why they were not taken.
      const keys = unique.map((r) => ({ guid: releaseGuid(r), indexer: r.indexer, infoHash: r.infoHash ?? null }));
      const blocking = await blocklist.matching(keys);
      const judged = unique.map((r, i) => (blocking.some((row) => blocks(row, keys[i]!)) ? { ...r, blocklisted: true } : r));
      const wanted = media.kind === 'episode' ? { season: media.season, episode: media.episode } : {};
      const decision = decideReleases(judged, profile, wanted, media.kind === 'episode' ? media.episodesInSeason : 1);
      return {
        accepted: decision.accepted.slice(0, KEPT_ALTERNATIVES),
        rejected: decision.rejected.slice(0, KEPT_ALTERNATIVES),
        qualityMet: decision.qualityMet,
        failedIndexers,
      };
    },
  };
}

export type ReleaseSearchActivities = ReturnType<typeof createReleaseSearchActivities>;
