import path from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import type { DeliveryTargetRepository } from '../db/repositories/delivery-target-repository.js';
import type { DeliveryTargetRow } from '../db/schema/index.js';
import { LocalDestination, type DeliveryDestination } from '../media/deliver.js';
import { RsyncDestination } from '../media/rsync-destination.js';
import { libraryPathFor } from '../requests/media-names.js';
import type { EpisodeMedia, MovieMedia } from '../workflows/request-definitions.js';

export interface DeliveryActivityDeps {
  targets: DeliveryTargetRepository;
}

export interface DeliveryOutcome {
  paths: string[];
  /** Folders to hand to their library's pipeline. */
  refreshes: { libraryId: string; folderPath: string }[];
}

function destinationFor(target: DeliveryTargetRow): DeliveryDestination {
  switch (target.kind) {
    case 'local':
      return new LocalDestination(target.path);
    case 'rsync':
      return new RsyncDestination(target.path);
  }
}

/** Copies the finished file to every target under its Kodi/Plex name, verified by checksum. */
export function createDeliveryActivities({ targets }: DeliveryActivityDeps) {
  return {
    async deliverItem(input: { itemId: string; file: string; targetIds: string[]; media: EpisodeMedia | MovieMedia }): Promise<DeliveryOutcome> {
      const rows = await targets.getMany(input.targetIds);
      const missing = input.targetIds.filter((id) => !rows.some((r) => r.id === id));
      if (missing.length > 0) throw ApplicationFailure.nonRetryable(`Delivery target(s) ${missing.join(', ')} no longer exist`, 'TargetMissing');
      const named = libraryPathFor(input.media.kind === 'episode' ? { ...input.media, kind: 'episode' } : input.media, path.extname(input.file));
      const outcome: DeliveryOutcome = { paths: [], refreshes: [] };
      for (const target of rows) {
        const destination = destinationFor(target);
        const { location } = await destination.put(input.file, named.file);
        outcome.paths.push(location);
        if (target.libraryId) outcome.refreshes.push({ libraryId: target.libraryId, folderPath: destination.locate(named.titleFolder) });
      }
      return outcome;
    },
  };
}

export type DeliveryActivities = ReturnType<typeof createDeliveryActivities>;
