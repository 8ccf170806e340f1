import { executeChild, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { PipelineActivities } from '../activities/pipeline.js';
import { notifyTitleWorkflowId, notifyTitleWorkflowType, type NotifyTitleInput } from './notify-definitions.js';
import { priorityKeys } from './provider-definitions.js';
import { pipelineTaskQueue, titlePipelineStateQuery, type TitlePipelineInput, type TitlePipelineState } from './title-pipeline-definitions.js';
import { checkWorkflowInput, titleIdInput } from './workflow-input.js';

function activitiesFor(input: TitlePipelineInput) {
  const priority = { priorityKey: priorityKeys[input.priority] };
  return {
    // One indexed read each: run in the workflow's own worker as local activities, which saves a server
    // round trip and history events on the path a webhook waits on.
    quick: proxyLocalActivities<PipelineActivities>({
      startToCloseTimeout: '1 minute',
      retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10, nonRetryableErrorTypes: ['TitleNotFound'] },
    }),
    // Provider fetches wait behind the provider queues' rate limits; downloads take their time.
    slow: proxyActivities<PipelineActivities>({
      taskQueue: pipelineTaskQueue(workflowInfo().taskQueue),
      startToCloseTimeout: '30 minutes',
      heartbeatTimeout: '2 minutes',
      priority,
      retry: { initialInterval: '2 seconds', maximumInterval: '2 minutes', maximumAttempts: 10, nonRetryableErrorTypes: ['TitleNotFound'] },
    }),
  };
}

/**
 * One title through the library pipeline: read the phase configuration once → enrich (identify, fetch,
 * merge, cast, artwork) → publish (NFO, artwork, actors) → notify (players and people, as a child so its
 * retries and delay live in its own history).
 */
async function titlePipeline(input: TitlePipelineInput): Promise<TitlePipelineState> {
  const state: TitlePipelineState = { phase: 'starting' };
  setHandler(titlePipelineStateQuery, () => state);
  const { quick, slow } = activitiesFor(input);
  const title = { kind: input.kind, titleId: input.titleId };

  const config = await quick.loadPhaseConfiguration();

  state.phase = 'enrich';
  state.identification = await slow.identifyTitle(title);
  if (state.identification.status === 'identified') {
    state.enriched = await slow.enrichTitle({ ...title, config: config.enrichment, priority: input.priority });
  }

  state.phase = 'publish';
  state.published = await slow.publishTitle({ ...title, config: config.publish, scanConfig: config.scan });

  state.phase = 'notify';
  const described = await quick.describeTitle(title);
  const notification: NotifyTitleInput = {
    libraryId: described.libraryId,
    titleKind: input.kind,
    titleId: input.titleId,
    displayName: described.displayName,
    folderPath: described.folderPath,
    event: input.event,
    playerSync: config.playerSync,
    notificationKey: workflowInfo().runId,
    ...(input.announce === false ? { announce: false } : {}),
  };
  await executeChild(notifyTitleWorkflowType, { workflowId: notifyTitleWorkflowId(notification), args: [notification] });

  state.phase = 'completed';
  return state;
}

export async function moviePipeline(input: TitlePipelineInput): Promise<TitlePipelineState> {
  checkWorkflowInput('moviePipeline', titleIdInput, input);
  return titlePipeline({ ...input, kind: 'movie' });
}

export async function showPipeline(input: TitlePipelineInput): Promise<TitlePipelineState> {
  checkWorkflowInput('showPipeline', titleIdInput, input);
  return titlePipeline({ ...input, kind: 'show' });
}
