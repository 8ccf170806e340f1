import { defineQuery } from '@temporalio/workflow';

/** Shared by the providerRefresh workflow, its activities and callers. Types and pure helpers only. */

export type RefreshEntityType = 'movie' | 'tv';

export interface RefreshTarget {
  entityType: RefreshEntityType;
  entityId: string;
  tmdbId: number | null;
  imdbId: string | null;
}

/** One window of TMDB's change list to read: dates as YYYY-MM-DD. */
export interface ChangesWindow {
  entityType: RefreshEntityType;
  startDate: string;
  endDate: string;
}

export interface ProviderRefreshPlan {
  /** The TMDB provider whose change list is read; null when none is enabled (only the status rules run). */
  tmdb: { providerId: string; timeoutMs: number } | null;
  /** Empty when the change list was read less than `minChangesIntervalMinutes` ago. */
  windows: ChangesWindow[];
  /** The time saved as "changes checked" when a window is done. */
  checkedAt: string;
}

export interface ProviderRefreshInput {
  /** The change list is not read again sooner than this after the last read (default 60). */
  minChangesIntervalMinutes?: number;
  /** Titles per refresh batch. */
  batchSize?: number;
  maxHistoryEvents?: number;
  resume?: ProviderRefreshResume;
}

export interface ProviderRefreshResume {
  plan: ProviderRefreshPlan;
  windowIndex: number;
  /** The next page of the current window to read, and how many it has (1 until the first is read). */
  page: number;
  totalPages: number;
  /** Where the status-rule pass is: entity type index and last id. */
  dueIndex: number;
  afterId: string | null;
  summary: ProviderRefreshSummary;
}

export interface ProviderRefreshSummary {
  phase: 'changes' | 'status-rules' | 'completed';
  /** Pages of TMDB's change lists read. */
  changePages: number;
  /** Ids TMDB listed as changed. */
  changedIds: number;
  /** Of those, titles in the library with cached data, refreshed. */
  refreshedChanged: number;
  /** Titles due by the release-status rules, refreshed. */
  refreshedDue: number;
  failed: number;
  /** Refreshed titles whose provider data changed, handed to their pipelines to publish (absent in older runs). */
  republished?: number;
}

export const providerRefreshProgressQuery = defineQuery<ProviderRefreshSummary>('progress');
