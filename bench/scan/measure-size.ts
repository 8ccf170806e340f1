import path from 'node:path';
import type { RssSampler } from '../support/rss-sampler.js';
import { generateMovieLibrary, touchFraction } from '../support/synthetic-library.js';
import type { ReferenceProcessOutput } from './reference-scan-process.js';
import { runReferenceProcess } from './run-reference.js';
import type { ScanEnvironment } from './scan-environment.js';
import { expectReference, expectScan } from './scan-checks.js';
import { startScanCpuMeasure, type ScanCpuSeconds } from './scan-cpu.js';

export interface SizeFigures {
  titles: number;
  generateSeconds: number;
  /** The reference's time: the mean of its run just before the initial scan and its run just after. */
  referenceSeconds: number;
  referenceTitlesPerSecond: number;
  /**
   * Each reference run's pace, before and after the initial scan. Their difference is how far the machine's
   * own pace moved while the scan ran; the mean cancels a steady drift.
   */
  referenceRunsTitlesPerSecond: { before: number; after: number };
  /** The reference process's untimed warm-up scan (null without one): its cold start, for comparison. */
  referenceWarmUpSeconds: number | null;
  initialScanSeconds: number;
  initialTitlesPerSecond: number;
  /** Initial scan throughput over the reference's. */
  ratio: number;
  unchangedRescanSeconds: number;
  changedFolders: number;
  changedRescanSeconds: number;
  /** Worker process RSS just before the first scan of this size. */
  rssBeforeMb: number;
  /** Peak worker process RSS during this size's three scans (its ffprobe children not included). */
  rssPeakMb: number;
  /** Peak RSS of the reference's own process, for comparison. */
  referenceMaxRssMb: number;
  /** CPU milliseconds per title, by where they were spent; null without /proc. */
  referenceCpuMsPerTitle: { process: number; ffprobe: number; total: number } | null;
  initialScanCpuMsPerTitle: (ScanCpuSeconds & { total: number }) | null;
  /** Reference CPU per title over the initial scan's: the cost ratio, which the machine's other load moves far less than wall time. */
  cpuRatio: number | null;
}

const CHANGED_FRACTION = 0.01;
const MB = 1024 * 1024;

export interface MeasureContext {
  env: ScanEnvironment;
  /** Samples the worker process. */
  rss: RssSampler;
  workDir: string;
  progress: (line: string) => void;
  /** Aborted when the benchmark is stopped; kills the reference process. */
  signal: AbortSignal;
  /** The library both sides scan untimed first (see run.ts). */
  warmUpRoot: string | null;
}

/**
 * One library size: generate it, run the reference, then the real scan three times — first scan, unchanged
 * rescan, rescan after 1 % of the folders changed — checking each result. The reference runs first, on a
 * library just written, so both read from a warm page cache, and again right after the initial scan: the
 * machines this runs on change pace by a sixth within minutes, and a reference timed on one side of the
 * scan only would carry that drift into the ratio.
 */
export async function measureSize(
  { env, rss, workDir, progress, signal, warmUpRoot }: MeasureContext,
  titles: number,
): Promise<SizeFigures> {
  const root = path.join(workDir, `library-${titles}`, 'Movies');
  progress(`generating ${titles} titles`);
  const generateStarted = performance.now();
  const library = await generateMovieLibrary(root, titles, { sourceDir: path.join(workDir, `library-${titles}`, 'sources') });
  const generateSeconds = (performance.now() - generateStarted) / 1000;

  progress(`reference scan of ${titles} titles (own process)`);
  const referenceBefore = await runReferenceProcess(root, warmUpRoot, signal);
  expectReference(referenceBefore.result, titles);

  const libraryId = await env.createLibrary(`Bench ${titles}`, root);
  rss.reset();
  const rssBefore = rss.peak().rssBytes;
  progress(`initial scan of ${titles} titles`);
  const stopCpu = await startScanCpuMeasure(env.workerPid, () => env.databaseBackendPids());
  const initial = await env.scan(libraryId);
  const initialCpu = await stopCpu();
  expectScan('initial', initial.progress, {
    titlesFound: titles,
    titlesNew: titles,
    directoriesScanned: titles,
    assetsCached: library.distinctArtwork,
    errors: 0,
  });

  progress(`reference scan of ${titles} titles again (own process)`);
  const referenceAfter = await runReferenceProcess(root, warmUpRoot, signal);
  expectReference(referenceAfter.result, titles);
  const reference = meanOfReferenceRuns(referenceBefore, referenceAfter);

  progress('unchanged rescan');
  const unchanged = await env.scan(libraryId);
  expectScan('unchanged', unchanged.progress, { titlesFound: titles, directoriesScanned: 0, titlesNew: 0, titlesRemoved: 0, errors: 0 });

  const touched = await touchFraction(root, CHANGED_FRACTION);
  progress(`rescan after changing ${touched.length} NFOs`);
  const changed = await env.scan(libraryId);
  expectScan('changed', changed.progress, {
    titlesFound: titles,
    directoriesScanned: touched.length,
    titlesUpdated: touched.length,
    titlesNew: 0,
    titlesRemoved: 0,
    // Only NFOs changed: no artwork content is new.
    assetsCached: 0,
    errors: 0,
  });

  const peak = rss.peak();
  const initialTitlesPerSecond = titles / initial.seconds;
  const referenceTitlesPerSecond = titles / reference.seconds;
  const referenceCpu = perTitle(reference.cpu, titles);
  const scanCpu = perTitle(initialCpu, titles);
  return {
    titles,
    generateSeconds,
    referenceSeconds: reference.seconds,
    referenceTitlesPerSecond,
    referenceRunsTitlesPerSecond: { before: referenceBefore.result.titlesPerSecond, after: referenceAfter.result.titlesPerSecond },
    referenceWarmUpSeconds: referenceBefore.warmUp?.seconds ?? null,
    initialScanSeconds: initial.seconds,
    initialTitlesPerSecond,
    ratio: initialTitlesPerSecond / referenceTitlesPerSecond,
    unchangedRescanSeconds: unchanged.seconds,
    changedFolders: touched.length,
    changedRescanSeconds: changed.seconds,
    rssBeforeMb: rssBefore / MB,
    rssPeakMb: peak.rssBytes / MB,
    referenceMaxRssMb: reference.maxRssBytes / MB,
    referenceCpuMsPerTitle: referenceCpu,
    initialScanCpuMsPerTitle: scanCpu,
    cpuRatio: referenceCpu && scanCpu ? referenceCpu.total / scanCpu.total : null,
  };
}

/** The two reference runs as one: mean seconds and CPU (null if either lacks it), the larger peak RSS. */
function meanOfReferenceRuns(a: ReferenceProcessOutput, b: ReferenceProcessOutput) {
  const mean = (x: number, y: number) => (x + y) / 2;
  return {
    seconds: mean(a.result.seconds, b.result.seconds),
    cpu:
      a.cpu && b.cpu
        ? { process: mean(a.cpu.processSeconds, b.cpu.processSeconds), ffprobe: mean(a.cpu.ffprobeSeconds, b.cpu.ffprobeSeconds) }
        : null,
    maxRssBytes: Math.max(a.maxRssBytes, b.maxRssBytes),
  };
}

/** Seconds in all → milliseconds per title, with their sum; unreadable (null) parts count as zero. */
function perTitle<T extends { [K in keyof T]: number | null }>(seconds: T | null, titles: number): (T & { total: number }) | null {
  if (!seconds) return null;
  const ms = Object.fromEntries(
    Object.entries<number | null>(seconds).map(([part, s]) => [part, s === null ? null : (s * 1000) / titles]),
  ) as T;
  const total = Object.values<number | null>(ms).reduce<number>((sum, value) => sum + (value ?? 0), 0);
  return { ...ms, total };
}
