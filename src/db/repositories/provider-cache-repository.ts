import { and, asc, eq, notInArray, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { providerAssets, providerMetadata, type ProviderAssetRow, type ProviderMetadataRow } from '../schema/index.js';
import type { ProviderImage, ProviderMetadata } from '../../providers/types.js';

export interface ProviderAnswerToSave {
  provider: string;
  metadata?: ProviderMetadata;
  images: ProviderImage[];
}

/** Reads and writes the provider cache: provider_metadata (one row per entity and provider) and provider_assets. */
export class ProviderCacheRepository {
  constructor(private readonly db: Database) {}

  async read(entityType: string, entityId: string): Promise<{ metadata: ProviderMetadataRow[]; assets: ProviderAssetRow[] }> {
    const [metadata, assets] = await Promise.all([
      this.db.select().from(providerMetadata).where(and(eq(providerMetadata.entityType, entityType), eq(providerMetadata.entityId, entityId))),
      this.db
        .select()
        .from(providerAssets)
        .where(and(eq(providerAssets.entityType, entityType), eq(providerAssets.entityId, entityId)))
        .orderBy(asc(providerAssets.assetType), asc(providerAssets.providerName), asc(providerAssets.providerUrl)),
    ]);
    return { metadata, assets };
  }

  listAssets(entityType: string, entityId: string, assetType?: string): Promise<ProviderAssetRow[]> {
    const conditions = [eq(providerAssets.entityType, entityType), eq(providerAssets.entityId, entityId)];
    if (assetType) conditions.push(eq(providerAssets.assetType, assetType));
    return this.db
      .select()
      .from(providerAssets)
      .where(and(...conditions))
      .orderBy(asc(providerAssets.providerName), asc(providerAssets.providerUrl));
  }

  /**
   * Replaces what each answering provider said about the entity. Images a provider no longer offers are
   * dropped unless a person or the enrichment selected or downloaded them.
   */
  async save(entityType: string, entityId: string, fetchedAt: Date, answers: ProviderAnswerToSave[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const answer of answers) {
        await tx
          .insert(providerMetadata)
          .values({ entityType, entityId, providerName: answer.provider, metadata: (answer.metadata as unknown as Record<string, unknown>) ?? null, imageCount: answer.images.length, fetchedAt })
          .onConflictDoUpdate({
            target: [providerMetadata.entityType, providerMetadata.entityId, providerMetadata.providerName],
            set: { metadata: dsql`excluded.metadata`, imageCount: dsql`excluded.image_count`, fetchedAt: dsql`excluded.fetched_at` },
          });
        const urls = answer.images.map((i) => i.url);
        const stale = and(
          eq(providerAssets.entityType, entityType),
          eq(providerAssets.entityId, entityId),
          eq(providerAssets.providerName, answer.provider),
          eq(providerAssets.isSelected, false),
          eq(providerAssets.isDownloaded, false),
        );
        await tx.delete(providerAssets).where(urls.length > 0 ? and(stale, notInArray(providerAssets.providerUrl, urls)) : stale);
        if (answer.images.length === 0) continue;
        await tx
          .insert(providerAssets)
          .values(
            dedupeImages(answer.images).map((image) => ({
              entityType,
              entityId,
              assetType: image.assetType,
              providerName: answer.provider,
              providerUrl: image.url,
              providerMetadata: { language: image.language, voteAverage: image.voteAverage ?? null, voteCount: image.voteCount ?? null, season: image.season ?? null },
              width: image.width ?? null,
              height: image.height ?? null,
              fetchedAt,
            })),
          )
          .onConflictDoUpdate({
            target: [providerAssets.entityType, providerAssets.entityId, providerAssets.assetType, providerAssets.providerUrl],
            set: { providerMetadata: dsql`excluded.provider_metadata`, width: dsql`excluded.width`, height: dsql`excluded.height`, fetchedAt: dsql`excluded.fetched_at` },
          });
      }
    });
  }
}

/** A provider can list one URL under one type twice (TMDB per language); the unique key allows it once. */
function dedupeImages(images: ProviderImage[]): ProviderImage[] {
  const seen = new Set<string>();
  return images.filter((image) => {
    const key = `${image.assetType} ${image.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
