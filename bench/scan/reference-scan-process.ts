import { readProcessTimes } from '../support/process-cpu.js';
import { referenceScan, type ReferenceScanResult } from './reference-scan.js';

/**
 * The reference scan as its own small Node process, as a plain script would run: inside the benchmark
 * process it would pay for the worker's memory on every ffprobe it forks (fork copies the parent's page
 * tables), which would make the reference slower than a plain loop really is.
 * Usage: node --import tsx bench/scan/reference-scan-process.ts <library root>; prints one JSON line.
 */
export interface ReferenceProcessOutput {
  result: ReferenceScanResult;
  /** CPU seconds during the scan alone (not Node's start-up); null without /proc. */
  cpu: { processSeconds: number; ffprobeSeconds: number } | null;
  /** Peak resident set size of this process. */
  maxRssBytes: number;
}

const root = process.argv[2];
if (!root) throw new Error('usage: reference-scan-process.ts <library root>');
const before = readProcessTimes('self');
const result = await referenceScan(root);
const after = readProcessTimes('self');
const cpu =
  before && after
    ? { processSeconds: after.ownSeconds - before.ownSeconds, ffprobeSeconds: after.childrenSeconds - before.childrenSeconds }
    : null;
// resourceUsage() reports maxRSS in kilobytes.
const output: ReferenceProcessOutput = { result, cpu, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
console.log(JSON.stringify(output));
