import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { describe, expect, test } from 'vitest';
import type { NotificationPlan, NotifyActivities } from '../../src/activities/notify.js';
import type { notifyTitle } from '../../src/workflows/notify-title.js';
import {
  notifyTitleWorkflowId,
  type DeliveryPolicy,
  type NotifyTitleInput,
  type PeoplePlan,
  type PlayerPlan,
} from '../../src/contracts/notify.js';
import { ActivityCalls } from './support/activity-calls.js';
import { useTierWorkers } from './support/environment.js';

type NotifyTitleActivities = Pick<NotifyActivities, 'planNotifications' | 'queuePlayerRefresh' | 'queuePeopleMessage' | 'notifyPeople'>;

const workers = useTierWorkers();

/** Retries a tenth of a second apart, for a minute: a target that is down comes back within the test. */
const delivery: DeliveryPolicy = { retryWindowMinutes: 1, initialRetrySeconds: 0.1, maximumRetrySeconds: 0.2 };
const kodi: PlayerPlan = {
  target: { service: 'kodi', group: 'living-room' },
  coalesceSeconds: 30,
  maxFolderRefreshes: 10,
  playingRecheckSeconds: 60,
  delivery,
};
const jellyfin: PlayerPlan = {
  target: { service: 'jellyfin' },
  coalesceSeconds: 30,
  maxFolderRefreshes: 10,
  playingRecheckSeconds: 0,
  delivery,
};
const discord: PeoplePlan = { service: 'discord', delivery, digestSeconds: 0 };
const pushover: PeoplePlan = { service: 'pushover', delivery, digestSeconds: 0 };
const email: PeoplePlan = { service: 'email', delivery, digestSeconds: 300 };

function titleInput(replace: Partial<NotifyTitleInput> = {}): NotifyTitleInput {
  return {
    libraryId: randomUUID(),
    titleKind: 'episode',
    titleId: randomUUID(),
    displayName: 'Severance S01E02',
    folderPath: '/library/shows/Severance (2022)',
    event: 'added',
    playerSync: { notify: true, delaySeconds: 0, cleanFirst: false },
    notificationKey: randomUUID(),
    ...replace,
  };
}

function notifyActivities(plan: NotificationPlan, replace: Partial<NotifyTitleActivities> = {}) {
  return new ActivityCalls<NotifyTitleActivities>({
    planNotifications: async () => plan,
    queuePlayerRefresh: async ({ plan: player, libraryId }) => ({ workflowId: `player-sync/${player.target.service}/${libraryId}` }),
    queuePeopleMessage: async ({ plan: person, libraryId }) => ({ workflowId: `people-digest/${person.service}/${libraryId}` }),
    notifyPeople: async ({ service }) => `${service} accepted the message`,
    ...replace,
  });
}

function runNotifyTitle(input: NotifyTitleInput, calls: ActivityCalls<NotifyTitleActivities>) {
  workers.serve(calls.activities, input.titleId);
  return workers.client.workflow.execute<typeof notifyTitle>('notifyTitle', {
    workflowId: notifyTitleWorkflowId(input),
    taskQueue: workers.taskQueue,
    args: [input],
  });
}

describe.concurrent('notifyTitle', () => {
  test('people get a message each, or through their digest; a refused send is reported, not retried', async () => {
    const input = titleInput();
    const calls = notifyActivities(
      { players: [], people: [discord, pushover, email], unreadable: [{ service: 'plex', error: 'encrypted with another key' }] },
      {
        notifyPeople: async ({ service }) => {
          if (service === 'pushover') throw ApplicationFailure.nonRetryable('Pushover refused the token', 'TargetRejected');
          return `${service} accepted the message`;
        },
      },
    );

    const result = await runNotifyTitle(input, calls);

    expect(result).toEqual({
      players: [],
      people: [
        { service: 'discord', status: 'sent', detail: 'discord accepted the message' },
        { service: 'pushover', status: 'failed', detail: 'Pushover refused the token' },
        { service: 'email', status: 'queued', detail: `people-digest/email/${input.libraryId}` },
      ],
      unreadable: [{ service: 'plex', error: 'encrypted with another key' }],
    });
    expect(calls.of('planNotifications')).toEqual([input]);
    const message = {
      id: notifyTitleWorkflowId(input),
      event: 'added',
      titleKind: 'episode',
      displayName: input.displayName,
      folderPath: input.folderPath,
      occurredAt: expect.any(String),
    };
    expect(calls.of('notifyPeople')).toEqual(expect.arrayContaining([{ service: 'discord', message }]));
    expect(calls.count('notifyPeople')).toBe(2);
    expect(calls.of('queuePeopleMessage')).toEqual([{ plan: email, libraryId: input.libraryId, message }]);
  });

  test('a people service that is down gets the message when it is back', async () => {
    const input = titleInput();
    let attempts = 0;
    const calls = notifyActivities(
      { players: [], people: [discord], unreadable: [] },
      {
        notifyPeople: async () => {
          if (++attempts < 3) throw new Error('connect ECONNREFUSED 127.0.0.1:443');
          return 'delivered';
        },
      },
    );

    const result = await runNotifyTitle(input, calls);

    expect(result.people).toEqual([{ service: 'discord', status: 'sent', detail: 'delivered' }]);
    expect(calls.count('notifyPeople')).toBe(3);
  });

  test("players get the folder change after the pipeline's delay, through their per-library workflow", async () => {
    const input = titleInput({ event: 'updated', playerSync: { notify: true, delaySeconds: 1, cleanFirst: true } });
    const queuedAt: number[] = [];
    const calls = notifyActivities(
      { players: [kodi, jellyfin], people: [], unreadable: [] },
      {
        queuePlayerRefresh: async ({ plan: player, libraryId }) => {
          queuedAt.push(Date.now());
          return { workflowId: `player-sync/${player.target.service}/${libraryId}` };
        },
      },
    );

    const startedAt = Date.now();
    const result = await runNotifyTitle(input, calls);

    expect(result.players).toEqual([
      { target: 'kodi/living-room', workflowId: `player-sync/kodi/${input.libraryId}` },
      { target: 'jellyfin', workflowId: `player-sync/jellyfin/${input.libraryId}` },
    ]);
    const change = { folderPath: input.folderPath, change: 'updated', cleanFirst: true, notificationKey: input.notificationKey };
    // Both players are queued at once: in either order.
    expect(calls.of('queuePlayerRefresh')).toHaveLength(2);
    expect(calls.of('queuePlayerRefresh')).toEqual(
      expect.arrayContaining([
        { plan: kodi, libraryId: input.libraryId, change },
        { plan: jellyfin, libraryId: input.libraryId, change },
      ]),
    );
    for (const at of queuedAt) expect(at - startedAt).toBeGreaterThanOrEqual(1_000);
  });
});
