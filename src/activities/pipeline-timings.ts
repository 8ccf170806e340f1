import type { PipelineTimings } from '../contracts/request.js';

/**
 * The request pipeline's durations as this worker is configured (REELFLOW_DOWNLOAD_POLL_SECONDS and the
 * others). An item's pipeline reads them once, as a local activity, when it starts: the answer is in its
 * history, so a replay sees the same durations even if the configuration changed since.
 */
export function createPipelineTimingsActivities(timings: PipelineTimings) {
  return {
    async pipelineTimings(): Promise<PipelineTimings> {
      return timings;
    },
  };
}

export type PipelineTimingsActivities = ReturnType<typeof createPipelineTimingsActivities>;
