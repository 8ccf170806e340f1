import { proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { NotifyActivities } from '../activities/notify.js';
import type { DeliveryPolicy, NotifyTitleInput, NotifyTitleResult } from '../contracts/notify.js';
import { folderChangeOf, playerTargetName } from '../contracts/notify.js';
import {
  CREDENTIALS_DECRYPT_ERROR,
  LIBRARY_DELETED,
  NOTIFICATION_SERVICE_DISABLED,
  rootMessage,
  TARGET_REJECTED,
} from '../contracts/failures.js';
import { checkWorkflowInput, libraryIdInput } from '../contracts/workflow-input.js';

const { planNotifications, queuePlayerRefresh, queuePeopleMessage } = proxyActivities<NotifyActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/** How long a send may go without a heartbeat (it sends one every few seconds) before its worker counts as dead. */
const SEND_HEARTBEAT_TIMEOUT = '15 seconds';

/**
 * A target's sends: retried with backoff for the target's window (24 h unless configured), so a target
 * that is down gets the notification when it returns. A completed send is in the history and never runs
 * again, so nothing is sent twice by replay or by a worker restart.
 */
export function deliveryActivities(policy: DeliveryPolicy, summary?: string) {
  const windowMs = policy.retryWindowMinutes * 60_000;
  return proxyActivities<NotifyActivities>({
    // What the Temporal UI shows for the activity: which folder, which message.
    ...(summary === undefined ? {} : { summary }),
    // One HTTP call or SMTP session. The send heartbeats while its request is in flight, so a worker that
    // dies in one is noticed at the heartbeat timeout and the send retried (the ledger then says it was
    // sent again); the attempt timeout, a few of the client's own, bounds a request hung on a live worker.
    startToCloseTimeout: Math.min(windowMs, policy.attemptTimeoutMs ?? 60_000),
    heartbeatTimeout: SEND_HEARTBEAT_TIMEOUT,
    scheduleToCloseTimeout: windowMs,
    retry: {
      initialInterval: policy.initialRetrySeconds * 1000,
      backoffCoefficient: 2,
      maximumInterval: policy.maximumRetrySeconds * 1000,
      nonRetryableErrorTypes: [TARGET_REJECTED, NOTIFICATION_SERVICE_DISABLED, CREDENTIALS_DECRYPT_ERROR, LIBRARY_DELETED],
    },
  });
}

/**
 * Tells media players and people about one published title:
 *   plan from the enabled services → people: one message per service, or into the service's digest for
 *                                    the library when it gathers them
 *                                  → players: after `delaySeconds` (a durable timer), the folder goes to
 *                                    each player's per-library workflow, which gathers and sends refreshes.
 */
export async function notifyTitle(input: NotifyTitleInput): Promise<NotifyTitleResult> {
  checkWorkflowInput('notifyTitle', libraryIdInput, input);
  const plan = await planNotifications(input);
  const message = {
    id: workflowInfo().workflowId,
    event: input.event,
    titleKind: input.titleKind,
    displayName: input.displayName,
    folderPath: input.folderPath,
    occurredAt: new Date(workflowInfo().startTime).toISOString(),
  };

  const people = Promise.all(
    plan.people.map(async (person): Promise<NotifyTitleResult['people'][number]> => {
      const { service, delivery } = person;
      try {
        // A service that gathers digests gets the message through its (service, library) workflow.
        // (Plans recorded before digests existed have no digestSeconds: they send here, as they did.)
        if ((person.digestSeconds ?? 0) > 0) {
          const { workflowId } = await queuePeopleMessage({ plan: person, libraryId: input.libraryId, message });
          return { service, status: 'queued', detail: workflowId };
        }
        const send = deliveryActivities(delivery, `${service}: ${input.event} ${input.displayName}`);
        return { service, status: 'sent', detail: await send.notifyPeople({ service, message }) };
      } catch (error) {
        return { service, status: 'failed', detail: rootMessage(error) };
      }
    }),
  );

  const players = (async () => {
    if (plan.players.length > 0 && input.playerSync.delaySeconds > 0) await sleep(input.playerSync.delaySeconds * 1000);
    const change = folderChangeOf(input);
    return Promise.all(
      plan.players.map(async (player) => {
        const { workflowId } = await queuePlayerRefresh({ plan: player, libraryId: input.libraryId, change });
        return { target: playerTargetName(player.target), workflowId };
      }),
    );
  })();

  return { players: await players, people: await people, unreadable: plan.unreadable };
}
