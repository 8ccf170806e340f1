import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { describe, expect, test } from 'vitest';
import type { NotifyActivities } from '../../src/activities/notify.js';
import {
  peopleDigestWorkflowId,
  peopleMessageSignal,
  type PeopleDigestState,
  type PeopleMessage,
  type PeoplePlan,
} from '../../src/contracts/notify.js';
import type { peopleDigest } from '../../src/workflows/people-digest.js';
import { ActivityCalls, eventually } from './support/activity-calls.js';
import { useTierWorkers } from './support/environment.js';

type DigestActivities = Pick<NotifyActivities, 'notifyPeopleDigest'>;

const workers = useTierWorkers();

const plan: PeoplePlan = {
  service: 'discord',
  delivery: { retryWindowMinutes: 1, initialRetrySeconds: 0.1, maximumRetrySeconds: 0.2 },
  digestSeconds: 2,
};

const message = (displayName: string): PeopleMessage => ({
  id: `notify/episode/${randomUUID()}/${randomUUID()}`,
  event: 'added',
  titleKind: 'episode',
  displayName,
  folderPath: `/library/shows/${displayName}`,
  occurredAt: new Date().toISOString(),
});

/** A (service, library) digest fed as notifyTitle feeds it: signal-with-start, one title's message at a time. */
function digest(calls: ActivityCalls<DigestActivities>) {
  const libraryId = randomUUID();
  const workflowId = peopleDigestWorkflowId(plan.service, libraryId);
  workers.serve(calls.activities, libraryId);
  const handle = workers.client.workflow.getHandle<typeof peopleDigest>(workflowId);
  return {
    libraryId,
    workflowId,
    send: (titleMessage: PeopleMessage) =>
      workers.client.workflow.signalWithStart<typeof peopleDigest, [PeopleMessage]>('peopleDigest', {
        workflowId,
        taskQueue: workers.taskQueue,
        args: [{ plan, libraryId }],
        signal: peopleMessageSignal,
        signalArgs: [titleMessage],
      }),
    state: () => handle.query<PeopleDigestState>('state'),
    // The workflow idles two minutes before it ends: tests end it themselves.
    end: () => handle.terminate(),
  };
}

describe.concurrent('peopleDigest', () => {
  test('the first message goes alone at once; messages within the window go as one digest; a repeated signal counts once', async () => {
    const calls = new ActivityCalls<DigestActivities>({ notifyPeopleDigest: async () => 'sent' });
    const gather = digest(calls);
    const [first, second, third] = [message('Severance S01E01'), message('Severance S01E02'), message('Severance S01E03')];

    await gather.send(first);
    await calls.called('notifyPeopleDigest');
    await gather.send(second);
    await gather.send(second);
    await gather.send(third);
    await calls.called('notifyPeopleDigest', 2);
    await eventually(async () => (await gather.state()).sent === 2, 'the digest to be sent');
    const state = await gather.state();
    await gather.end();

    expect(calls.of('notifyPeopleDigest')).toEqual([
      { service: 'discord', libraryId: gather.libraryId, digestId: `${gather.workflowId}/${first.id}`, messages: [first] },
      { service: 'discord', libraryId: gather.libraryId, digestId: `${gather.workflowId}/${second.id}`, messages: [second, third] },
    ]);
    expect(state).toEqual({ service: 'discord', libraryId: gather.libraryId, pending: 0, sent: 2, titlesSent: 3, failed: [] });
  });

  test('a refused send is recorded as failed, and the next message still goes out', async () => {
    let refuse = true;
    const calls = new ActivityCalls<DigestActivities>({
      notifyPeopleDigest: async () => {
        if (refuse) throw ApplicationFailure.nonRetryable('Discord refused the webhook', 'TargetRejected');
        return 'sent';
      },
    });
    const gather = digest(calls);

    await gather.send(message('Andor S01E01'));
    await eventually(async () => (await gather.state()).failed.length === 1, 'the send to fail');
    refuse = false;
    await gather.send(message('Andor S01E02'));
    await eventually(async () => (await gather.state()).sent === 1, 'the next send');
    const state = await gather.state();
    await gather.end();

    expect(state).toMatchObject({ sent: 1, titlesSent: 1, failed: [{ titles: 1, error: 'Discord refused the webhook' }] });
    expect(calls.count('notifyPeopleDigest')).toBe(2);
  });
});
