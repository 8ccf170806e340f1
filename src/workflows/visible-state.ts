import { patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { ReelflowStatus } from '../contracts/search-attributes.js';

/** Runs recorded before status and step were search attributes replay without the upserts. */
const SEARCH_ATTRIBUTES_PATCH = 'search-attributes';

/** Every Keyword key has this type (the SDK does not export the type of a key). */
type KeywordKey = typeof ReelflowStatus;

/**
 * A run's Keyword search attributes that move as it goes (ReelflowStatus, ReelflowStep), for Web UI
 * queries such as `ReelflowRequestId="…" AND ReelflowStatus="FAILED"`. Create it when the workflow starts:
 * the patch is decided there, once for the whole run. A value the run already shows (from its start
 * options or an earlier upsert) records nothing.
 */
export class VisibleState {
  private readonly enabled = patched(SEARCH_ATTRIBUTES_PATCH);

  show(key: KeywordKey, value: string): void {
    if (!this.enabled || workflowInfo().typedSearchAttributes.get(key) === value) return;
    upsertSearchAttributes([{ key, value }]);
  }
}
