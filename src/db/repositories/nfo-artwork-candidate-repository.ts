import { and, eq, isNull, or, sql as dsql } from 'drizzle-orm';
import type { NfoArtworkUrl } from '../../media/nfo/index.js';
import { inTransaction, type Database, type Transaction } from '../client.js';
import { anyOf, insertJsonRows } from '../json-rows.js';
import { providerAssets } from '../schema/index.js';

/** The provider name NFO artwork candidates are stored under, beside `tmdb`, `fanart_tv`, … */
export const NFO_ARTWORK_SOURCE = 'nfo';

export class NfoArtworkCandidateRepository {
  constructor(private readonly db: Database) {}

  /**
   * Offers the NFO's artwork URLs as candidates (`provider_assets`, provider `nfo`), for enrichment to score,
   * select and download into the content store like any provider's. Candidates the NFO no longer names are
   * dropped unless a person chose or rejected them; a URL a provider offers too stays that provider's row.
   */
  async replace(entityType: 'movie' | 'tv', entityId: string, candidates: readonly NfoArtworkUrl[], within?: Transaction): Promise<void> {
    await this.replaceMany(entityType, new Map([[entityId, candidates]]), within);
  }

  /** replace for several titles in two statements: their NFOs' candidates, by title id. */
  async replaceMany(
    entityType: 'movie' | 'tv',
    candidatesByEntity: ReadonlyMap<string, readonly NfoArtworkUrl[]>,
    within?: Transaction,
  ): Promise<void> {
    if (candidatesByEntity.size === 0) return;
    await inTransaction(this.db, within, async (tx) => {
      const entities = and(
        eq(providerAssets.entityType, entityType),
        anyOf(providerAssets.entityId, candidatesByEntity.keys()),
        eq(providerAssets.providerName, NFO_ARTWORK_SOURCE),
      );
      const notAPersonsChoice = or(isNull(providerAssets.selectedBy), eq(providerAssets.selectedBy, 'auto'));
      const offered = [...candidatesByEntity].flatMap(([entityId, candidates]) =>
        candidates.map(({ assetType, url }) => ({ entityId, assetType, url })),
      );
      // The offered (title, type, URL) triples as three array parameters: one statement text for any number of them.
      const offeredRows = dsql`select * from unnest(${dsql.param(offered.map((o) => o.entityId))}::uuid[], ${dsql.param(
        offered.map((o) => o.assetType),
      )}::text[], ${dsql.param(offered.map((o) => o.url))}::text[])`;
      const gone =
        offered.length > 0
          ? dsql`(${providerAssets.entityId}, ${providerAssets.assetType}, ${providerAssets.providerUrl}) not in (${offeredRows})`
          : undefined;
      await tx.delete(providerAssets).where(and(entities, notAPersonsChoice, gone));
      if (offered.length === 0) return;
      await tx.execute(
        insertJsonRows(
          providerAssets,
          [...candidatesByEntity].flatMap(([entityId, candidates]) =>
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
          ),
          {
            onConflict: dsql`on conflict (entity_type, entity_id, asset_type, provider_url) do update set provider_metadata = excluded.provider_metadata where ${providerAssets.providerName} = ${NFO_ARTWORK_SOURCE}`,
          },
        ),
      );
    });
  }
}
