import type { ProviderLink } from './types.js';

// Stops at characters that cannot be part of a URL in running text or ASCII art.
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`|\\^{}]+/gi;
// Sentence punctuation that follows a URL in prose is not part of it.
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

const TMDB_PATH = /^\/(?:\d+\/)?(movie|tv)\/(\d+)(?:-[^/]*)?(\/season\/\d+(?:\/episode\/\d+)?)?/;
const IMDB_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?title\/(tt\d+)/i;
const TVDB_PATH = /^\/(?:dereferrer\/)?(series|episode|movies?)\/(\d+)(?:\/|$)/;

/** Every URL in a text, such as a URL-only NFO, the line after an NFO's XML, or a scene release NFO. */
export function findUrls(text: string): string[] {
  return [...text.matchAll(URL_IN_TEXT)].map(([url]) => url.replace(TRAILING_PUNCTUATION, ''));
}

/**
 * What a TMDB, IMDb or TVDB page URL refers to, with the provider id when the URL carries one. Other URLs
 * come back with entity `unknown` and no id. These are the URL forms Kodi's scrapers accept in NFOs.
 */
export function readProviderUrl(url: string): ProviderLink {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url, entity: 'unknown' };
  }
  const host = parsed.hostname.toLowerCase();
  if (isHost(host, 'themoviedb.org')) return readTmdbUrl(url, parsed);
  if (isHost(host, 'imdb.com')) return readImdbUrl(url, parsed);
  if (isHost(host, 'thetvdb.com')) return readTvdbUrl(url, parsed);
  return { url, entity: 'unknown' };
}

function readTmdbUrl(url: string, parsed: URL): ProviderLink {
  const match = TMDB_PATH.exec(parsed.pathname);
  if (match === null) return { url, entity: 'unknown' };
  const [, mediaType, id = '', seasonOrEpisode] = match;
  if (mediaType === 'movie') return { url, entity: 'movie', uniqueId: { type: 'tmdb', value: id } };
  // A season or episode page names the show's id, not the episode's own TMDB id.
  if (seasonOrEpisode !== undefined) return { url, entity: seasonOrEpisode.includes('/episode/') ? 'episode' : 'unknown' };
  return { url, entity: 'tvshow', uniqueId: { type: 'tmdb', value: id } };
}

function readImdbUrl(url: string, parsed: URL): ProviderLink {
  const id = IMDB_PATH.exec(parsed.pathname)?.[1];
  return id === undefined ? { url, entity: 'unknown' } : { url, entity: 'unknown', uniqueId: { type: 'imdb', value: id } };
}

/** The old `?tab=series&id=81189` form, and the numeric `/series/81189`, `/dereferrer/episode/…` forms. */
function readTvdbUrl(url: string, parsed: URL): ProviderLink {
  const tab = parsed.searchParams.get('tab');
  const queryId = parsed.searchParams.get('id');
  if (queryId !== null && /^\d+$/.test(queryId)) {
    if (tab === 'series') return { url, entity: 'tvshow', uniqueId: { type: 'tvdb', value: queryId } };
    if (tab === 'episode') return { url, entity: 'episode', uniqueId: { type: 'tvdb', value: queryId } };
  }
  const match = TVDB_PATH.exec(parsed.pathname);
  if (match === null) return { url, entity: 'unknown' };
  const [, kind, id = ''] = match;
  const entity = kind === 'series' ? 'tvshow' : kind === 'episode' ? 'episode' : 'movie';
  return { url, entity, uniqueId: { type: 'tvdb', value: id } };
}

function isHost(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
