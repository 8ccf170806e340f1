import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { createPipelineTimingsActivities } from '../../../src/activities/pipeline-timings.js';
import { testTimings } from './pipeline.js';

type StandIn = (input: unknown) => Promise<unknown>;

export interface TierQueues {
  /** Activities of the task queue the workflows run on. */
  main: readonly string[];
  /** Activity-only queues named after the main one (e.g. the encode queue), with their activities. */
  others?: { taskQueue: (main: string) => string; activities: readonly string[] }[];
}

export interface TierWorkers {
  client: Client;
  taskQueue: string;
  /**
   * Hands this test's stand-ins to the workers: they serve every workflow whose id contains one of `keys`
   * (the test's fresh UUIDs: an item's id is in its pipeline's id and in its folder refresh's).
   */
  serve(activities: object, ...keys: string[]): void;
}

/**
 * A test file's workers on the tier's dev server, running from before its first test to after its last: the
 * workflow bundle built once by the global setup, and for each activity a dispatcher to the stand-ins of the
 * test whose workflow called it. One workflow worker per file, as loading the bundle into a worker is the
 * slow part; tests in a file may then run concurrently.
 */
export function useTierWorkers(queues: TierQueues): TierWorkers {
  const routes: { keys: string[]; activities: Record<string, StandIn> }[] = [];
  const taskQueue = `workflow-test-${randomUUID()}`;
  let env: TestWorkflowEnvironment | undefined;
  let running: Promise<void> | undefined;
  let workers: Worker[] = [];

  const dispatchers = (names: readonly string[]) =>
    Object.fromEntries(
      names.map((name) => [
        name,
        (input: unknown) => {
          const workflowId = Context.current().info.workflowExecution?.workflowId ?? '(none)';
          const standIn = routes.find((route) => route.keys.some((key) => workflowId.includes(key)))?.activities[name];
          if (!standIn) throw ApplicationFailure.nonRetryable(`No stand-in for ${name} called by workflow ${workflowId}`, 'NoStandIn');
          return standIn(input);
        },
      ]),
    );

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createFromExistingServer({ address: inject('temporalAddress') });
    const common = {
      connection: env.nativeConnection,
      // Heartbeats reach the server at once, so a cancel reaches a stand-in within milliseconds.
      maxHeartbeatThrottleInterval: 50,
      defaultHeartbeatThrottleInterval: 50,
    };
    workers = await Promise.all([
      Worker.create({ ...common, taskQueue, workflowBundle: { codePath: inject('workflowBundlePath') }, activities: { ...createPipelineTimingsActivities(testTimings), ...dispatchers(queues.main) } }),
      ...(queues.others ?? []).map((queue) => Worker.create({ ...common, taskQueue: queue.taskQueue(taskQueue), activities: dispatchers(queue.activities) })),
    ]);
    running = Promise.all(workers.map((worker) => worker.run())).then(() => {});
  });

  afterAll(async () => {
    // Activities still running are cancelled, as on any worker shutdown.
    for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
    await env?.teardown();
  });

  return {
    get client() {
      if (!env) throw new Error('The workers start in beforeAll: use them inside a test');
      return env.client;
    },
    taskQueue,
    serve(activities, ...keys) {
      routes.push({ keys, activities: activities as Record<string, StandIn> });
    },
  };
}
