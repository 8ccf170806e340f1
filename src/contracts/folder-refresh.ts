/**
 * The contract for "this one folder of a library changed": a Radarr/Sonarr webhook, or the request
 * pipeline's delivery, asks for the folder to be scanned and its title to run through its pipeline.
 * No runtime imports beyond Temporal's.
 */
import type { PipelineTitleKind } from './title-pipeline.js';

export interface FolderRefreshInput {
  libraryId: string;
  /** Absolute path on this machine, inside the library's root: a movie or show folder. */
  folderPath: string;
  /** Why, for the Temporal UI and logs: "radarr Download", "request 42 delivered". */
  reason: string;
  /** Who a Radarr/Sonarr webhook says the folder's title is; used when the folder's own files name no id. */
  arrIds?: { tmdb?: number; imdb?: string; tvdb?: number };
}

/** For a child start from another workflow; callers outside src/workflows use `startWorkflow(client, 'folderRefresh', …)`. */
export const folderRefreshWorkflowType = 'folderRefresh' as const;

/** What folderRefresh found in the folder: a title scanned (and its pipeline started), or titles gone. */
export type RefreshedFolder =
  | { outcome: 'scanned'; kind: PipelineTitleKind; titleId: string; isNew: boolean; fileErrors: number }
  | { outcome: 'removed'; titlesRemoved: number };
