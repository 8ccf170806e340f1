import type { NfoThumb, XmlElement } from './types.js';

/** An artwork URL an NFO names, as an artwork candidate: what it is of, and what the file said of it. */
export interface NfoArtworkUrl {
  /** A provider asset type: `poster`, `fanart`, `clearlogo`, …, or `season-poster`, `season-fanart`, … */
  assetType: string;
  url: string;
  /** For season artwork: the season, -1 for all seasons. */
  season?: number;
  preview?: string;
  /** The `<thumb>`'s other attributes (Kodi's `spoof`, `cache`), to write it back as it was. */
  attributes?: Record<string, string>;
}

/** Kodi's artwork types for a movie or show, by `<thumb aspect="…">`. */
const TITLE_TYPES = new Set(['poster', 'fanart', 'banner', 'clearlogo', 'clearart', 'discart', 'landscape', 'keyart', 'characterart']);
/** The artwork types Kodi reads per season. */
const SEASON_TYPES = new Set(['poster', 'fanart', 'banner', 'landscape']);

/**
 * The artwork URLs of a movie's or show's NFO (`<thumb aspect="poster">`, a show's `<thumb type="season"
 * season="1">`, `<fanart><thumb>`), or of a `season.nfo` when `season` is given. A `<thumb>` without an
 * aspect is a poster, as Kodi takes it. Only http(s) URLs are candidates: a path in an NFO names a file on
 * the machine that wrote it, which the scan reads as local artwork if it is in the folder.
 */
export function nfoArtworkUrls(nfo: { thumbs: readonly NfoThumb[]; extra: readonly XmlElement[] }, season?: number): NfoArtworkUrl[] {
  const found: NfoArtworkUrl[] = [];
  const add = (candidate: NfoArtworkUrl) => {
    const known = found.some(
      (other) => other.assetType === candidate.assetType && other.season === candidate.season && other.url === candidate.url,
    );
    if (isWebUrl(candidate.url) && !known) found.push(candidate);
  };

  for (const { url, aspect = 'poster', type, season: thumbSeason, preview, attributes } of nfo.thumbs) {
    const forSeason = season ?? (type === 'season' ? thumbSeason : undefined);
    const kept = { ...(preview === undefined ? {} : { preview }), ...(attributes === undefined ? {} : { attributes }) };
    if (forSeason !== undefined) {
      if (SEASON_TYPES.has(aspect)) add({ assetType: `season-${aspect}`, url, season: forSeason, ...kept });
    } else if (type === undefined && TITLE_TYPES.has(aspect)) {
      add({ assetType: aspect, url, ...kept });
    }
  }

  for (const fanart of nfo.extra.filter((element) => element.name === 'fanart')) {
    // Kodi's <fanart url="https://…/"> names the base its <thumb> paths are relative to.
    const base = fanart.attributes['url'] ?? '';
    for (const thumb of fanart.children) {
      if (typeof thumb === 'string' || thumb.name !== 'thumb') continue;
      const [text] = thumb.children;
      if (typeof text !== 'string') continue;
      const preview = thumb.attributes['preview'];
      const candidate = { url: resolve(base, text), ...(preview ? { preview: resolve(base, preview) } : {}) };
      add(season === undefined ? { assetType: 'fanart', ...candidate } : { assetType: 'season-fanart', season, ...candidate });
    }
  }
  return found;
}

function resolve(base: string, text: string): string {
  return isWebUrl(text) ? text : `${base}${text}`;
}

function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
