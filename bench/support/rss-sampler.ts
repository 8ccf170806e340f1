/**
 * Samples this process's resident set size on a timer and keeps the peak. `process.memoryUsage.rss()` is
 * the same figure as `process.memoryUsage().rss` without walking the V8 heap spaces, so sampling every
 * 200 ms costs nothing measurable. Child processes (ffprobe) are not included.
 */
export interface RssSampler {
  /** Highest sample since start or the last reset, in bytes. */
  peakBytes(): number;
  reset(): void;
  stop(): void;
}

export function startRssSampler(intervalMs = 200): RssSampler {
  let peak = process.memoryUsage.rss();
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, intervalMs);
  // Never the reason the process stays alive.
  timer.unref();
  return {
    peakBytes() {
      sample();
      return peak;
    },
    reset() {
      peak = process.memoryUsage.rss();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
