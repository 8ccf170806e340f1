import { inspect } from 'node:util';
import { DefaultLogger, Runtime, type LogEntry, type LogLevel } from '@temporalio/worker';
import type { AppConfig } from '../config/env.js';

/**
 * Once per process, before any connection: the SDK's log level, and no signal handlers of its own, since
 * our shutdown stops the API, then the worker, then the servers, in that order.
 */
export function installTemporalRuntime(level: AppConfig['logLevel'], metricsPort = 0): void {
  const map: Record<AppConfig['logLevel'], LogLevel> = {
    fatal: 'ERROR',
    error: 'ERROR',
    warn: 'WARN',
    info: 'WARN', // the SDK's INFO is per-task chatter; our own logs carry the story
    debug: 'DEBUG',
    trace: 'TRACE',
    silent: 'ERROR',
  };
  Runtime.install({
    logger: new DefaultLogger(map[level], printSdkLog),
    shutdownSignals: [],
    // The SDK's own metrics (task latencies, slots, polls), served by its Rust core on loopback.
    ...(metricsPort > 0 ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${metricsPort}` } } } } : {}),
  });
}

/**
 * The SDK's lines on stderr, as its default logger prints them, less one warning: provider workers run
 * activities only, so "no workflows registered" is their design, not news.
 */
function printSdkLog(entry: LogEntry): void {
  if (entry.message.startsWith('No workflows registered')) return;
  const time = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
  process.stderr.write(
    `${time} [${entry.level}] ${entry.message}${entry.meta ? ` ${inspect(entry.meta, { breakLength: Infinity })}` : ''}\n`,
  );
}
