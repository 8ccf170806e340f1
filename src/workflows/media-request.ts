import {
  CancellationScope,
  continueAsNew,
  executeChild,
  getExternalWorkflowHandle,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import type { RequestItemActivities } from '../activities/request-items.js';
import { episodePipeline } from './episode-pipeline.js';
import { historyIsLong } from './history.js';
import { VisibleState } from './visible-state.js';
import {
  airDateChangedSignal,
  itemWorkflowId,
  mediaRequestInputSchema,
  requestStateQuery,
  type EpisodePipelineInput,
  type MediaRequestInput,
  type MediaRequestState,
} from '../contracts/request.js';
import { rootMessage } from '../contracts/failures.js';
import { ReelflowStatus } from '../contracts/search-attributes.js';
import { startSearchAttributes } from '../contracts/workflows.js';
import { checkWorkflowInput } from '../contracts/workflow-input.js';

const { planRequestItems, recordRequestStatus, concludeRequest, replanRequestItems } = proxyActivities<RequestItemActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumAttempts: 5 },
});
// One row read: retried until it answers (or the request is cancelled), as the items already run by then.
const { requestWatch } = proxyActivities<RequestItemActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

/** Runs recorded before a request watched its seasons replay without the watch. */
const REQUEST_MONITORING_PATCH = 'request-monitoring';

type PlannedItem = Omit<EpisodePipelineInput, 'timings'>;

/**
 * A request: expand it into processing items (one per episode from the provider's season data, or the
 * movie) → run one episodePipeline child per item → conclude COMPLETED, PARTIAL, FAILED or CANCELLED.
 * A watched TV request (its `monitor`) meanwhile sleeps its cadence and re-plans: new episodes get their
 * own children, moved air dates reach the items still waiting for them. It concludes once the provider
 * calls the show ended and no child runs, or when it is cancelled; until then it stays PROCESSING.
 */
export async function mediaRequest(untrusted: MediaRequestInput): Promise<MediaRequestState & { status: string }> {
  const input = checkWorkflowInput('mediaRequest', mediaRequestInputSchema, untrusted);
  const state: MediaRequestState = { requestId: input.requestId, phase: 'planning', itemIds: Object.keys(input.known ?? {}) };
  setHandler(requestStateQuery, () => state);
  const visible = new VisibleState();
  const showStatus = (status: string) => visible.show(ReelflowStatus, status);
  const children = new Children(state);

  if (!input.known) {
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
    // Each item ends COMPLETED or CANCELLED; a failed one waits inside its own workflow for a person. A cancelled
    // request reaches every child, and the request concludes only once each has cleaned up. Each item reads its
    // durations from the worker's configuration itself.
    state.phase = 'running';
    for (const item of planned) children.start(item);
    if (patched(REQUEST_MONITORING_PATCH)) await watchSeasons(input, children);
  } else {
    // Continued as new while watching: every item of the previous run had finished, the status is PROCESSING.
    for (const [itemId, airDate] of Object.entries(input.known)) children.known.set(itemId, airDate);
    state.phase = 'running';
    await watchSeasons(input, children);
  }

  const settled = await Promise.allSettled(children.all);
  const broken = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !isCancellation(s.reason));
  if (broken) throw broken.reason;
  const status = await CancellationScope.nonCancellable(() => concludeRequest({ requestId: input.requestId }));
  state.phase = 'done';
  showStatus(status);
  return { ...state, status };
}

/** The request's items: the ones it knows (with the air date each was last told) and the children still running. */
class Children {
  readonly known = new Map<string, string | null>();
  readonly all: Promise<unknown>[] = [];
  running = 0;

  constructor(private readonly state: MediaRequestState) {}

  /** Starts the item's pipeline; an item already known (a repeated answer) starts nothing. */
  start(item: PlannedItem): void {
    if (this.known.has(item.itemId)) return;
    this.known.set(item.itemId, item.airDate);
    if (!this.state.itemIds.includes(item.itemId)) this.state.itemIds.push(item.itemId);
    this.running++;
    const child = executeChild(episodePipeline, {
      workflowId: itemWorkflowId(item.itemId),
      args: [item],
      typedSearchAttributes: startSearchAttributes('episodePipeline', item),
    });
    this.all.push(child);
    void child.then(
      () => this.running--,
      () => this.running--,
    );
  }

  /** Tells an item its new air date; one that has finished meanwhile has nothing to wait for. */
  async moveAirDate(itemId: string, airDate: string | null): Promise<void> {
    this.known.set(itemId, airDate);
    try {
      await getExternalWorkflowHandle(itemWorkflowId(itemId)).signal(airDateChangedSignal, { airDate });
    } catch (error) {
      if (isCancellation(error)) throw error;
    }
  }

  knownItems(): Record<string, string | null> {
    return Object.fromEntries(this.known);
  }
}

/**
 * The watch: durable timers, no poller. Sleep the cadence, re-plan, start what is new, tell what moved; until
 * the provider calls the show ended (then only the running items are waited for), or the request is
 * cancelled (its children are cancelled with it). A re-plan that fails (a provider down for longer than its
 * retries) is tried again at the next cadence. A long history continues as new, carrying the known items,
 * once no child runs: a running child belongs to this run.
 */
async function watchSeasons(input: MediaRequestInput, children: Children): Promise<void> {
  const { requestId } = input;
  try {
    const watch = await requestWatch({ requestId });
    if (watch.monitor === 'none' || watch.showEnded) return;
    for (;;) {
      await sleep(watch.cadenceMs);
      const replan = await replanRequestItems({ requestId, known: children.knownItems() }).catch((error: unknown) => {
        if (isCancellation(error)) throw error;
        return undefined;
      });
      for (const item of replan?.added ?? []) children.start(item);
      for (const { itemId, airDate } of replan?.moved ?? []) await children.moveAirDate(itemId, airDate);
      if (replan?.showEnded) return;
      if (children.running === 0 && historyIsLong(input.maxHistoryEvents))
        await continueAsNew<typeof mediaRequest>({ ...input, known: children.knownItems() });
    }
  } catch (error) {
    // Cancelled: the children are cancelled with the request, which concludes once they have cleaned up.
    if (!isCancellation(error)) throw error;
  }
}
