import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import {
  priorityKeys,
  providerFetchWorkflowId,
  providerSeasonFetchWorkflowId,
  type ProviderFetchInput,
  type ProviderFetchOutcome,
  type ProviderSearchInput,
  type ProviderSearchOutcome,
  type ProviderSeasonFetchInput,
  type ProviderSeasonFetchOutcome,
} from '../contracts/providers.js';
import { executeWorkflow, startWorkflow } from '../contracts/workflows.js';
import type { ProviderFetcher } from './provider-fetcher.js';

/**
 * Fetches through Temporal. The workflow id is the entity's (or the season's) and a running fetch is joined,
 * not duplicated (USE_EXISTING), so however many callers in however many processes ask at once, each
 * provider is asked once. The priority key puts a person's request ahead of background refreshes on the
 * provider queues.
 */
export class TemporalProviderFetcher implements ProviderFetcher {
  constructor(
    private readonly temporal: Client,
    private readonly taskQueue: string,
  ) {}

  async fetchTitle(input: ProviderFetchInput): Promise<ProviderFetchOutcome> {
    const handle = await startWorkflow(this.temporal, 'providerFetch', {
      taskQueue: this.taskQueue,
      workflowId: providerFetchWorkflowId(input.request.entityType, input.request.entityId),
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      priority: { priorityKey: priorityKeys[input.priority] },
    });
    return handle.result();
  }

  async fetchSeason(input: ProviderSeasonFetchInput): Promise<ProviderSeasonFetchOutcome> {
    const { entityType, entityId, seasonNumber } = input.request;
    const handle = await startWorkflow(this.temporal, 'providerSeasonFetch', {
      taskQueue: this.taskQueue,
      workflowId: providerSeasonFetchWorkflowId(entityType, entityId, seasonNumber),
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      priority: { priorityKey: priorityKeys[input.priority] },
    });
    return handle.result();
  }

  async search(input: ProviderSearchInput): Promise<ProviderSearchOutcome> {
    return executeWorkflow(this.temporal, 'providerSearch', {
      taskQueue: this.taskQueue,
      workflowId: `provider-search/${randomUUID()}`,
      args: [input],
      priority: { priorityKey: priorityKeys.user },
    });
  }
}
