import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { createPipelineTimingsActivities } from '../../../src/activities/pipeline-timings.js';
import { installTemporalRuntime } from '../../../src/workers/temporal-runtime.js';
import type { PipelineTimings } from '../../../src/contracts/request.js';
import type { UpgradeTimings } from '../../../src/contracts/item-upgrade.js';
import { encodeTaskQueue } from '../../../src/contracts/task-queues.js';

type StandIn = (input: unknown) => Promise<unknown>;

/**
 * The request pipeline's durations the tier's workers are configured with, as REELFLOW_DOWNLOAD_POLL_SECONDS
 * and the others configure a real worker: short enough for tests. The timed waits that stay long (air date,
 * search back-off) are ended by the endWait signal or a cancel.
 */
export const tierPipelineTimings: PipelineTimings = {
  downloadPollMs: 50,
  downloadStallMs: 1_000,
  airDateDelayMs: 0,
  searchRetryMs: 60 * 60_000,
  searchRetryMaxMs: 60 * 60_000,
  heartbeatTimeoutMs: 5_000,
  // Two quick retries (after 1 s and 2 s) fit in it; a third (after 4 s more) does not.
  stepRetryWindowMs: 5_000,
};

export interface TierWorkers {
  client: Client;
  taskQueue: string;
  /**
   * Hands this test's stand-ins to the workers: they serve every workflow whose id contains one of `keys`
   * (the test's fresh UUIDs: an item's id is in its pipeline's id and in its folder refresh's).
   */
  serve(activities: object, ...keys: string[]): void;
}

interface Tier {
  env: TestWorkflowEnvironment;
  taskQueue: string;
}

interface Route {
  keys: string[];
  activities: Record<string, StandIn>;
}

/** Every test file's stand-ins in this process, found by the workflow ids they serve. */
const routes: Route[] = [];
let started: Promise<Tier> | undefined;

/**
 * The workers of this test process on the tier's dev server, running the workflow bundle built once by the
 * global setup. Started by the first test file the process runs and kept for the next ones (the tier's files
 * share their processes): loading the bundle into a worker is the slow part. They stop with the process.
 *
 * Every activity, on the main queue and the encode queue, is one dispatcher (a worker's `default` activity)
 * to the stand-in of the test whose workflow called it, except the pipeline's configured durations, which
 * the workers serve as a real worker does.
 */
function tier(): Promise<Tier> {
  started ??= (async () => {
    // Before any connection of this process. The tier makes activities fail on purpose, and each failure is
    // an SDK warning: only errors show.
    installTemporalRuntime('error');
    const env = await TestWorkflowEnvironment.createFromExistingServer({ address: inject('temporalAddress') });
    const taskQueue = `workflow-test-${randomUUID()}`;
    const common = {
      connection: env.nativeConnection,
      // Heartbeats reach the server at once, so a cancel reaches a stand-in within milliseconds.
      maxHeartbeatThrottleInterval: 50,
      defaultHeartbeatThrottleInterval: 50,
      activities: {
        ...createPipelineTimingsActivities(tierPipelineTimings),
        upgradeTimings: upgradeTimingsOfTest,
        default: dispatchToStandIn,
      },
    };
    const workers = await Promise.all([
      Worker.create({ ...common, taskQueue, workflowBundle: { codePath: inject('workflowBundlePath') } }),
      Worker.create({ ...common, taskQueue: encodeTaskQueue(taskQueue) }),
    ]);
    for (const worker of workers) void worker.run();
    return { env, taskQueue };
  })();
  return started;
}

/**
 * The upgrade search's durations: a test that looks for upgrades configures its own (its `upgradeTimings`
 * stand-in); for every other test upgrades are off, as a worker configured with a window of 0 has them.
 */
function upgradeTimingsOfTest(): Promise<UpgradeTimings> {
  const { activityType, workflowExecution } = Context.current().info;
  const workflowId = workflowExecution?.workflowId ?? '(none)';
  const standIn = routes.find((route) => route.keys.some((key) => workflowId.includes(key)))?.activities[activityType];
  return standIn ? (standIn(undefined) as Promise<UpgradeTimings>) : Promise.resolve(UPGRADES_OFF);
}

const UPGRADES_OFF: UpgradeTimings = { upgradeWindowMs: 0, upgradeSearchMs: 60_000, upgradeSearchMaxMs: 60_000 };

function dispatchToStandIn(input: unknown): Promise<unknown> {
  const { activityType, workflowExecution } = Context.current().info;
  const workflowId = workflowExecution?.workflowId ?? '(none)';
  const standIn = routes.find((route) => route.keys.some((key) => workflowId.includes(key)))?.activities[activityType];
  if (!standIn) throw ApplicationFailure.nonRetryable(`No stand-in for ${activityType} called by workflow ${workflowId}`, 'NoStandIn');
  return standIn(input);
}

/** A test file's view of the tier: its client and task queue, and its stand-ins, removed after its last test. */
export function useTierWorkers(): TierWorkers {
  const mine: Route[] = [];
  let current: Tier | undefined;

  beforeAll(async () => {
    current = await tier();
  });

  afterAll(() => {
    for (const route of mine) routes.splice(routes.indexOf(route), 1);
  });

  return {
    get client() {
      if (!current) throw new Error('The workers start in beforeAll: use them inside a test');
      return current.env.client;
    },
    get taskQueue() {
      if (!current) throw new Error('The workers start in beforeAll: use them inside a test');
      return current.taskQueue;
    },
    serve(activities, ...keys) {
      const route = { keys, activities: activities as Record<string, StandIn> };
      mine.push(route);
      routes.push(route);
    },
  };
}
