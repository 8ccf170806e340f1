import { and, eq, isNotNull, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { cacheFiles, providerAssets, type CacheFile, type ProviderAssetRow } from '../schema/index.js';

export type ArtworkChoice = 'select' | 'reject' | 'clear';

/** A picture in the content store, as a candidate or an actor's photo was downloaded into it. */
export interface DownloadedFile {
  sha256: string;
  cacheFileId: string;
  width: number | null;
  height: number | null;
}

/**
 * Artwork candidates the providers offer for a title (provider_assets): their scores, which are downloaded,
 * and which are selected — by enrichment or by a person.
 */
/** A candidate whose picture was stored, and what its download told of it. */
export interface DownloadedCandidate {
  id: string;
  contentHash: string;
  perceptualHash: string | null;
  width: number;
  height: number;
}

export class ProviderAssetRepository {
  constructor(private readonly db: Database) {}

  candidatesOf(entityType: string, entityId: string): Promise<ProviderAssetRow[]> {
    return this.db
      .select()
      .from(providerAssets)
      .where(and(eq(providerAssets.entityType, entityType), eq(providerAssets.entityId, entityId)));
  }

  /** New scores of a title's candidates, in one statement. */
  async setScores(scores: { id: string; score: number }[]): Promise<void> {
    if (scores.length === 0) return;
    const values = dsql.join(
      scores.map(({ id, score }) => dsql`(${id}::uuid, ${score}::real)`),
      dsql`, `,
    );
    await this.db.execute(
      dsql`update ${providerAssets} set score = v.score from (values ${values}) as v(id, score) where ${providerAssets.id} = v.id`,
    );
  }

  /** Candidates whose pictures are now in the content store, with what was learnt of each, in one statement. */
  async markDownloaded(downloads: readonly DownloadedCandidate[]): Promise<void> {
    if (downloads.length === 0) return;
    const values = dsql.join(
      downloads.map(
        ({ id, contentHash, perceptualHash, width, height }) =>
          dsql`(${id}::uuid, ${contentHash}::text, ${perceptualHash}::text, ${width}::integer, ${height}::integer)`,
      ),
      dsql`, `,
    );
    await this.db.execute(dsql`
      update ${providerAssets}
      set content_hash = v.content_hash, perceptual_hash = v.perceptual_hash, width = v.width, height = v.height,
          analyzed = true, is_downloaded = true
      from (values ${values}) as v (id, content_hash, perceptual_hash, width, height)
      where ${providerAssets.id} = v.id`);
  }

  /**
   * Enrichment's choice among a title's candidates, in one statement: those kept selected, the others not.
   * Written against the rows as they are now, not as the run read them: a candidate a person chose or
   * rejected (before the run or while it ran) is left alone, and when two runs of one title overlap (an
   * activity retried while its first attempt still runs) the last one's choice stands whole; a diff of
   * what each run read could leave both runs' pictures selected.
   */
  async applyAutoSelection(candidateIds: readonly string[], keptIds: readonly string[]): Promise<void> {
    if (candidateIds.length === 0) return;
    // Each candidate with whether it is kept, worked out once: the kept ids go to Postgres one time, not
    // once for every place the choice is written or compared.
    await this.db.execute(dsql`
      update ${providerAssets}
      set is_selected = choice.keep,
          selected_by = case when choice.keep then 'auto' end,
          selected_at = case when choice.keep then now() end
      from (
        select id, id = any(${dsql.param([...keptIds])}::uuid[]) as keep
        from unnest(${dsql.param([...candidateIds])}::uuid[]) as id
      ) as choice
      where ${providerAssets.id} = choice.id
        and ${providerAssets.selectedBy} is distinct from 'user'
        and ${providerAssets.isSelected} is distinct from choice.keep`);
  }

  /** A person's choice about one candidate of this title; undefined when the title has no such candidate. */
  async setPersonChoice(id: string, entityType: string, entityId: string, choice: ArtworkChoice): Promise<ProviderAssetRow | undefined> {
    const set =
      choice === 'select'
        ? { isSelected: true, isRejected: false, selectedBy: 'user' as const, selectedAt: dsql`now()` }
        : choice === 'reject'
          ? { isSelected: false, isRejected: true, selectedBy: 'user' as const, selectedAt: dsql`now()` }
          : { isSelected: false, isRejected: false, selectedBy: null, selectedAt: null };
    const [row] = await this.db
      .update(providerAssets)
      .set(set)
      .where(and(eq(providerAssets.id, id), eq(providerAssets.entityType, entityType), eq(providerAssets.entityId, entityId)))
      .returning();
    return row;
  }

  /** The perceptual hash some candidate with these bytes already has (any title). */
  async perceptualHashOfContent(sha256: string): Promise<string | null | undefined> {
    const [known] = await this.db
      .select({ perceptualHash: providerAssets.perceptualHash })
      .from(providerAssets)
      .where(and(eq(providerAssets.contentHash, sha256), isNotNull(providerAssets.perceptualHash)))
      .limit(1);
    return known?.perceptualHash;
  }

  /** For each of these URLs a downloaded candidate has (any title), the cached file's facts; one query. */
  async downloadedByUrls(urls: string[]): Promise<Map<string, DownloadedFile & { perceptualHash: string | null }>> {
    if (urls.length === 0) return new Map();
    // One downloaded candidate per URL, found by index (provider_assets_downloaded_url_idx): the same URL
    // offered to many titles is looked up once, not read for every title that has it.
    const rows = await this.db.execute<{
      url: string;
      sha256: string;
      cacheFileId: string;
      perceptualHash: string | null;
      width: number | null;
      height: number | null;
    }>(
      dsql`select u.url, f.sha256, f.id as "cacheFileId", a.perceptual_hash as "perceptualHash", f.width, f.height
        from unnest(array[${dsql.join(
          urls.map((url) => dsql`${url}`),
          dsql`, `,
        )}]::text[]) as u(url)
        cross join lateral (
          select ${providerAssets.contentHash} as content_hash, ${providerAssets.perceptualHash} as perceptual_hash
          from ${providerAssets}
          where ${providerAssets.providerUrl} = u.url and ${providerAssets.isDownloaded} and ${providerAssets.contentHash} is not null
          limit 1
        ) a
        join ${cacheFiles} f on f.sha256 = a.content_hash`,
    );
    return new Map(rows.map(({ url, ...file }) => [url, file]));
  }

  /** Selected, not rejected candidates of the title whose bytes are in the content store, with that file. */
  selectedWithFiles(entityType: string, entityId: string): Promise<{ asset: ProviderAssetRow; file: CacheFile }[]> {
    return this.db
      .select({ asset: providerAssets, file: cacheFiles })
      .from(providerAssets)
      .innerJoin(cacheFiles, eq(cacheFiles.sha256, providerAssets.contentHash))
      .where(
        and(
          eq(providerAssets.entityType, entityType),
          eq(providerAssets.entityId, entityId),
          eq(providerAssets.isSelected, true),
          eq(providerAssets.isRejected, false),
        ),
      );
  }
}
