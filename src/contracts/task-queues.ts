import type { IptvKind } from '../db/schema/iptv.js';
import type { ProviderId } from '../providers/types.js';

/**
 * Every task queue is named after the deployment's main queue (REELFLOW_TASK_QUEUE), so two deployments on
 * one Temporal server never share one. Workers listen on these names and workflows schedule onto them: both
 * sides build them here.
 */

/**
 * Each metadata provider kind's calls run on their own queue, which the server rate-limits for all workers
 * together; each IPTV panel kind's slow catalogue calls run on theirs, off the general queue.
 */
export const providerTaskQueue = (mainTaskQueue: string, kind: ProviderId | IptvKind) => `${mainTaskQueue}/provider-${kind}`;

/**
 * The title pipelines' own activities (identify, enrich, publish) run on a queue of their own: they wait on
 * providerFetch / providerSearch workflows, whose bookkeeping activities run on the main queue, so sharing
 * the main queue's slots could leave every slot waiting on work that no slot is free to do.
 */
export const pipelineTaskQueue = (mainTaskQueue: string) => `${mainTaskQueue}/pipeline`;

/** Encoding runs on its own queue, whose workers set how many encodes run at once (their slots). */
export const encodeTaskQueue = (mainTaskQueue: string) => `${mainTaskQueue}/encode`;
