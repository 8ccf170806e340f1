import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import type { DeliveryTargetRepository } from '../db/repositories/delivery-target-repository.js';
import type { RequestRepository } from '../db/repositories/request-repository.js';
import type { DeliveryTargetRow, RecycledFile } from '../db/schema/index.js';
import { DestinationRefusedError, LocalDestination, type DeliveryDestination, type DestinationOptions } from '../media/deliver.js';
import { RsyncDestination, RsyncFailedError } from '../media/rsync-destination.js';
import { libraryPathFor } from '../requests/media-names.js';
import { heartbeatWhile } from './heartbeat-while.js';
import type { EpisodeMedia, MovieMedia } from '../contracts/request.js';
import { DESTINATION_REFUSED, DISK_FULL, SOURCE_MISSING, TARGET_MISSING, TARGET_OFFLINE } from '../contracts/failures.js';

export interface DeliveryActivityDeps {
  targets: DeliveryTargetRepository;
  requests: RequestRepository;
}

export interface DeliveryOutcome {
  paths: string[];
  /** Folders to hand to their library's pipeline. */
  refreshes: { libraryId: string; folderPath: string }[];
  /** Files that were in the way, kept in their target's recycle folder (also on the item's row). */
  recycled?: RecycledFile[];
}

function destinationFor(target: DeliveryTargetRow): DeliveryDestination {
  const options: DestinationOptions =
    typeof target.options.recycleFolder === 'string' ? { recycleFolder: target.options.recycleFolder } : {};
  switch (target.kind) {
    case 'local':
      return new LocalDestination(target.path, options);
    case 'rsync':
      return new RsyncDestination(target.path, options);
  }
}

/**
 * Copies the finished file to every target under its Kodi/Plex name, verified by checksum. A file already
 * there is never replaced: it is moved to the target's recycle folder and recorded on the item at once, so a
 * retried delivery (which finds its own copy and changes nothing) still leaves the record.
 */
export function createDeliveryActivities({ targets, requests }: DeliveryActivityDeps) {
  return {
    async deliverItem(input: {
      itemId: string;
      file: string;
      targetIds: string[];
      media: EpisodeMedia | MovieMedia;
    }): Promise<DeliveryOutcome> {
      // Copying and checksumming a film takes minutes: a timer heartbeats, so a dead worker is noticed in seconds.
      return heartbeatWhile(() => deliver(input));
    },
  };

  async function deliver(input: {
    itemId: string;
    file: string;
    targetIds: string[];
    media: EpisodeMedia | MovieMedia;
  }): Promise<DeliveryOutcome> {
    const rows = await targets.getMany(input.targetIds);
    const missing = input.targetIds.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length > 0)
      throw ApplicationFailure.nonRetryable(`Delivery target(s) ${missing.join(', ')} no longer exist`, TARGET_MISSING);
    await stat(input.file).catch(() => {
      throw ApplicationFailure.nonRetryable(`The encoded file ${input.file} is missing`, SOURCE_MISSING);
    });
    const named = libraryPathFor(
      input.media.kind === 'episode' ? { ...input.media, kind: 'episode' } : input.media,
      path.extname(input.file),
    );
    const outcome: DeliveryOutcome = { paths: [], refreshes: [] };
    for (const target of rows) {
      const destination = destinationFor(target);
      const { location, recycled } = await classified(destination, () => destination.put(input.file, named.file));
      if (recycled) {
        const kept: RecycledFile = { location, keptAt: recycled, at: new Date().toISOString() };
        await requests.recordRecycled(input.itemId, [kept]);
        (outcome.recycled ??= []).push(kept);
      }
      outcome.paths.push(location);
      if (target.libraryId)
        outcome.refreshes.push({
          libraryId: target.libraryId,
          folderPath: await classified(destination, async () => destination.locate(named.titleFolder)),
        });
    }
    return outcome;
  }
}

/** Errors of the file system that a target offline or unmounted gives: it may come back. */
const OFFLINE_CODES = ['EACCES', 'EPERM', 'EROFS', 'EIO', 'ENOTCONN', 'ESTALE', 'EHOSTDOWN', 'EHOSTUNREACH', 'ENODEV'];
/** A file where a folder of the target's path should be: the configuration, not the moment, is wrong. */
const MISCONFIGURED_CODES = ['ENOTDIR', 'EEXIST'];

/**
 * Gives a delivery's failure the type the workflow's retry policy reads. A destination that refuses its
 * configuration (an rsync host starting with "-", a module the daemon does not have) or the path will not
 * heal by retrying: final. A target offline (rsync daemon down, folder unmounted or read-only) or a full
 * disk may heal: retried for the step retry window. Anything else stays as it is, retried too.
 */
export function deliveryFailure(destination: Pick<DeliveryDestination, 'description'>, error: unknown): unknown {
  if (error instanceof DestinationRefusedError) return ApplicationFailure.nonRetryable(error.message, DESTINATION_REFUSED);
  if (error instanceof RsyncFailedError && error.refused) return ApplicationFailure.nonRetryable(error.message, DESTINATION_REFUSED);
  if (error instanceof RsyncFailedError && error.unreachable)
    return ApplicationFailure.retryable(`${destination.description} is offline: ${error.message}`, TARGET_OFFLINE);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = (error as Error | undefined)?.message;
  if (code === 'ENOSPC') return ApplicationFailure.retryable(`${destination.description} is full: ${message}`, DISK_FULL);
  if (code && OFFLINE_CODES.includes(code))
    return ApplicationFailure.retryable(`${destination.description} is offline or not writable: ${message}`, TARGET_OFFLINE);
  if (code && MISCONFIGURED_CODES.includes(code))
    return ApplicationFailure.nonRetryable(`${destination.description} is not a usable folder: ${message}`, DESTINATION_REFUSED);
  return error;
}

async function classified<T>(destination: DeliveryDestination, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw deliveryFailure(destination, error);
  }
}

export type DeliveryActivities = ReturnType<typeof createDeliveryActivities>;
