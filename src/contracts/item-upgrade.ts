import { defineQuery } from '@temporalio/workflow';
import { z } from 'zod';
import { lazySchema, uuidText } from './workflow-input.js';
import type { EpisodePipelineInput, ReleaseCandidate } from './request.js';

/**
 * An item delivered below its quality profile's preferred quality keeps looking for a release that meets it
 * (Sonarr's and Radarr's "upgrade until cutoff"): the itemUpgrade workflow, started by the item's pipeline
 * once the item is COMPLETED. No runtime imports beyond Temporal's and zod.
 */

export const itemUpgradeWorkflowType = 'itemUpgrade' as const;
export const itemUpgradeWorkflowId = (itemId: string) => `item-upgrade/${itemId}`;

/** The wait's name in the upgrade's `state` query and on the item: the `endWait` signal (search-now) ends it. */
export const UPGRADE_WAIT = 'upgrade';

/**
 * Durations of the upgrade search: the worker's configuration (REELFLOW_UPGRADE_WINDOW_SECONDS and the
 * others), read once per run through the `upgradeTimings` local activity. Tests configure them shorter.
 */
export interface UpgradeTimings {
  /** How long after delivery an item keeps looking for an upgrade; 0 turns upgrades off. */
  upgradeWindowMs: number;
  /** First wait before searching for an upgrade; doubles up to the maximum. */
  upgradeSearchMs: number;
  upgradeSearchMaxMs: number;
}

export interface ItemUpgradeInput extends Omit<EpisodePipelineInput, 'airDate' | 'approval' | 'timings'> {
  /** The release the item was delivered from: never taken again, and judged against the profile first. */
  delivered: ReleaseCandidate | null;
  /** Set by the run itself (its first, or one it continued as new from): when the item stops looking. */
  until?: string;
  /** Carried over a continue-as-new: download links already delivered or set aside. */
  excluded?: string[];
  /** Carried over a continue-as-new: the next wait before searching. */
  backoffMs?: number;
  /** History length at which a run continues as new; unset: the default (tests set it low). */
  maxHistoryEvents?: number;
}

/** How an upgrade ended: an upgrade delivered, the window ran out, a person stopped it, or none was wanted. */
export type UpgradeOutcome = 'upgraded' | 'window-ended' | 'stopped' | 'not-needed';

export interface ItemUpgradeResult {
  itemId: string;
  outcome: UpgradeOutcome;
}

export interface ItemUpgradeState {
  itemId: string;
  /** `upgrade` while it waits for the next search; null while it searches or takes a release. */
  waitingFor: typeof UPGRADE_WAIT | null;
  /** When the wait ends (ISO). */
  waitUntil: string | null;
  /** When the item stops looking for an upgrade (ISO). */
  upgradeUntil: string | null;
  /** The upgrade being downloaded, encoded or delivered. */
  release: ReleaseCandidate | null;
}

export const itemUpgradeStateQuery = defineQuery<ItemUpgradeState>('state');

// The pipeline's input checked it already; this guards what the pipeline adds. Built on first use: see lazySchema.
export const itemUpgradeInputSchema = lazySchema(() =>
  z.looseObject({
    itemId: uuidText(),
    requestId: uuidText(),
    qualityProfileId: uuidText(),
    targetIds: z.array(uuidText()),
    delivered: z.looseObject({ title: z.string(), downloadUrl: z.string() }).nullable(),
    until: z.iso.datetime().optional(),
    excluded: z.array(z.string()).optional(),
    backoffMs: z.number().int().nonnegative().optional(),
    maxHistoryEvents: z.number().int().positive().optional(),
  }),
);
