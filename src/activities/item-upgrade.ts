import { ApplicationFailure } from '@temporalio/activity';
import type { QualityProfileRepository } from '../db/repositories/quality-profile-repository.js';
import type { RequestRepository } from '../db/repositories/request-repository.js';
import type { ReleaseCandidate } from '../db/schema/index.js';
import { meetsPreferredQuality } from '../requests/quality-decision.js';
import { PROFILE_MISSING } from '../contracts/failures.js';

export interface ItemUpgradeActivityDeps {
  profiles: Pick<QualityProfileRepository, 'get'>;
  requests: Pick<RequestRepository, 'transition'>;
}

/** What the profile says of the delivered release, and which of a search's accepted releases are upgrades. */
export interface UpgradeJudgement {
  deliveredMet: boolean;
  /** The accepted releases that meet the profile's preferred quality, best first. */
  upgrades: ReleaseCandidate[];
}

/** The upgrade's own bookkeeping beside the pipeline's search, download, encode and delivery activities. */
export function createItemUpgradeActivities({ profiles, requests }: ItemUpgradeActivityDeps) {
  return {
    /** Read for every judgement: a person may change the profile while an item looks for an upgrade. */
    async judgeUpgrade(input: {
      qualityProfileId: string;
      delivered: Pick<ReleaseCandidate, 'resolution'> | null;
      accepted: ReleaseCandidate[];
    }): Promise<UpgradeJudgement> {
      const profile = await profiles.get(input.qualityProfileId);
      if (!profile) throw ApplicationFailure.nonRetryable(`Quality profile ${input.qualityProfileId} does not exist`, PROFILE_MISSING);
      return {
        deliveredMet: input.delivered !== null && meetsPreferredQuality(input.delivered, profile),
        upgrades: input.accepted.filter((release) => meetsPreferredQuality(release, profile)),
      };
    },

    /**
     * The delivered item (COMPLETED) as it waits for an upgrade, or stops waiting (`upgradeUntil` null). No
     * history event: the item's status does not change for anyone looking at the request.
     */
    async recordUpgradeWait(input: {
      itemId: string;
      upgradeUntil: string | null;
      qualityMet?: boolean;
      lastError?: string | null;
    }): Promise<void> {
      await requests.transition(input.itemId, 'COMPLETED', {
        upgradeUntil: input.upgradeUntil === null ? null : new Date(input.upgradeUntil),
        ...(input.qualityMet !== undefined ? { qualityMet: input.qualityMet } : {}),
        ...(input.lastError !== undefined ? { lastError: input.lastError } : {}),
      });
    },
  };
}

export type ItemUpgradeActivities = ReturnType<typeof createItemUpgradeActivities>;
