import type { Database } from '../../db/client.js';
import type { PageOfRows, PageRequest } from '../../db/repositories/paging.js';
import {
  RequestListRepository,
  type ItemListRow,
  type ItemSortKey,
  type RequestListFilter,
  type RequestSortKey,
} from '../../db/repositories/request-list-repository.js';
import { RequestRepository } from '../../db/repositories/request-repository.js';
import type { ProcessingItemStatus } from '../../db/schema/index.js';
import { itemWorkflowId } from '../../contracts/request.js';
import { itemStage, itemStageConditions, type ItemStep, type ItemWait } from '../../requests/item-stage.js';
import type { RequestWithAggregates } from './request-service.js';

export interface ItemListQuery {
  statuses?: ProcessingItemStatus[];
  steps?: ItemStep[];
  waitingFor?: ItemWait[];
  requestId?: string;
}

/** A list's item: its row, its request's name, the step it is in and what it waits for, from the row alone. */
export interface ItemListEntry extends ItemListRow {
  step: ItemStep;
  waitingFor: ItemWait | null;
  workflowId: string;
}

/**
 * The request and item lists. They read Postgres only (no workflow is asked), so a page of 500 costs the
 * same few queries whatever the items are doing; an item's live detail stays with GET /api/requests/:id/items.
 */
export class RequestListService {
  private readonly lists: RequestListRepository;
  private readonly requests: RequestRepository;

  constructor(db: Database) {
    this.lists = new RequestListRepository(db);
    this.requests = new RequestRepository(db);
  }

  async requestPage(filter: RequestListFilter, page: PageRequest<RequestSortKey>): Promise<PageOfRows<RequestWithAggregates>> {
    const { totalRecords, records } = await this.lists.listRequests(filter, page);
    const counts = await this.requests.aggregatesOf(records.map((r) => r.id));
    return { totalRecords, records: records.map((request) => ({ request, aggregates: counts.get(request.id)! })) };
  }

  async itemPage(query: ItemListQuery, page: PageRequest<ItemSortKey>): Promise<PageOfRows<ItemListEntry>> {
    const stages = query.steps || query.waitingFor ? itemStageConditions(query.steps, query.waitingFor) : undefined;
    const { totalRecords, records } = await this.lists.listItems(
      {
        ...(query.statuses ? { statuses: query.statuses } : {}),
        ...(query.requestId ? { requestId: query.requestId } : {}),
        ...(stages ? { stages } : {}),
      },
      page,
    );
    return {
      totalRecords,
      records: records.map((row) => ({ ...row, ...itemStage(row.item, row.requireApproval), workflowId: itemWorkflowId(row.item.id) })),
    };
  }
}
