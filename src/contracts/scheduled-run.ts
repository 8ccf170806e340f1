/** Shared by the scheduledRun workflow and the schedules that start it. Types and pure helpers only. */

/** The workflows a schedule runs (names from `Workflows` in ./workflows.ts). */
export type ScheduledWorkflowType = 'providerRefresh' | 'libraryScan' | 'maintenance' | 'iptvSync';

export interface ScheduledRunInput {
  workflowType: ScheduledWorkflowType;
  /**
   * The business-key id the work runs under (`scan/<libraryId>`, `iptv-sync/<providerId>`…), the same id a
   * person's start through the API uses, so a scheduled run and a manual one never run side by side.
   */
  workflowId: string;
  args: unknown[];
}

export interface ScheduledRunResult {
  workflowId: string;
  /** 'already-running': the same work was running (started by hand), so this tick left it alone. */
  outcome: 'completed' | 'already-running';
}

export const providerRefreshWorkflowId = 'provider-refresh';
export const maintenanceWorkflowId = 'maintenance';
