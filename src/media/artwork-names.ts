import type { ArtworkAssetType, SeasonArtworkType } from '../contracts/artwork-types.js';
import { isSeasonFolderName } from './title-names.js';

/** A season number, every season at once (`season-all`), or the specials (season 0). */
export type SeasonRef = number | 'all' | 'specials';

export interface ArtworkMatch {
  assetType: ArtworkAssetType;
  season?: SeasonRef;
}

/** `.tbn` is Kodi's old name for a JPEG thumbnail. */
export const ARTWORK_EXTENSIONS: readonly string[] = ['.jpg', '.jpeg', '.png', '.webp', '.tbn'];

/**
 * What a publisher writes, by asset type. Photographic art is JPEG; logos, clear art and disc art are PNG
 * because they rely on transparency. Every name here is read back by `classifyArtwork`.
 */
export const KODI_TITLE_ARTWORK_FILE_NAMES = {
  poster: 'poster.jpg',
  fanart: 'fanart.jpg',
  banner: 'banner.jpg',
  clearlogo: 'clearlogo.png',
  clearart: 'clearart.png',
  discart: 'discart.png',
  landscape: 'landscape.jpg',
  keyart: 'keyart.jpg',
} as const satisfies Partial<Record<ArtworkAssetType, string>>;

export const KODI_SEASON_ARTWORK_TYPES: readonly SeasonArtworkType[] = ['poster', 'fanart', 'banner', 'landscape'];

/** `season01-poster.jpg`, `season-all-banner.jpg`, `season-specials-poster.jpg` (season 0 included). */
export function kodiSeasonArtworkFileName(season: SeasonRef, assetType: SeasonArtworkType, extension = '.jpg'): string {
  return `${seasonArtworkPrefix(season)}-${assetType}${extension}`;
}

/** An episode's (or a video's) own thumbnail: `<video base name>-thumb.jpg`. */
export function kodiVideoThumbFileName(videoBaseName: string, extension = '.jpg'): string {
  return `${videoBaseName}-thumb${extension}`;
}

/** Additional fanart, numbered from 1, inside the title folder's `extrafanart/`. */
export function kodiExtraFanartPath(number: number, extension = '.jpg'): string {
  return `extrafanart/fanart${number}${extension}`;
}

function seasonArtworkPrefix(season: SeasonRef): string {
  if (season === 'all') return 'season-all';
  if (season === 'specials' || season === 0) return 'season-specials';
  return `season${String(season).padStart(2, '0')}`;
}

/**
 * Names the readers of Kodi, Jellyfin, Plex and Emby folders use for the same asset, keyed by the lower-case
 * stem (`folder.jpg` and `cover.jpg` are posters, `backdrop.jpg` fanart, `disc.png` disc art).
 */
const ASSET_TYPE_BY_STEM: Record<string, Exclude<ArtworkAssetType, 'extrafanart' | 'extrathumbs'>> = {
  poster: 'poster',
  folder: 'poster',
  cover: 'poster',
  fanart: 'fanart',
  backdrop: 'fanart',
  background: 'fanart',
  art: 'fanart',
  banner: 'banner',
  clearlogo: 'clearlogo',
  logo: 'clearlogo',
  clearart: 'clearart',
  discart: 'discart',
  disc: 'discart',
  cdart: 'discart',
  landscape: 'landscape',
  keyart: 'keyart',
  thumb: 'thumb',
};

const SEASON_ART_STEM = /^season(?:(\d{1,4})|-(all|specials))(?:-(poster|fanart|banner|landscape))?$/;
// Jellyfin and Emby number further backdrops (`backdrop1.jpg`, `fanart-2.jpg`); Kodi keeps them in extrafanart/.
const NUMBERED_FANART_STEM = /^(?:fanart|backdrop|background)-?\d{1,3}$/;
// `movie-poster.jpg`, like `movie.nfo`, names the folder's movie without repeating its file name.
const GENERIC_VIDEO_BASE_NAME = 'movie';

/**
 * The artwork a file inside a title folder is, or null. `relativePath` is relative to the title folder
 * (`poster.jpg`, `extrafanart/a.jpg`, `Season 1/folder.jpg`); `videoBaseNames` are the title's video file
 * names without extension, for `<video>-poster.jpg` and `<video>.tbn`. Case-insensitive throughout.
 */
export function classifyArtwork(relativePath: string, videoBaseNames: string[]): ArtworkMatch | null {
  const parts = relativePath.split(/[\\/]/).filter(Boolean);
  const fileName = parts.at(-1);
  if (!fileName || parts.length > 2) return null;
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 || !ARTWORK_EXTENSIONS.includes(fileName.slice(dot).toLowerCase())) return null;
  const stem = fileName.slice(0, dot).toLowerCase();
  const baseNames = videoBaseNames.map((name) => name.toLowerCase());

  if (parts.length === 2) {
    const folder = parts[0]!;
    const folderLower = folder.toLowerCase();
    if (folderLower === 'extrafanart') return { assetType: 'extrafanart' };
    if (folderLower === 'extrathumbs') return { assetType: 'extrathumbs' };
    const season = isSeasonFolderName(folder);
    if (season === null) return null;
    // Jellyfin and Plex read a season's own folder art (`Season 1/poster.jpg`); episode thumbs live there too.
    const assetType = ASSET_TYPE_BY_STEM[stem];
    if (assetType && isSeasonArtworkType(assetType)) return { assetType, season: season === 0 ? 'specials' : season };
    return classifyVideoArtwork(stem, baseNames);
  }

  const seasonArt = SEASON_ART_STEM.exec(stem);
  if (seasonArt) {
    const [, number, named, type] = seasonArt;
    const season: SeasonRef = named === 'all' ? 'all' : named === 'specials' || Number(number) === 0 ? 'specials' : Number(number);
    // A bare `season01.tbn` is Kodi's old season thumbnail, which is the season poster.
    return { assetType: (type as SeasonArtworkType | undefined) ?? 'poster', season };
  }
  const assetType = ASSET_TYPE_BY_STEM[stem];
  if (assetType) return { assetType };
  if (NUMBERED_FANART_STEM.test(stem)) return { assetType: 'extrafanart' };
  return classifyVideoArtwork(stem, baseNames);
}

/** `<video>-poster.jpg` is that video's poster; a bare `<video>.jpg` or `<video>.tbn` is its thumbnail. */
function classifyVideoArtwork(stem: string, baseNames: string[]): ArtworkMatch | null {
  if (baseNames.includes(stem)) return { assetType: 'thumb' };
  for (const baseName of [...baseNames, GENERIC_VIDEO_BASE_NAME]) {
    if (!stem.startsWith(`${baseName}-`)) continue;
    const assetType = ASSET_TYPE_BY_STEM[stem.slice(baseName.length + 1)];
    if (assetType) return { assetType };
  }
  return null;
}

function isSeasonArtworkType(type: ArtworkAssetType): type is SeasonArtworkType {
  return (KODI_SEASON_ARTWORK_TYPES as readonly ArtworkAssetType[]).includes(type);
}
