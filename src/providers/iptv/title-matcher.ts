// Matching a catalogue title to TMDB, most certain first: the provider's own TMDB id, then TMDB's /find by
// the IMDb id, then a search by the cleaned title with the year, then without it.

export type MatchMethod = 'provider-tmdb-id' | 'imdb-id' | 'search-with-year' | 'search';

export interface TmdbTitle {
  tmdbId: number;
  title: string;
}

export interface TmdbSearchHit extends TmdbTitle {
  /** 0..100. */
  confidence: number;
}

/** TMDB could not be asked (down, timed out): the title is neither matched nor ignored, and is tried again. */
export class TmdbLookupFailedError extends Error {
  override readonly name = 'TmdbLookupFailedError';

  /** How long TMDB asked us to wait (a 429's Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** How the matcher reaches TMDB; in Reelflow, through the provider cache. */
export interface TmdbLookup {
  /** The title TMDB has under these ids; null when TMDB has none. Throws TmdbLookupFailedError. */
  byIds(type: 'movie' | 'tv', ids: { tmdb?: number; imdb?: string }): Promise<TmdbTitle | null>;
  /** Search results with a TMDB id, best first. Throws TmdbLookupFailedError. */
  search(type: 'movie' | 'tv', query: string, year?: number): Promise<TmdbSearchHit[]>;
}

export interface TitleToMatch {
  type: 'movie' | 'tv';
  cleanedTitle: string;
  year?: number;
  tmdbId?: number;
  imdbId?: string;
}

export type MatchOutcome = { matched: true; tmdbId: number; title: string; matchedBy: MatchMethod } | { matched: false; reason: string };

/** A search hit below this is not trusted: an IPTV catalogue is full of near-namesakes. */
export const MIN_SEARCH_CONFIDENCE = 80;

export async function matchTitle(lookup: TmdbLookup, title: TitleToMatch): Promise<MatchOutcome> {
  const misses: string[] = [];
  if (title.tmdbId !== undefined) {
    const found = await lookup.byIds(title.type, { tmdb: title.tmdbId });
    if (found) return { matched: true, ...found, matchedBy: 'provider-tmdb-id' };
    misses.push(`TMDB has no ${title.type} ${title.tmdbId}`);
  }
  if (title.imdbId !== undefined) {
    const found = await lookup.byIds(title.type, { imdb: title.imdbId });
    if (found) return { matched: true, ...found, matchedBy: 'imdb-id' };
    misses.push(`TMDB finds no ${title.type} for IMDb id ${title.imdbId}`);
  }
  if (title.cleanedTitle === '') return { matched: false, reason: [...misses, 'no title left to search for after clean-up'].join('; ') };
  if (title.year !== undefined) {
    const best = (await lookup.search(title.type, title.cleanedTitle, title.year))[0];
    if (best && best.confidence >= MIN_SEARCH_CONFIDENCE)
      return { matched: true, tmdbId: best.tmdbId, title: best.title, matchedBy: 'search-with-year' };
  }
  const best = (await lookup.search(title.type, title.cleanedTitle))[0];
  if (best && best.confidence >= MIN_SEARCH_CONFIDENCE)
    return { matched: true, tmdbId: best.tmdbId, title: best.title, matchedBy: 'search' };
  const searched = `"${title.cleanedTitle}"${title.year !== undefined ? ` (${title.year})` : ''}`;
  const closest = best ? `; closest "${best.title}" at ${best.confidence} < ${MIN_SEARCH_CONFIDENCE}` : '';
  return { matched: false, reason: [...misses, `no TMDB ${title.type} matches ${searched}${closest}`].join('; ') };
}
