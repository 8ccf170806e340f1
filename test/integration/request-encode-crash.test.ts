import type { ChildProcess } from 'node:child_process';

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sha256File } from '../../src/media/file-hash.js';
import { probeMedia } from '../../src/media/probe.js';
import { itemWorkflowId } from '../../src/contracts/request.js';
import { startSupportProcess } from '../support/worker-processes.js';
import { authHeaders } from '../support/integration.js';
import {
  createProfile,
  createTarget,
  ffmpegProcessesMentioning,
  startRequestPipelineEnvironment,
  waitFor,
  type RequestPipelineEnvironment,
} from '../support/request-pipeline.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * An encoder killed with SIGKILL mid-encode: after the heartbeat timeout another encoder takes the
 * retried activity, which encodes again from the untouched source and verifies the result.
 */
let env: RequestPipelineEnvironment;

beforeAll(async () => {
  // This process runs no encode worker: encoding happens only in the child processes.
  env = await startRequestPipelineEnvironment({ encodeSlots: 0 });
});

function startEncoder(): Promise<ChildProcess> {
  return startSupportProcess('test/support/encode-worker-process.ts', {
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    DATABASE_URL: env.database.url,
    TASK_QUEUE: env.taskQueue,
    WORK_DIR: env.settings.workDir,
  });
}

describe('an encoder killed mid-encode', () => {
  it('leaves the source intact; the retried encode is redone, verified and delivered', async () => {
    const profileId = await createProfile(env.app, { encode: { videoCodec: 'libx264', crf: 20, preset: 'veryslow', maxHeight: 720 } });
    const target = tempDir('reelflow-target-');
    const targetId = await createTarget(env.app, target);
    const release = await env.publishRelease({
      title: 'Sneakers.1992.1080p.BluRay.x264-KIL',
      files: ['Sneakers.1992.1080p.BluRay.x264-KIL.mkv'],
      video: { seconds: 40, width: 640, height: 360, audio: [{ language: 'eng', channels: 2 }] },
      seeders: 1,
      tmdbId: 2322,
    });
    const doomed = await startEncoder();
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: authHeaders,
      payload: { type: 'movie', tmdbId: 2322, title: 'Sneakers', year: 1992, qualityProfileId: profileId, targetIds: [targetId] },
    });
    const requestId = created.json().id;
    const [encoding] = await env.waitForItems(requestId, ([i]) => i?.status === 'ENCODING' && i.progress >= 1, 60_000);
    const source = encoding!.sourceFilePath!;
    const sourceHash = await sha256File(path.join(release.dataDir, path.basename(source)));
    expect(await sha256File(source)).toBe(sourceHash);

    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));
    // Its ffmpeg died with it (parent-death signal): nothing keeps writing the abandoned attempt.
    await waitFor(
      async () => (ffmpegProcessesMentioning(source).length === 0 ? true : undefined),
      5_000,
      async () => `ffmpeg still running: ${ffmpegProcessesMentioning(source).join(', ')}`,
    );
    await startEncoder();
    const completed = await env.waitForItem(encoding!.id, (i) => i.status === 'COMPLETED' || i.status === 'FAILED', 150_000);
    expect([completed.status, completed.lastError]).toEqual(['COMPLETED', null]);

    // The source was never touched; the delivered encode passed verification and is whole.
    expect(await sha256File(source)).toBe(sourceHash);
    const delivered = path.join(target, 'Sneakers (1992)', 'Sneakers (1992).mkv');
    expect(completed.deliveredPaths).toEqual([delivered]);
    const info = await probeMedia(delivered);
    expect(info.video[0]).toMatchObject({ codec: 'h264', height: 360 });
    expect(info.audio).toHaveLength(1);
    expect(Math.abs(info.durationSeconds! - 40)).toBeLessThan(0.4);

    // The encode ran twice: the history's last encodeItem start is a retry.
    const history = await env.temporal.workflow.getHandle(itemWorkflowId(encoding!.id)).fetchHistory();
    const encodeStarts = history.events!.filter((e) => e.activityTaskStartedEventAttributes);
    const scheduled = history.events!.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'encodeItem');
    expect(scheduled).toHaveLength(1);
    const encodeStart = encodeStarts.find(
      (e) => Number(e.activityTaskStartedEventAttributes!.scheduledEventId) === Number(scheduled[0]!.eventId),
    );
    expect(encodeStart!.activityTaskStartedEventAttributes!.attempt).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
