import { defineQuery, defineSignal } from '@temporalio/workflow';

/** What one player refresh did, as playerLibrarySync reads it from its activity. */
export type { PlayerRefreshOutcome } from '../integrations/player-refresh.js';

/**
 * The contract between the title pipelines (which publish a title) and `notifyTitle` (which tells media
 * players and people about it). No runtime imports beyond Temporal's.
 */

export type NotifiedTitleKind = 'movie' | 'show' | 'episode';

export interface NotifyTitleInput {
  libraryId: string;
  titleKind: NotifiedTitleKind;
  /** movies.id, shows.id or episodes.id. */
  titleId: string;
  /** What people read: "Heat (1995)", "Severance S01E02". */
  displayName: string;
  /** The title's folder on this machine, after publish wrote its NFO and artwork. */
  folderPath: string;
  event: 'added' | 'updated' | 'removed';
  /** phase.playerSync as the pipeline read it at its start. */
  playerSync: { notify: boolean; delaySeconds: number; cleanFirst: boolean };
  /**
   * What makes this notification unique, e.g. the pipeline run's id: the same key never notifies twice.
   */
  notificationKey: string;
  /** false: people are not told (what a library's first scan finds was there all along); players still are. */
  announce?: boolean;
}

/** What a title pipeline's pass announces: the published change of the title, named as the pass described it. */
export function passNotification(args: {
  title: { kind: 'movie' | 'show'; titleId: string };
  described: { libraryId: string; displayName: string; folderPath: string };
  change: { seq: number; event: 'added' | 'updated' };
  playerSync: NotifyTitleInput['playerSync'];
  announce: boolean;
}): NotifyTitleInput {
  return {
    libraryId: args.described.libraryId,
    titleKind: args.title.kind,
    titleId: args.title.titleId,
    displayName: args.described.displayName,
    folderPath: args.described.folderPath,
    event: args.change.event,
    playerSync: args.playerSync,
    notificationKey: `change-${args.change.seq}`,
    ...(args.announce ? {} : { announce: false }),
  };
}

export const notifyTitleWorkflowId = (input: Pick<NotifyTitleInput, 'titleKind' | 'titleId' | 'notificationKey'>) =>
  `notify/${input.titleKind}/${input.titleId}/${input.notificationKey}`;

/** What `notifyTitle` did: which player refreshes it queued, and what each people-service said (or which digest took the message). */
export interface NotifyTitleResult {
  players: { target: string; workflowId: string }[];
  people: { service: string; status: 'sent' | 'failed' | 'queued'; detail: string }[];
  /** Services whose stored config could not be read (another secret key, a hand-edited row). */
  unreadable: { service: string; error: string }[];
}

// ── Player refreshes, gathered per (player, library) ──────────────────────────────────────────────────────

/** A media player that refreshes its library: one Kodi group (hosts sharing a library), Jellyfin or Plex. */
export type PlayerTarget = { service: 'kodi'; group: string } | { service: 'jellyfin' } | { service: 'plex' };

export const playerTargetName = (target: PlayerTarget) => (target.service === 'kodi' ? `kodi/${target.group}` : target.service);

/** How long a target that is down keeps being retried, and how often (from the service's config). */
export interface DeliveryPolicy {
  retryWindowMinutes: number;
  initialRetrySeconds: number;
  maximumRetrySeconds: number;
  /** One attempt's start-to-close timeout, from the service's own timeout (absent in plans made before it: 1 min). */
  attemptTimeoutMs?: number;
}

/** One player as the notification config describes it, without any secret: safe for workflow histories. */
export interface PlayerPlan {
  target: PlayerTarget;
  coalesceSeconds: number;
  maxFolderRefreshes: number;
  /** Kodi only: how long to wait before looking again while a video plays. */
  playingRecheckSeconds: number;
  delivery: DeliveryPolicy;
}

/** "This folder changed": sent by `notifyTitle` to the (player, library) workflow. */
export interface FolderChange {
  folderPath: string;
  change: 'added' | 'updated' | 'removed';
  cleanFirst: boolean;
  /** The notifyTitle's key: the same change signalled twice (a retried signal) is refreshed once. */
  notificationKey: string;
}

export const folderChangedSignal = defineSignal<[FolderChange]>('folderChanged');

/** Several folder changes at once: a titleImport hands a player the folders of many titles in one signal. */
export const foldersChangedSignal = defineSignal<[FolderChange[]]>('foldersChanged');

/** The folder change a title's notification hands each player (from notifyTitle, or a pipeline's pass). */
export function folderChangeOf(input: NotifyTitleInput): FolderChange {
  return {
    folderPath: input.folderPath,
    change: input.event,
    cleanFirst: input.playerSync.cleanFirst,
    notificationKey: input.notificationKey,
  };
}

/**
 * Whether a pass can tell everyone itself: nobody but players is to be told, and at once. Otherwise a
 * notifyTitle child does it, so people's sends and a delay's timer live (and retry) in a history of their own.
 */
export function tellsOnlyPlayersAtOnce(
  plan: { players: readonly unknown[]; people: readonly unknown[] },
  input: NotifyTitleInput,
): boolean {
  const delayed = plan.players.length > 0 && input.playerSync.delaySeconds > 0;
  return plan.people.length === 0 && !delayed;
}

export const playerLibrarySyncWorkflowId = (target: PlayerTarget, libraryId: string) =>
  `player-sync/${playerTargetName(target)}/${libraryId}`;

export interface PlayerLibrarySyncInput {
  plan: PlayerPlan;
  libraryId: string;
  /** Set by continue-as-new: what the previous run had not sent yet, and the keys it already took. */
  carried?: { pending: FolderChange[]; seenKeys: string[] };
  /** Continue as new once the history is longer than this (5,000 unless set; tests set it low). */
  maxHistoryEvents?: number;
}

/** A refresh the (player, library) workflow sends: one folder, or the whole library when many changed. */
export interface PlayerRefreshJob {
  scope: { kind: 'folder'; path: string; change: FolderChange['change'] } | { kind: 'library' };
  cleanFirst: boolean;
}

export interface PlayerSyncState {
  target: string;
  libraryId: string;
  /** Folders waiting for the next batch. */
  pending: string[];
  /** What is being sent now, and since when it waits for a video to end, if it does. */
  current?: { job: PlayerRefreshJob; deferredSince?: string; deferredBecause?: string };
  refreshed: number;
  failed: { job: PlayerRefreshJob; error: string }[];
}

export const playerSyncStateQuery = defineQuery<PlayerSyncState>('state');

// ── People's digests, gathered per (service, library) ────────────────────────────────────────────────────

/** A people service as the notification config describes it, without any secret. */
export interface PeoplePlan {
  service: 'discord' | 'pushover' | 'email';
  delivery: DeliveryPolicy;
  /** 0: one message per title; above 0: messages within this many seconds of the previous are sent together. */
  digestSeconds: number;
}

/** What people are told of one title, as notifyTitle built it (the integrations' TitleMessage). */
export interface PeopleMessage {
  id: string;
  event: 'added' | 'updated' | 'removed';
  titleKind: NotifiedTitleKind;
  displayName: string;
  folderPath: string;
  occurredAt: string;
}

export const peopleMessageSignal = defineSignal<[PeopleMessage]>('titleMessage');

export const peopleDigestWorkflowId = (service: PeoplePlan['service'], libraryId: string) => `people-digest/${service}/${libraryId}`;

export interface PeopleDigestInput {
  plan: PeoplePlan;
  libraryId: string;
  /** Set by continue-as-new: what the previous run had not sent yet, and the message ids it already took. */
  carried?: { pending: PeopleMessage[]; seenIds: string[] };
  maxHistoryEvents?: number;
}

export interface PeopleDigestState {
  service: string;
  libraryId: string;
  pending: number;
  /** Messages sent (a digest counts once) and titles they told of. */
  sent: number;
  titlesSent: number;
  failed: { titles: number; error: string }[];
}

export const peopleDigestStateQuery = defineQuery<PeopleDigestState>('state');
