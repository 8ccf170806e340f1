import type { FolderChange, PlayerPlan } from '../contracts/notify.js';
import type { PipelineTitleKind } from '../contracts/title-pipeline.js';
import type { TitleChangeRepository } from '../db/repositories/title-change-repository.js';
import type { NotifyActivities } from './notify.js';

/** Titles an import hands its players at once: one signal per player for this many titles. */
const PLAYER_HAND_OFF_TITLES = 25;

/**
 * The players' side of an import's passes: folder changes gathered per player and handed over in one signal
 * each, then those passes recorded in one statement. Until then a pass is not recorded, so an attempt that
 * dies in between redoes it, and the player workflow takes a repeated folder change once.
 */
export class PlayerHandOffs {
  private pending: {
    title: { kind: PipelineTitleKind; titleId: string; seq: number };
    libraryId: string;
    players: PlayerPlan[];
    change: FolderChange;
  }[] = [];
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly notifications: Pick<NotifyActivities, 'queuePlayerRefreshes'>,
    private readonly changes: TitleChangeRepository,
    private readonly every = PLAYER_HAND_OFF_TITLES,
  ) {}

  async add(
    title: { kind: PipelineTitleKind; titleId: string; seq: number },
    libraryId: string,
    players: PlayerPlan[],
    change: FolderChange,
  ): Promise<void> {
    this.pending.push({ title, libraryId, players, change });
    if (this.pending.length >= this.every) await this.flush();
  }

  /** Hands over what is gathered; one hand-off at a time, in the order the passes finished. */
  flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => this.handOver(batch));
    return this.flushing;
  }

  private async handOver(batch: PlayerHandOffs['pending']): Promise<void> {
    if (batch.length === 0) return;
    const byPlayer = new Map<string, { plan: PlayerPlan; libraryId: string; changes: FolderChange[] }>();
    for (const { libraryId, players, change } of batch) {
      for (const plan of players) {
        const key = `${JSON.stringify(plan.target)}\u0000${libraryId}`;
        const entry = byPlayer.get(key) ?? byPlayer.set(key, { plan, libraryId, changes: [] }).get(key)!;
        entry.changes.push(change);
      }
    }
    await Promise.all([...byPlayer.values()].map((entry) => this.notifications.queuePlayerRefreshes(entry)));
    for (const kind of ['movie', 'show'] as const) {
      await this.changes.markManyPublished(
        kind,
        batch.filter((p) => p.title.kind === kind).map((p) => ({ titleId: p.title.titleId, seq: p.title.seq })),
      );
    }
  }
}
