import { NFO_ARTWORK_SOURCE } from '../db/repositories/nfo-artwork-candidate-repository.js';
import type { SeasonRef } from '../media/artwork-names.js';
import { nfoArtworkUrls, type NfoArtworkUrl } from '../media/nfo/index.js';
import type { ScannedTitle } from '../media/title-scan/types.js';

export { NFO_ARTWORK_SOURCE };

/**
 * The artwork URLs a title's NFOs name (the movie's or show's NFO, and each `season.nfo`), except for the
 * types the folder already has a picture of: a local `poster.jpg` or `season01-poster.jpg` comes first.
 */
export function nfoArtworkCandidates(scanned: ScannedTitle): NfoArtworkUrl[] {
  const found = scanned.nfo === undefined ? [] : nfoArtworkUrls(scanned.nfo);
  if (scanned.kind === 'tvshow') {
    for (const { season, nfo } of scanned.seasonNfos) if (nfo !== undefined) found.push(...nfoArtworkUrls(nfo, season));
  }
  const local = new Set(
    scanned.artwork.map(({ assetType, season }) => coverage(assetType === 'extrafanart' ? 'fanart' : assetType, seasonNumber(season))),
  );
  // One candidate per type and URL (the candidates' unique key): the show's NFO and a season.nfo may name the same picture.
  const offered = new Set<string>();
  return found.filter((candidate) => {
    const key = `${candidate.assetType} ${candidate.url}`;
    if (local.has(coverage(candidate.assetType.replace(/^season-/, ''), candidate.season)) || offered.has(key)) return false;
    offered.add(key);
    return true;
  });
}

function coverage(assetType: string, season: number | undefined): string {
  return season === undefined ? assetType : `${assetType}/${season}`;
}

function seasonNumber(season: SeasonRef | undefined): number | undefined {
  if (season === 'all') return -1;
  if (season === 'specials') return 0;
  return season;
}
