import type { ProviderSearchResult } from '../providers/types.js';
import type { MergedSearchResult } from './types.js';

/**
 * One list from several providers' search results: results that share an external id are one title,
 * keeping the best confidence and every id any provider knew. Best first.
 */
export function mergeSearchResults(results: readonly ProviderSearchResult[]): MergedSearchResult[] {
  const merged: MergedSearchResult[] = [];
  for (const result of [...results].sort((a, b) => b.confidence - a.confidence)) {
    const same = merged.find((m) => sharesAnId(m.externalIds, result.externalIds));
    if (same) {
      same.externalIds = { ...result.externalIds, ...same.externalIds };
      if (!same.providers.includes(result.provider)) same.providers.push(result.provider);
      continue;
    }
    const { provider, ...rest } = result;
    merged.push({ ...rest, providers: [provider] });
  }
  return merged;
}

function sharesAnId(a: MergedSearchResult['externalIds'], b: MergedSearchResult['externalIds']): boolean {
  return (
    (a.tmdb !== undefined && a.tmdb === b.tmdb) ||
    (a.imdb !== undefined && a.imdb === b.imdb) ||
    (a.tvdb !== undefined && a.tvdb === b.tvdb) ||
    (a.musicbrainz !== undefined && a.musicbrainz === b.musicbrainz)
  );
}
