/**
 * Samples this process's resident set size on a timer and keeps the peak. `process.memoryUsage.rss()` is
 * the same figure as `process.memoryUsage().rss` without walking the V8 heap spaces, so sampling every
 * 200 ms costs nothing measurable; the full breakdown is taken only when a new peak is seen, to tell the
 * JavaScript heap from memory held outside it. Child processes (ffprobe) are not included.
 */
export interface RssSampler {
  /** Highest sample since start or the last reset. */
  peak(): MemoryPeak;
  reset(): void;
  stop(): void;
}

export interface MemoryPeak {
  rssBytes: number;
  /** process.memoryUsage() at that moment: V8 heap reserved and used, and memory of Buffers and ArrayBuffers. */
  heapTotalBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
}

export function startRssSampler(intervalMs = 200): RssSampler {
  let peak = snapshot();
  const sample = () => {
    if (process.memoryUsage.rss() > peak.rssBytes) peak = snapshot();
  };
  const timer = setInterval(sample, intervalMs);
  // Never the reason the process stays alive.
  timer.unref();
  return {
    peak() {
      sample();
      return peak;
    },
    reset() {
      peak = snapshot();
    },
    stop() {
      clearInterval(timer);
    },
  };
}

function snapshot(): MemoryPeak {
  const usage = process.memoryUsage();
  return { rssBytes: usage.rss, heapTotalBytes: usage.heapTotal, heapUsedBytes: usage.heapUsed, externalBytes: usage.external };
}
