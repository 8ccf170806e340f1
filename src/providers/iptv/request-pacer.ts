import { setTimeout as sleep } from 'node:timers/promises';
import { createConcurrencyLimit } from '../../concurrency/concurrency-limit.js';

export interface PacerLimits {
  maxConcurrent: number;
  requests: number;
  windowMs: number;
}

/**
 * Holds one IPTV provider's requests within its limits: at most `maxConcurrent` in flight, at most
 * `requests` started per `windowMs`. It lives in a run's context. That is enough to be global: a provider's
 * sync runs under its business-key workflow id, one at a time, and its batches run one after another, so
 * this run is the only one talking to the panel. (Metadata providers, which many workflows share, are
 * paced by their task queue's rate instead.)
 */
export type RequestPacer = <T>(request: () => Promise<T>) => Promise<T>;

export function createRequestPacer(limits: PacerLimits): RequestPacer {
  const inFlight = createConcurrencyLimit(limits.maxConcurrent, 'newest-first');
  const started: number[] = [];

  async function waitForWindow(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (started.length > 0 && started[0]! <= now - limits.windowMs) started.shift();
      if (started.length < limits.requests) {
        started.push(now);
        return;
      }
      await sleep(started[0]! + limits.windowMs - now);
    }
  }

  return (request) =>
    inFlight(async () => {
      await waitForWindow();
      return request();
    });
}
