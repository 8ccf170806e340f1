/**
 * How fast a clock may drift from Postgres's: NTP slews a clock by at most 500 ppm, so the estimate below
 * may rise by this much per millisecond, and an old quickest answer does not hold for ever.
 */
const DRIFT_PER_MS = 0.0005;

/**
 * How long an answer from Postgres took to reach this process, from the Postgres time it carries.
 *
 * A slot is booked in Postgres's clock; the answer says "in `delayMs`", and a process whose event loop reads
 * the answer late would sleep that long from too late a moment. The clocks of two machines differ, so the
 * answer's Postgres time is not compared with this process's clock directly: the difference (arrival here
 * less Postgres's time) of the quickest answer so far stands for the clocks' offset, as in NTP, and what an
 * answer takes beyond it is the time it spent on its way back.
 */
export class AnswerLatency {
  private quickest = Number.POSITIVE_INFINITY;
  private quickestAt = 0;

  /**
   * `arrivedAt` in this process's epoch milliseconds, `postgresNow` in Postgres's, `roundTripMs` the whole
   * query's time here; returns milliseconds, never more than the round trip (a clock stepped back on the
   * database's machine cannot make every answer look late).
   */
  of(arrivedAt: number, postgresNow: number, roundTripMs: number): number {
    const difference = arrivedAt - postgresNow;
    const aged = this.quickest + (arrivedAt - this.quickestAt) * DRIFT_PER_MS;
    this.quickest = Math.min(aged, difference);
    this.quickestAt = arrivedAt;
    return Math.min(difference - this.quickest, Math.max(0, roundTripMs));
  }
}
