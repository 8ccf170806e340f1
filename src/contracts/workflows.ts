import type { Client, WorkflowSignalWithStartOptions, WorkflowStartOptions } from '@temporalio/client';
import type { SearchAttributePair, TypedSearchAttributes, WithWorkflowArgs } from '@temporalio/common';
import type { FolderRefreshInput, RefreshedFolder } from './folder-refresh.js';
import type { IptvSyncInput, IptvSyncProgress } from './iptv.js';
import type { ItemUpgradeInput, ItemUpgradeResult } from './item-upgrade.js';
import type { MaintenanceInput, MaintenanceSummary } from './maintenance.js';
import type {
  NotifyTitleInput,
  NotifyTitleResult,
  PeopleDigestInput,
  PeopleDigestState,
  PlayerLibrarySyncInput,
  PlayerSyncState,
} from './notify.js';
import type { ProviderRefreshInput, ProviderRefreshSummary } from './provider-refresh.js';
import type {
  ProviderFetchInput,
  ProviderFetchOutcome,
  ProviderSearchInput,
  ProviderSearchOutcome,
  ProviderSeasonFetchInput,
  ProviderSeasonFetchOutcome,
} from './providers.js';
import type { DecisionResult, EpisodePipelineInput, MediaRequestInput, MediaRequestState } from './request.js';
import type { LibraryScanInput, ScanProgress } from './scan.js';
import type { ScheduledRunInput, ScheduledRunResult } from './scheduled-run.js';
import type { TitleImportInput, TitleImportResult, TitlePipelineInput, TitlePipelineState } from './title-pipeline.js';
import {
  ReelflowIptvProviderId,
  ReelflowItemId,
  ReelflowLibraryId,
  ReelflowRequestId,
  ReelflowStatus,
  ReelflowStep,
  ReelflowTitleId,
  type reelflowSearchAttributes,
} from './search-attributes.js';

/**
 * Every workflow the worker registers, by its type name, with its signature. Code outside src/workflows
 * starts a workflow by one of these names through the helpers below, so the compiler checks the arguments
 * and the result as it would for a start by function reference; src/workflows/registered-workflows.ts proves that each
 * registered workflow has the signature announced here.
 */
export interface Workflows {
  libraryScan(input: LibraryScanInput): Promise<ScanProgress>;
  providerFetch(input: ProviderFetchInput): Promise<ProviderFetchOutcome>;
  providerSeasonFetch(input: ProviderSeasonFetchInput): Promise<ProviderSeasonFetchOutcome>;
  providerSearch(input: ProviderSearchInput): Promise<ProviderSearchOutcome>;
  moviePipeline(input: TitlePipelineInput): Promise<TitlePipelineState>;
  showPipeline(input: TitlePipelineInput): Promise<TitlePipelineState>;
  titleImport(input: TitleImportInput): Promise<TitleImportResult>;
  folderRefresh(input: FolderRefreshInput): Promise<RefreshedFolder & { pipelineWorkflowId?: string }>;
  notifyTitle(input: NotifyTitleInput): Promise<NotifyTitleResult>;
  playerLibrarySync(input: PlayerLibrarySyncInput): Promise<PlayerSyncState>;
  peopleDigest(input: PeopleDigestInput): Promise<PeopleDigestState>;
  scheduledRun(input: ScheduledRunInput): Promise<ScheduledRunResult>;
  providerRefresh(input?: ProviderRefreshInput): Promise<ProviderRefreshSummary>;
  maintenance(input?: MaintenanceInput): Promise<MaintenanceSummary>;
  iptvSync(input: IptvSyncInput): Promise<IptvSyncProgress>;
  mediaRequest(input: MediaRequestInput): Promise<MediaRequestState & { status: string }>;
  episodePipeline(input: EpisodePipelineInput): Promise<DecisionResult>;
  itemUpgrade(input: ItemUpgradeInput): Promise<ItemUpgradeResult>;
}

export type WorkflowType = keyof Workflows;

/**
 * Starts the workflow of this type; its arguments and result are typed by its signature in `Workflows`.
 * The run carries the search attributes its input names (`startSearchAttributes`), before any given here.
 */
export function startWorkflow<T extends WorkflowType>(client: Client, type: T, options: WorkflowStartOptions<Workflows[T]>) {
  return client.workflow.start<Workflows[T]>(type, withSearchAttributes(type, options));
}

/** Starts the workflow of this type and waits for its result. */
export function executeWorkflow<T extends WorkflowType>(client: Client, type: T, options: WorkflowStartOptions<Workflows[T]>) {
  return client.workflow.execute<Workflows[T]>(type, withSearchAttributes(type, options));
}

/** Signals the workflow of this type, starting it first when it does not run. */
export function signalWithStartWorkflow<T extends WorkflowType, SignalArgs extends unknown[]>(
  client: Client,
  type: T,
  options: WithWorkflowArgs<Workflows[T], WorkflowSignalWithStartOptions<SignalArgs>>,
) {
  return client.workflow.signalWithStart<Workflows[T], SignalArgs>(type, withSearchAttributes(type, options));
}

function withSearchAttributes<
  T extends WorkflowType,
  O extends { args?: unknown; typedSearchAttributes?: SearchAttributePair[] | TypedSearchAttributes },
>(type: T, options: O): O {
  const args = (options.args ?? []) as Parameters<Workflows[T]>;
  const given = options.typedSearchAttributes;
  const extra = given === undefined ? [] : Array.isArray(given) ? given : given.getAll();
  return { ...options, typedSearchAttributes: [...startSearchAttributes(type, args[0]), ...extra] };
}

type WorkflowInput<T extends WorkflowType> = NonNullable<Parameters<Workflows[T]>[0]>;
type AttributesOf = { [T in WorkflowType]?: (input: WorkflowInput<T>) => SearchAttributePair[] };

const keyword = (key: (typeof reelflowSearchAttributes)[number], value: string): SearchAttributePair => ({ key, value });

/** What each workflow carries from its start, read from its input. Workflows not named here carry none. */
const attributesOf: AttributesOf = {
  libraryScan: (i) => [keyword(ReelflowLibraryId, i.libraryId)],
  moviePipeline: (i) => [keyword(ReelflowTitleId, i.titleId)],
  showPipeline: (i) => [keyword(ReelflowTitleId, i.titleId)],
  titleImport: (i) => [keyword(ReelflowLibraryId, i.libraryId)],
  folderRefresh: (i) => [keyword(ReelflowLibraryId, i.libraryId)],
  notifyTitle: (i) => [keyword(ReelflowLibraryId, i.libraryId), keyword(ReelflowTitleId, i.titleId)],
  playerLibrarySync: (i) => [keyword(ReelflowLibraryId, i.libraryId)],
  peopleDigest: (i) => [keyword(ReelflowLibraryId, i.libraryId)],
  iptvSync: (i) => [keyword(ReelflowIptvProviderId, i.providerId)],
  mediaRequest: (i) => [keyword(ReelflowRequestId, i.requestId), keyword(ReelflowStatus, 'PENDING')],
  episodePipeline: (i) => [
    keyword(ReelflowRequestId, i.requestId),
    keyword(ReelflowItemId, i.itemId),
    keyword(ReelflowStatus, 'PENDING'),
    keyword(ReelflowStep, 'air-date'),
  ],
};

/**
 * The search attributes a run of `type` starts with, from its input. A pure function of the input, so a
 * workflow may call it for a child start and replay the same command.
 */
export function startSearchAttributes<T extends WorkflowType>(type: T, input: Parameters<Workflows[T]>[0]): SearchAttributePair[] {
  const of = attributesOf[type] as ((input: WorkflowInput<T>) => SearchAttributePair[]) | undefined;
  return of && input ? of(input as WorkflowInput<T>) : [];
}
