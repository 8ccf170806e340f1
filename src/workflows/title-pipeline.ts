import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { executeChild, patched, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { NotifyActivities } from '../activities/notify.js';
import type { PipelineActivities } from '../activities/pipeline.js';
import { folderChangeOf, notifyTitleWorkflowId, type NotifyTitleInput } from '../contracts/notify.js';
import { priorityKeys } from '../contracts/providers.js';
import {
  titleChangedSignal,
  titlePipelineStateQuery,
  type PhaseConfiguration,
  type TitleChange,
  type TitleEvent,
  type TitlePipelineInput,
  type TitlePipelineState,
} from '../contracts/title-pipeline.js';
import { startSearchAttributes } from '../contracts/workflows.js';
import { pipelineTaskQueue } from '../contracts/task-queues.js';
import { checkWorkflowInput, titleIdInput } from '../contracts/workflow-input.js';
import { notifyTitle } from './notify-title.js';
import { TITLE_NOT_FOUND } from '../contracts/failures.js';

function activitiesFor(input: TitlePipelineInput) {
  const priority = { priorityKey: priorityKeys[input.priority] };
  return {
    // One indexed read each: run in the workflow's own worker as local activities, which saves a server
    // round trip and history events on the path a webhook waits on.
    quick: proxyLocalActivities<PipelineActivities>({
      startToCloseTimeout: '30 seconds',
      retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10, nonRetryableErrorTypes: [TITLE_NOT_FOUND] },
    }),
    // The notification plan and the players' signal-with-start: a read and a call to the Temporal server.
    notifyQuick: proxyLocalActivities<NotifyActivities>({
      startToCloseTimeout: '15 seconds',
      retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
    }),
    // Provider fetches wait behind the provider queues' rate limits; downloads take their time.
    slow: proxyActivities<PipelineActivities>({
      taskQueue: pipelineTaskQueue(workflowInfo().taskQueue),
      // Long (a cold enrichment waits on rate-limited providers and downloads artwork) but heartbeating every
      // few seconds: a worker that dies mid-phase is noticed within the heartbeat timeout, not half an hour.
      startToCloseTimeout: '30 minutes',
      heartbeatTimeout: '20 seconds',
      priority,
      retry: { initialInterval: '2 seconds', maximumInterval: '2 minutes', maximumAttempts: 10, nonRetryableErrorTypes: [TITLE_NOT_FOUND] },
    }),
  };
}

/**
 * Runs recorded before it made three activities of identify, enrich and notify (an identifyTitle activity,
 * and a notifyTitle child for every change); a run that has it identifies inside enrichTitle and tells
 * players itself when nobody else is to be told (`notify` below).
 */
const LEAN_PASS = 'lean-title-pipeline-pass';

/**
 * One title through the library pipeline, in passes: read the phase configuration once → enrich (identify
 * when the title has no ids yet, fetch, merge, cast, artwork) → publish (NFO, artwork, actors) → notify
 * (players, and people through a child whose retries and delay live in its own history) → record the change
 * published. A change signalled while a pass runs gets one more pass; one an earlier pass covered gets none.
 */
async function titlePipeline(input: TitlePipelineInput): Promise<TitlePipelineState> {
  const state: TitlePipelineState = { phase: 'starting', passes: 0 };
  setHandler(titlePipelineStateQuery, () => state);
  const changes = new PendingChanges(input.change);
  setHandler(titleChangedSignal, (change) => changes.add(change));
  const { quick, slow, notifyQuick } = activitiesFor(input);
  const title = { kind: input.kind, titleId: input.titleId };
  const lean = patched(LEAN_PASS);

  const config = await quick.loadPhaseConfiguration();
  do {
    const announce = changes.takeAnnounce();
    const pass = await quick.beginPipelinePass(title);
    // A run started for a change that an earlier run published meanwhile (a hand-off read the title just
    // before that run recorded it, then started this one after it closed) has nothing to do. Results
    // recorded before publishedSeq existed lack it and keep making their pass.
    if (input.change && pass.publishedSeq !== undefined && pass.publishedSeq >= pass.changeSeq) {
      changes.covered(pass.changeSeq);
      continue;
    }
    state.publishingSeq = pass.changeSeq;
    state.passes++;

    state.phase = 'enrich';
    if (lean) {
      const { identification, ...enriched } = await slow.enrichTitle({
        ...title,
        config: config.enrichment,
        priority: input.priority,
        identify: true,
      });
      state.identification = identification;
      if (identification.status === 'identified') state.enriched = enriched;
    } else {
      state.identification = await slow.identifyTitle(title);
      if (state.identification.status === 'identified') {
        state.enriched = await slow.enrichTitle({ ...title, config: config.enrichment, priority: input.priority });
      }
    }

    state.phase = 'publish';
    const event = pass.published ? 'updated' : 'added';
    state.published = await slow.publishTitle({
      ...title,
      config: config.publish,
      scanConfig: config.scan,
      change: { seq: pass.changeSeq, event },
    });

    state.phase = 'notify';
    await notifyOnce({
      input,
      config,
      event,
      seq: pass.changeSeq,
      announce,
      describe: () => quick.describeTitle(title),
      ...(lean ? { notify: notifyQuick } : {}),
    });

    await quick.finishPipelinePass({ ...title, seq: pass.changeSeq });
    changes.covered(pass.changeSeq);
  } while (changes.pending());

  state.phase = 'completed';
  return state;
}

/**
 * Tells players and people of one published change. People, and players told after a delay, go through a
 * notifyTitle child: its id names the change (notify/<kind>/<id>/change-<seq>) and a closed one is never
 * started again, so the same change is announced once even if a pass for it ran twice, and its sends retry
 * for their window in a history of their own. When only players are told, at once (a first import, a
 * webhook's folder), the pass hands the folder to each player's workflow itself: the same signal the child
 * would send (the player workflow takes a repeated notification key once), without a workflow per title.
 */
async function notifyOnce(args: {
  input: TitlePipelineInput;
  config: PhaseConfiguration;
  event: TitleEvent;
  seq: number;
  announce: boolean;
  describe: () => Promise<{ libraryId: string; displayName: string; folderPath: string }>;
  notify?: Pick<NotifyActivities, 'planNotifications' | 'queuePlayerRefresh'>;
}): Promise<void> {
  const described = await args.describe();
  const notification: NotifyTitleInput = {
    libraryId: described.libraryId,
    titleKind: args.input.kind,
    titleId: args.input.titleId,
    displayName: described.displayName,
    folderPath: described.folderPath,
    event: args.event,
    playerSync: args.config.playerSync,
    notificationKey: `change-${args.seq}`,
    ...(args.announce ? {} : { announce: false }),
  };
  if (args.notify) {
    const plan = await args.notify.planNotifications(notification);
    const delayed = plan.players.length > 0 && notification.playerSync.delaySeconds > 0;
    if (plan.people.length === 0 && !delayed) {
      const change = folderChangeOf(notification);
      await Promise.all(
        plan.players.map((player) => args.notify!.queuePlayerRefresh({ plan: player, libraryId: notification.libraryId, change })),
      );
      return;
    }
  }
  try {
    await executeChild(notifyTitle, {
      workflowId: notifyTitleWorkflowId(notification),
      args: [notification],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: startSearchAttributes('notifyTitle', notification),
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** The changes signalled to a run: the highest change_seq asked for, and whether any of them is to be announced. */
class PendingChanges {
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

export async function moviePipeline(input: TitlePipelineInput): Promise<TitlePipelineState> {
  checkWorkflowInput('moviePipeline', titleIdInput, input);
  return titlePipeline({ ...input, kind: 'movie' });
}

export async function showPipeline(input: TitlePipelineInput): Promise<TitlePipelineState> {
  checkWorkflowInput('showPipeline', titleIdInput, input);
  return titlePipeline({ ...input, kind: 'show' });
}
