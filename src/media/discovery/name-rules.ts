/**
 * File and folder name rules that discovery needs. Private to discovery for now: `src/media/title-names.ts`
 * is being written with the same semantics, and the two are to be unified into that module.
 * Every rule is case-insensitive, because libraries are often shared from Windows or macOS.
 */

const EXTRAS_FOLDER_NAMES = new Set([
  'extras',
  'featurettes',
  'trailers',
  'behind the scenes',
  'deleted scenes',
  'interviews',
  'scenes',
  'shorts',
  'other',
  'samples',
]);

/** Kodi's artwork folders that belong to the title holding them. */
const ARTWORK_FOLDER_NAMES = new Set(['extrafanart', 'extrathumbs']);

/** Kodi keeps actor portraits in a hidden `.actors` folder inside the title folder. */
const ACTORS_FOLDER_NAME = '.actors';

/** The suffixes Kodi and Jellyfin give extra videos kept next to the main one (`Movie (2010)-trailer.mkv`). */
const EXTRA_VIDEO_SUFFIX = /-(trailer|featurette|behindthescenes|deleted|deletedscene|interview|scene|short|clip|other|extra)$/i;

const SEASON_FOLDER = /^(?:season[ ._-]*|s)(\d{1,4})$/i;
const SPECIALS_FOLDER = /^specials?$/i;

// `S01E02`, `s1e2`, `S01.E02`, followed by more episodes as `E03`, `-E03` or `-03`.
const SXXEYY = /(?:^|[^a-z0-9])s(\d{1,4})[ ._-]?e(\d{1,4})((?:-?e\d{1,4}|-\d{1,4}(?![0-9a-z]))*)/i;
// `1x02`; a one- or two-digit season keeps `1920x1080` from reading as an episode.
const NXNN = /(?:^|[^a-z0-9])(\d{1,2})x(\d{2,3})((?:x\d{2,3}|-\d{2,3})*)(?![0-9])/i;
const FOLLOWING_EPISODE = /(-?)e?(\d{1,4})/gi;

/** The longest run of episodes a range such as `E01-E24` may span; longer ones are misreadings. */
const MAX_EPISODE_RANGE = 100;

export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

export function isActorsFolderName(name: string): boolean {
  return name.toLowerCase() === ACTORS_FOLDER_NAME;
}

export function isExtrasFolderName(name: string): boolean {
  return EXTRAS_FOLDER_NAMES.has(name.toLowerCase());
}

export function isArtworkFolderName(name: string): boolean {
  return ARTWORK_FOLDER_NAMES.has(name.toLowerCase());
}

/** The season number a folder name stands for (`Season 1`, `Season 01`, `S01`; `Specials` is 0), or null. */
export function isSeasonFolderName(name: string): number | null {
  if (SPECIALS_FOLDER.test(name)) return 0;
  const match = SEASON_FOLDER.exec(name);
  return match ? Number(match[1]) : null;
}

/** Season and episodes of an `S01E02`/`S01E02E03`/`S01E02-E04`/`1x02`-named file, or null. */
export function parseEpisodeFileName(name: string): { season: number; episodes: number[] } | null {
  const match = SXXEYY.exec(name) ?? NXNN.exec(name);
  if (!match) return null;
  const season = Number(match[1]);
  const episodes = [Number(match[2])];
  for (const [, dash, number] of (match[3] ?? '').matchAll(FOLLOWING_EPISODE)) {
    const episode = Number(number);
    const previous = episodes[episodes.length - 1] ?? episode;
    // A dash spans a range (`E01-E03` is 1, 2, 3); anything else lists one more episode (`E01E02`).
    if (dash && episode > previous && episode - previous <= MAX_EPISODE_RANGE) {
      for (let next = previous + 1; next <= episode; next += 1) episodes.push(next);
    } else if (episode !== previous) {
      episodes.push(episode);
    }
  }
  return { season, episodes };
}

/** `sample.mkv`, `Movie-sample.mkv`, `Movie.sample.mkv`: cut-down previews shipped with releases. */
export function isSampleFile(name: string): boolean {
  const stem = fileStem(name).toLowerCase();
  return stem === 'sample' || stem.endsWith('-sample') || stem.endsWith('.sample');
}

/** A trailer or other extra kept next to the main video under Kodi's and Jellyfin's `-suffix` naming. */
export function isExtraVideoFileName(name: string): boolean {
  return EXTRA_VIDEO_SUFFIX.test(fileStem(name));
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
