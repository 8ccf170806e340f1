import { defineQuery } from '@temporalio/workflow';
import type { IptvKind } from '../db/schema/iptv.js';

export type { IptvKind };

/** Shared by the iptvSync workflow, its activities and callers. Types and pure helpers only. */

export interface IptvSyncInput {
  providerId: string;
  /** Defaults to the first run id of the chain, which continue-as-new keeps: the whole chain is one sync. */
  syncId?: string;
  /** Titles per matching batch. */
  batchSize?: number;
  maxHistoryEvents?: number;
  resume?: { kind: IptvKind; afterKey: string | null; progress: IptvSyncProgress };
}

export type IptvSyncPhase = 'starting' | 'fetching' | 'matching' | 'monitoring' | 'completed' | 'provider-deleted' | 'failed' | 'cancelled';

export interface IptvSyncProgress {
  syncId: string;
  providerId: string;
  phase: IptvSyncPhase;
  /** Titles the provider lists in its enabled categories (malformed entries included). */
  listed: number;
  malformed: number;
  /** New or changed titles, to be matched. */
  toMatch: number;
  matched: number;
  ignored: number;
  /** Titles TMDB could not be asked about this time; they stay pending for the next sync. */
  matchErrors: number;
  added: number;
  removed: number;
}

export interface CatalogueFetchResult {
  listed: number;
  malformed: number;
  inserted: number;
  toMatch: number;
}

export interface MatchBatchResult {
  processed: number;
  matched: number;
  ignored: number;
  errors: number;
  nextAfterKey: string | null;
  /** The longest Retry-After TMDB named for a title of this batch that could not be looked up. */
  retryAfterMs?: number;
}

/** What a sync records of itself in `iptv_sync_runs` (the sync list's row), at its start, steps and end. */
export interface IptvSyncRunRecord {
  workflowId: string;
  status: 'running' | 'completed' | 'failed' | 'cancelled';
  progress: IptvSyncProgress;
  errorMessage: string | null;
}

export const iptvSyncProgressQuery = defineQuery<IptvSyncProgress>('progress');

/** One sync per provider at a time, whoever starts it (schedule or API). */
export const iptvSyncWorkflowId = (providerId: string) => `iptv-sync/${providerId}`;
