import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { Database } from '../../db/client.js';
import { BlocklistRepository } from '../../db/repositories/blocklist-repository.js';
import { EventRepository } from '../../db/repositories/event-repository.js';
import { RequestRepository } from '../../db/repositories/request-repository.js';
import { EventRecorder } from '../../events/event-recorder.js';
import type { ProcessingItemStatus } from '../../db/schema/index.js';
import {
  ENDABLE_WAITS,
  approveUpdate,
  cancelUpdate,
  endWaitSignal,
  episodeStateQuery,
  itemWorkflowId,
  rejectUpdate,
  releaseGuid,
  retryUpdate,
  selectReleaseUpdate,
} from '../../contracts/request.js';
import { rootMessage } from '../../contracts/failures.js';
import { UPGRADE_WAIT, itemUpgradeStateQuery, itemUpgradeWorkflowId } from '../../contracts/item-upgrade.js';
import { ConflictError, NotFoundError } from '../service-errors.js';

const EVENT_OF = { approved: 'item.approved', rejected: 'item.rejected', selected: 'item.release-selected' } as const;
const SUMMARY_OF = { approved: 'Approved', rejected: 'Rejected', selected: 'Release chosen' } as const;

/** What an item is after a decision. */
export interface ItemDecision {
  itemId: string;
  status: ProcessingItemStatus;
}

/**
 * A person's decisions on one item, each a Temporal update: the workflow's validator refuses a decision
 * the item cannot take (approving what does not wait for approval, retrying what did not fail), which
 * becomes a ConflictError with the workflow's reason. An item whose pipeline ended takes none.
 */
export class ItemService {
  private readonly requests: RequestRepository;
  private readonly events: EventRecorder;
  private readonly blocklist: BlocklistRepository;

  constructor(
    db: Database,
    private readonly temporal: Client,
  ) {
    this.requests = new RequestRepository(db);
    this.events = new EventRecorder(new EventRepository(db), this.requests);
    this.blocklist = new BlocklistRepository(db);
  }

  /** Approves the release found for the item; the history records who decided. */
  async approve(itemId: string): Promise<ItemDecision> {
    const release = (await this.requests.getItem(itemId))?.selectedRelease?.title;
    const decision = await this.decide(itemId, (h) => h.executeUpdate(approveUpdate));
    await this.recordDecision(itemId, 'approved', release);
    return decision;
  }

  /** Rejects the release found; the next acceptable one is looked for. */
  async reject(itemId: string, reason?: string): Promise<ItemDecision> {
    // Read before: rejecting clears the item's release.
    const release = (await this.requests.getItem(itemId))?.selectedRelease?.title;
    const decision = await this.decide(itemId, (h) => h.executeUpdate(rejectUpdate, { args: [{ reason }] }));
    await this.recordDecision(itemId, 'rejected', release, reason);
    return decision;
  }

  /**
   * Chooses one of the item's releases by its guid: at the approval wait it becomes the approved release,
   * during the wait for the next search it is taken at once; either way the item goes on to download it.
   */
  async selectRelease(itemId: string, guid: string): Promise<ItemDecision> {
    const release = (await this.requests.getItem(itemId))?.availableReleases.find((r) => releaseGuid(r) === guid);
    // The item's search marked what was blocklisted then; this also refuses what was blocklisted since.
    if (release && (await this.blocklist.matching([{ guid, indexer: release.indexer, infoHash: release.infoHash ?? null }])).length > 0)
      throw new ConflictError(`guid: release "${release.title}" is blocklisted`);
    const decision = await this.decide(itemId, (h) => h.executeUpdate(selectReleaseUpdate, { args: [{ guid }] }));
    await this.recordDecision(itemId, 'selected', release?.title);
    return decision;
  }

  /** Retries a FAILED item from the step that failed. */
  retry(itemId: string): Promise<ItemDecision> {
    return this.decide(itemId, (h) => h.executeUpdate(retryUpdate));
  }

  /**
   * Cancels the item: its torrent and temporary files are removed. A delivered item looking for an upgrade
   * stops looking and keeps its delivered file (an upgrade being downloaded or encoded is removed).
   */
  cancel(itemId: string): Promise<ItemDecision> {
    return this.decide(itemId, (h) => h.executeUpdate(cancelUpdate), { upgrade: (h) => h.executeUpdate(cancelUpdate) });
  }

  /** Ends the wait for an air date, for the next search or for the next upgrade search, and searches now. */
  searchNow(itemId: string): Promise<ItemDecision> {
    const upgrade = async (h: WorkflowHandle): Promise<ItemDecision> => {
      const state = await h.query(itemUpgradeStateQuery);
      if (state.waitingFor !== UPGRADE_WAIT) throw new ConflictError('Item is taking an upgrade: there is no upgrade search wait to end');
      await h.signal(endWaitSignal);
      return { itemId: state.itemId, status: 'COMPLETED' };
    };
    return this.decide(
      itemId,
      async (h) => {
        // A signal, as the wait is a timer the workflow may end at any moment; the query says whether there is one to end.
        const state = await h.query(episodeStateQuery);
        if (!state.waitingFor || !ENDABLE_WAITS.includes(state.waitingFor)) {
          throw new ConflictError(
            `Item is ${state.status}${state.waitingFor ? `, waiting for ${state.waitingFor}` : ''}: there is no air date or search wait to end`,
          );
        }
        await h.signal(endWaitSignal);
        return { itemId: state.itemId, status: state.status };
      },
      { upgrade },
    );
  }

  /** A person's decision goes into the history once the pipeline took it. */
  private async recordDecision(
    itemId: string,
    decision: 'approved' | 'rejected' | 'selected',
    release: string | undefined,
    reason?: string,
  ): Promise<void> {
    const item = await this.requests.describeItem(itemId);
    if (!item) return;
    await this.events.record({
      type: EVENT_OF[decision],
      requestId: item.requestId,
      itemId,
      summary: `${SUMMARY_OF[decision]} by a person: ${item.name}${release ? `: ${release}` : ''}${reason ? ` (${reason})` : ''}`,
      data: { ...(release ? { release } : {}), ...(reason ? { reason } : {}) },
    });
  }

  /** `upgrade`: what the decision does to an item looking for an upgrade (its itemUpgrade workflow); without it, refused. */
  private async decide(
    itemId: string,
    send: (handle: WorkflowHandle) => Promise<ItemDecision>,
    { upgrade }: { upgrade?: (handle: WorkflowHandle) => Promise<ItemDecision> } = {},
  ): Promise<ItemDecision> {
    const item = await this.requests.getItem(itemId);
    if (!item) throw new NotFoundError('Item');
    const upgrading = item.upgradeUntil !== null;
    if (upgrading && !upgrade) throw new ConflictError(`Item is ${item.status}, looking for an upgrade: only cancel and search-now apply`);
    if (!upgrading && (item.status === 'COMPLETED' || item.status === 'CANCELLED'))
      throw new ConflictError(`Item is ${item.status}: its pipeline has ended`);
    try {
      if (upgrading) return await upgrade!(this.temporal.workflow.getHandle(itemUpgradeWorkflowId(itemId)));
      return await send(this.temporal.workflow.getHandle(itemWorkflowId(itemId)));
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw new ConflictError(rootMessage(error.cause ?? error));
      if (error instanceof WorkflowNotFoundError) throw new ConflictError('Item has no running pipeline');
      throw error;
    }
  }
}
