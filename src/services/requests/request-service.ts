import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Database } from '../../db/client.js';
import { DeliveryTargetRepository } from '../../db/repositories/delivery-target-repository.js';
import { QualityProfileRepository } from '../../db/repositories/quality-profile-repository.js';
import { RequestRepository, type RequestAggregates } from '../../db/repositories/request-repository.js';
import type { ApprovalAutoAction, ProcessingItemRow, RequestRow } from '../../db/schema/index.js';
import {
  ENDABLE_WAITS,
  endWaitSignal,
  episodeStateQuery,
  itemWorkflowId,
  requestWorkflowId,
  type MediaRequestInput,
  type RequestMonitor,
} from '../../contracts/request.js';
import { startWorkflow } from '../../contracts/workflows.js';
import { ConflictError, InvalidRequestError, NotFoundError } from '../service-errors.js';
import { itemLiveDetail, type ItemLiveDetail } from './item-live-detail.js';

const FINISHED_REQUEST: RequestRow['status'][] = ['COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED'];

/** A request with the counts of its items by outcome. */
export interface RequestWithAggregates {
  request: RequestRow;
  aggregates: RequestAggregates;
}

/** A request as the REST API and the *arr API take it, already checked for shape (ids, numbers). */
export interface NewMediaRequest {
  type: 'movie' | 'tv';
  tmdbId?: number;
  tvdbId?: number;
  imdbId?: string;
  title?: string;
  year?: number;
  seasons: number[];
  episodes: { season: number; episode: number }[];
  qualityProfileId: string;
  targetIds: string[];
  requireApproval: boolean;
  approvalTimeoutSeconds?: number;
  approvalAutoAction?: ApprovalAutoAction;
  /** A TV request watches the seasons it names (`existing`) unless told otherwise; a movie never watches. */
  monitor?: RequestMonitor;
  /** Where the field names in errors start: "body" for the REST API. */
  fieldPrefix?: string;
}

export interface RequestServiceDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
}

/**
 * Requests for a movie or for episodes of a show: the one way a request is made (POST /api/requests, a
 * Radarr/Sonarr add through the *arr API) and the one way its waits are cut short.
 */
export class RequestService {
  private readonly requests: RequestRepository;
  private readonly profiles: QualityProfileRepository;
  private readonly targets: DeliveryTargetRepository;

  constructor(private readonly deps: RequestServiceDeps) {
    this.requests = new RequestRepository(deps.db);
    this.profiles = new QualityProfileRepository(deps.db);
    this.targets = new DeliveryTargetRepository(deps.db);
  }

  /** Checks the profile and targets exist, starts the request's mediaRequest workflow and stores the request. */
  async create(request: NewMediaRequest): Promise<RequestRow> {
    const field = (name: string) => [request.fieldPrefix, name].filter(Boolean).join('.');
    if (!(await this.profiles.get(request.qualityProfileId)))
      throw new InvalidRequestError(`${field('qualityProfileId')}: no quality profile ${request.qualityProfileId}`);
    const found = await this.targets.getMany(request.targetIds);
    const missing = request.targetIds.filter((id) => !found.some((t) => t.id === id));
    if (missing.length > 0) throw new InvalidRequestError(`${field('targetIds')}: no delivery target ${missing.join(', ')}`);
    const id = randomUUID();
    // The workflow first, then the row: a process that dies between the two leaves a workflow that finds no
    // row and fails on its own (planRequestItems retries "missing" for a few seconds first), never a row that
    // no workflow will ever work on. The row is written at once, long before the retries run out.
    const workflowId = requestWorkflowId(id);
    const input: MediaRequestInput = { requestId: id };
    const handle = await startWorkflow(this.deps.temporal, 'mediaRequest', { taskQueue: this.deps.taskQueue, workflowId, args: [input] });
    const row = await this.requests
      .create({
        id,
        workflowId,
        type: request.type,
        tmdbId: request.tmdbId ?? null,
        tvdbId: request.tvdbId ?? null,
        imdbId: request.imdbId ?? null,
        title: request.title ?? null,
        year: request.year ?? null,
        seasons: request.seasons,
        episodes: request.episodes,
        qualityProfileId: request.qualityProfileId,
        targetIds: request.targetIds,
        requireApproval: request.requireApproval,
        approvalTimeoutSeconds: request.approvalTimeoutSeconds ?? null,
        approvalAutoAction: request.approvalAutoAction ?? null,
        monitor: request.type === 'tv' ? (request.monitor ?? 'existing') : 'none',
      })
      .catch(async (error: unknown) => {
        await handle.terminate('the request could not be stored').catch(() => undefined);
        throw error;
      });
    return row;
  }

  /** A request made through the REST API: created as `create` does, answered with its item counts. */
  async submit(request: NewMediaRequest): Promise<RequestWithAggregates> {
    const row = await this.create(request);
    return { request: row, aggregates: await this.requests.aggregates(row.id) };
  }

  /** The request with its item counts. */
  async get(id: string): Promise<RequestWithAggregates> {
    const request = await this.require(id);
    return { request, aggregates: await this.requests.aggregates(request.id) };
  }

  /**
   * Cancels a request that has not ended: cancelling its workflow reaches every item's pipeline (a child),
   * which cleans up after itself (torrent, temporary files); items already delivered stay delivered and
   * the request ends PARTIAL.
   */
  async cancel(id: string): Promise<RequestWithAggregates> {
    const request = await this.require(id);
    if (FINISHED_REQUEST.includes(request.status)) throw new ConflictError(`Request is ${request.status}: it has ended`);
    try {
      await this.deps.temporal.workflow.getHandle(request.workflowId).cancel();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new ConflictError('Request has no running workflow');
      throw error;
    }
    return { request, aggregates: await this.requests.aggregates(request.id) };
  }

  /** The request's processing items, with what each active one is doing now (from its workflow). */
  async items(id: string): Promise<{ item: ProcessingItemRow; live: ItemLiveDetail | null }[]> {
    await this.require(id);
    const items = await this.requests.listItems(id);
    return Promise.all(
      items.map(async (item) => ({ item, live: await itemLiveDetail(this.deps.temporal, item.id, item.status, item.upgradeUntil) })),
    );
  }

  private async require(id: string): Promise<RequestRow> {
    const request = await this.requests.get(id);
    if (!request) throw new NotFoundError('Request');
    return request;
  }

  /**
   * Search now for every item of these requests that waits for its next search or its air date; items
   * doing something else (downloading, waiting for a person) are left alone. Answers how many were woken.
   */
  async searchNow(requestIds: string[]): Promise<number> {
    let woken = 0;
    for (const requestId of requestIds) {
      for (const item of await this.requests.listItems(requestId)) {
        if (item.status !== 'SEARCHING' && item.status !== 'AWAITING') continue;
        const handle = this.deps.temporal.workflow.getHandle(itemWorkflowId(item.id));
        try {
          const state = await handle.query(episodeStateQuery);
          if (!state.waitingFor || !ENDABLE_WAITS.includes(state.waitingFor)) continue;
          await handle.signal(endWaitSignal);
          woken++;
        } catch {
          // An item whose pipeline just moved on, or has no worker to answer: nothing to wake.
        }
      }
    }
    return woken;
  }
}
