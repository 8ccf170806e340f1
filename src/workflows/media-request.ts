import { CancellationScope, executeChild, isCancellation, proxyActivities, setHandler } from '@temporalio/workflow';
import type { RequestItemActivities } from '../activities/request-items.js';
import { episodePipeline } from './episode-pipeline.js';
import { VisibleState } from './visible-state.js';
import {
  itemWorkflowId,
  mediaRequestInputSchema,
  requestStateQuery,
  type MediaRequestInput,
  type MediaRequestState,
} from '../contracts/request.js';
import { rootMessage } from '../contracts/failures.js';
import { ReelflowStatus } from '../contracts/search-attributes.js';
import { startSearchAttributes } from '../contracts/workflows.js';
import { checkWorkflowInput } from '../contracts/workflow-input.js';

const { planRequestItems, recordRequestStatus, concludeRequest } = proxyActivities<RequestItemActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumAttempts: 5 },
});

/**
 * A request: expand it into processing items (one per episode from the provider's season data, or the
 * movie) → run one episodePipeline child per item → conclude COMPLETED, PARTIAL, FAILED or CANCELLED.
 */
export async function mediaRequest(untrusted: MediaRequestInput): Promise<MediaRequestState & { status: string }> {
  const input = checkWorkflowInput('mediaRequest', mediaRequestInputSchema, untrusted);
  const state: MediaRequestState = { requestId: input.requestId, phase: 'planning', itemIds: [] };
  setHandler(requestStateQuery, () => state);
  const visible = new VisibleState();
  const showStatus = (status: string) => visible.show(ReelflowStatus, status);

  await recordRequestStatus({ requestId: input.requestId, status: 'PROCESSING' });
  showStatus('PROCESSING');
  let planned;
  try {
    planned = await planRequestItems({ requestId: input.requestId });
  } catch (error) {
    state.phase = 'failed';
    const status = isCancellation(error) ? 'CANCELLED' : 'FAILED';
    await CancellationScope.nonCancellable(() => recordRequestStatus({ requestId: input.requestId, status, error: rootMessage(error) }));
    showStatus(status);
    return { ...state, status };
  }
  state.itemIds = planned.map((p) => p.itemId);
  state.phase = 'running';
  // Each item ends COMPLETED or CANCELLED; a failed one waits inside its own workflow for a person. A cancelled
  // request reaches every child, and the request concludes only once each has cleaned up. Each item reads its
  // durations from the worker's configuration itself.
  const settled = await Promise.allSettled(
    planned.map((item) =>
      executeChild(episodePipeline, {
        workflowId: itemWorkflowId(item.itemId),
        args: [item],
        typedSearchAttributes: startSearchAttributes('episodePipeline', item),
      }),
    ),
  );
  const broken = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !isCancellation(s.reason));
  if (broken) throw broken.reason;
  const status = await CancellationScope.nonCancellable(() => concludeRequest({ requestId: input.requestId }));
  state.phase = 'done';
  showStatus(status);
  return { ...state, status };
}
