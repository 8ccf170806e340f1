import { readFileSync } from 'node:fs';

/**
 * Samples another process's resident set size (VmRSS in /proc/<pid>/status) on a timer and keeps the
 * peak — for the worker, which runs in a process of its own as under `npm run worker`. Reading one small
 * /proc file every 200 ms costs nothing measurable. Only that process counts: its children (ffprobe) and
 * the sampling process are not included. Linux only; without /proc, or once the process is gone, samples
 * read as 0 and leave the peak as it was.
 */
export interface RssSampler {
  /** Highest sample since start or the last reset. */
  peak(): MemoryPeak;
  reset(): void;
  stop(): void;
}

export interface MemoryPeak {
  rssBytes: number;
}

export function startProcessRssSampler(pid: number, intervalMs = 200): RssSampler {
  let peak = readVmRssBytes(pid);
  const sample = () => {
    peak = Math.max(peak, readVmRssBytes(pid));
  };
  const timer = setInterval(sample, intervalMs);
  // Never the reason the process stays alive.
  timer.unref();
  return {
    peak() {
      sample();
      return { rssBytes: peak };
    },
    reset() {
      peak = readVmRssBytes(pid);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** VmRSS of `pid` in bytes; 0 when it cannot be read. */
export function readVmRssBytes(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  return kb === undefined ? 0 : Number(kb) * 1024;
}
