import { describe, expect, it } from 'vitest';
import { ProgressWriter } from '../../../src/requests/progress-writer.js';

describe('ProgressWriter', () => {
  function writer(intervalMs: number) {
    let now = 0;
    const written: number[] = [];
    const progress = new ProgressWriter(
      async (p) => void written.push(p),
      intervalMs,
      () => now,
    );
    return { progress, written, advance: (ms: number) => (now += ms) };
  }

  it('writes a whole percent once, and never more often than the interval', async () => {
    const { progress, written, advance } = writer(2_000);
    progress.offer(0.4);
    progress.offer(1.2);
    progress.offer(1.9);
    advance(500);
    progress.offer(5);
    advance(1_600);
    progress.offer(5.5);
    progress.offer(7);
    advance(2_000);
    progress.offer(6.9);
    progress.offer(8);
    await progress.settled();
    expect(written).toEqual([1, 5, 6]);
  });

  it('leaves 100 % to the finishing transition', async () => {
    const { progress, written } = writer(0);
    progress.offer(99.5);
    progress.offer(100);
    await progress.settled();
    expect(written).toEqual([99]);
  });

  it('drops a failed write and goes on with the next', async () => {
    let calls = 0;
    const written: number[] = [];
    const progress = new ProgressWriter(async (p) => {
      calls++;
      if (calls === 1) throw new Error('database away');
      written.push(p);
    }, 0);
    progress.offer(10);
    progress.offer(20);
    await progress.settled();
    expect(written).toEqual([20]);
  });
});
