/** What a scene/P2P release name says about itself. */
export interface ParsedRelease {
  /** Frame height: 480, 576, 720, 1080, 2160. */
  resolution?: number;
  source?: 'bluray' | 'web-dl' | 'webrip' | 'hdtv' | 'dvd' | 'remux';
  codec?: 'x264' | 'x265' | 'av1' | 'xvid';
  group?: string;
  season?: number;
  /** Episodes named in the release (S01E01E02 → [1, 2]); empty for a season pack or a movie. */
  episodes: number[];
  /** A whole season (or several) in one release. */
  seasonPack: boolean;
  year?: number;
}

const RESOLUTIONS: [RegExp, number][] = [
  [/\b(2160p|4k|uhd)\b/i, 2160],
  [/\b1080[pi]\b/i, 1080],
  [/\b720p\b/i, 720],
  [/\b576p\b/i, 576],
  [/\b480p\b/i, 480],
];

const SOURCES: [RegExp, NonNullable<ParsedRelease['source']>][] = [
  [/\bremux\b/i, 'remux'],
  [/\b(blu-?ray|bdrip|brrip)\b/i, 'bluray'],
  [/\bweb-?dl\b/i, 'web-dl'],
  [/\bwebrip\b/i, 'webrip'],
  [/\bweb\b/i, 'web-dl'],
  [/\bhdtv\b/i, 'hdtv'],
  [/\b(dvdrip|dvd)\b/i, 'dvd'],
];

const CODECS: [RegExp, NonNullable<ParsedRelease['codec']>][] = [
  [/\b(x265|h\.?265|hevc)\b/i, 'x265'],
  [/\b(x264|h\.?264|avc)\b/i, 'x264'],
  [/\bav1\b/i, 'av1'],
  [/\bxvid\b/i, 'xvid'],
];

/**
 * Reads a release name such as `Show.Name.S01E02.1080p.WEB-DL.x264-GROUP` or `Show Name S01 720p BluRay`.
 * Dots, underscores and spaces are all separators; unknown parts are ignored.
 */
export function parseReleaseName(name: string): ParsedRelease {
  const normalised = name.replace(/\.(mkv|mp4|avi|torrent)$/i, '').replace(/[._]+/g, ' ');
  const parsed: ParsedRelease = { episodes: [], seasonPack: false };
  parsed.resolution = RESOLUTIONS.find(([re]) => re.test(normalised))?.[1];
  parsed.source = SOURCES.find(([re]) => re.test(normalised))?.[1];
  parsed.codec = CODECS.find(([re]) => re.test(normalised))?.[1];

  const episodeRun = /\bS(\d{1,2})((?:\s?-?E\d{1,3})+)\b/i.exec(normalised);
  const crossFormat = /\b(\d{1,2})x(\d{2,3})\b/i.exec(normalised);
  const seasonOnly = /\b(?:S(\d{1,2})(?:\s?-\s?S?(\d{1,2}))?|Season\s(\d{1,2}))\b(?!\s?-?E\d)/i.exec(normalised);
  if (episodeRun) {
    parsed.season = Number(episodeRun[1]);
    parsed.episodes = episodeRangeOf(episodeRun[2]!);
  } else if (crossFormat) {
    parsed.season = Number(crossFormat[1]);
    parsed.episodes = [Number(crossFormat[2])];
  } else if (seasonOnly) {
    parsed.season = Number(seasonOnly[1] ?? seasonOnly[3]);
    parsed.seasonPack = true;
  }

  const year = /\b(19\d{2}|20\d{2})\b/.exec(normalised);
  if (year) parsed.year = Number(year[1]);
  // The group follows the last hyphen of the original name: "...x264-GROUP".
  const group = /-([A-Za-z0-9]+)(?:\[[^\]]*\])?$/.exec(name.replace(/\.(mkv|mp4|avi|torrent)$/i, ''));
  if (group && !/^(dl|rip)$/i.test(group[1]!)) parsed.group = group[1];
  return parsed;
}

/** "E01E02", "E01-E03" and "E01-03" name a run of episodes. */
function episodeRangeOf(text: string): number[] {
  const numbers = [...text.matchAll(/E?(\d{1,3})/gi)].map((m) => Number(m[1]));
  if (/-/.test(text) && numbers.length === 2 && numbers[1]! > numbers[0]!) {
    return Array.from({ length: numbers[1]! - numbers[0]! + 1 }, (_, i) => numbers[0]! + i);
  }
  return numbers;
}

/** Whether a video file inside a release is this episode. */
export function fileIsEpisode(fileName: string, season: number, episode: number): boolean {
  const parsed = parseReleaseName(fileName.split('/').pop()!);
  return parsed.season === season && parsed.episodes.includes(episode);
}
