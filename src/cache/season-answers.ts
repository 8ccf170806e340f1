import type { ProviderSeasonRow } from '../db/schema/index.js';
import type { ProviderSeason } from '../providers/types.js';
import type { ProviderSeasonFetchOutcome } from '../contracts/providers.js';
import { summariseFetch } from './fetch-summary.js';
import type { FetchSeasonResult } from './types.js';

/** A fetched season as the cache manager answers it; of two providers of one kind, the first that knows it. */
export function seasonResultFromFetch(outcome: ProviderSeasonFetchOutcome): FetchSeasonResult {
  const seasons: Record<string, ProviderSeason> = {};
  for (const result of outcome.results) {
    if (result.status === 'completed' && result.season) seasons[result.provider] ??= result.season;
  }
  return {
    cached: false,
    cacheAge: 0,
    seasons,
    providerOrder: [...new Set(outcome.results.map((r) => r.provider))],
    metadata: summariseFetch(outcome.fetchedAt, outcome.results),
  };
}

/** Fresh cache rows (already in priority order) as the cache manager answers them. */
export function seasonResultFromRows(rows: readonly ProviderSeasonRow[], oldest: Date, ageDays: number): FetchSeasonResult {
  const seasons: Record<string, ProviderSeason> = {};
  for (const row of rows) seasons[row.providerName] = row.season as unknown as ProviderSeason;
  return {
    cached: true,
    cacheAge: ageDays,
    seasons,
    providerOrder: rows.map((row) => row.providerName),
    metadata: {
      fetchedAt: oldest.toISOString(),
      completedProviders: rows.map((row) => row.providerName).sort(),
      failedProviders: [],
      timedOutProviders: [],
    },
  };
}

/** The season of the highest-priority provider that listed any episodes of it. */
export function preferredSeason(result: FetchSeasonResult): ProviderSeason | undefined {
  for (const provider of result.providerOrder) {
    const season = result.seasons[provider];
    if (season && season.episodes.length > 0) return season;
  }
  return undefined;
}
