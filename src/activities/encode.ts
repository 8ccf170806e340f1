import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure, CancelledFailure, Context } from '@temporalio/activity';
import type { QualityProfileRepository } from '../db/repositories/quality-profile-repository.js';
import type { RequestRepository } from '../db/repositories/request-repository.js';
import { EncodeCancelledError, EncodeError, encodeVideo } from '../media/encode.js';

export interface EncodeActivityDeps {
  requests: RequestRepository;
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
export function createEncodeActivities({ requests, profiles, workDir }: EncodeActivityDeps) {
  const itemDir = (itemId: string) => path.join(workDir, itemId);
  return {
    /**
     * Encodes the downloaded file with the profile's settings into the item's work folder. A retried
     * attempt (a worker killed mid-encode) starts over from the untouched source: partial files of earlier
     * attempts are removed first, and only a verified encode is ever renamed into place.
     */
    async encodeItem(input: { itemId: string; source: string; qualityProfileId: string }): Promise<{ output: string; sizeBytes: number }> {
      const context = Context.current();
      const profile = await profiles.get(input.qualityProfileId);
      if (!profile) throw ApplicationFailure.nonRetryable(`Quality profile ${input.qualityProfileId} does not exist`, 'ProfileMissing');
      await stat(input.source).catch(() => {
        throw ApplicationFailure.nonRetryable(`The downloaded file ${input.source} is missing`, 'SourceMissing');
      });
      await requests.transition(input.itemId, 'ENCODING', { progress: 0 });
      const dir = itemDir(input.itemId);
      await removePartials(dir);
      const output = path.join(dir, `${path.parse(input.source).name}.mkv`);
      let written = 0;
      let writes = Promise.resolve();
      try {
        const result = await encodeVideo({
          source: input.source,
          output,
          settings: profile.encode,
          signal: context.cancellationSignal,
          onProgress: ({ percent, speed }) => {
            context.heartbeat({ percent, speed } satisfies EncodeHeartbeat);
            // The ENCODED transition writes 100 %; below it, one write per whole percent at most.
            if (Math.floor(percent) > written && percent < 100) {
              written = Math.floor(percent);
              const value = written;
              writes = writes.then(() => requests.setProgress(input.itemId, value)).catch(() => undefined);
            }
          },
        });
        await writes;
        return { output: result.output, sizeBytes: result.sizeBytes };
      } catch (error) {
        await writes;
        if (error instanceof EncodeCancelledError) throw new CancelledFailure('Encode cancelled; ffmpeg was stopped');
        // A bad encode will be as bad next time; the item fails with the reason and a person decides.
        if (error instanceof EncodeError) throw ApplicationFailure.nonRetryable(error.message, 'EncodeFailed');
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
  await Promise.all(names.filter((n) => n.includes('.partial')).map((n) => rm(path.join(dir, n), { force: true })));
}

export type EncodeActivities = ReturnType<typeof createEncodeActivities>;
