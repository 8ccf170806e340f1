import type { MachineInfo } from '../support/machine.js';
import type { ShowFigures } from './measure-show.js';
import type { SizeFigures } from './measure-size.js';
import { FOLDER_CONCURRENCY } from './reference-scan.js';

/** The targets of the scan (docs/benchmarks.md). Time and memory targets are stated at 10,000 titles. */
export const TARGETS = { ratioMin: 0.8, unchangedRescanMaxSeconds: 3, rssPeakMaxMb: 500, atTitles: 10_000 } as const;

export interface TargetVerdicts {
  /** Initial-scan ratio at every size. */
  ratio: boolean;
  /** null when no size of this run is the one the target is stated at. */
  unchangedRescan: boolean | null;
  rssPeak: boolean | null;
}

export function judgeTargets(sizes: readonly SizeFigures[]): TargetVerdicts {
  const atTarget = sizes.find((s) => s.titles === TARGETS.atTitles);
  return {
    ratio: sizes.every((s) => s.ratio >= TARGETS.ratioMin),
    unchangedRescan: atTarget ? atTarget.unchangedRescanSeconds <= TARGETS.unchangedRescanMaxSeconds : null,
    rssPeak: atTarget ? atTarget.rssPeakMb <= TARGETS.rssPeakMaxMb : null,
  };
}

/** Human-readable lines for one size, each figure beside its target or reference. */
export function describeSize(s: SizeFigures): string[] {
  const atTarget = s.titles === TARGETS.atTitles;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  const sizeBound = (met: boolean) => (atTarget ? verdict(met) : `applies at ${TARGETS.atTitles.toLocaleString('en')} titles`);
  return [
    `${s.titles.toLocaleString('en')} titles (library generated in ${s.generateSeconds.toFixed(1)} s)`,
    `  initial scan          ${s.initialScanSeconds.toFixed(1)} s = ${s.initialTitlesPerSecond.toFixed(1)} titles/s`,
    `  reference             ${s.referenceTitlesPerSecond.toFixed(1)} titles/s (${s.referenceSeconds.toFixed(1)} s; plain loop in its own process, ${FOLDER_CONCURRENCY} folders at once, same library, same run)`,
    `                        mean of a run before the initial scan (${s.referenceRunsTitlesPerSecond.before.toFixed(1)} titles/s) and one after (${s.referenceRunsTitlesPerSecond.after.toFixed(1)})`,
    `  ratio initial/ref     ${s.ratio.toFixed(2)}   target ≥ ${TARGETS.ratioMin.toFixed(2)}: ${verdict(s.ratio >= TARGETS.ratioMin)}`,
    ...describeCpu(s),
    `  unchanged rescan      ${s.unchangedRescanSeconds.toFixed(2)} s   target ≤ ${TARGETS.unchangedRescanMaxSeconds} s: ${sizeBound(s.unchangedRescanSeconds <= TARGETS.unchangedRescanMaxSeconds)}`,
    `  1 %-changed rescan    ${s.changedRescanSeconds.toFixed(2)} s   (${s.changedFolders} folders changed; unchanged rescan ${s.unchangedRescanSeconds.toFixed(2)} s)`,
    `  RSS peak              ${Math.round(s.rssPeakMb)} MB   target ≤ ${TARGETS.rssPeakMaxMb} MB: ${sizeBound(s.rssPeakMb <= TARGETS.rssPeakMaxMb)}` +
      ` (worker process alone; ffprobe children not counted)`,
    `                        ${Math.round(s.rssBeforeMb)} MB before the scans; reference process peak ${Math.round(s.referenceMaxRssMb)} MB`,
  ];
}

/** The show's rescan beside its first scan: the folder is scanned either way, its unchanged videos not read. */
export function describeShow(s: ShowFigures): string[] {
  return [
    `a show of ${s.episodes} episodes`,
    `  first scan            ${s.initialScanSeconds.toFixed(2)} s (every episode's video read)`,
    `  one episode added     ${s.episodeAddedRescanSeconds.toFixed(2)} s (the folder rescanned; the other episodes keep their stored probes)`,
  ];
}

function describeCpu(s: SizeFigures): string[] {
  const ref = s.referenceCpuMsPerTitle;
  const scan = s.initialScanCpuMsPerTitle;
  if (!ref || !scan || s.cpuRatio === null) return ['  CPU per title         not measured (needs Linux /proc)'];
  const ms = (x: number | null) => (x === null ? 'n/a' : x.toFixed(1));
  return [
    `  CPU per title         reference ${ms(ref.total)} ms (process ${ms(ref.process)}, ffprobe ${ms(ref.ffprobe)}); ` +
      `initial scan ${ms(scan.total)} ms (worker process ${ms(scan.workerProcess)}, ffprobe ${ms(scan.ffprobe)}, ` +
      `Postgres ${ms(scan.postgres)}, Temporal server ${ms(scan.temporalServer)})`,
    `  CPU ratio ref/scan    ${s.cpuRatio.toFixed(2)}   (CPU cost per title, all processes; moves far less with the machine's other load than wall time)`,
  ];
}

export interface ScanBenchmarkResult {
  benchmark: 'scan';
  mode: 'quick' | 'full' | 'custom';
  date: string;
  machine: MachineInfo;
  load1m: { atStart: number; atEnd: number };
  totalSeconds: number;
  targets: typeof TARGETS;
  targetsMet: TargetVerdicts;
  /** The worker's untimed warm-up scan (null with --cold); each size's reference has its own (referenceWarmUpSeconds). */
  warmUp: { titles: number; workerSeconds: number } | null;
  sizes: SizeFigures[];
  /** A show's folder rescanned after one episode arrived, against its first scan. */
  show: ShowFigures;
}

/**
 * The figures rounded to what the measurement can tell apart, chosen by the figure's name: seconds to
 * 10 ms, rates to 0.1 title/s, ratios to 0.001, MB to 1, CPU milliseconds per title to 0.1.
 */
export function roundFigures<T extends SizeFigures | ShowFigures>(s: T): T {
  return roundNumbers(s, '') as T;
}

function roundNumbers(value: unknown, key: string): unknown {
  if (typeof value === 'number') return round(value, digitsFor(key));
  if (value === null || typeof value !== 'object') return value;
  // The parts of a figure are rounded as the figure is.
  const partsKey = key.endsWith('CpuMsPerTitle') ? 'cpuMs' : key.endsWith('PerSecond') ? key : null;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v, partsKey ?? k)]));
}

function digitsFor(key: string): number {
  if (key.endsWith('Seconds')) return 2;
  if (key.endsWith('PerSecond') || key === 'cpuMs') return 1;
  if (key.endsWith('atio')) return 3;
  return 0;
}

function round(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
