import { describe, expect, it } from 'vitest';
import { attemptsWithin, retriedForWindow, stepRetryWindowOf } from '../../../src/workflows/step-retry.js';
import { DEFAULT_STEP_RETRY_WINDOW_MS } from '../../../src/contracts/request.js';

describe('step retry options', () => {
  it('bounds a short step by the window, with its final types; a window of 0 is one attempt', () => {
    expect(retriedForWindow(30_000, { startToCloseTimeout: '1 minute' }, ['Final'])).toEqual({
      startToCloseTimeout: '1 minute',
      scheduleToCloseTimeout: 30_000,
      retry: { initialInterval: 1_000, backoffCoefficient: 2, maximumInterval: 300_000, nonRetryableErrorTypes: ['Final'] },
    });
    const once = retriedForWindow(0, { startToCloseTimeout: '1 minute' }, []);
    expect(once.scheduleToCloseTimeout).toBeUndefined();
    expect(once.retry?.maximumAttempts).toBe(1);
  });

  it('gives a long-running activity the attempts whose back-offs fill the window', () => {
    expect(attemptsWithin(0)).toBe(1);
    // Back-offs 1 + 2 s fit in 3 s; 4 s more does not.
    expect(attemptsWithin(3_000)).toBe(3);
    expect(attemptsWithin(6_999)).toBe(3);
    // An hour: 1 … 256 s (511 s in 9 back-offs), then 5 minutes apart: 10 more.
    expect(attemptsWithin(60 * 60_000)).toBe(20);
  });

  it('gives runs started before the window existed the default', () => {
    const timings = {
      downloadPollMs: 1,
      downloadStallMs: 1,
      airDateDelayMs: 0,
      searchRetryMs: 1,
      searchRetryMaxMs: 1,
      heartbeatTimeoutMs: 1,
    };
    expect(stepRetryWindowOf(timings)).toBe(DEFAULT_STEP_RETRY_WINDOW_MS);
    expect(stepRetryWindowOf({ ...timings, stepRetryWindowMs: 0 })).toBe(0);
  });
});
