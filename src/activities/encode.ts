import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure, CancelledFailure, Context } from '@temporalio/activity';
import type { QualityProfileRepository } from '../db/repositories/quality-profile-repository.js';
import type { RequestRepository } from '../db/repositories/request-repository.js';
import { PathOutsideRootError, confinedPath } from '../media/confined-path.js';
import { EncodeCancelledError, EncodeError, acceptEncode, encodeToPartial, partialPathOf, type EncodedPartial } from '../media/encode.js';
import type { MediaInfo } from '../media/probe.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { ProgressWriter } from '../requests/progress-writer.js';
import { ENCODE_FAILED, PATH_REFUSED, PROFILE_MISSING, SOURCE_MISSING } from '../contracts/failures.js';

export interface EncodeActivityDeps {
  requests: RequestRepository;
  events: EventRecorder;
  profiles: QualityProfileRepository;
  /** Encodes are made in <workDir>/<itemId>/ and stay there until delivered. */
  workDir: string;
}

/** Heartbeat details of a running encode. */
export interface EncodeHeartbeat {
  percent: number;
  speed: number | null;
}

/** Runs on the encode task queue, whose workers set how many run at once. */
export function createEncodeActivities({ requests, events, profiles, workDir }: EncodeActivityDeps) {
  /** The item's own folder, strictly inside the work folder whatever the id says. */
  const itemDir = (itemId: string) => confined(() => confinedPath(workDir, itemId));
  async function profileOf(id: string) {
    const profile = await profiles.get(id);
    if (!profile) throw ApplicationFailure.nonRetryable(`Quality profile ${id} does not exist`, PROFILE_MISSING);
    return profile;
  }
  return {
    /**
     * Encodes the downloaded file with the profile's settings into the item's work folder, unverified (see
     * acceptEncodedItem). A retried attempt (a worker killed mid-encode) starts over from the untouched
     * source: partial files of earlier attempts are removed first.
     */
    async encodeItem(input: { itemId: string; source: string; sourceInfo?: MediaInfo; qualityProfileId: string }): Promise<EncodedPartial> {
      const context = Context.current();
      const dir = itemDir(input.itemId);
      const profile = await profileOf(input.qualityProfileId);
      await stat(input.source).catch(() => {
        throw ApplicationFailure.nonRetryable(`The downloaded file ${input.source} is missing`, SOURCE_MISSING);
      });
      await requests.transition(input.itemId, 'ENCODING', { progress: 0 });
      await events.itemTransition(input.itemId, 'ENCODING');
      await removePartials(dir);
      const output = path.join(dir, `${path.parse(input.source).name}.mkv`);
      const progress = new ProgressWriter(async (percent) => {
        await requests.setProgress(input.itemId, percent);
        await events.itemProgress(input.itemId, 'encode', percent);
      });
      try {
        const encoded = await encodeToPartial({
          source: input.source,
          ...(input.sourceInfo ? { sourceInfo: input.sourceInfo } : {}),
          output,
          settings: profile.encode,
          signal: context.cancellationSignal,
          onProgress: ({ percent, speed }) => {
            context.heartbeat({ percent, speed } satisfies EncodeHeartbeat);
            progress.offer(percent);
          },
        });
        await progress.settled();
        return encoded;
      } catch (error) {
        await progress.settled();
        if (error instanceof EncodeCancelledError) throw new CancelledFailure('Encode cancelled; ffmpeg was stopped');
        // A bad encode will be as bad next time; the item fails with the reason and a person decides.
        if (error instanceof EncodeError) throw ApplicationFailure.nonRetryable(error.message, ENCODE_FAILED);
        throw error;
      }
    },

    /**
     * Verifies the encode with ffprobe and only then moves it into place. Its own activity on the general
     * queue, so the encoder's slot goes on to the next encode meanwhile; the work folder is shared, as the
     * delivery reads it too.
     */
    async acceptEncodedItem(input: { encoded: EncodedPartial; qualityProfileId: string }): Promise<{ output: string; sizeBytes: number }> {
      // The paths come from the workflow: the rename and the removal of a failed encode stay in the work folder.
      const output = confined(() => confinedPath(workDir, input.encoded.output));
      const partial = confined(() => confinedPath(workDir, input.encoded.partial));
      if (partial !== partialPathOf(output))
        throw ApplicationFailure.nonRetryable(
          `${input.encoded.partial} is not the partial encode of ${input.encoded.output}`,
          PATH_REFUSED,
        );
      const profile = await profileOf(input.qualityProfileId);
      try {
        const result = await acceptEncode({ ...input.encoded, partial, output }, profile.encode);
        return { output: result.output, sizeBytes: result.sizeBytes };
      } catch (error) {
        if (error instanceof EncodeError) throw ApplicationFailure.nonRetryable(error.message, ENCODE_FAILED);
        throw error;
      }
    },

    async removeWorkFiles(input: { itemId: string }): Promise<void> {
      await rm(itemDir(input.itemId), { recursive: true, force: true });
    },
  };
}

async function removePartials(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.includes('.partial')).map((n) => rm(confinedPath(dir, n), { force: true })));
}

/** A path outside the folder this activity owns is a bad input, not a passing fault: no retry. */
function confined(resolve: () => string): string {
  try {
    return resolve();
  } catch (error) {
    if (error instanceof PathOutsideRootError) throw ApplicationFailure.nonRetryable(error.message, PATH_REFUSED);
    throw error;
  }
}

export type EncodeActivities = ReturnType<typeof createEncodeActivities>;
