import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from '../../../src/concurrency/concurrency-limit.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('createConcurrencyLimit, newest first', () => {
  it('never runs more tasks at once than allowed, and runs them all', async () => {
    const limit = createConcurrencyLimit(3, 'newest-first');
    let running = 0;
    let mostRunning = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        limit(async () => {
          running += 1;
          mostRunning = Math.max(mostRunning, running);
          await new Promise((resolve) => setTimeout(resolve, 1));
          running -= 1;
          return index;
        }),
      ),
    );
    expect(mostRunning).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it('starts the newest waiting task first', async () => {
    const limit = createConcurrencyLimit(1, 'newest-first');
    const gate = deferred();
    const started: string[] = [];
    const first = limit(async () => {
      started.push('first');
      await gate.promise;
    });
    const rest = ['older', 'newer'].map((name) => limit(async () => void started.push(name)));
    gate.resolve();
    await Promise.all([first, ...rest]);
    expect(started).toEqual(['first', 'newer', 'older']);
  });

  it('frees the slot of a task that fails', async () => {
    const limit = createConcurrencyLimit(1, 'newest-first');
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %s', (value) => {
    expect(() => createConcurrencyLimit(value, 'newest-first')).toThrow(RangeError);
  });
});
