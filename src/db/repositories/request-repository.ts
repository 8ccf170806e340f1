import { and, asc, eq, inArray, ne, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import {
  processingItems,
  processingItemStatuses,
  requests,
  type ProcessingItemRow,
  type ProcessingItemStatus,
  type RecycledFile,
  type RequestRow,
} from '../schema/index.js';

export type NewRequest = Omit<
  RequestRow,
  'id' | 'status' | 'createdAt' | 'updatedAt' | 'lastError' | 'workflowId' | 'releaseDate' | 'monitor'
> & {
  id: string;
  workflowId: string;
  /** 'none' (plan once) when not given. */
  monitor?: RequestRow['monitor'];
};

export interface RequestAggregates {
  /** How many items have each status (every status, 0 when none). */
  byStatus: Record<ProcessingItemStatus, number>;
  total: number;
  completed: number;
  failed: number;
  cancelled: number;
  active: number;
}

export interface PlannedItem {
  seasonNumber: number;
  episodeNumber: number;
  title: string | null;
  airDate: string | null;
}

/** What a transition may change besides the status. */
export type ItemChanges = Partial<
  Pick<
    ProcessingItemRow,
    | 'failedStep'
    | 'sourceFilePath'
    | 'encodedFilePath'
    | 'deliveredPaths'
    | 'torrentHash'
    | 'selectedRelease'
    | 'availableReleases'
    | 'qualityMet'
    | 'progress'
    | 'lastError'
    | 'downloadedAt'
    | 'encodedAt'
    | 'deliveredAt'
    | 'upgradeUntil'
  >
>;

/** Every status but the two an item never leaves. */
const ACTIVE_STATUSES = processingItemStatuses.filter((status) => status !== 'COMPLETED' && status !== 'CANCELLED');

function countByOutcome(rows: { status: ProcessingItemStatus; count: number }[]): RequestAggregates {
  const byStatus = Object.fromEntries(processingItemStatuses.map((status) => [status, 0])) as Record<ProcessingItemStatus, number>;
  for (const row of rows) byStatus[row.status] = row.count;
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const { COMPLETED: completed, FAILED: failed, CANCELLED: cancelled } = byStatus;
  return { byStatus, total, completed, failed, cancelled, active: total - completed - failed - cancelled };
}

/** Requests and their processing items: the only record of where each episode is. */
export class RequestRepository {
  constructor(private readonly db: Database) {}

  async create(input: NewRequest): Promise<RequestRow> {
    const [row] = await this.db.insert(requests).values(input).returning();
    return row!;
  }

  async get(id: string): Promise<RequestRow | undefined> {
    const [row] = await this.db.select().from(requests).where(eq(requests.id, id));
    return row;
  }

  async setStatus(id: string, status: RequestRow['status'], lastError?: string): Promise<void> {
    await this.db
      .update(requests)
      .set({ status, lastError: lastError ?? null, updatedAt: new Date() })
      .where(eq(requests.id, id));
  }

  async aggregates(requestId: string): Promise<RequestAggregates> {
    return (await this.aggregatesOf([requestId])).get(requestId)!;
  }

  /** The item counts of several requests (a list's page) in one grouped query; every id gets an entry. */
  async aggregatesOf(requestIds: string[]): Promise<Map<string, RequestAggregates>> {
    const rows =
      requestIds.length === 0
        ? []
        : await this.db
            .select({ requestId: processingItems.requestId, status: processingItems.status, count: dsql<number>`count(*)::int` })
            .from(processingItems)
            .where(inArray(processingItems.requestId, requestIds))
            .groupBy(processingItems.requestId, processingItems.status);
    return new Map(requestIds.map((id) => [id, countByOutcome(rows.filter((r) => r.requestId === id))]));
  }

  /** Idempotent: a retried expansion finds the items it made before and returns them. */
  async upsertItems(requestId: string, planned: PlannedItem[]): Promise<ProcessingItemRow[]> {
    if (planned.length > 0) {
      await this.db
        .insert(processingItems)
        .values(planned.map((p) => ({ requestId, ...p })))
        .onConflictDoNothing();
    }
    return this.listItems(requestId);
  }

  /**
   * Air dates the provider moved, written over the planned ones (a re-plan of a watched request). Only rows
   * whose date differs are touched, so a repeated re-plan writes nothing.
   */
  async moveAirDates(requestId: string, planned: PlannedItem[]): Promise<void> {
    for (const p of planned) {
      await this.db
        .update(processingItems)
        .set({ airDate: p.airDate, updatedAt: new Date() })
        .where(
          and(
            eq(processingItems.requestId, requestId),
            eq(processingItems.seasonNumber, p.seasonNumber),
            eq(processingItems.episodeNumber, p.episodeNumber),
            dsql`${processingItems.airDate} is distinct from ${p.airDate}`,
          ),
        );
    }
  }

  listItems(requestId: string): Promise<ProcessingItemRow[]> {
    return this.db
      .select()
      .from(processingItems)
      .where(eq(processingItems.requestId, requestId))
      .orderBy(asc(processingItems.seasonNumber), asc(processingItems.episodeNumber));
  }

  /** What planning learnt of the requested title; a name a person gave is kept. */
  async recordTitleFacts(id: string, facts: { title: string; year: number | null; releaseDate: string | null }): Promise<void> {
    await this.db
      .update(requests)
      .set({
        title: dsql`coalesce(${requests.title}, ${facts.title})`,
        year: dsql`coalesce(${requests.year}, ${facts.year})`,
        releaseDate: dsql`coalesce(${facts.releaseDate}, ${requests.releaseDate})`,
        updatedAt: new Date(),
      })
      .where(eq(requests.id, id));
  }

  async getItem(id: string): Promise<ProcessingItemRow | undefined> {
    const [row] = await this.db.select().from(processingItems).where(eq(processingItems.id, id));
    return row;
  }

  /** What an event about the item names: its request, and "Show (2008) S01E02" or "Film (1999)". */
  async describeItem(id: string): Promise<{ requestId: string; name: string } | undefined> {
    const [row] = await this.db
      .select({
        requestId: requests.id,
        type: requests.type,
        title: requests.title,
        year: requests.year,
        season: processingItems.seasonNumber,
        episode: processingItems.episodeNumber,
      })
      .from(processingItems)
      .innerJoin(requests, eq(requests.id, processingItems.requestId))
      .where(eq(processingItems.id, id));
    if (!row) return undefined;
    const title = row.year ? `${row.title ?? 'Untitled'} (${row.year})` : (row.title ?? 'Untitled');
    const pad = (n: number) => String(n).padStart(2, '0');
    return { requestId: row.requestId, name: row.type === 'tv' ? `${title} S${pad(row.season)}E${pad(row.episode)}` : title };
  }

  /** One transition: the status and whatever came with it, counted in write_count. */
  async transition(id: string, status: ProcessingItemStatus, changes: ItemChanges = {}): Promise<void> {
    await this.db
      .update(processingItems)
      .set({ ...changes, status, writeCount: dsql`${processingItems.writeCount} + 1`, updatedAt: new Date() })
      .where(eq(processingItems.id, id));
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.db
      .update(processingItems)
      .set({ progress, writeCount: dsql`${processingItems.writeCount} + 1`, updatedAt: new Date() })
      .where(eq(processingItems.id, id));
  }

  /** Adds files a delivery kept aside; one already recorded (a retried delivery) is not added twice. */
  async recordRecycled(id: string, files: RecycledFile[]): Promise<void> {
    if (files.length === 0) return;
    const item = await this.getItem(id);
    if (!item) return;
    const known = new Set(item.recycledFiles.map((f) => f.keptAt));
    const added = files.filter((f) => !known.has(f.keptAt));
    if (added.length === 0) return;
    await this.db
      .update(processingItems)
      .set({
        recycledFiles: dsql`${processingItems.recycledFiles} || ${JSON.stringify(added)}::jsonb`,
        writeCount: dsql`${processingItems.writeCount} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(processingItems.id, id));
  }

  /** Whether another unfinished item still needs this torrent (a season pack serves several episodes). */
  async torrentStillNeeded(torrentHash: string, exceptItemId: string): Promise<boolean> {
    const rows = await this.db
      .select({ id: processingItems.id })
      .from(processingItems)
      .where(
        and(
          eq(processingItems.torrentHash, torrentHash),
          ne(processingItems.id, exceptItemId),
          inArray(
            processingItems.status,
            ACTIVE_STATUSES.filter((s) => s !== 'FAILED'),
          ),
        ),
      )
      .limit(1);
    return rows.length > 0;
  }
}
