import type { TitleImportInput, TitleImportResult } from '../contracts/title-pipeline.js';
import { checkWorkflowInput, titleImportInput } from '../contracts/workflow-input.js';
import { notifyThroughChild } from './notify-through-child.js';
import { pipelineActivityProxies } from './title-pipeline-activities.js';

/**
 * A scan batch's new titles through the library pipeline together: one activity makes each title's pass
 * (enrich → publish → tell the players → record), so a first import of thousands of titles is a workflow per
 * hundred titles rather than one per title. A title whose people are to be told gets its notifyTitle child
 * here, then its pass is recorded; a title whose pass failed was handed to a pipeline run of its own.
 */
export async function titleImport(input: TitleImportInput): Promise<TitleImportResult> {
  checkWorkflowInput('titleImport', titleImportInput, input);
  const { slow, quick } = pipelineActivityProxies('background');

  const imported = await slow.importTitles(input);
  await Promise.all(
    imported.toAnnounce.map(async (title) => {
      await notifyThroughChild(title.notification);
      await quick.finishPipelinePass({ kind: title.kind, titleId: title.titleId, seq: title.seq });
    }),
  );
  return {
    published: imported.published + imported.toAnnounce.length,
    skipped: imported.skipped,
    handedOn: imported.handedOn,
    announced: imported.toAnnounce.length,
  };
}
