import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { installTemporalRuntime } from '../../src/workers/temporal-runtime.js';
import { CleanupStack } from '../support/cleanup-stack.js';
import { describeMachine, loadAverage1m } from '../support/machine.js';
import { startProcessRssSampler } from '../support/rss-sampler.js';
import { measureShow } from './measure-show.js';
import { measureSize, type SizeFigures } from './measure-size.js';
import { describeShow, describeSize, judgeTargets, roundFigures, TARGETS, type ScanBenchmarkResult } from './report.js';
import { startScanEnvironment, type ScanEnvironment } from './scan-environment.js';
import { expectScan } from './scan-checks.js';
import { generateMovieLibrary } from '../support/synthetic-library.js';

/**
 * `npm run bench:scan [-- --quick]`: the library scan (libraryScan on a real Temporal dev server, real
 * Postgres, the real worker in its own process) on synthetic movie libraries, against a plain-loop reference of the
 * same file work measured in the same run. Progress goes to stderr; the figures to stdout, ending with
 * one JSON line. Exits non-zero when a scan gives a wrong result; a missed target is reported, not fatal.
 */
const quick = process.argv.includes('--quick');
const sizes = parseTitles(process.argv) ?? (quick ? [200] : [1_000, TARGETS.atTitles]);
/** `--cold`: no warm-up round, so the first size measures a fresh worker against a fresh reference process. */
const noWarmUp = process.argv.includes('--cold');
const WARM_UP_TITLES = 100;
/** The episodes of the show whose rescan after one import is measured. */
const showEpisodes = quick ? 50 : 200;

// The SDK's runtime must be installed before any connection exists.
installTemporalRuntime('warn');

const cleanup = new CleanupStack();
const progress = (line: string) => console.error(`· ${line}`);
// Set when a signal stops the run: the errors that cleanup causes in the running scan are then expected.
let stoppedBy: NodeJS.Signals | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stoppedBy = signal;
    progress(`${signal}: cleaning up`);
    void cleanup.run().finally(() => process.exit(130));
  });
}

/** `--titles 2000,5000` measures other sizes, e.g. to see how a figure grows; the defaults are the documented run. */
function parseTitles(argv: readonly string[]): number[] | null {
  const index = argv.indexOf('--titles');
  if (index === -1) return null;
  const sizes = (argv[index + 1] ?? '').split(',').map(Number);
  if (!sizes.every((n) => Number.isInteger(n) && n > 0)) throw new Error('--titles takes positive whole numbers, e.g. --titles 1000,5000');
  return sizes;
}

async function main(): Promise<ScanBenchmarkResult> {
  const started = performance.now();
  const machine = describeMachine();
  const loadAtStart = loadAverage1m();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'reelflow-bench-scan-'));
  cleanup.push('work folder', () => rm(workDir, { recursive: true, force: true }));

  progress('starting Temporal dev server, Postgres database and worker process');
  const env = await startScanEnvironment(workDir, cleanup);
  const rss = startProcessRssSampler(env.workerPid, 200);
  cleanup.push('RSS sampler', () => rss.stop());
  const stopping = new AbortController();
  cleanup.push('reference process', () => stopping.abort());
  const warmUp = noWarmUp ? null : await warmUpWorker(env, workDir);
  const figures: SizeFigures[] = [];
  for (const titles of sizes) {
    const size = await measureSize({ env, rss, workDir, progress, signal: stopping.signal, warmUpRoot: warmUp?.root ?? null }, titles);
    figures.push(size);
    for (const line of describeSize(size)) console.log(line);
  }
  progress(`a show of ${showEpisodes} episodes: first scan, then a rescan after one more episode`);
  const show = await measureShow(env, workDir, showEpisodes);
  for (const line of describeShow(show)) console.log(line);
  return {
    benchmark: 'scan',
    mode: process.argv.includes('--titles') ? 'custom' : quick ? 'quick' : 'full',
    date: new Date().toISOString(),
    machine,
    // Other work on the machine moves every wall-clock figure; the CPU figures far less.
    load1m: { atStart: loadAtStart, atEnd: loadAverage1m() },
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
    targets: TARGETS,
    targetsMet: judgeTargets(figures),
    warmUp: warmUp && { titles: WARM_UP_TITLES, workerSeconds: Math.round(warmUp.seconds * 100) / 100 },
    sizes: figures.map(roundFigures),
    show: roundFigures(show),
  };
}

/**
 * Both sides scan the same small library untimed before their timed scans, as a benchmark's warm-up round:
 * the worker here (its first workflow, its first queries and the first runs of the scan's code), the
 * reference process before each of its scans (see reference-scan-process.ts). A deployed worker pays its
 * start-up once, not per scan; without the warm-up, the first size measured a fresh worker against a
 * reference timed after its process had loaded, and every later size a warm worker.
 */
async function warmUpWorker(env: ScanEnvironment, workDir: string): Promise<{ root: string; seconds: number }> {
  const root = path.join(workDir, 'warm-up', 'Movies');
  progress(`warm-up: both sides scan ${WARM_UP_TITLES} titles untimed`);
  await generateMovieLibrary(root, WARM_UP_TITLES, { sourceDir: path.join(workDir, 'warm-up', 'sources') });
  const { progress: result, seconds } = await env.scan(await env.createLibrary('Warm-up', root));
  expectScan('warm-up', result, { titlesFound: WARM_UP_TITLES, titlesNew: WARM_UP_TITLES, errors: 0 });
  return { root, seconds };
}

try {
  const result = await main();
  await cleanup.run();
  console.log(
    `machine: ${result.machine.cores} cores, ${result.machine.cpuModel}, Node ${result.machine.node}; load ${result.load1m.atStart} at start, ${result.load1m.atEnd} at end; ${result.totalSeconds} s in all`,
  );
  console.log(JSON.stringify(result));
} catch (error) {
  if (stoppedBy) console.error(`bench:scan stopped by ${stoppedBy}`);
  else console.error('bench:scan failed:', error);
  await cleanup.run();
  process.exitCode = 1;
}
