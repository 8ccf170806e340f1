/**
 * What file and folder names say about titles, seasons and episodes, as Kodi, Jellyfin, Plex and release
 * groups write them. Every rule is case-insensitive, because libraries are often shared from Windows or macOS.
 */
import type { ExternalIds } from '../contracts/external-ids.js';

export interface ParsedFolderName {
  /** '' when the name holds nothing but ids. */
  title: string;
  year?: number;
  ids: ExternalIds;
}

export interface ParsedEpisodeName {
  season: number;
  episodes: number[];
}

// Plex writes `{tmdb-603}`, Jellyfin `[tmdbid-603]`; `=` and `:` turn up in hand-made names.
const ID_TAG = /[[{]\s*(tmdb|imdb|tvdb)(?:id)?\s*[-=:]\s*([a-z0-9]+)\s*[\]}]/gi;
const BRACKETED_YEAR = /[([]\s*(\d{4})\s*[)\]]/g;
const FIRST_FILM_YEAR = 1880;

/**
 * Release-name words that cannot be part of a title, so everything from the first of them on is dropped.
 * Tested against the whole word and its part before a dash (`x264-GROUP`).
 */
const RELEASE_WORDS = [
  // resolution
  '\\d{3,4}[pi]',
  '[48]k',
  'uhd',
  // source
  'blu-?ray',
  'bdrip',
  'bdremux',
  'brrip',
  'remux',
  'web-?dl',
  'web-?rip',
  'hdtv',
  'hdrip',
  'dvd(?:rip|scr|[59])',
  // video
  'x26[45]',
  'h26[45]',
  'hevc',
  'avc',
  'xvid',
  'divx',
  'av1',
  'vp9',
  '(?:8|10|12)-?bit',
  'hdr(?:10(?:plus|\\+)?)?',
  'dovi',
  // audio
  'e?ac3',
  'truehd',
  'atmos',
  'dts(?:-?(?:hd|ma|x))?',
  'ddp?\\d',
  'ddp',
  'aac\\d?',
  'flac',
  // release tags
  'proper',
  'repack',
  'rerip',
  'internal',
  'remastered',
  'unrated',
  'extended',
];
const RELEASE_WORD = new RegExp(`^(?:${RELEASE_WORDS.join('|')})$`, 'i');
// Words that are release junk only once a year or a stronger release word has been passed: "Charlotte's Web".
const WEAK_RELEASE_WORD = /^(?:web|dvd|dv|cam|hc|multi|limited)$/i;

/**
 * `The Matrix (1999)`, `The.Matrix.1999.1080p.BluRay.x264-GROUP`, `Amélie (2001) {tmdb-194}`. A four-digit
 * number is the year only in brackets or after the first word and before the release words, so `1917
 * (2019)` and `Blade Runner 2049 (2017)` keep their numbers in the title. Years run from 1880 to next year.
 */
export function parseFolderName(name: string): ParsedFolderName {
  const ids: ExternalIds = {};
  const withoutIds = name.replace(ID_TAG, (_, source: string, value: string) => {
    recordId(ids, source.toLowerCase(), value);
    return ' ';
  });
  const latestYear = new Date().getFullYear() + 1;
  const isYear = (text: string) => /^\d{4}$/.test(text) && Number(text) >= FIRST_FILM_YEAR && Number(text) <= latestYear;

  const bracketed = [...withoutIds.matchAll(BRACKETED_YEAR)].filter((m) => isYear(m[1]!)).at(-1);
  if (bracketed) {
    return { title: cleanTitle(toWords(withoutIds.slice(0, bracketed.index))), year: Number(bracketed[1]), ids };
  }

  const words = toWords(withoutIds);
  const isReleaseWord = (word: string) => RELEASE_WORD.test(word) || RELEASE_WORD.test(word.split('-')[0]!);
  let end = words.findIndex((word, i) => i > 0 && isReleaseWord(word));
  if (end === -1) end = words.length;
  const yearIndex = words.slice(0, end).findLastIndex((word, i) => i > 0 && isYear(word));
  if (yearIndex !== -1) return { title: cleanTitle(words.slice(0, yearIndex)), year: Number(words[yearIndex]), ids };
  const weakEnd = words.findIndex((word, i) => i > 0 && i < end && WEAK_RELEASE_WORD.test(word));
  return { title: cleanTitle(words.slice(0, weakEnd === -1 ? end : weakEnd)), ids };
}

// At most nine digits: ids are stored in Postgres integer columns, and no provider's ids are longer.
function recordId(ids: ExternalIds, source: string, value: string): void {
  if (source === 'imdb' && /^tt\d{7,}$/i.test(value)) ids.imdb = value.toLowerCase();
  if (source === 'tmdb' && /^\d{1,9}$/.test(value)) ids.tmdb = Number(value);
  if (source === 'tvdb' && /^\d{1,9}$/.test(value)) ids.tvdb = Number(value);
}

/**
 * Splits a name into words. Dots and underscores separate words only in names without spaces
 * (`The.Matrix.1999`), so `Mr. Robot` and `S.W.A.T. (2017)` keep theirs; `{edition-…}` and other tags go.
 */
function toWords(text: string): string[] {
  const untagged = text.replace(/\{[^}]*\}|\[[^\]]*\]|\(\s*\)/g, ' ');
  const spaced = /\s/.test(untagged.trim()) ? untagged.replace(/_/g, ' ') : untagged.replace(/[._]/g, ' ');
  return spaced.split(/\s+/).filter(Boolean);
}

/** Joins words back, rebuilding acronyms a dotted name split into letters (`S W A T` → `S.W.A.T.`). */
function cleanTitle(words: string[]): string {
  const joined: string[] = [];
  let letters: string[] = [];
  const flushLetters = () => {
    if (letters.length >= 2) joined.push(`${letters.join('.')}.`);
    else joined.push(...letters);
    letters = [];
  };
  for (const word of words) {
    if (/^\p{L}$/u.test(word)) {
      letters.push(word);
      continue;
    }
    flushLetters();
    joined.push(word);
  }
  flushLetters();
  return joined
    .join(' ')
    .replace(/[\s\-–:,]+$/, '')
    .trim();
}

// `S01E02`, `s1e2`, `S01.E02`, followed by more episodes as `E03`, `-E03` or `-03`.
const SXXEYY = /(?:^|[^a-z0-9])s(\d{1,4})[ ._-]?e(\d{1,4})((?:-?e\d{1,4}|-\d{1,3}(?![0-9a-z]))*)/i;
const SXXEYY_CONTINUATION = /(-?)e?(\d{1,4})/gi;
// `1x02`, `1x02x03`, `1x02-03`, `1x02-1x03`; a one- or two-digit season keeps `1920x1080` from reading as an episode.
const NXNN = /(?:^|[^a-z0-9])(\d{1,2})x(\d{2,3})((?:x\d{2,3}|-(?:\d{1,2}x)?\d{2,3})*)(?![0-9])/i;
const NXNN_CONTINUATION = /(x|-)(?:(\d{1,2})x)?(\d{2,3})/gi;

/** The longest run of episodes a range such as `E01-E24` may span; longer ones are misreadings. */
const MAX_EPISODE_RANGE = 100;

/**
 * Season and episodes of an episode file name, or null. A dash spans a range (`E01-E03` is 1, 2, 3, as
 * Sonarr's range style and Jellyfin read it); anything else lists one more episode (`E01E02`).
 */
export function parseEpisodeFileName(name: string): ParsedEpisodeName | null {
  const sxxeyy = SXXEYY.exec(name);
  if (sxxeyy) {
    return { season: Number(sxxeyy[1]), episodes: episodesWithContinuation(Number(sxxeyy[2]), sxxeyy[3] ?? '') };
  }
  const nxnn = NXNN.exec(name);
  if (!nxnn) return null;
  const season = Number(nxnn[1]);
  const continuation = [];
  for (const [, separator, repeatedSeason, episode] of (nxnn[3] ?? '').matchAll(NXNN_CONTINUATION)) {
    // `1x02-2x01` spans two seasons, which one file cannot be; keep the part that is certain.
    if (repeatedSeason !== undefined && Number(repeatedSeason) !== season) break;
    continuation.push({ dash: separator === '-', episode: Number(episode) });
  }
  return { season, episodes: collectEpisodes(Number(nxnn[2]), continuation) };
}

/**
 * The episodes of a name whose first episode is `first`, followed by `continuation` such as `E02`, `-E03`
 * or `-03` (the text after `S01E01`, or after a bare `E01`).
 */
export function episodesWithContinuation(first: number, continuation: string): number[] {
  const following = [...continuation.matchAll(SXXEYY_CONTINUATION)].map(([, dash, episode]) => ({
    dash: dash === '-',
    episode: Number(episode),
  }));
  return collectEpisodes(first, following);
}

function collectEpisodes(first: number, continuation: { dash: boolean; episode: number }[]): number[] {
  const episodes = [first];
  for (const { dash, episode } of continuation) {
    const previous = episodes.at(-1)!;
    if (dash) {
      if (episode <= previous || episode - previous > MAX_EPISODE_RANGE) break;
      for (let next = previous + 1; next <= episode; next += 1) episodes.push(next);
    } else if (!episodes.includes(episode)) {
      episodes.push(episode);
    }
  }
  return episodes;
}

const SEASON_FOLDER = /^(?:(?:season|staffel|saison|temporada|stagione|seizoen)[ ._-]*|s)(\d{1,4})$/i;
const SPECIALS_FOLDER = /^specials?$/i;

/** The season a folder name stands for (`Season 01`, `S01`, `Staffel 2`, `Saison 3`; `Specials` is 0), or null. */
export function isSeasonFolderName(name: string): number | null {
  const trimmed = name.trim();
  if (SPECIALS_FOLDER.test(trimmed)) return 0;
  const match = SEASON_FOLDER.exec(trimmed);
  return match ? Number(match[1]) : null;
}

/** The folder names Jellyfin and Plex read as extras of the title that holds them. */
export const EXTRAS_FOLDER_NAMES: ReadonlySet<string> = new Set([
  'extras',
  'featurettes',
  'trailers',
  'behind the scenes',
  'deleted scenes',
  'interviews',
  'scenes',
  'shorts',
  'clips',
  'other',
  'samples',
  'theme-music',
  'backdrops',
]);

export function isExtrasFolderName(name: string): boolean {
  return EXTRAS_FOLDER_NAMES.has(name.trim().toLowerCase());
}

/** `sample.mkv`, `Movie-sample.mkv`, `Movie.sample.mkv`: cut-down previews shipped with releases. */
export function isSampleFile(name: string): boolean {
  const stem = fileStem(name).toLowerCase();
  return stem === 'sample' || stem.endsWith('-sample') || stem.endsWith('.sample');
}

/** `trailer.mkv`, `Movie-trailer.mkv`, `Movie.trailer2.mkv`: Kodi's and Jellyfin's trailer names. */
export function isTrailerFile(name: string): boolean {
  return /(?:^|[-._])trailer\d*$/i.test(fileStem(name));
}

/** A trailer or other extra kept next to the main video under Kodi's and Jellyfin's `-suffix` naming. */
export function isExtraVideoFileName(name: string): boolean {
  return EXTRA_VIDEO_SUFFIX.test(fileStem(name));
}

/** The suffixes Kodi and Jellyfin give extra videos kept next to the main one (`Movie (2010)-featurette.mkv`). */
const EXTRA_VIDEO_SUFFIX = /-(trailer|featurette|behindthescenes|deleted|deletedscene|interview|scene|short|clip|other|extra)$/i;

export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/** Kodi keeps actor portraits in a hidden `.actors` folder inside the title folder. */
export function isActorsFolderName(name: string): boolean {
  return name.toLowerCase() === '.actors';
}

/** Kodi's artwork folders that belong to the title holding them. */
export function isArtworkFolderName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'extrafanart' || lower === 'extrathumbs';
}

/** The name without its last extension: `Movie (2010).en.srt` → `Movie (2010).en`. */
export function fileStem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The last extension, lower-case with its dot, or '' when there is none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}
