import { childPidsNamed, readProcessTimes } from '../support/process-cpu.js';

/** CPU seconds one scan cost, by where they were spent; null parts could not be read. */
export interface ScanCpuSeconds {
  /** The worker process: its activities and workflow threads (the harness and client are not in it). */
  workerProcess: number;
  /** ffprobe processes the worker started (the worker process's exited children). */
  ffprobe: number;
  /** The Postgres backends serving the benchmark database; null when the server is not on this machine. */
  postgres: number | null;
  /** The Temporal dev server, a child of the benchmark process. */
  temporalServer: number | null;
}

/**
 * Starts measuring; the returned function ends the measurement. Postgres backends are found by asking the
 * server which pids serve our database, before and after, since the pool may open connections meanwhile.
 */
export async function startScanCpuMeasure(
  workerPid: number,
  databaseBackendPids: () => Promise<number[]>,
): Promise<() => Promise<ScanCpuSeconds | null>> {
  const worker = readProcessTimes(workerPid);
  const temporal = temporalServerSeconds();
  const backends = backendSeconds(await databaseBackendPids());
  return async () => {
    const workerAfter = readProcessTimes(workerPid);
    if (!worker || !workerAfter) return null;
    const temporalAfter = temporalServerSeconds();
    const backendsAfter = backendSeconds(await databaseBackendPids());
    let postgres: number | null = null;
    if (backendsAfter.size > 0) {
      postgres = 0;
      for (const [pid, seconds] of backendsAfter) postgres += seconds - (backends.get(pid) ?? 0);
    }
    return {
      workerProcess: workerAfter.ownSeconds - worker.ownSeconds,
      ffprobe: workerAfter.childrenSeconds - worker.childrenSeconds,
      postgres,
      temporalServer: temporal !== null && temporalAfter !== null ? temporalAfter - temporal : null,
    };
  };
}

function temporalServerSeconds(): number | null {
  const [pid] = childPidsNamed(process.pid, 'temporal');
  return pid === undefined ? null : (readProcessTimes(pid)?.ownSeconds ?? null);
}

/** Backends whose /proc entry is readable; none when Postgres runs elsewhere. */
function backendSeconds(pids: number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    const times = readProcessTimes(pid);
    if (times) seconds.set(pid, times.ownSeconds);
  }
  return seconds;
}
