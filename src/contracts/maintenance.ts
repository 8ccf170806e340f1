/** Shared by the maintenance workflow, its schedule and tests. Types only. */

export interface MaintenanceInput {
  batchSize?: number;
  maxHistoryEvents?: number;
  resume?: { phase: 'remove' | 'verify'; afterId: string | null; summary: MaintenanceSummary };
}

export interface MaintenanceSummary {
  removed: number;
  freedBytes: number;
  checked: number;
  repaired: number;
  flagged: number;
  /** Ledger rows of notification sends past their keeping time. */
  sendsPruned?: number;
  /** History and live events past their keeping time. */
  eventsPruned?: number;
}
