import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of processes from Linux's /proc, for benchmarks that must say where CPU went rather than only
 * how long things took: on a machine shared with other work, wall time moves with the load, CPU time far
 * less. Every reader returns null where /proc is missing or the process is gone or not ours to read.
 */

// USER_HZ, the unit of /proc/<pid>/stat times; 100 on every Linux architecture Node runs on.
const TICKS_PER_SECOND = 100;

export interface ProcessTimes {
  /** User + system time of the process itself, all its threads included. */
  ownSeconds: number;
  /** User + system time of its children that have exited and been waited for. */
  childrenSeconds: number;
}

export function readProcessTimes(pid: number | 'self'): ProcessTimes | null {
  const stat = readStat(pid);
  if (!stat) return null;
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((field) => Number(stat.fields[field]));
  return { ownSeconds: (utime! + stime!) / TICKS_PER_SECOND, childrenSeconds: (cutime! + cstime!) / TICKS_PER_SECOND };
}

/** Pids of the running children of `parentPid` whose command name is `name` (e.g. the Temporal CLI). */
export function childPidsNamed(parentPid: number, name: string): number[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  return pids.map(Number).filter((pid) => {
    const stat = readStat(pid);
    return stat !== null && stat.name === name && Number(stat.fields[1]) === parentPid;
  });
}

/** Pids of every running process whose command name is `name`, whoever started it (e.g. postgres backends). */
export function pidsNamed(name: string): number[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  return pids.map(Number).filter((pid) => readStat(pid)?.name === name);
}

/** Fields after the command name, which may itself hold spaces and parentheses; index 0 is the state. */
function readStat(pid: number | 'self'): { name: string; fields: string[] } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const close = text.lastIndexOf(')');
  return {
    name: text.slice(text.indexOf('(') + 1, close),
    fields: text
      .slice(close + 2)
      .trim()
      .split(' '),
  };
}

/**
 * CPU time so far of everything a benchmark's stack runs on: this process (workers, API, client), its
 * finished children (ffmpeg, ffprobe), the Temporal dev server, the named child processes (e.g.
 * qBittorrent) and Postgres.
 */
export function stackCpuSnapshot(children: Record<string, string> = {}): Record<string, number> {
  const self = readProcessTimes('self')!;
  const sum = (pids: number[]) => pids.reduce((total, pid) => total + (readProcessTimes(pid)?.ownSeconds ?? 0), 0);
  return {
    node: self.ownSeconds,
    'ffmpeg+ffprobe': self.childrenSeconds,
    temporal: sum(childPidsNamed(process.pid, 'temporal')),
    ...Object.fromEntries(Object.entries(children).map(([label, name]) => [label, sum(childPidsNamed(process.pid, name))])),
    postgres: sum(pidsNamed('postgres')),
  };
}

/** CPU seconds each part spent between two snapshots, to two decimals. */
export function stackCpuSpent(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((who) => [who, Math.round((after[who]! - (before[who] ?? 0)) * 100) / 100]));
}
