import { ApplicationFailure, Context } from '@temporalio/activity';
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { LibraryRepository } from '../db/repositories/library-repository.js';
import { NotificationConfigRepository } from '../db/repositories/notification-config-repository.js';
import { EventRepository } from '../db/repositories/event-repository.js';
import { NotificationSendRepository } from '../db/repositories/notification-send-repository.js';
import { EventRecorder } from '../events/event-recorder.js';
import { TargetError } from '../integrations/http/target-error.js';
import {
  isPlayerService,
  type NotificationConfigs,
  type NotificationService,
  type PeopleService,
  type PlayerService,
} from '../integrations/notification-config.js';
import { digestMessage, type TitleMessage } from '../integrations/notification-message.js';
import { notifyPeople, refreshPlayer } from '../integrations/notifiers.js';
import type { PlayerRefreshOutcome } from '../integrations/player-refresh.js';
import { CredentialsDecryptError, type CredentialsCipher } from '../security/credentials-cipher.js';
import {
  folderChangedSignal,
  foldersChangedSignal,
  peopleDigestWorkflowId,
  peopleMessageSignal,
  playerLibrarySyncWorkflowId,
  playerTargetName,
  type DeliveryPolicy,
  type FolderChange,
  type NotifyTitleInput,
  type PeopleDigestInput,
  type PeopleMessage,
  type PeoplePlan,
  type PlayerLibrarySyncInput,
  type PlayerPlan,
  type PlayerRefreshJob,
  type PlayerTarget,
} from '../contracts/notify.js';
import { signalWithStartWorkflow } from '../contracts/workflows.js';
import { heartbeatWhile } from './heartbeat-while.js';
import {
  CREDENTIALS_DECRYPT_ERROR,
  INVALID_NOTIFY_TITLE_INPUT,
  LIBRARY_DELETED,
  NOTIFICATION_SERVICE_DISABLED,
  TARGET_REJECTED,
  TARGET_UNAVAILABLE,
} from '../contracts/failures.js';

export interface NotifyActivityDeps {
  db: Database;
  credentialsCipher: CredentialsCipher;
  /** Where the player and digest workflows run: the worker's workflow queue, whichever queue calls these. */
  workflowTaskQueue: string;
}

/** notifyTitle's input, checked at the edge: the pipelines are its callers, but a start by hand is too. */
export const notifyTitleInputSchema = z.object({
  libraryId: z.uuid(),
  titleKind: z.enum(['movie', 'show', 'episode']),
  titleId: z.string().min(1),
  displayName: z.string().min(1),
  folderPath: z.string().startsWith('/', 'an absolute path'),
  event: z.enum(['added', 'updated', 'removed']),
  playerSync: z.object({ notify: z.boolean(), delaySeconds: z.number().int().min(0), cleanFirst: z.boolean() }),
  notificationKey: z.string().min(1),
  announce: z.boolean().optional(),
});

export interface NotificationPlan {
  players: PlayerPlan[];
  people: PeoplePlan[];
  unreadable: { service: string; error: string }[];
}

/**
 * Activities of the notify phase: plan from the stored configs (no secret leaves this file: histories
 * get service names, group names and retry policies), queue player refreshes, send to each target.
 * Each send reads the config afresh, so a token fixed through the API applies to the next retry.
 */
export function createNotifyActivities({ db, credentialsCipher, workflowTaskQueue }: NotifyActivityDeps) {
  const configs = new NotificationConfigRepository(db, credentialsCipher);
  const libraries = new LibraryRepository(db);
  const sends = new NotificationSendRepository(db);
  const events = new EventRecorder(new EventRepository(db));

  /**
   * One message through one people service, once: a retry of a send whose answer is in the ledger returns
   * that answer without sending. Temporal's own record of a completed attempt cannot do this alone: a worker
   * killed after the service answered and before Temporal heard of it would send the message again.
   */
  async function sendOnce(service: PeopleService, messageId: string, what: string, send: () => Promise<string>): Promise<string> {
    const start = await sends.begin(service, messageId);
    if (start.kind === 'sent') return start.answer;
    const subjects = subjectsOfMessage(messageId);
    let answer: string;
    try {
      answer = await heartbeatWhile(send);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await sends.failed(service, messageId, reason);
      // Once per message: a service that is down for hours is retried many times, and the history says so once.
      await events.record({
        ...subjects,
        type: 'notification.failed',
        summary: `${service} not told of ${what}: ${reason}`,
        data: { service, messageId, error: reason },
        dedupeKey: `notification.failed/${service}/${messageId}`,
      });
      return asTemporalFailure(error);
    }
    await sends.sent(service, messageId, answer);
    await events.record({
      ...subjects,
      type: 'notification.sent',
      summary: `${service} told of ${what}`,
      data: { service, messageId, answer },
      dedupeKey: `notification.sent/${service}/${messageId}`,
    });
    return start.resend ? `${answer} (sent again: an earlier attempt ended with its request in flight)` : answer;
  }

  /** The (player, library) workflow a folder change is signalled to, started on the worker's workflow queue. */
  function playerSyncStart(plan: PlayerPlan, libraryId: string) {
    const workflowId = playerLibrarySyncWorkflowId(plan.target, libraryId);
    const summary = `Refreshes of ${playerTargetName(plan.target)} for library ${libraryId}`;
    const args: [PlayerLibrarySyncInput] = [{ plan, libraryId }];
    return { workflowId, options: { ...gathererOptions(workflowId, summary, workflowTaskQueue), args } };
  }

  async function configOf<S extends NotificationService>(service: S): Promise<NotificationConfigs[S]> {
    const setting = await configs.get(service).catch(asTemporalFailure);
    if (!setting || !setting.enabled) {
      throw ApplicationFailure.nonRetryable(
        `Notification service "${service}" is not configured or not enabled any more`,
        NOTIFICATION_SERVICE_DISABLED,
      );
    }
    return setting.config;
  }

  return {
    /** Which services to notify for this title, from the enabled configs and their `events`. */
    async planNotifications(input: NotifyTitleInput): Promise<NotificationPlan> {
      const parsed = notifyTitleInputSchema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw ApplicationFailure.nonRetryable(`notifyTitle input.${issue.path.join('.')}: ${issue.message}`, INVALID_NOTIFY_TITLE_INPUT);
      }
      const { settings, unreadable } = await configs.listEnabled();
      const plan: NotificationPlan = { players: [], people: [], unreadable };
      for (const setting of settings) {
        if (!(setting.config.events as string[]).includes(input.event)) continue;
        if (isPlayerService(setting.service)) {
          // phase.playerSync.notify governs media players only; people are told per their own config.
          if (!input.playerSync.notify) continue;
          plan.players.push(...playerPlans(setting.service, setting.config as NotificationConfigs[PlayerService]));
        } else {
          if (input.announce === false) continue;
          const config = setting.config as NotificationConfigs[PeopleService];
          plan.people.push({
            service: setting.service as PeopleService,
            delivery: withAttemptTimeout(config.delivery, config.timeoutMs, 1),
            digestSeconds: config.digestSeconds,
          });
        }
      }
      return plan;
    },

    /**
     * Hands one folder change to the (player, library) workflow, starting it when it is not running. The
     * workflow gathers changes and sends them; a signal repeated by a retry is recognised by its key.
     */
    async queuePlayerRefresh(input: { plan: PlayerPlan; libraryId: string; change: FolderChange }): Promise<{ workflowId: string }> {
      const { workflowId, options } = playerSyncStart(input.plan, input.libraryId);
      await signalWithStartWorkflow(Context.current().client, 'playerLibrarySync', {
        ...options,
        signal: folderChangedSignal,
        signalArgs: [input.change],
      });
      return { workflowId };
    },

    /** Many titles' folder changes to one player in one signal (a titleImport's titles); see queuePlayerRefresh. */
    async queuePlayerRefreshes(input: { plan: PlayerPlan; libraryId: string; changes: FolderChange[] }): Promise<{ workflowId: string }> {
      const { workflowId, options } = playerSyncStart(input.plan, input.libraryId);
      await signalWithStartWorkflow(Context.current().client, 'playerLibrarySync', {
        ...options,
        signal: foldersChangedSignal,
        signalArgs: [input.changes],
      });
      return { workflowId };
    },

    /** One refresh on one player; `deferred` while every reachable Kodi host of the group plays a video. */
    async refreshPlayer(input: {
      target: PlayerTarget;
      libraryId: string;
      job: PlayerRefreshJob;
      ignorePlaying?: boolean;
    }): Promise<PlayerRefreshOutcome> {
      const config = await configOf(input.target.service);
      const scope =
        input.job.scope.kind === 'folder'
          ? input.job.scope
          : { kind: 'library' as const, rootPath: await libraryRoot(libraries, input.libraryId) };
      return heartbeatWhile(() =>
        refreshPlayer(input.target, config, { scope, cleanFirst: input.job.cleanFirst, ignorePlaying: input.ignorePlaying }),
      ).catch(asTemporalFailure);
    },

    /**
     * Hands one title's message to the (service, library) digest workflow, starting it when it is not
     * running; a signal repeated by a retry is recognised by the message id.
     */
    async queuePeopleMessage(input: { plan: PeoplePlan; libraryId: string; message: PeopleMessage }): Promise<{ workflowId: string }> {
      const args: PeopleDigestInput = { plan: input.plan, libraryId: input.libraryId };
      const workflowId = peopleDigestWorkflowId(input.plan.service, input.libraryId);
      const summary = `${input.plan.service} messages for library ${input.libraryId}`;
      await signalWithStartWorkflow(Context.current().client, 'peopleDigest', {
        ...gathererOptions(workflowId, summary, workflowTaskQueue),
        args: [args],
        signal: peopleMessageSignal,
        signalArgs: [input.message],
      });
      return { workflowId };
    },

    /** The messages a digest gathered: one alone as it is, several as one digest naming each title. */
    async notifyPeopleDigest(input: {
      service: PeopleService;
      libraryId: string;
      digestId: string;
      messages: PeopleMessage[];
    }): Promise<string> {
      const config = await configOf(input.service);
      const message =
        input.messages.length === 1
          ? input.messages[0]!
          : digestMessage(input.digestId, await libraryRoot(libraries, input.libraryId), input.messages);
      return sendOnce(
        input.service,
        input.digestId,
        input.messages.length === 1 ? `${input.messages[0]!.event} ${input.messages[0]!.displayName}` : `${input.messages.length} titles`,
        () => notifyPeople(input.service, config, message),
      );
    },

    /** One message through one people service; returns what the service answered. */
    async notifyPeople(input: { service: PeopleService; message: TitleMessage }): Promise<string> {
      const config = await configOf(input.service);
      return sendOnce(input.service, input.message.id, `${input.message.event} ${input.message.displayName}`, () =>
        notifyPeople(input.service, config, input.message),
      );
    },
  };
}

export type NotifyActivities = ReturnType<typeof createNotifyActivities>;

/** A title's message id is its notify run's id, notify/<kind>/<titleId>/<key>; a digest's names no one title. */
function subjectsOfMessage(messageId: string): { titleKind?: 'movie' | 'show' | 'episode'; titleId?: string } {
  const match = /^notify\/(movie|show|episode)\/([0-9a-f-]{36})\//.exec(messageId);
  return match ? { titleKind: match[1] as 'movie' | 'show' | 'episode', titleId: match[2]! } : {};
}

function playerPlans(service: PlayerService, config: NotificationConfigs[PlayerService]): PlayerPlan[] {
  const common = { coalesceSeconds: config.coalesceSeconds, maxFolderRefreshes: config.maxFolderRefreshes };
  if (service === 'kodi') {
    const kodi = config as NotificationConfigs['kodi'];
    return kodi.groups.map((group) => ({
      target: { service: 'kodi', group: group.name },
      playingRecheckSeconds: kodi.playingRecheckSeconds,
      // A group's hosts are asked one after another when one is down.
      delivery: withAttemptTimeout(config.delivery, config.timeoutMs, group.hosts.length),
      ...common,
    }));
  }
  return [
    {
      target: { service } as PlayerTarget,
      playingRecheckSeconds: 0,
      delivery: withAttemptTimeout(config.delivery, config.timeoutMs, 1),
      ...common,
    },
  ];
}

/**
 * How long one send may take before its attempt counts as lost (a dead worker) and is retried: a few of the
 * client's own timeouts (connect, answer, and a Kodi clean before its scan) per host, plus a margin.
 */
function withAttemptTimeout(delivery: DeliveryPolicy, clientTimeoutMs: number, hosts: number): DeliveryPolicy {
  return { ...delivery, attemptTimeoutMs: (hosts + 2) * clientTimeoutMs + 5_000 };
}

/**
 * How one item is signalled to a per-library gathering workflow (a player's refreshes, a people digest):
 * started on this worker's queue when it is not running; a running one is joined, never doubled.
 */
function gathererOptions(workflowId: string, summary: string, taskQueue: string) {
  return {
    workflowId,
    taskQueue,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    staticSummary: summary,
  };
}

async function libraryRoot(libraries: LibraryRepository, libraryId: string): Promise<string> {
  const library = await libraries.get(libraryId);
  if (!library) throw ApplicationFailure.nonRetryable(`Library ${libraryId} no longer exists`, LIBRARY_DELETED);
  return library.rootPath;
}

/** Target errors become failures the retry policy reads: final ones stop, a target's wait is honoured. */
function asTemporalFailure(error: unknown): never {
  if (error instanceof CredentialsDecryptError) throw ApplicationFailure.nonRetryable(error.message, CREDENTIALS_DECRYPT_ERROR);
  if (!(error instanceof TargetError)) throw error;
  throw ApplicationFailure.create({
    message: error.message,
    type: error.nonRetryable ? TARGET_REJECTED : TARGET_UNAVAILABLE,
    nonRetryable: error.nonRetryable,
    nextRetryDelay: error.retryAfterMs,
  });
}
