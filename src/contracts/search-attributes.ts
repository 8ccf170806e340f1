import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Reelflow's custom search attributes: what a person filters on in the Temporal Web UI ("every failed item
 * of request X", "every run of library Y"). Registered at start-up (src/runtime/search-attributes.ts, and
 * the dev server's `--search-attribute` flags); set when a workflow starts (`startSearchAttributes` in
 * ./workflows.ts, used by the typed start helpers and by child starts); status and step are moved by the
 * request workflows as their items go.
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
/** A request's status (PENDING, PROCESSING, then COMPLETED, PARTIAL, FAILED or CANCELLED) or an item's (PENDING … COMPLETED). */
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
