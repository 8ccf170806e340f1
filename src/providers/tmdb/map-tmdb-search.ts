import { dateOrUndefined, textOrUndefined, yearOf } from '../http/dates.js';
import { byConfidence, searchConfidence } from '../../title-matching/search-confidence.js';
import type { ProviderSearchResult } from '../types.js';
import type { ExternalIds } from '../../contracts/external-ids.js';
import { optionalTmdbImageUrl } from './tmdb-image-url.js';
import type { TmdbMovieSearchItem, TmdbTvSearchItem } from './tmdb-schemas.js';

export interface SearchContext {
  query: string;
  year?: number;
  secureBaseUrl: string;
}

export function mapTmdbMovieResults(items: TmdbMovieSearchItem[], context: SearchContext): ProviderSearchResult[] {
  return byConfidence(
    items.map((item) => searchResult({ tmdb: item.id }, item.title, item.original_title, item.release_date, item, context)),
  );
}

export function mapTmdbTvResults(items: TmdbTvSearchItem[], context: SearchContext): ProviderSearchResult[] {
  return byConfidence(
    items.map((item) => searchResult({ tmdb: item.id }, item.name, item.original_name, item.first_air_date, item, context)),
  );
}

function searchResult(
  externalIds: ExternalIds,
  title: string,
  originalTitle: string | null | undefined,
  date: string | null | undefined,
  item: { overview?: string | null | undefined; poster_path?: string | null | undefined },
  context: SearchContext,
): ProviderSearchResult {
  const year = yearOf(dateOrUndefined(date));
  const overview = textOrUndefined(item.overview);
  const posterUrl = optionalTmdbImageUrl(context.secureBaseUrl, item.poster_path);
  return {
    provider: 'tmdb',
    externalIds,
    title,
    ...(originalTitle ? { originalTitle } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(overview ? { overview } : {}),
    ...(posterUrl ? { posterUrl } : {}),
    confidence: searchConfidence({
      query: context.query,
      ...(context.year !== undefined ? { year: context.year } : {}),
      candidateTitles: [title, originalTitle],
      ...(year !== undefined ? { candidateYear: year } : {}),
    }),
  };
}
