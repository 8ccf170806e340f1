/** The least time between two writes of an item's progress column while an encode runs. */
export const PROGRESS_WRITE_INTERVAL_MS = 2_000;

/**
 * Writes an item's progress to processing_items when it moved by at least one whole percent and the last
 * write is at least an interval old: ffmpeg reports twice a second, and a short encode would otherwise
 * write fifty times a second. The live figure is in the heartbeats; the column is the durable record.
 * Writes run one at a time in order, and a failed write is dropped (the next one carries the newer value).
 */
export class ProgressWriter {
  private written = 0;
  private lastWriteAt = -Infinity;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (percent: number) => Promise<void>,
    private readonly intervalMs = PROGRESS_WRITE_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  offer(percent: number): void {
    const whole = Math.floor(percent);
    // 100 % is the finishing transition's to write.
    if (whole <= this.written || whole >= 100 || this.now() - this.lastWriteAt < this.intervalMs) return;
    this.written = whole;
    this.lastWriteAt = this.now();
    this.chain = this.chain.then(() => this.write(whole)).catch(() => undefined);
  }

  /** Resolves when every write offered so far has finished. */
  settled(): Promise<void> {
    return this.chain;
  }
}
