import type { MachineInfo } from '../support/machine.js';
import type { SizeFigures } from './measure-size.js';

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
    `  reference             ${s.referenceTitlesPerSecond.toFixed(1)} titles/s (${s.referenceSeconds.toFixed(1)} s; plain loop, 4 folders at once, same library, same run)`,
    `  ratio initial/ref     ${s.ratio.toFixed(2)}   target ≥ ${TARGETS.ratioMin.toFixed(2)}: ${verdict(s.ratio >= TARGETS.ratioMin)}`,
    `  unchanged rescan      ${s.unchangedRescanSeconds.toFixed(2)} s   target ≤ ${TARGETS.unchangedRescanMaxSeconds} s: ${sizeBound(s.unchangedRescanSeconds <= TARGETS.unchangedRescanMaxSeconds)}`,
    `  1 %-changed rescan    ${s.changedRescanSeconds.toFixed(2)} s   (${s.changedFolders} folders changed; unchanged rescan ${s.unchangedRescanSeconds.toFixed(2)} s)`,
    `  RSS peak              ${Math.round(s.rssPeakMb)} MB   target ≤ ${TARGETS.rssPeakMaxMb} MB: ${sizeBound(s.rssPeakMb <= TARGETS.rssPeakMaxMb)}` +
      ` (whole benchmark process, worker in-process; ${Math.round(s.rssBeforeMb)} MB before the scans; ffprobe children not counted)`,
  ];
}

export interface ScanBenchmarkResult {
  benchmark: 'scan';
  mode: 'quick' | 'full';
  date: string;
  machine: MachineInfo;
  totalSeconds: number;
  targets: typeof TARGETS;
  targetsMet: TargetVerdicts;
  sizes: SizeFigures[];
}

/** The figures rounded to what the measurement can tell apart. */
export function roundFigures(s: SizeFigures): SizeFigures {
  const to = (digits: number) => (x: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  const [seconds, rate, ratio, mb] = [to(2), to(1), to(3), to(0)];
  return {
    titles: s.titles,
    generateSeconds: seconds(s.generateSeconds),
    referenceSeconds: seconds(s.referenceSeconds),
    referenceTitlesPerSecond: rate(s.referenceTitlesPerSecond),
    initialScanSeconds: seconds(s.initialScanSeconds),
    initialTitlesPerSecond: rate(s.initialTitlesPerSecond),
    ratio: ratio(s.ratio),
    unchangedRescanSeconds: seconds(s.unchangedRescanSeconds),
    changedFolders: s.changedFolders,
    changedRescanSeconds: seconds(s.changedRescanSeconds),
    rssBeforeMb: mb(s.rssBeforeMb),
    rssPeakMb: mb(s.rssPeakMb),
  };
}
