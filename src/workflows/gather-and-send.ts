import { condition, sleep, workflowInfo } from '@temporalio/workflow';

/** With nothing pending for this long (or twice the window, if longer) a gathering run ends; the next item starts a new one. */
const IDLE_BEFORE_END_MS = 2 * 60_000;
const MAX_HISTORY_EVENTS = 5_000;

export interface Gathering {
  /** After a send, items arriving within this window wait and go out together in the next send. */
  windowMs: number;
  hasPending(): boolean;
  /** Sends what is pending now, taking it off the pending list. */
  sendPending(): Promise<void>;
  /** Continue as new once the history is longer than this (5,000 unless set; tests set it low). */
  maxHistoryEvents?: number;
  /** Continues as new, carrying what is pending and the keys already taken. */
  continueAsNew(): Promise<never>;
}

/**
 * The loop of a gathering workflow (a player's refreshes, a people digest): the first item after a quiet
 * spell goes out at once; items arriving within the window of the previous send are gathered into the next
 * one. Returns once nothing arrived for the idle time.
 */
export async function gatherAndSend(gathering: Gathering): Promise<void> {
  const { windowMs } = gathering;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  for (;;) {
    if (!(await condition(() => gathering.hasPending(), Math.max(IDLE_BEFORE_END_MS, 2 * windowMs)))) return;
    const untilWindowEnds = lastSentAt + windowMs - Date.now();
    if (untilWindowEnds > 0) await sleep(untilWindowEnds);

    await gathering.sendPending();
    lastSentAt = Date.now();

    // Not historyIsLong: gathering runs have always continued on their own bound alone, and a run in
    // flight must replay the same decision.
    if (workflowInfo().historyLength > (gathering.maxHistoryEvents ?? MAX_HISTORY_EVENTS)) await gathering.continueAsNew();
  }
}
