import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Database } from '../db/client.js';
import { DeliveryTargetRepository } from '../db/repositories/delivery-target-repository.js';
import { QualityProfileRepository } from '../db/repositories/quality-profile-repository.js';
import { RequestRepository } from '../db/repositories/request-repository.js';
import type { ApprovalAutoAction, RequestRow } from '../db/schema/index.js';
import { ENDABLE_WAITS, endWaitSignal, episodeStateQuery, itemWorkflowId, requestWorkflowId, type MediaRequestInput, type PipelineTimings } from '../contracts/request.js';
import { startWorkflow } from '../contracts/workflows.js';
import { InvalidRequestError } from './service-errors.js';

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
  /** Where the field names in errors start: "body" for the REST API. */
  fieldPrefix?: string;
}

export interface RequestServiceDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  /** Shorter pipeline waits (tests, benchmarks); production takes the defaults. */
  requestTimings?: Partial<PipelineTimings>;
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
    if (!(await this.profiles.get(request.qualityProfileId))) throw new InvalidRequestError(`${field('qualityProfileId')}: no quality profile ${request.qualityProfileId}`);
    const found = await this.targets.getMany(request.targetIds);
    const missing = request.targetIds.filter((id) => !found.some((t) => t.id === id));
    if (missing.length > 0) throw new InvalidRequestError(`${field('targetIds')}: no delivery target ${missing.join(', ')}`);
    const id = randomUUID();
    // The workflow first, then the row: a process that dies between the two leaves a workflow that finds no
    // row and fails on its own (planRequestItems retries "missing" for a few seconds first), never a row that
    // no workflow will ever work on. The row is written at once, long before the retries run out.
    const workflowId = requestWorkflowId(id);
    const input: MediaRequestInput = { requestId: id, ...(this.deps.requestTimings ? { timings: this.deps.requestTimings } : {}) };
    const handle = await startWorkflow(this.deps.temporal, 'mediaRequest', { taskQueue: this.deps.taskQueue, workflowId, args: [input] });
    const row = await this.requests.create({
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
    }).catch(async (error: unknown) => {
      await handle.terminate('the request could not be stored').catch(() => undefined);
      throw error;
    });
    return row;
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
