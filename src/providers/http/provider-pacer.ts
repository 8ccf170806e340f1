import { setTimeout as sleep } from 'node:timers/promises';
import type { SlotAnswer } from '../../db/repositories/provider-rate-repository.js';
import { AnswerLatency } from './answer-latency.js';
import { ProviderUnavailableError } from './errors.js';

/** Whose request this is: a person waiting for it, or background work (refreshes, scans, syncs). */
export type CallPriority = 'user' | 'background';

/** The shared schedule the pacer books on (ProviderRateRepository, in Postgres). */
export interface ProviderRateSchedule {
  reserve(providerId: string, spacingMs: number, options?: { withinMs?: number }): Promise<SlotAnswer>;
  pushBack(providerId: string, delayMs: number): Promise<void>;
}

/** What every HTTP request of one provider does around its send: wait for a slot, and obey a 429. */
export interface RequestPacing {
  /**
   * Sends one request at its slot: `send` is called when the slot has come, and must call `beforeWrite` at
   * the last moment before the request's bytes go out; it throws when the slot has passed by then, and the
   * request books another (see sendOnCue).
   */
  send<T>(send: (beforeWrite: () => void) => Promise<T>): Promise<T>;
  /** The provider said "too many": nobody sends before `retryAfterMs` (a second when it did not say). */
  throttled(retryAfterMs: number | undefined): Promise<void>;
}

export interface ProviderPacerOptions {
  /** Whose request is being sent now; a person's when not told (the API, a test of credentials). */
  currentPriority?: () => CallPriority;
}

/**
 * How much later than its slot a request may reach the provider. Slots are exactly spaced in Postgres's
 * clock, but a request arrives some milliseconds after its slot (the answer's way back, the timer, a busy
 * event loop, the network), a different amount each time, and at full spacing a late request and the next
 * one's could land in one of the provider's seconds. Spacing slots (1 s + this) / rate apart keeps any
 * second (any window) within the limit while the lateness varies by less than this: 91 % of the stated rate.
 */
export const JITTER_ALLOWANCE_MS = 100;

/** The rate a provider's requests are actually sent at: the stated rate, less the jitter allowance. */
export function pacedRate(rateLimitPerSecond: number): number {
  return (rateLimitPerSecond * 1_000) / (1_000 + JITTER_ALLOWANCE_MS);
}

/**
 * The rate the provider's task queue hands out activities: 5 % below the paced rate, so that activities
 * do not pile up sleeping for slots (against their start-to-close timeout) but wait on the queue, which
 * hands a person's out first. Most provider activities send one request; the few that send more (a /find
 * before the details, a new client's /configuration) use the difference.
 */
export function taskQueueRate(rateLimitPerSecond: number): number {
  return pacedRate(rateLimitPerSecond) * 0.95;
}

/**
 * How far ahead a background request may book at first. Beyond it, it waits instead of booking, so a
 * refresh of thousands of titles never holds the next minutes of slots, and a person's request, which
 * always books, is never far behind background work. The lead grows by the time a request has waited, up to
 * BACKGROUND_MAX_LEAD_MS, so background requests book in about the order they came.
 */
const BACKGROUND_LEAD_MS = 500;

/**
 * The most a background request ever books ahead, and so the most a person waits behind background work.
 * When more is booked (the task queue handed out more than the provider takes), background requests wait
 * until their activity times out, and Temporal's retry policy backs off: that is the back-pressure.
 */
const BACKGROUND_MAX_LEAD_MS = 2_000;

/**
 * A request that would be written more than half the jitter allowance after its slot (its answer read late,
 * its timer late, a busy event loop, a slow connect) is not sent: the rest of the allowance is for the way
 * to the provider. It books a new slot; the missed one stays empty.
 */
const LATE_WRITE_TOLERANCE_MS = JITTER_ALLOWANCE_MS / 2;

/**
 * Missed slots in a row after which a request gives up with a ProviderUnavailableError: a machine this
 * starved is better served by Temporal's retry, after a backoff, than by more bookings now.
 */
const MAX_MISSED_SLOTS = 5;

/** Thrown by `beforeWrite` when the slot has passed: the request is not sent and books again. */
class SlotMissed extends Error {
  override readonly name = 'SlotMissed';
}

/** When a provider answers 429 without Retry-After: its limits are per second, so a second. */
const DEFAULT_PUSH_BACK_MS = 1_000;

/**
 * Keeps every metadata provider under its rate across every process: each HTTP request books a slot on the
 * provider's schedule in Postgres and sleeps until it, and a 429 moves the schedule on for everyone.
 * There is no burst: requests are never closer than 1/rate, so a provider is not over its limit in any
 * second, nor (for a "N per window" provider configured as N/window per second) in any window.
 */
export class ProviderPacer {
  private readonly currentPriority: () => CallPriority;
  private readonly answerLatency = new AnswerLatency();

  constructor(
    private readonly schedule: ProviderRateSchedule,
    options: ProviderPacerOptions = {},
  ) {
    this.currentPriority = options.currentPriority ?? (() => 'user');
  }

  /** The pacing of one provider row at its configured rate; clients keep it for their lifetime. */
  forProvider(provider: { id: string; name: string; rateLimitPerSecond: number }): RequestPacing {
    const spacingMs = 1_000 / pacedRate(provider.rateLimitPerSecond);
    return {
      send: (send) => this.sendAtSlot(provider, spacingMs, send),
      throttled: (retryAfterMs) => this.schedule.pushBack(provider.id, retryAfterMs ?? DEFAULT_PUSH_BACK_MS),
    };
  }

  /**
   * Books a slot, sleeps until it and sends; a request that would be written too late books again. A request
   * is sent on time or not at all: on a starved machine the provider sees fewer requests, never a bunch of
   * late ones at once.
   */
  private async sendAtSlot<T>(
    provider: { id: string; name: string },
    spacingMs: number,
    send: (beforeWrite: () => void) => Promise<T>,
  ): Promise<T> {
    const background = this.currentPriority() === 'background';
    for (let missed = 0; missed < MAX_MISSED_SLOTS; missed++) {
      const slotAt = await this.reserve(provider.id, spacingMs, background);
      const sleepMs = slotAt - performance.now();
      if (sleepMs > 0) await sleep(sleepMs);
      try {
        return await send(() => {
          if (performance.now() - slotAt > LATE_WRITE_TOLERANCE_MS) throw new SlotMissed();
        });
      } catch (error) {
        if (!(error instanceof SlotMissed)) throw error;
      }
    }
    throw new ProviderUnavailableError(`${provider.name} request not sent: this process was too late for ${MAX_MISSED_SLOTS} slots`, {
      provider: provider.name,
      endpoint: '(schedule)',
    });
  }

  /**
   * Books the next slot, a background request only within its lead (waiting for that otherwise), and says
   * when it is in performance.now()'s time: the answer's delay counts from when Postgres gave it, which is
   * earlier than when this process read it by the answer's latency.
   */
  private async reserve(providerId: string, spacingMs: number, background: boolean): Promise<number> {
    const started = performance.now();
    for (;;) {
      const withinMs = Math.min(BACKGROUND_LEAD_MS + (performance.now() - started), BACKGROUND_MAX_LEAD_MS);
      const asked = performance.now();
      const answer = await this.schedule.reserve(providerId, spacingMs, background ? { withinMs } : {});
      if (answer.reserved) {
        const arrived = performance.now();
        return arrived - this.answerLatency.of(performance.timeOrigin + arrived, answer.postgresNow, arrived - asked) + answer.delayMs;
      }
      // Asks again about when the booked slots come within its (growing) lead: one query per wait, not a poll.
      const untilWithin = answer.nextInMs - withinMs;
      await sleep(Math.max(withinMs < BACKGROUND_MAX_LEAD_MS ? untilWithin / 2 : untilWithin, spacingMs));
    }
  }
}
