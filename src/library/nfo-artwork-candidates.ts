import { and, eq, isNull, or, sql as dsql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { providerAssets } from '../db/schema/index.js';
import type { SeasonRef } from '../media/artwork-names.js';
import { nfoArtworkUrls, type NfoArtworkUrl } from '../media/nfo/index.js';
import type { ScannedTitle } from '../media/title-scan/types.js';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The provider name NFO artwork candidates are stored under, beside `tmdb`, `fanart_tv`, … */
export const NFO_ARTWORK_SOURCE = 'nfo';

/**
 * The artwork URLs a title's NFOs name (the movie's or show's NFO, and each `season.nfo`), except for the
 * types the folder already has a picture of: a local `poster.jpg` or `season01-poster.jpg` comes first.
 */
export function nfoArtworkCandidates(scanned: ScannedTitle): NfoArtworkUrl[] {
  const found = scanned.nfo === undefined ? [] : nfoArtworkUrls(scanned.nfo);
  if (scanned.kind === 'tvshow') {
    for (const { season, nfo } of scanned.seasonNfos) if (nfo !== undefined) found.push(...nfoArtworkUrls(nfo, season));
  }
  const local = new Set(scanned.artwork.map(({ assetType, season }) => coverage(assetType === 'extrafanart' ? 'fanart' : assetType, seasonNumber(season))));
  // One candidate per type and URL (the candidates' unique key): the show's NFO and a season.nfo may name the same picture.
  const offered = new Set<string>();
  return found.filter((candidate) => {
    const key = `${candidate.assetType} ${candidate.url}`;
    if (local.has(coverage(candidate.assetType.replace(/^season-/, ''), candidate.season)) || offered.has(key)) return false;
    offered.add(key);
    return true;
  });
}

/**
 * Offers the NFO's artwork URLs as candidates (`provider_assets`, provider `nfo`), for enrichment to score,
 * select and download into the content store like any provider's. Candidates the NFO no longer names are
 * dropped unless a person chose or rejected them; a URL a provider offers too stays that provider's row.
 */
export async function saveNfoArtworkCandidates(tx: Tx, entityType: 'movie' | 'tv', entityId: string, candidates: readonly NfoArtworkUrl[]): Promise<void> {
  const entity = and(eq(providerAssets.entityType, entityType), eq(providerAssets.entityId, entityId), eq(providerAssets.providerName, NFO_ARTWORK_SOURCE));
  const notAPersonsChoice = or(isNull(providerAssets.selectedBy), eq(providerAssets.selectedBy, 'auto'));
  const offered = candidates.map(({ assetType, url }) => dsql`(${assetType}, ${url})`);
  const gone = offered.length > 0 ? dsql`(${providerAssets.assetType}, ${providerAssets.providerUrl}) not in (${dsql.join(offered, dsql`, `)})` : undefined;
  await tx.delete(providerAssets).where(and(entity, notAPersonsChoice, gone));
  if (candidates.length === 0) return;
  await tx
    .insert(providerAssets)
    .values(
      candidates.map(({ assetType, url, season, preview, attributes }) => ({
        entityType,
        entityId,
        assetType,
        providerName: NFO_ARTWORK_SOURCE,
        providerUrl: url,
        // The shape provider images have (scoring reads language and votes), plus what the <thumb> said;
        // its attributes as [name, value] pairs, since a JSON object in Postgres does not keep their order.
        providerMetadata: {
          language: null,
          voteAverage: null,
          voteCount: null,
          season: season ?? null,
          ...(preview === undefined ? {} : { preview }),
          ...(attributes === undefined ? {} : { attributes: Object.entries(attributes) }),
        },
      })),
    )
    .onConflictDoUpdate({
      target: [providerAssets.entityType, providerAssets.entityId, providerAssets.assetType, providerAssets.providerUrl],
      set: { providerMetadata: dsql`excluded.provider_metadata` },
      setWhere: eq(providerAssets.providerName, NFO_ARTWORK_SOURCE),
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
