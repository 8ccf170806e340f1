import { and, eq, ilike, inArray, or, sql as dsql, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';
import {
  processingItems,
  requests,
  requestStatus,
  type ProcessingItemRow,
  type ProcessingItemStatus,
  type RequestRow,
} from '../schema/index.js';
import { containsPattern, readPage, type PageOfRows, type PageRequest } from './paging.js';

/** In the order of the enum, which is how they sort. */
export const requestStatuses = requestStatus.enumValues;

export const requestSortKeys = ['createdAt', 'updatedAt', 'title', 'status'] as const;
export type RequestSortKey = (typeof requestSortKeys)[number];

export const itemSortKeys = ['createdAt', 'updatedAt', 'status', 'progress', 'episode'] as const;
export type ItemSortKey = (typeof itemSortKeys)[number];

export interface RequestListFilter {
  statuses?: RequestRow['status'][];
  type?: RequestRow['type'];
  /** Case-insensitive, anywhere in the title. */
  text?: string;
}

/** One alternative of an item filter on where items stand: a status, narrowed for FAILED and FOUND items. */
export interface ItemStatusCondition {
  status: ProcessingItemStatus;
  /** Only FAILED items that failed in one of these steps. */
  failedSteps?: string[];
  /** Only items of requests with (true) or without (false) approval. */
  requireApproval?: boolean;
}

export interface ItemListFilter {
  statuses?: ProcessingItemStatus[];
  requestId?: string;
  /** Items matching any of these; an empty list matches nothing. */
  stages?: ItemStatusCondition[];
}

/** A list's item: its row with what its request tells about it. */
export interface ItemListRow {
  item: ProcessingItemRow;
  requestType: RequestRow['type'];
  requestTitle: string | null;
  requireApproval: boolean;
}

/** The request and item lists: filters, sort columns and paging over `requests` and `processing_items`. */
export class RequestListRepository {
  constructor(private readonly db: Database) {}

  listRequests(filter: RequestListFilter, page: PageRequest<RequestSortKey>): Promise<PageOfRows<RequestRow>> {
    const where = and(
      filter.statuses ? inArray(requests.status, filter.statuses) : undefined,
      filter.type ? eq(requests.type, filter.type) : undefined,
      filter.text ? ilike(requests.title, containsPattern(filter.text)) : undefined,
    );
    return readPage(
      this.db.select().from(requests).where(where).$dynamic(),
      this.db.$count(requests, where),
      { createdAt: requests.createdAt, updatedAt: requests.updatedAt, title: requests.title, status: requests.status },
      requests.id,
      page,
    );
  }

  listItems(filter: ItemListFilter, page: PageRequest<ItemSortKey>): Promise<PageOfRows<ItemListRow>> {
    const where = and(
      filter.statuses ? inArray(processingItems.status, filter.statuses) : undefined,
      filter.requestId ? eq(processingItems.requestId, filter.requestId) : undefined,
      filter.stages ? this.anyStage(filter.stages) : undefined,
    );
    return readPage(
      this.db
        .select({
          item: processingItems,
          requestType: requests.type,
          requestTitle: requests.title,
          requireApproval: requests.requireApproval,
        })
        .from(processingItems)
        .innerJoin(requests, eq(requests.id, processingItems.requestId))
        .where(where)
        .$dynamic(),
      this.db.$count(processingItems, where),
      {
        createdAt: processingItems.createdAt,
        updatedAt: processingItems.updatedAt,
        status: processingItems.status,
        progress: processingItems.progress,
        // Season, then episode, as one number (episodes stay below a million): S01E10 after S01E09, S02E01 after both.
        episode: dsql`${processingItems.seasonNumber} * 1000000 + ${processingItems.episodeNumber}`,
      },
      processingItems.id,
      page,
    );
  }

  private anyStage(stages: ItemStatusCondition[]): SQL {
    if (stages.length === 0) return dsql`false`;
    const approving = (required: boolean) =>
      inArray(processingItems.requestId, this.db.select({ id: requests.id }).from(requests).where(eq(requests.requireApproval, required)));
    const alternatives = stages.map((stage) =>
      and(
        eq(processingItems.status, stage.status),
        stage.failedSteps ? inArray(dsql`coalesce(${processingItems.failedStep}, 'search')`, stage.failedSteps) : undefined,
        stage.requireApproval === undefined ? undefined : approving(stage.requireApproval),
      ),
    );
    return or(...alternatives)!;
  }
}
