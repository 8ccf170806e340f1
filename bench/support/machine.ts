import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  node: string;
}

export function describeMachine(): MachineInfo {
  return {
    cores: os.availableParallelism(),
    cpuModel: cpuModel(),
    node: process.version,
  };
}

/** The 1-minute load average: with 2 cores, anything above ~2 means the benchmark shared the CPUs. */
export function loadAverage1m(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // Not Linux: os.cpus() names the model too.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}
