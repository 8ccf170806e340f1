import type { BlocklistRepository } from '../db/repositories/blocklist-repository.js';
import type { ReleaseCandidate } from '../db/schema/index.js';
import { releaseGuid } from '../contracts/request.js';

export interface BlocklistActivityDeps {
  blocklist: Pick<BlocklistRepository, 'record'>;
}

/** Puts a release a person rejected on the blocklist, which every later search of every item honours. */
export function createBlocklistActivities({ blocklist }: BlocklistActivityDeps) {
  return {
    /** Idempotent: a retried attempt finds the row its first attempt wrote (one per item and release). */
    async blocklistRelease(input: {
      itemId: string;
      requestId: string;
      release: ReleaseCandidate;
      reason: string;
    }): Promise<{ id: string }> {
      const { release } = input;
      const row = await blocklist.record({
        guid: releaseGuid(release),
        indexer: release.indexer,
        infoHash: release.infoHash ?? null,
        title: release.title,
        itemId: input.itemId,
        requestId: input.requestId,
        reason: input.reason,
      });
      return { id: row.id };
    },
  };
}

export type BlocklistActivities = ReturnType<typeof createBlocklistActivities>;
