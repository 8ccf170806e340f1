import type { TitleChange } from '../contracts/title-pipeline.js';

/** The changes signalled to a run: the highest change_seq asked for, and whether any of them is to be announced. */
export class PendingChanges {
  private requestedSeq = 0;
  private coveredSeq = 0;
  private announce: boolean | undefined;

  constructor(first: TitleChange | undefined) {
    // A run started without a change (by hand) still makes its first pass, announced unless a signal says not.
    if (first) this.add(first);
  }

  add(change: TitleChange): void {
    if (change.seq <= this.coveredSeq) return;
    this.requestedSeq = Math.max(this.requestedSeq, change.seq);
    this.announce = (this.announce ?? false) || change.announce !== false;
  }

  /** Whether the next pass announces to people; the changes it covers are taken. */
  takeAnnounce(): boolean {
    const announce = this.announce ?? true;
    this.announce = undefined;
    return announce;
  }

  covered(seq: number): void {
    this.coveredSeq = Math.max(this.coveredSeq, seq);
  }

  pending(): boolean {
    return this.requestedSeq > this.coveredSeq;
  }
}
