import { describe, expect, it } from 'vitest';
import { createRequestPacer } from '../../../../src/providers/iptv/request-pacer.js';

describe('createRequestPacer', () => {
  it('keeps at most maxConcurrent in flight and at most `requests` started per window', async () => {
    const pace = createRequestPacer({ maxConcurrent: 2, requests: 3, windowMs: 300 });
    let inFlight = 0;
    let peak = 0;
    const starts: number[] = [];
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 7 }, () =>
        pace(async () => {
          starts.push(Date.now() - t0);
          peak = Math.max(peak, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 20));
          inFlight--;
        }),
      ),
    );
    expect(peak).toBe(2);
    // 7 requests at 3 per 300 ms: the 4th waits for the first window, the 7th for the second.
    expect(starts[3]!).toBeGreaterThanOrEqual(290);
    expect(starts[6]!).toBeGreaterThanOrEqual(590);
    for (let i = 3; i < starts.length; i++) expect(starts[i]! - starts[i - 3]!).toBeGreaterThanOrEqual(290);
  });
});
