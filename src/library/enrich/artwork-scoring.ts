import type { ProviderAssetType } from '../../contracts/artwork-types.js';

/** What scoring needs to know about one artwork candidate; any of it may be unknown. */
export interface ArtworkCandidate {
  assetType: string;
  width: number | null;
  height: number | null;
  language: string | null;
  voteAverage: number | null;
  voteCount: number | null;
}

export interface ArtworkPreferences {
  /** ISO 639-1. */
  language: string;
  /** Height in pixels from which photographic artwork scores fully. */
  minResolution: number;
}

// Weights of the four criteria; they add up to 100. Resolution matters most because a small poster looks
// bad on every screen, while a missing vote only means nobody rated it yet.
const RESOLUTION_POINTS = 40;
const LANGUAGE_POINTS = 30;
const VOTE_POINTS = 20;
const ASPECT_POINTS = 10;

/** Width:height Kodi's skins lay each type out at. */
const EXPECTED_ASPECT: Partial<Record<ProviderAssetType | string, number>> = {
  poster: 2 / 3,
  'season-poster': 2 / 3,
  keyart: 2 / 3,
  fanart: 16 / 9,
  'season-fanart': 16 / 9,
  landscape: 16 / 9,
  'season-landscape': 16 / 9,
  thumb: 16 / 9,
  banner: 1000 / 185,
  'season-banner': 1000 / 185,
  clearlogo: 800 / 310,
  clearart: 1000 / 562,
  discart: 1,
};

/** Transparent art is measured by width: a logo 800 px wide is full size whatever its height. */
const FULL_WIDTH: Partial<Record<string, number>> = { clearlogo: 800, clearart: 1000, discart: 1000, banner: 1000, 'season-banner': 1000 };

/** Art that carries no text reads best without a language; posters and logos want the person's language. */
const TEXTLESS_PREFERRED = new Set(['fanart', 'season-fanart', 'discart']);

/**
 * 0–100: resolution against the minimum (40), preferred language with language-less art as the fallback
 * (30), votes (20), and how close the aspect is to what the type is shown at (10).
 */
export function scoreArtwork(candidate: ArtworkCandidate, preferences: ArtworkPreferences): number {
  const total =
    resolutionPoints(candidate, preferences.minResolution) +
    languagePoints(candidate, preferences.language) +
    votePoints(candidate) +
    aspectPoints(candidate);
  return Math.max(0, Math.min(100, Math.round(total)));
}

function resolutionPoints({ assetType, width, height }: ArtworkCandidate, minResolution: number): number {
  const fullWidth = FULL_WIDTH[assetType];
  if (fullWidth !== undefined) {
    if (width === null) return RESOLUTION_POINTS / 2;
    return RESOLUTION_POINTS * Math.min(1, width / fullWidth);
  }
  if (height === null) return RESOLUTION_POINTS / 2;
  if (minResolution <= 0) return RESOLUTION_POINTS;
  return RESOLUTION_POINTS * Math.min(1, height / minResolution);
}

function languagePoints({ assetType, language }: ArtworkCandidate, preferred: string): number {
  const matches = language !== null && language.toLowerCase() === preferred.toLowerCase();
  if (TEXTLESS_PREFERRED.has(assetType)) {
    if (language === null) return LANGUAGE_POINTS;
    return matches ? LANGUAGE_POINTS * (2 / 3) : 0;
  }
  if (matches) return LANGUAGE_POINTS;
  return language === null ? LANGUAGE_POINTS * (2 / 3) : 0;
}

function votePoints({ voteAverage, voteCount }: ArtworkCandidate): number {
  // The average says how good, the count how sure: ten votes at 5.5 beat one vote at 10.
  const average = voteAverage === null ? 0 : Math.max(0, Math.min(10, voteAverage)) / 10;
  const certainty = voteCount === null || voteCount <= 0 ? 0 : Math.min(1, Math.log10(voteCount + 1) / 2);
  return VOTE_POINTS * (0.6 * average * (voteCount && voteCount > 0 ? 1 : 0.5) + 0.4 * certainty);
}

function aspectPoints({ assetType, width, height }: ArtworkCandidate): number {
  const expected = EXPECTED_ASPECT[assetType];
  if (expected === undefined || !width || !height) return ASPECT_POINTS / 2;
  const deviation = Math.abs(width / height / expected - 1);
  return ASPECT_POINTS * Math.max(0, 1 - deviation * 4);
}

/** A candidate as selection sees it: its score, and what a person said about it. */
export interface RankedArtwork {
  id: string;
  assetType: string;
  score: number;
  isRejected: boolean;
  /** Chosen by a person: always kept, and counted first. */
  selectedByUser: boolean;
}

/**
 * The order in which to try one type's candidates: a person's choices first, then the rest best score
 * first; rejected ones never. The caller downloads in this order and stops at the maximum, skipping
 * near-duplicates of what it already kept.
 */
export function selectionOrder<T extends RankedArtwork>(candidates: readonly T[]): T[] {
  return candidates
    .filter((c) => !c.isRejected)
    .sort((a, b) => Number(b.selectedByUser) - Number(a.selectedByUser) || b.score - a.score || a.id.localeCompare(b.id));
}

/** How many of each type enrichment keeps; types without their own setting keep one. */
export function maxForType(assetType: string, limits: { maxPoster: number; maxFanart: number; maxLogo: number }): number {
  if (assetType === 'poster') return limits.maxPoster;
  if (assetType === 'fanart') return limits.maxFanart;
  if (assetType === 'clearlogo') return limits.maxLogo;
  // Season art is one per season; the caller groups by season first.
  return 1;
}
