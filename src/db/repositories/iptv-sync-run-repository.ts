import { and, eq, inArray, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { iptvProviders, iptvSyncRuns, iptvSyncStatuses, type IptvSyncRunRow, type IptvSyncStatus } from '../schema/index.js';
import { isForeignKeyViolation } from './constraint-violations.js';
import { readPage, type PageOfRows, type PageRequest } from './paging.js';

export { iptvSyncStatuses, type IptvSyncStatus };

export const iptvSyncSortKeys = ['startedAt', 'finishedAt', 'status'] as const;
export type IptvSyncSortKey = (typeof iptvSyncSortKeys)[number];

export interface IptvSyncListFilter {
  providerId?: string;
  statuses?: IptvSyncStatus[];
}

/** What a sync's workflow records of itself: its state and counters as they stand. */
export type IptvSyncRecord = Pick<
  IptvSyncRunRow,
  | 'providerId'
  | 'workflowId'
  | 'status'
  | 'phase'
  | 'listed'
  | 'malformed'
  | 'toMatch'
  | 'matched'
  | 'ignored'
  | 'matchErrors'
  | 'added'
  | 'removed'
  | 'errorMessage'
> & { id: string };

/** IPTV sync runs as their workflows record them, for the sync list. */
export class IptvSyncRunRepository {
  constructor(private readonly db: Database) {}

  /**
   * Writes the sync's row (first write: its start; a finished status: its finish time). Idempotent, so a
   * retried activity writes the same again. False when the provider is gone (the row went with it).
   */
  async record({ id, ...state }: IptvSyncRecord): Promise<boolean> {
    const finishedAt = state.status === 'running' ? null : dsql`now()`;
    try {
      await this.db
        .insert(iptvSyncRuns)
        .values({ id, ...state, finishedAt })
        .onConflictDoUpdate({
          target: iptvSyncRuns.id,
          set: { ...state, finishedAt: dsql`coalesce(${iptvSyncRuns.finishedAt}, ${finishedAt})`, updatedAt: dsql`now()` },
        });
      return true;
    } catch (error) {
      if (isForeignKeyViolation(error)) return false;
      throw error;
    }
  }

  /** One page of syncs with their provider's name. */
  list(filter: IptvSyncListFilter, page: PageRequest<IptvSyncSortKey>): Promise<PageOfRows<{ run: IptvSyncRunRow; providerName: string }>> {
    const where = and(
      filter.providerId ? eq(iptvSyncRuns.providerId, filter.providerId) : undefined,
      filter.statuses ? inArray(iptvSyncRuns.status, filter.statuses) : undefined,
    );
    return readPage(
      this.db
        .select({ run: iptvSyncRuns, providerName: iptvProviders.name })
        .from(iptvSyncRuns)
        .innerJoin(iptvProviders, eq(iptvProviders.id, iptvSyncRuns.providerId))
        .where(where)
        .$dynamic(),
      this.db.$count(iptvSyncRuns, where),
      {
        startedAt: iptvSyncRuns.startedAt,
        finishedAt: iptvSyncRuns.finishedAt,
        // In the order a sync lives them, as the scans' status sorts.
        status: dsql`array_position(array[${dsql.join(
          iptvSyncStatuses.map((status) => dsql`${status}`),
          dsql`, `,
        )}]::text[], ${iptvSyncRuns.status})`,
      },
      iptvSyncRuns.id,
      page,
    );
  }
}
