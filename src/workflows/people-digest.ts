import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { rootMessage } from '../contracts/failures.js';
import {
  peopleDigestStateQuery,
  peopleMessageSignal,
  type PeopleDigestInput,
  type PeopleDigestState,
  type PeopleMessage,
} from '../contracts/notify.js';
import { checkWorkflowInput, libraryIdInput } from '../contracts/workflow-input.js';
import { gatherAndSend } from './gather-and-send.js';
import { deliveryActivities } from './notify-title.js';

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

  await gatherAndSend({
    windowMs: plan.digestSeconds * 1000,
    hasPending: () => pending.length > 0,
    sendPending,
    maxHistoryEvents: input.maxHistoryEvents,
    continueAsNew: () =>
      continueAsNew<typeof peopleDigest>({
        ...input,
        carried: { pending: pending.splice(0), seenIds: [...seenIds].slice(-SEEN_IDS_KEPT) },
      }),
  });
  return state;

  async function sendPending(): Promise<void> {
    const batch = pending.splice(0);
    const send = deliveryActivities(
      plan.delivery,
      batch.length === 1
        ? `${plan.service}: ${batch[0]!.event} ${batch[0]!.displayName}`
        : `${plan.service}: digest of ${batch.length} titles`,
    );
    try {
      await send.notifyPeopleDigest({
        service: plan.service,
        libraryId,
        digestId: `${workflowInfo().workflowId}/${batch[0]!.id}`,
        messages: batch,
      });
      state.sent++;
      state.titlesSent += batch.length;
    } catch (error) {
      state.failed.push({ titles: batch.length, error: rootMessage(error) });
    }
  }
}
