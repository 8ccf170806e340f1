import { isDeepStrictEqual } from 'node:util';
import { and, asc, eq, inArray, notInArray, sql as dsql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import {
  appSettings,
  providerAssets,
  providerMetadata,
  providers,
  providerSeasons,
  type ProviderAssetRow,
  type ProviderMetadataRow,
  type ProviderSeasonRow,
} from '../schema/index.js';
import type { ProviderImage, ProviderMetadata, ProviderSeason } from '../../providers/types.js';
import { titleTable } from './title-repository.js';

export interface ProviderAnswerToSave {
  provider: string;
  metadata?: ProviderMetadata;
  images: ProviderImage[];
}

export interface SeasonKey {
  entityType: string;
  entityId: string;
  seasonNumber: number;
}

/** What one provider answered about a season; no season means it does not know the season. */
export interface SeasonAnswerToSave {
  provider: string;
  season?: ProviderSeason;
}

/** One provider's cached answer about an entity, as a cache hit uses it. */
export interface CachedAnswer {
  providerName: string;
  metadata: Record<string, unknown> | null;
  language: string;
  fetchedAt: Date;
}

/** One cached picture, as a cache hit uses it. */
export type CachedAsset = Pick<ProviderAssetRow, 'assetType' | 'providerName' | 'providerUrl' | 'width' | 'height' | 'providerMetadata'>;

export interface CachedEntity {
  metadata: CachedAnswer[];
  assets: CachedAsset[];
  /** The stored value of the setting asked for; undefined when none was asked for or it has no row. */
  setting: unknown;
}

/**
 * Reads and writes the provider cache: provider_metadata (one row per entity and provider), provider_assets,
 * and provider_seasons (one row per show season and provider).
 */
export class ProviderCacheRepository {
  private readonly readStatement;

  constructor(private readonly db: Database) {
    this.readStatement = readCachedEntity(db);
  }

  /**
   * What a cache hit needs of an entity, in one statement and one round trip: each provider's answer, the
   * pictures (by type, provider, URL), and optionally one app_settings value (the language a fetch that names
   * none is asked in), so that deciding on a hit costs no second query. Prepared: a statement with parameters
   * that is not costs postgres.js a second round trip each time (describe, then execute).
   */
  async read(entityType: string, entityId: string, settingKey?: string): Promise<CachedEntity> {
    const [row] = await this.readStatement.execute({ entityType, entityId, settingKey: settingKey ?? null });
    return {
      metadata: row!.metadata.map((answer) => ({ ...answer, fetchedAt: new Date(answer.fetchedAt) })),
      assets: row!.assets,
      setting: row!.setting?.[0],
    };
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

  /** What the named providers answered about the entity (any order). */
  metadataFrom(entityType: string, entityId: string, providerNames: string[]): Promise<Pick<ProviderMetadataRow, 'metadata'>[]> {
    return this.db
      .select({ metadata: providerMetadata.metadata })
      .from(providerMetadata)
      .where(
        and(
          eq(providerMetadata.entityType, entityType),
          eq(providerMetadata.entityId, entityId),
          inArray(providerMetadata.providerName, providerNames),
        ),
      );
  }

  /**
   * Replaces what each answering provider said about the entity. Images a provider no longer offers are
   * dropped unless a person or the enrichment selected or downloaded them. With publishChanges, an answer
   * that differs from what the cache held (metadata, or the images offered) bumps the change_seq of the
   * library title with the entity's id in the same transaction, so its pipeline publishes it even if the
   * caller dies right after (TitleChangeRepository).
   */
  async save(
    entityType: string,
    entityId: string,
    fetched: { at: Date; language: string; publishChanges?: boolean },
    answers: ProviderAnswerToSave[],
  ): Promise<{ changed: boolean }> {
    const { at: fetchedAt, language } = fetched;
    return this.db.transaction(async (tx) => {
      const changed = fetched.publishChanges ? await answersDiffer(tx, entityType, entityId, answers) : false;
      if (changed && (entityType === 'movie' || entityType === 'tv')) {
        const table = titleTable(entityType === 'movie' ? 'movie' : 'show');
        await tx
          .update(table)
          .set({ changeSeq: dsql`${table.changeSeq} + 1` })
          .where(eq(table.id, entityId));
      }
      for (const answer of answers) {
        await tx
          .insert(providerMetadata)
          .values({
            entityType,
            entityId,
            providerName: answer.provider,
            metadata: (answer.metadata as unknown as Record<string, unknown>) ?? null,
            language,
            imageCount: answer.images.length,
            fetchedAt,
          })
          .onConflictDoUpdate({
            target: [providerMetadata.entityType, providerMetadata.entityId, providerMetadata.providerName],
            set: {
              metadata: dsql`excluded.metadata`,
              language: dsql`excluded.language`,
              imageCount: dsql`excluded.image_count`,
              fetchedAt: dsql`excluded.fetched_at`,
            },
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
              providerMetadata: {
                language: image.language,
                voteAverage: image.voteAverage ?? null,
                voteCount: image.voteCount ?? null,
                season: image.season ?? null,
              },
              width: image.width ?? null,
              height: image.height ?? null,
              fetchedAt,
            })),
          )
          .onConflictDoUpdate({
            target: [providerAssets.entityType, providerAssets.entityId, providerAssets.assetType, providerAssets.providerUrl],
            set: {
              providerMetadata: dsql`excluded.provider_metadata`,
              width: dsql`excluded.width`,
              height: dsql`excluded.height`,
              fetchedAt: dsql`excluded.fetched_at`,
            },
          });
      }
      return { changed };
    });
  }

  /**
   * A season's rows in the order the providers would be asked now (priority, then name, as the providers
   * table lists them), so a cached answer prefers the provider a fetch would; rows of providers no longer
   * enabled come last.
   */
  async readSeason(key: SeasonKey): Promise<ProviderSeasonRow[]> {
    const [rows, enabled] = await Promise.all([
      this.db.select().from(providerSeasons).where(seasonIs(key)),
      this.db
        .select({ kind: providers.kind })
        .from(providers)
        .where(eq(providers.enabled, true))
        .orderBy(asc(providers.priority), asc(providers.name)),
    ]);
    const order: string[] = enabled.map((provider) => provider.kind);
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
    return rows.sort((a, b) => rank(a.providerName) - rank(b.providerName) || a.providerName.localeCompare(b.providerName));
  }

  /**
   * Replaces what each answering provider said about a season: its season, or no row when it no longer knows
   * the season. Answers come in priority order; of two providers of one kind the first that knows the season wins.
   */
  async saveSeasons(key: SeasonKey, fetched: { at: Date; language: string }, answers: SeasonAnswerToSave[]): Promise<void> {
    const { at: fetchedAt, language } = fetched;
    const byProvider = new Map<string, ProviderSeason | undefined>();
    for (const answer of answers) if (!byProvider.get(answer.provider)) byProvider.set(answer.provider, answer.season);
    await this.db.transaction(async (tx) => {
      for (const [provider, season] of byProvider) {
        if (!season) {
          await tx.delete(providerSeasons).where(and(seasonIs(key), eq(providerSeasons.providerName, provider)));
          continue;
        }
        await tx
          .insert(providerSeasons)
          .values({ ...key, providerName: provider, season: season as unknown as Record<string, unknown>, language, fetchedAt })
          .onConflictDoUpdate({
            target: [providerSeasons.entityType, providerSeasons.entityId, providerSeasons.seasonNumber, providerSeasons.providerName],
            set: { season: dsql`excluded.season`, language: dsql`excluded.language`, fetchedAt: dsql`excluded.fetched_at` },
          });
      }
    });
  }
}

/**
 * The cache-hit read as one prepared statement: both tables aggregated to JSON in subqueries (pictures of a
 * provider without a provider_metadata row, such as NFO candidates, included), and the setting beside them.
 */
function readCachedEntity(db: Database) {
  const entityType = dsql.placeholder('entityType');
  const entityId = dsql.placeholder('entityId');
  const [m, a] = [providerMetadata, providerAssets];
  return db
    .select({
      metadata: dsql<(Omit<CachedAnswer, 'fetchedAt'> & { fetchedAt: string })[]>`(
        select coalesce(json_agg(json_build_object('providerName', ${m.providerName}, 'metadata', ${m.metadata},
          'language', ${m.language}, 'fetchedAt', ${m.fetchedAt})), '[]')
        from ${m} where ${m.entityType} = ${entityType} and ${m.entityId} = ${entityId})`,
      assets: dsql<CachedAsset[]>`(
        select coalesce(json_agg(json_build_object('assetType', ${a.assetType}, 'providerName', ${a.providerName},
          'providerUrl', ${a.providerUrl}, 'width', ${a.width}, 'height', ${a.height}, 'providerMetadata', ${a.providerMetadata})
          order by ${a.assetType}, ${a.providerName}, ${a.providerUrl}), '[]')
        from ${a} where ${a.entityType} = ${entityType} and ${a.entityId} = ${entityId})`,
      // Wrapped in an array: no row (null) stays apart from a row holding JSON null ([null]).
      setting: dsql<[unknown] | null>`(
        select jsonb_build_array(${appSettings.value}) from ${appSettings} where ${appSettings.key} = ${dsql.placeholder('settingKey')})`,
    })
    .from(dsql`(select 1) as one`)
    .prepare('provider_cache_read');
}

function seasonIs(key: SeasonKey) {
  return and(
    eq(providerSeasons.entityType, key.entityType),
    eq(providerSeasons.entityId, key.entityId),
    eq(providerSeasons.seasonNumber, key.seasonNumber),
  );
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

/** Whether the answers say something the cache does not hold: other metadata, or a picture not offered before. */
async function answersDiffer(tx: Transaction, entityType: string, entityId: string, answers: ProviderAnswerToSave[]): Promise<boolean> {
  if (answers.length === 0) return false;
  const names = answers.map((answer) => answer.provider);
  const [metadataRows, assetRows] = await Promise.all([
    tx
      .select({ provider: providerMetadata.providerName, metadata: providerMetadata.metadata })
      .from(providerMetadata)
      .where(
        and(
          eq(providerMetadata.entityType, entityType),
          eq(providerMetadata.entityId, entityId),
          inArray(providerMetadata.providerName, names),
        ),
      ),
    tx
      .select({ provider: providerAssets.providerName, url: providerAssets.providerUrl })
      .from(providerAssets)
      .where(
        and(eq(providerAssets.entityType, entityType), eq(providerAssets.entityId, entityId), inArray(providerAssets.providerName, names)),
      ),
  ]);
  const held = new Map(metadataRows.map((row) => [row.provider, row.metadata]));
  for (const answer of answers) {
    if (!held.has(answer.provider)) return true;
    // Stored as jsonb: compare with what the answer becomes once stored (no undefined members).
    const stored = answer.metadata === undefined ? null : JSON.parse(JSON.stringify(answer.metadata));
    if (!isDeepStrictEqual(held.get(answer.provider) ?? null, stored)) return true;
    // A new picture is a change; one no longer offered is not (what was chosen of it stays published).
    const heldUrls = new Set(assetRows.filter((row) => row.provider === answer.provider).map((row) => row.url));
    if (answer.images.some((image) => !heldUrls.has(image.url))) return true;
  }
  return false;
}
