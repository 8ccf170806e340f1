import { and, asc, desc, eq, gt, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import {
  iptvProviders,
  iptvSyncChanges,
  providerTitles,
  type IptvSyncChangeRow,
  type ProviderTitleRow,
  type TitleStreams,
} from '../schema/index.js';

/** One catalogue title as the sync stores it, before matching. */
export interface ListedTitle {
  titleKey: string;
  type: 'movie' | 'tv';
  name: string;
  cleanedTitle: string;
  year: number | null;
  category: string | null;
  sourceId: string;
  detailsFromProvider: boolean;
  providerTmdbId: number | null;
  providerImdbId: string | null;
  fingerprint: string;
  streams: TitleStreams;
  /** Malformed entries arrive already ignored, with their reason. */
  ignoredReason: string | null;
}

export type MatchResult =
  | { kind: 'matched'; tmdbId: number; matchedBy: NonNullable<ProviderTitleRow['matchedBy']>; matchedTitle: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'failed'; error: string };

export interface TitleListFilter {
  providerId?: string;
  type?: 'movie' | 'tv';
  ignored?: boolean;
  limit: number;
  offset: number;
}

const CHUNK = 500;

/** A provider deleted while its sync writes: the foreign key refuses the rows. */
export class IptvProviderGoneError extends Error {
  override readonly name = 'IptvProviderGoneError';
}

/** provider_titles and iptv_sync_changes: the catalogue as last synced, and what each sync changed. */
export class ProviderTitleRepository {
  constructor(private readonly db: Database) {}

  /**
   * Upserts what the provider lists now and marks it seen by this sync. A title whose fingerprint is
   * unchanged keeps its match, streams and state; a new or changed one is pending (to be matched). A
   * title seen again after being gone counts as first seen by this sync.
   */
  async upsertListing(providerId: string, syncId: string, titles: ListedTitle[]): Promise<{ inserted: number; pending: number }> {
    let inserted = 0;
    let pending = 0;
    for (let start = 0; start < titles.length; start += CHUNK) {
      const rows = titles.slice(start, start + CHUNK).map((title) => ({
        providerId,
        titleKey: title.titleKey,
        type: title.type,
        name: title.name,
        cleanedTitle: title.cleanedTitle,
        year: title.year,
        category: title.category,
        sourceId: title.sourceId,
        detailsFromProvider: title.detailsFromProvider,
        providerTmdbId: title.providerTmdbId,
        providerImdbId: title.providerImdbId,
        fingerprint: title.fingerprint,
        streams: title.streams,
        matchState: title.ignoredReason === null ? ('pending' as const) : ('ignored' as const),
        ignored: title.ignoredReason !== null,
        ignoredReason: title.ignoredReason,
        present: true,
        firstSeenSyncId: syncId,
        lastSeenSyncId: syncId,
      }));
      const same = dsql`${providerTitles.fingerprint} = excluded.fingerprint`;
      const keep = (column: string) =>
        dsql`case when ${same} then ${dsql.raw(`provider_titles.${column}`)} else ${dsql.raw(`excluded.${column}`)} end`;
      const result = await this.db
        .insert(providerTitles)
        .values(rows)
        .onConflictDoUpdate({
          target: [providerTitles.providerId, providerTitles.titleKey],
          set: {
            name: dsql`excluded.name`,
            cleanedTitle: dsql`excluded.cleaned_title`,
            year: dsql`excluded.year`,
            category: dsql`excluded.category`,
            sourceId: dsql`excluded.source_id`,
            detailsFromProvider: dsql`excluded.details_from_provider`,
            providerTmdbId: dsql`excluded.provider_tmdb_id`,
            providerImdbId: dsql`excluded.provider_imdb_id`,
            streams: keep('streams'),
            matchState: keep('match_state'),
            ignored: keep('ignored'),
            ignoredReason: keep('ignored_reason'),
            tmdbId: keep('tmdb_id'),
            matchedBy: keep('matched_by'),
            matchedTitle: keep('matched_title'),
            fingerprint: dsql`excluded.fingerprint`,
            firstSeenSyncId: dsql`case when ${providerTitles.present} then ${providerTitles.firstSeenSyncId} else excluded.first_seen_sync_id end`,
            present: dsql`true`,
            lastSeenSyncId: dsql`excluded.last_seen_sync_id`,
            updatedAt: dsql`case when ${same} then ${providerTitles.updatedAt} else now() end`,
          },
        })
        .returning({ inserted: dsql<boolean>`(xmax = 0)`, matchState: providerTitles.matchState })
        .catch(providerGone);
      inserted += result.filter((row) => row.inserted).length;
      pending += result.filter((row) => row.matchState === 'pending').length;
    }
    return { inserted, pending };
  }

  /** The next pending titles this sync listed, after `afterKey`, in key order. */
  pendingBatch(providerId: string, syncId: string, afterKey: string | null, limit: number): Promise<ProviderTitleRow[]> {
    const conditions = [
      eq(providerTitles.providerId, providerId),
      eq(providerTitles.lastSeenSyncId, syncId),
      eq(providerTitles.matchState, 'pending'),
    ];
    if (afterKey !== null) conditions.push(gt(providerTitles.titleKey, afterKey));
    return this.db
      .select()
      .from(providerTitles)
      .where(and(...conditions))
      .orderBy(asc(providerTitles.titleKey))
      .limit(limit);
  }

  async saveDetails(id: string, details: { streams?: TitleStreams; providerTmdbId?: number; providerImdbId?: string }): Promise<void> {
    const set: Partial<typeof providerTitles.$inferInsert> = {};
    if (details.streams) set.streams = details.streams;
    if (details.providerTmdbId !== undefined) set.providerTmdbId = details.providerTmdbId;
    if (details.providerImdbId !== undefined) set.providerImdbId = details.providerImdbId;
    if (Object.keys(set).length > 0) await this.db.update(providerTitles).set(set).where(eq(providerTitles.id, id));
  }

  async saveMatch(id: string, result: MatchResult): Promise<void> {
    const set =
      result.kind === 'matched'
        ? {
            matchState: 'matched' as const,
            tmdbId: result.tmdbId,
            matchedBy: result.matchedBy,
            matchedTitle: result.matchedTitle,
            ignored: false,
            ignoredReason: null,
            lastError: null,
          }
        : result.kind === 'ignored'
          ? {
              matchState: 'ignored' as const,
              tmdbId: null,
              matchedBy: null,
              matchedTitle: null,
              ignored: true,
              ignoredReason: result.reason,
              lastError: null,
            }
          : { lastError: result.error };
    await this.db.update(providerTitles).set(set).where(eq(providerTitles.id, id));
  }

  /**
   * The monitor step: titles this sync did not see are gone ('removed'); titles first seen by it are
   * 'added'. Idempotent: a retried call records nothing twice.
   */
  async recordChanges(providerId: string, syncId: string): Promise<{ added: number; removed: number }> {
    return this.db
      .transaction(async (tx) => {
        await tx.execute(dsql`
        insert into iptv_sync_changes (provider_id, sync_id, title_key, name, type, change)
        select provider_id, ${syncId}, title_key, name, type, 'removed' from provider_titles
        where provider_id = ${providerId}::uuid and present and last_seen_sync_id <> ${syncId}
        on conflict do nothing`);
        await tx.execute(dsql`update provider_titles set present = false, updated_at = now()
        where provider_id = ${providerId}::uuid and present and last_seen_sync_id <> ${syncId}`);
        await tx.execute(dsql`
        insert into iptv_sync_changes (provider_id, sync_id, title_key, name, type, change)
        select provider_id, ${syncId}, title_key, name, type, 'added' from provider_titles
        where provider_id = ${providerId}::uuid and present and first_seen_sync_id = ${syncId}
        on conflict do nothing`);
        const counts = await tx
          .select({ change: iptvSyncChanges.change, count: dsql<number>`count(*)::int` })
          .from(iptvSyncChanges)
          .where(and(eq(iptvSyncChanges.providerId, providerId), eq(iptvSyncChanges.syncId, syncId)))
          .groupBy(iptvSyncChanges.change);
        return {
          added: counts.find((row) => row.change === 'added')?.count ?? 0,
          removed: counts.find((row) => row.change === 'removed')?.count ?? 0,
        };
      })
      .catch(providerGone);
  }

  /** Counters of the provider's catalogue as stored now (present titles). */
  async summary(providerId: string): Promise<{ present: number; matched: number; ignored: number; pending: number }> {
    const [row] = await this.db
      .select({
        present: dsql<number>`count(*) filter (where ${providerTitles.present})::int`,
        matched: dsql<number>`count(*) filter (where ${providerTitles.present} and ${providerTitles.matchState} = 'matched')::int`,
        ignored: dsql<number>`count(*) filter (where ${providerTitles.present} and ${providerTitles.matchState} = 'ignored')::int`,
        pending: dsql<number>`count(*) filter (where ${providerTitles.present} and ${providerTitles.matchState} = 'pending')::int`,
      })
      .from(providerTitles)
      .where(eq(providerTitles.providerId, providerId));
    return row ?? { present: 0, matched: 0, ignored: 0, pending: 0 };
  }

  async list(filter: TitleListFilter): Promise<{ total: number; items: ProviderTitleRow[] }> {
    const conditions = [eq(providerTitles.present, true)];
    if (filter.providerId) conditions.push(eq(providerTitles.providerId, filter.providerId));
    if (filter.type) conditions.push(eq(providerTitles.type, filter.type));
    if (filter.ignored !== undefined) conditions.push(eq(providerTitles.ignored, filter.ignored));
    const where = and(...conditions);
    const [items, [count]] = await Promise.all([
      this.db
        .select()
        .from(providerTitles)
        .where(where)
        .orderBy(asc(providerTitles.cleanedTitle), asc(providerTitles.titleKey))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db
        .select({ total: dsql<number>`count(*)::int` })
        .from(providerTitles)
        .where(where),
    ]);
    return { total: count?.total ?? 0, items };
  }

  /**
   * Where a library title can be watched from the IPTV catalogues: every listed title matched to the same
   * TMDB id and kind, with its provider's name. A join at read time, so it is as current as the last sync
   * and the last identification, with no link to keep up to date.
   */
  streamsOf(
    type: 'movie' | 'tv',
    tmdbId: number,
  ): Promise<{ providerId: string; providerName: string; titleKey: string; name: string; streams: TitleStreams }[]> {
    return this.db
      .select({
        providerId: providerTitles.providerId,
        providerName: iptvProviders.name,
        titleKey: providerTitles.titleKey,
        name: providerTitles.name,
        streams: providerTitles.streams,
      })
      .from(providerTitles)
      .innerJoin(iptvProviders, eq(iptvProviders.id, providerTitles.providerId))
      .where(
        and(
          eq(providerTitles.type, type),
          eq(providerTitles.tmdbId, tmdbId),
          eq(providerTitles.present, true),
          eq(providerTitles.ignored, false),
          eq(iptvProviders.enabled, true),
        ),
      )
      .orderBy(asc(iptvProviders.name), asc(providerTitles.titleKey));
  }

  changes(providerId: string, limit: number, syncId?: string): Promise<IptvSyncChangeRow[]> {
    const conditions = [eq(iptvSyncChanges.providerId, providerId)];
    if (syncId) conditions.push(eq(iptvSyncChanges.syncId, syncId));
    return this.db
      .select()
      .from(iptvSyncChanges)
      .where(and(...conditions))
      .orderBy(desc(iptvSyncChanges.createdAt), asc(iptvSyncChanges.change), asc(iptvSyncChanges.titleKey))
      .limit(limit);
  }
}

function providerGone(error: unknown): never {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  if ((cause as { code?: unknown } | undefined)?.code === '23503')
    throw new IptvProviderGoneError('the IPTV provider was deleted while its sync was writing');
  throw error;
}
