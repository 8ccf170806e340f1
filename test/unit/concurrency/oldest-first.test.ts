import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from '../../../src/concurrency/concurrency-limit.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('createConcurrencyLimit, oldest first', () => {
  it('never runs more tasks at once than the cap, and runs them all', async () => {
    const limit = createConcurrencyLimit(3, 'oldest-first');
    let running = 0;
    let mostAtOnce = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        limit(async () => {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await tick();
          running -= 1;
          return index;
        }),
      ),
    );
    expect(mostAtOnce).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it('frees the slot of a task that fails', async () => {
    const limit = createConcurrencyLimit(1, 'oldest-first');
    await expect(limit(() => Promise.reject(new Error('probe failed')))).rejects.toThrow('probe failed');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a cap of %s', (cap) => {
    expect(() => createConcurrencyLimit(cap, 'oldest-first')).toThrow(RangeError);
  });
});
