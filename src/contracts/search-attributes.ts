import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import type { Workflows, WorkflowType } from './workflows.js';

/**
 * Reelflow's custom search attributes: what a person filters on in the Temporal Web UI ("every failed item
 * of request X", "every run of library Y"). Registered at start-up (src/runtime/search-attributes.ts, and
 * the dev server's `--search-attribute` flags); set when a workflow starts (`startSearchAttributes`, used by
 * the typed start helpers and by child starts) and moved by the request workflows as their items go.
 *
 * Every id is a Keyword: our ids are UUIDs, which an Int cannot hold, and a Keyword matches whole values
 * exactly (`=`, `IN`), as looking up an id needs; a Text attribute would be split into words. Status and
 * step are Keywords for the same reason: they are one of a fixed set of words.
 */
export const ReelflowLibraryId = defineSearchAttributeKey('ReelflowLibraryId', SearchAttributeType.KEYWORD);
export const ReelflowTitleId = defineSearchAttributeKey('ReelflowTitleId', SearchAttributeType.KEYWORD);
export const ReelflowRequestId = defineSearchAttributeKey('ReelflowRequestId', SearchAttributeType.KEYWORD);
export const ReelflowItemId = defineSearchAttributeKey('ReelflowItemId', SearchAttributeType.KEYWORD);
export const ReelflowIptvProviderId = defineSearchAttributeKey('ReelflowIptvProviderId', SearchAttributeType.KEYWORD);
/** A request's status (PROCESSING … COMPLETED, PARTIAL, FAILED) or an item's (PENDING … COMPLETED, FAILED). */
export const ReelflowStatus = defineSearchAttributeKey('ReelflowStatus', SearchAttributeType.KEYWORD);
/** The step an item's pipeline is at: air-date, search, approval, download, encode, deliver, done. */
export const ReelflowStep = defineSearchAttributeKey('ReelflowStep', SearchAttributeType.KEYWORD);

/** Every key above, in the order they are registered. */
export const reelflowSearchAttributes = [
  ReelflowLibraryId,
  ReelflowTitleId,
  ReelflowRequestId,
  ReelflowItemId,
  ReelflowIptvProviderId,
  ReelflowStatus,
  ReelflowStep,
] as const;

type WorkflowInput<T extends WorkflowType> = NonNullable<Parameters<Workflows[T]>[0]>;
type AttributesOf = { [T in WorkflowType]?: (input: WorkflowInput<T>) => SearchAttributePair[] };

const keyword = (key: (typeof reelflowSearchAttributes)[number], value: string): SearchAttributePair => ({ key, value });

/** What each workflow carries from its start, read from its input. Workflows not named here carry none. */
const attributesOf: AttributesOf = {
  libraryScan: (i) => [keyword(ReelflowLibraryId, i.libraryId)],
  moviePipeline: (i) => [keyword(ReelflowTitleId, i.titleId)],
  showPipeline: (i) => [keyword(ReelflowTitleId, i.titleId)],
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
