/** Where the Temporal Web UI is and which namespace Reelflow's workflows run in. */
export interface TemporalUi {
  /** REELFLOW_TEMPORAL_UI_URL, or the dev server's UI that `npm start` runs. */
  baseUrl: string;
  namespace: string;
}

/**
 * Links into the Temporal Web UI (v2) for API answers (`temporalUrl`). The UI's routes:
 * `/namespaces/<ns>/workflows/<workflowId>/<runId>/history` shows one run; without a run id,
 * `/namespaces/<ns>/workflows/<workflowId>` opens the latest run of that id (the UI looks it up and
 * redirects), which is what a caller that knows only the business id (`item/<id>`, `scan/<libraryId>`)
 * wants; `/namespaces/<ns>/workflows?query=…` lists the runs a visibility query finds. Ids are
 * encoded as one path segment each, as the UI does (`item/…` becomes `item%2F…`).
 */
export class TemporalLinks {
  private readonly namespaceUrl: string;

  constructor(ui: TemporalUi) {
    this.namespaceUrl = `${ui.baseUrl.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(ui.namespace)}`;
  }

  /** The run's history when its run id is known, else the latest run of the workflow id. */
  readonly workflow = (workflowId: string, runId?: string | null): string => {
    const workflowUrl = `${this.namespaceUrl}/workflows/${encodeURIComponent(workflowId)}`;
    return runId ? `${workflowUrl}/${encodeURIComponent(runId)}/history` : workflowUrl;
  };

  /** The workflow list filtered by a visibility query, e.g. `ReelflowRequestId="…" AND ReelflowStatus="FAILED"`. */
  readonly list = (query: string): string => `${this.namespaceUrl}/workflows?query=${encodeURIComponent(query)}`;
}

/** A visibility query's string literal: the value in double quotes, with `"` and `\` escaped. */
export const queryLiteral = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
