import { and, asc, eq, inArray, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import {
  arrRefs,
  arrTags,
  arrTitles,
  processingItems,
  requests,
  type ArrTitleRow,
  type ProcessingItemRow,
  type RequestRow,
} from '../schema/index.js';

export type ArrRefKind = (typeof arrRefs.$inferSelect)['kind'];
export type ArrTitleKind = ArrTitleRow['kind'];
export type NewArrTitle = Omit<ArrTitleRow, 'id' | 'addedAt' | 'updatedAt'>;

/** The Radarr/Sonarr-compatible API's own rows: integer ids for profiles and targets, tags, added titles. */
export class ArrRepository {
  constructor(private readonly db: Database) {}

  /** The integer id of each Reelflow UUID, given on first sight and kept. */
  async refIds(kind: ArrRefKind, refIds: string[]): Promise<Map<string, number>> {
    if (refIds.length === 0) return new Map();
    await this.db
      .insert(arrRefs)
      .values(refIds.map((refId) => ({ kind, refId })))
      .onConflictDoNothing();
    const rows = await this.db
      .select()
      .from(arrRefs)
      .where(and(eq(arrRefs.kind, kind), inArray(arrRefs.refId, refIds)));
    return new Map(rows.map((r) => [r.refId, r.id]));
  }

  async refOf(kind: ArrRefKind, id: number): Promise<string | undefined> {
    const [row] = await this.db
      .select()
      .from(arrRefs)
      .where(and(eq(arrRefs.kind, kind), eq(arrRefs.id, id)));
    return row?.refId;
  }

  listTags(): Promise<{ id: number; label: string }[]> {
    return this.db.select().from(arrTags).orderBy(asc(arrTags.id));
  }

  /** Creates the tag, or answers the one with that label. */
  async createTag(label: string): Promise<{ id: number; label: string }> {
    await this.db.insert(arrTags).values({ label }).onConflictDoNothing();
    const [row] = await this.db.select().from(arrTags).where(eq(arrTags.label, label));
    return row!;
  }

  listTitles(kind: ArrTitleKind): Promise<ArrTitleRow[]> {
    return this.db.select().from(arrTitles).where(eq(arrTitles.kind, kind)).orderBy(asc(arrTitles.id));
  }

  async getTitle(kind: ArrTitleKind, id: number): Promise<ArrTitleRow | undefined> {
    const [row] = await this.db
      .select()
      .from(arrTitles)
      .where(and(eq(arrTitles.kind, kind), eq(arrTitles.id, id)));
    return row;
  }

  async findTitle(kind: ArrTitleKind, externalKey: string): Promise<ArrTitleRow | undefined> {
    const [row] = await this.db
      .select()
      .from(arrTitles)
      .where(and(eq(arrTitles.kind, kind), eq(arrTitles.externalKey, externalKey)));
    return row;
  }

  /** Inserts the title; undefined when one with the same key was added meanwhile. */
  async insertTitle(title: NewArrTitle): Promise<ArrTitleRow | undefined> {
    const [row] = await this.db.insert(arrTitles).values(title).onConflictDoNothing().returning();
    return row;
  }

  async updateTitle(
    id: number,
    changes: Partial<Pick<ArrTitleRow, 'monitored' | 'tags' | 'seasons' | 'qualityProfileId' | 'targetId' | 'requestIds'>>,
  ): Promise<ArrTitleRow> {
    const [row] = await this.db
      .update(arrTitles)
      .set({ ...changes, updatedAt: dsql`now()` })
      .where(eq(arrTitles.id, id))
      .returning();
    return row!;
  }

  /** The requests an added title led to, with their items, in one read. */
  async requestsWithItems(requestIds: string[]): Promise<{ requests: RequestRow[]; items: ProcessingItemRow[] }> {
    if (requestIds.length === 0) return { requests: [], items: [] };
    const [requestRows, items] = await Promise.all([
      this.db.select().from(requests).where(inArray(requests.id, requestIds)),
      this.db
        .select()
        .from(processingItems)
        .where(inArray(processingItems.requestId, requestIds))
        .orderBy(asc(processingItems.seasonNumber), asc(processingItems.episodeNumber)),
    ]);
    return { requests: requestRows, items };
  }
}
