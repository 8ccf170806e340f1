import { describe, expect, it } from 'vitest';
import type { SlotAnswer } from '../../../src/db/repositories/provider-rate-repository.js';
import { ProviderUnavailableError } from '../../../src/providers/http/errors.js';
import { ProviderPacer, pacedRate, type CallPriority, type ProviderRateSchedule } from '../../../src/providers/http/provider-pacer.js';

/** The schedule's arithmetic in memory (the Postgres one is tested in test/integration/provider-rate-slots). */
class MemorySchedule implements ProviderRateSchedule {
  nextAt = 0;
  readonly asked: { withinMs?: number; reserved: boolean }[] = [];

  reserve(_providerId: string, spacingMs: number, options: { withinMs?: number } = {}): Promise<SlotAnswer> {
    const now = performance.now();
    if (options.withinMs !== undefined && this.nextAt > now + options.withinMs) {
      this.asked.push({ withinMs: options.withinMs, reserved: false });
      return Promise.resolve({ reserved: false, nextInMs: this.nextAt - now });
    }
    const slot = Math.max(this.nextAt, now);
    this.nextAt = slot + spacingMs;
    this.asked.push({ ...options, reserved: true });
    return Promise.resolve({ reserved: true, delayMs: slot - now, postgresNow: performance.timeOrigin + now });
  }

  pushBack(_providerId: string, delayMs: number): Promise<void> {
    this.nextAt = Math.max(this.nextAt, performance.now() + delayMs);
    return Promise.resolve();
  }
}

const provider = { id: 'p', name: 'TMDB', rateLimitPerSecond: 20 };

/** A send that writes at once: it asks its slot whether it is still on time, as sendOnCue does. */
const sendNow = (beforeWrite: () => void) => Promise.resolve(beforeWrite());

function pacer(schedule: MemorySchedule, priority: CallPriority = 'user') {
  return new ProviderPacer(schedule, { currentPriority: () => priority }).forProvider(provider);
}

describe('ProviderPacer', () => {
  it('paces at 91 % of the stated rate', () => {
    expect(pacedRate(40)).toBeCloseTo(36.36, 1);
    expect(pacedRate(1)).toBeCloseTo(0.909, 2);
  });

  it('sends each request at its own slot, 1.1 s / rate apart', async () => {
    const schedule = new MemorySchedule();
    const pacing = pacer(schedule);
    const sent: number[] = [];
    const started = performance.now();
    await Promise.all([1, 2, 3, 4].map(() => pacing.send(sendNow).then(() => sent.push(performance.now() - started))));
    expect(sent[0]).toBeLessThan(20);
    // 55 ms apart at 20/s: the fourth not before 165 ms.
    expect(sent[3]).toBeGreaterThanOrEqual(160);
  });

  it('has a person book behind a 429 push-back like everyone', async () => {
    const schedule = new MemorySchedule();
    const pacing = pacer(schedule);
    await pacing.throttled(300);
    const started = performance.now();
    await pacing.send(sendNow);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('pushes a 429 without Retry-After back by a second', async () => {
    const schedule = new MemorySchedule();
    await pacer(schedule).throttled(undefined);
    expect(schedule.nextAt - performance.now()).toBeGreaterThan(900);
  });

  it('keeps a background request from booking far ahead while a person books the next slot', async () => {
    const schedule = new MemorySchedule();
    schedule.nextAt = performance.now() + 1_500;
    const background = pacer(schedule, 'background').send(sendNow);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The background request has asked and been refused; a person's books the next slot meanwhile.
    expect(schedule.asked).toEqual([{ withinMs: expect.any(Number), reserved: false }]);
    const personStarted = performance.now();
    await pacer(schedule, 'user').send(sendNow);
    expect(performance.now() - personStarted).toBeLessThan(1_600);
    await background;
    expect(schedule.asked.at(-1)).toMatchObject({ reserved: true });
  });

  it('does not send a request that would be written too late, and books it another slot', async () => {
    const schedule = new MemorySchedule();
    const pacing = pacer(schedule);
    const writes: number[] = [];
    let attempts = 0;
    await pacing.send(async (beforeWrite) => {
      attempts++;
      // The first attempt stalls 80 ms between its slot and its write (a busy event loop, a slow connect).
      if (attempts === 1) await new Promise((resolve) => setTimeout(resolve, 80));
      beforeWrite();
      writes.push(performance.now());
    });
    expect(attempts).toBe(2);
    expect(writes).toHaveLength(1);
    expect(schedule.asked.filter((a) => a.reserved)).toHaveLength(2);
  });

  it('gives up with a ProviderUnavailableError after five missed slots in a row', async () => {
    const pacing = pacer(new MemorySchedule());
    let attempts = 0;
    const late = pacing.send(async (beforeWrite) => {
      attempts++;
      await new Promise((resolve) => setTimeout(resolve, 60));
      beforeWrite();
    });
    await expect(late).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(attempts).toBe(5);
  });

  it('counts an answer read late against its slot, as Postgres gave it', async () => {
    const schedule = new MemorySchedule();
    const pacing = pacer(schedule);
    await pacing.send(sendNow); // a quick answer: the clocks' offset
    // The next answer was given 70 ms before this process read it, with its slot due right then.
    schedule.reserve = (_id, spacingMs) => {
      const given = performance.now();
      schedule.nextAt = given + spacingMs;
      return new Promise((resolve) =>
        setTimeout(() => resolve({ reserved: true, delayMs: 0, postgresNow: performance.timeOrigin + given }), 70),
      );
    };
    const late = pacing.send(sendNow);
    await expect(late).rejects.toBeInstanceOf(ProviderUnavailableError);
  });
});
