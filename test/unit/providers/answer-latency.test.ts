import { describe, expect, it } from 'vitest';
import { AnswerLatency } from '../../../src/providers/http/answer-latency.js';

describe('AnswerLatency', () => {
  it('tells how late an answer arrived whatever the offset between the two clocks', () => {
    const latency = new AnswerLatency();
    // This process's clock is 5 s ahead of Postgres's; the first answer took 1 ms.
    expect(latency.of(100_001, 95_000, 2)).toBe(0);
    // The next one sat 40 ms unread: Postgres's time in it is 40 ms older than the quickest answer's way back.
    // (less the 0.5 ms the estimate ages in that second, for drift)
    expect(latency.of(101_041, 96_000, 45)).toBeCloseTo(39.5, 0);
    expect(latency.of(102_001, 97_000, 2)).toBe(0);
  });

  it('never says more than the round trip, so a clock stepped back cannot make every answer late', () => {
    const latency = new AnswerLatency();
    latency.of(100_000, 100_000, 1);
    // Postgres's clock is stepped back 10 s: every answer now looks 10 s late, but took 1 ms.
    expect(latency.of(101_000, 91_000, 1)).toBe(1);
  });

  it('lets the quickest answer age, so a clock that drifts ahead is followed', () => {
    const latency = new AnswerLatency();
    latency.of(0, 0, 100);
    // An hour on, this clock has drifted 1 s ahead (within NTP's 500 ppm): the aged estimate still holds it.
    expect(latency.of(3_600_000, 3_599_000, 2_000)).toBe(0);
  });
});
