import { patched } from '@temporalio/workflow';
import { folderChangeOf, passNotification, tellsOnlyPlayersAtOnce } from '../contracts/notify.js';
import type { TitlePipelineInput, TitlePipelineState } from '../contracts/title-pipeline.js';
import type { PendingChanges } from './pending-changes.js';
import type { PipelineActivityProxies } from './title-pipeline-activities.js';
import { notifyThroughChild } from './notify-through-child.js';

/**
 * Runs recorded before it made three activities of identify, enrich and notify (an identifyTitle activity,
 * and a notifyTitle child for every change); a run that has it identifies inside enrichTitle and tells
 * players itself when nobody else is to be told.
 */
const LEAN_PASS = 'lean-title-pipeline-pass';

/**
 * The passes as runs recorded before `title-pass-in-one-activity` made them: the configuration read once by
 * a local activity, then per pass a local activity for its change, enrich and publish as two activities,
 * local activities to describe the title, plan and tell the players, and one to record the pass. Kept so
 * those histories replay; new runs take `runTitlePass` (title-pipeline.ts).
 */
export async function legacyTitlePasses(
  input: TitlePipelineInput,
  state: TitlePipelineState,
  changes: PendingChanges,
  { quick, slow, notifyQuick }: PipelineActivityProxies,
): Promise<void> {
  const title = { kind: input.kind, titleId: input.titleId };
  const lean = patched(LEAN_PASS);

  const config = await quick.loadPhaseConfiguration();
  do {
    const announce = changes.takeAnnounce();
    const pass = await quick.beginPipelinePass(title);
    // A run started for a change that an earlier run published meanwhile has nothing to do. Results
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
    const described = await quick.describeTitle(title);
    const notification = passNotification({
      title,
      described,
      change: { seq: pass.changeSeq, event },
      playerSync: config.playerSync,
      announce,
    });
    if (lean) {
      const plan = await notifyQuick.planNotifications(notification);
      if (tellsOnlyPlayersAtOnce(plan, notification)) {
        const change = folderChangeOf(notification);
        await Promise.all(
          plan.players.map((player) => notifyQuick.queuePlayerRefresh({ plan: player, libraryId: notification.libraryId, change })),
        );
      } else {
        await notifyThroughChild(notification);
      }
    } else {
      await notifyThroughChild(notification);
    }

    await quick.finishPipelinePass({ ...title, seq: pass.changeSeq });
    changes.covered(pass.changeSeq);
  } while (changes.pending());
}
