import path from 'node:path';
import { toIso6392 } from '../language/language-codes.js';

/** A subtitle file kept next to a video, as Kodi, Jellyfin and Plex name them (`Movie.en.forced.srt`). */
export interface ExternalSubtitle {
  fileName: string;
  format: ExternalSubtitleFormat;
  /** ISO 639-2/B, lower-case; `und` when the file name does not say. */
  language: string;
  forced: boolean;
  /** Subtitles for the deaf and hard of hearing (also written `cc` or `hi`). */
  sdh: boolean;
}

/** `vobsub` is an `.idx` + `.sub` pair, reported once under the `.idx` name; a lone `.sub` is MicroDVD text. */
export type ExternalSubtitleFormat = 'srt' | 'ass' | 'ssa' | 'vtt' | 'sup' | 'vobsub' | 'sub';

const FORMAT_BY_EXTENSION: Record<string, ExternalSubtitleFormat> = {
  '.srt': 'srt',
  '.ass': 'ass',
  '.ssa': 'ssa',
  '.vtt': 'vtt',
  '.sup': 'sup',
  '.idx': 'vobsub',
  '.sub': 'sub',
};

const FORCED_FLAGS = new Set(['forced', 'foreign']);
const SDH_FLAGS = new Set(['sdh', 'cc', 'hi']);

/**
 * The subtitle files among a video's siblings. A sibling counts when its name is the video's base name
 * followed by a dot (`Movie.srt`, `Movie.en.srt`), compared case-insensitively as Windows and macOS
 * shares do; `Movie 2.srt` belongs to `Movie 2.mkv`, not to `Movie.mkv`.
 */
export function findExternalSubtitles(videoPath: string, siblingFileNames: string[]): ExternalSubtitle[] {
  const videoBaseName = path.parse(videoPath).name.toLowerCase();
  const lowerNames = new Set(siblingFileNames.map((name) => name.toLowerCase()));
  const subtitles: ExternalSubtitle[] = [];
  for (const fileName of siblingFileNames) {
    const { name, ext } = path.parse(fileName);
    const extension = ext.toLowerCase();
    const format = FORMAT_BY_EXTENSION[extension];
    if (!format || !`${name.toLowerCase()}.`.startsWith(`${videoBaseName}.`)) continue;
    const pairedSub = lowerNames.has(`${name}.sub`.toLowerCase());
    const pairedIdx = lowerNames.has(`${name}.idx`.toLowerCase());
    // An .idx is useless without its .sub, and a .sub next to an .idx is that pair's data, not text.
    if (extension === '.idx' && !pairedSub) continue;
    if (extension === '.sub' && pairedIdx) continue;
    subtitles.push({ fileName, format, ...parseSubtitleTags(name.slice(videoBaseName.length)) });
  }
  return subtitles;
}

/**
 * Reads the dot-separated words after the video's name. `hi` is Hindi when it is the only language word
 * and "hearing impaired" next to another language (`Movie.en.hi.srt`), as Jellyfin reads it.
 */
function parseSubtitleTags(suffix: string): Pick<ExternalSubtitle, 'language' | 'forced' | 'sdh'> {
  const words = suffix
    .split('.')
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
  let forced = false;
  let sdh = false;
  let language: string | null = null;
  for (const word of words) {
    if (FORCED_FLAGS.has(word)) forced = true;
    else if (SDH_FLAGS.has(word) && (word !== 'hi' || words.some((w) => w !== 'hi' && isLanguageWord(w)))) sdh = true;
    else language ??= toIso6392(word, { listedOnly: true });
  }
  return { language: language ?? 'und', forced, sdh };
}

function isLanguageWord(word: string): boolean {
  return !FORCED_FLAGS.has(word) && !SDH_FLAGS.has(word) && toIso6392(word, { listedOnly: true }) !== null;
}
