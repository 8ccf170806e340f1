import type { ScanCounters, ScanProgress } from '../../src/contracts/scan.js';
import type { ReferenceScanResult } from './reference-scan.js';

/**
 * A benchmark of a scan that did the wrong thing measures nothing: every run is checked against what the
 * synthetic library must give, and a mismatch stops the benchmark.
 */
export function expectScan(label: string, progress: ScanProgress, expected: Partial<ScanCounters>): void {
  const wrong: string[] = progress.phase === 'completed' ? [] : [`phase ${progress.phase}, expected completed`];
  for (const [counter, value] of Object.entries(expected) as [keyof ScanCounters, number][]) {
    if (progress[counter] !== value) wrong.push(`${counter} ${progress[counter]}, expected ${value}`);
  }
  if (wrong.length > 0) throw new Error(`${label} scan is wrong: ${wrong.join('; ')}\n${JSON.stringify(progress)}`);
}

export function expectReference(result: ReferenceScanResult, titles: number): void {
  const wrong: string[] = [];
  if (result.titles !== titles) wrong.push(`titles ${result.titles}, expected ${titles}`);
  if (result.nfosParsed !== titles) wrong.push(`NFOs parsed ${result.nfosParsed}, expected ${titles}`);
  if (result.videosProbed !== titles) wrong.push(`videos probed ${result.videosProbed}, expected ${titles}`);
  if (result.imagesRead !== 3 * titles) wrong.push(`images read ${result.imagesRead}, expected ${3 * titles}`);
  if (result.failures.length > 0) wrong.push(`${result.failures.length} failures, first: ${result.failures[0]}`);
  if (wrong.length > 0) throw new Error(`reference scan is wrong: ${wrong.join('; ')}`);
}
