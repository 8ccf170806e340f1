import { readProcessTimes } from '../support/process-cpu.js';
import { referenceScan, type ReferenceScanResult } from './reference-scan.js';

/**
 * The reference scan as its own small Node process, as a plain script would run: inside the benchmark
 * process it would pay for the worker's memory on every ffprobe it forks (fork copies the parent's page
 * tables), which would make the reference slower than a plain loop really is.
 * Usage: node --import tsx bench/scan/reference-scan-process.ts <library root> [<warm-up library root>];
 * prints one JSON line. With a warm-up library, that one is scanned first and untimed, as the worker scans it
 * before its timed scans: neither side's one-time start-up (compiling MediaInfo's WebAssembly and the code's
 * first runs) is counted.
 */
export interface ReferenceProcessOutput {
  result: ReferenceScanResult;
  /** The untimed warm-up scan, when there was one. */
  warmUp: ReferenceScanResult | null;
  /** CPU seconds during the scan alone (not Node's start-up); null without /proc. */
  cpu: { processSeconds: number; ffprobeSeconds: number } | null;
  /** Peak resident set size of this process. */
  maxRssBytes: number;
}

const [root, warmUpRoot] = process.argv.slice(2);
if (!root) throw new Error('usage: reference-scan-process.ts <library root> [<warm-up library root>]');
const warmUp = warmUpRoot ? await referenceScan(warmUpRoot) : null;
const before = readProcessTimes('self');
const result = await referenceScan(root);
const after = readProcessTimes('self');
const cpu =
  before && after
    ? { processSeconds: after.ownSeconds - before.ownSeconds, ffprobeSeconds: after.childrenSeconds - before.childrenSeconds }
    : null;
// resourceUsage() reports maxRSS in kilobytes.
const output: ReferenceProcessOutput = { result, warmUp, cpu, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
console.log(JSON.stringify(output));
