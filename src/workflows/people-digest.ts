import { condition, continueAsNew, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import { peopleDigestStateQuery, peopleMessageSignal, type PeopleDigestInput, type PeopleDigestState, type PeopleMessage } from '../contracts/notify.js';
import { deliveryActivities } from './notify-title.js';
import { rootMessage } from '../contracts/failures.js';
import { checkWorkflowInput, libraryIdInput } from '../contracts/workflow-input.js';


/** With nothing pending for this long (or twice the digest window, if longer) the run ends; the next message starts a new one. */
const IDLE_BEFORE_END_MS = 2 * 60_000;
const MAX_HISTORY_EVENTS = 5_000;
const SEEN_IDS_KEPT = 2_000;

/**
 * One people service (Discord, Pushover, e-mail) and one library: notifyTitle signals each title's message
 * here. The first message after a quiet spell goes out at once, alone; messages arriving within
 * `digestSeconds` of the previous send are gathered and sent as one digest, so a scan that publishes a
 * thousand titles sends a handful of messages, not a thousand. Each send is one activity, retried while the
 * service is down; one that completed is never sent again.
 */
export async function peopleDigest(input: PeopleDigestInput): Promise<PeopleDigestState> {
  checkWorkflowInput('peopleDigest', libraryIdInput, input);
  const { plan, libraryId } = input;
  const pending: PeopleMessage[] = [...(input.carried?.pending ?? [])];
  const seenIds = new Set<string>(input.carried?.seenIds);
  const state: PeopleDigestState = { service: plan.service, libraryId, pending: 0, sent: 0, titlesSent: 0, failed: [] };

  setHandler(peopleMessageSignal, (message) => {
    // A signal repeated by a retried activity carries the same id.
    if (seenIds.has(message.id)) return;
    seenIds.add(message.id);
    pending.push(message);
  });
  setHandler(peopleDigestStateQuery, () => ({ ...state, pending: pending.length }));

  const windowMs = plan.digestSeconds * 1000;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  for (;;) {
    if (!(await condition(() => pending.length > 0, Math.max(IDLE_BEFORE_END_MS, 2 * windowMs)))) return state;
    const untilWindowEnds = lastSentAt + windowMs - Date.now();
    if (untilWindowEnds > 0) await sleep(untilWindowEnds);

    const batch = pending.splice(0);
    const send = deliveryActivities(plan.delivery, batch.length === 1 ? `${plan.service}: ${batch[0]!.event} ${batch[0]!.displayName}` : `${plan.service}: digest of ${batch.length} titles`);
    try {
      await send.notifyPeopleDigest({ service: plan.service, libraryId, digestId: `${workflowInfo().workflowId}/${batch[0]!.id}`, messages: batch });
      state.sent++;
      state.titlesSent += batch.length;
    } catch (error) {
      state.failed.push({ titles: batch.length, error: rootMessage(error) });
    }
    lastSentAt = Date.now();

    if (workflowInfo().historyLength > (input.maxHistoryEvents ?? MAX_HISTORY_EVENTS)) {
      await continueAsNew<typeof peopleDigest>({ ...input, carried: { pending: pending.splice(0), seenIds: [...seenIds].slice(-SEEN_IDS_KEPT) } });
    }
  }
}
