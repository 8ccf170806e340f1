import { patched, setHandler } from '@temporalio/workflow';
import {
  titleChangedSignal,
  titlePipelineStateQuery,
  type TitlePipelineInput,
  type TitlePipelineState,
} from '../contracts/title-pipeline.js';
import { checkWorkflowInput, titleIdInput } from '../contracts/workflow-input.js';
import { notifyThroughChild } from './notify-through-child.js';
import { PendingChanges } from './pending-changes.js';
import { pipelineActivityProxies } from './title-pipeline-activities.js';
import { legacyTitlePasses } from './title-pipeline-legacy.js';

/**
 * Runs recorded before it made each pass several activities and local activities (title-pipeline-legacy.ts);
 * a run that has it makes each pass one activity.
 */
const PASS_IN_ONE_ACTIVITY = 'title-pass-in-one-activity';

/**
 * One title through the library pipeline, in passes. Each pass is one activity (runTitlePass): the change it
 * publishes → identify a title without ids → enrich (fetch, merge, cast, artwork) → publish (NFO, artwork,
 * actors) → tell the players → record the change published. When people, or players after a delay, are to
 * be told, the notifyTitle child does it (its retries and timers in a history of their own) and the pass is
 * recorded after it. A change signalled while a pass runs gets one more pass; one an earlier pass covered
 * gets none.
 */
async function titlePipeline(input: TitlePipelineInput): Promise<TitlePipelineState> {
  const state: TitlePipelineState = { phase: 'starting', passes: 0 };
  setHandler(titlePipelineStateQuery, () => state);
  const changes = new PendingChanges(input.change);
  setHandler(titleChangedSignal, (change) => changes.add(change));
  const activities = pipelineActivityProxies(input.priority);

  if (!patched(PASS_IN_ONE_ACTIVITY)) {
    await legacyTitlePasses(input, state, changes, activities);
  } else {
    const title = { kind: input.kind, titleId: input.titleId };
    do {
      state.phase = 'enrich';
      const pass = await activities.slow.runTitlePass({
        ...title,
        priority: input.priority,
        announce: changes.takeAnnounce(),
        forChange: input.change !== undefined,
      });
      if (!pass.covered) {
        state.passes++;
        state.publishingSeq = pass.changeSeq;
        state.identification = pass.identification;
        if (pass.enriched) state.enriched = pass.enriched;
        state.published = pass.published;
        if (pass.notification) {
          state.phase = 'notify';
          await notifyThroughChild(pass.notification);
          await activities.quick.finishPipelinePass({ ...title, seq: pass.changeSeq });
        }
      }
      changes.covered(pass.changeSeq);
    } while (changes.pending());
  }

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
