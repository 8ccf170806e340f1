import { compileNameCleanup, type NameCleanupRule } from '../../contracts/iptv-providers.js';

// Catalogue names carry more than the title: language prefixes ("EN - ", "|FR|"), quality tags, years and
// episode markers. Matching needs the bare title and the year; the provider's own rules run first, since
// every panel has its habits.

const LEADING_TAG = /^\s*(?:\|[^|]{1,12}\||\[[^\]]{1,12}\]|[A-Z]{2,3}(?:[-/][A-Z]{2,3})?\s*[-:|]\s+)/u;
const QUALITY = /\b(?:4k|uhd|fhd|hd|sd|hdr|1080p|720p|2160p|hevc|x26[45]|h26[45]|multi(?:-?sub)?|vostfr)\b/giu;
const TRAILING_YEAR = /[\s.([-]*\(?((?:19|20)\d{2})\)?\s*$/u;
const BRACKETS = /\[[^\]]*\]|\{[^}]*\}/gu;
const EPISODE_MARKER = /\bS(\d{1,3})\s*[._-]?\s*E(\d{1,4})\b/iu;
const EPISODE_MARKER_X = /\b(\d{1,2})x(\d{1,3})\b/u;

export interface CleanName {
  title: string;
  year?: number;
}

/** Applies the provider's rules (in order, case-insensitive, every match), then the common clean-up. */
export function cleanTitle(name: string, rules: readonly NameCleanupRule[] = []): CleanName {
  let text = name;
  for (const rule of rules) text = text.replace(compileNameCleanup(rule.pattern), rule.replacement);
  text = text.replace(LEADING_TAG, '').replace(BRACKETS, ' ').replace(QUALITY, ' ');
  let year: number | undefined;
  const yearMatch = TRAILING_YEAR.exec(text);
  if (yearMatch && yearMatch.index > 0) {
    year = Number(yearMatch[1]);
    text = text.slice(0, yearMatch.index);
  }
  const title = text
    .replace(/[._]+/g, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-:|]+|[\s\-:|]+$/g, '')
    .trim();
  return year === undefined ? { title } : { title, year };
}

export interface EpisodeMarker {
  season: number;
  episode: number;
  /** The text before the marker: a show's name in "Show Name S01E02 - Title". */
  before: string;
}

/** Season and episode from "S01E02", "S01 E02", "S1.E2" or "1x02", wherever they appear. */
export function findEpisodeMarker(text: string): EpisodeMarker | undefined {
  const match = EPISODE_MARKER.exec(text) ?? EPISODE_MARKER_X.exec(text);
  if (!match) return undefined;
  return { season: Number(match[1]), episode: Number(match[2]), before: text.slice(0, match.index) };
}

/** The key of one episode's stream in provider_titles.streams: `S01-E01`. */
export function episodeKey(season: number, episode: number): string {
  return `S${String(season).padStart(2, '0')}-E${String(episode).padStart(2, '0')}`;
}
