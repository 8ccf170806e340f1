import { workflowInfo } from '@temporalio/workflow';

/** Where a batch workflow (scan, IPTV sync, refresh, maintenance) continues as new unless its input says otherwise. */
export const DEFAULT_MAX_HISTORY_EVENTS = 4_000;

/**
 * Time for a batch workflow to continue as new: the server suggests it, or the history reached the run's
 * own bound (tests set it low to prove a run resumes where it stopped).
 */
export function historyIsLong(maxHistoryEvents = DEFAULT_MAX_HISTORY_EVENTS): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= maxHistoryEvents;
}
