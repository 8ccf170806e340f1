import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../src/media/probe.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { authHeaders } from '../support/integration.js';
import {
  TEST_TIMINGS,
  createProfile,
  createTarget,
  startRequestPipelineEnvironment,
  waitFor,
  type RequestPipelineEnvironment,
} from '../support/request-pipeline.js';
import { startRsyncDaemon } from '../support/rsync-daemon.js';

let env: RequestPipelineEnvironment;

beforeAll(async () => {
  env = await startRequestPipelineEnvironment();
});

interface LiveItem {
  id: string;
  status: string;
  live: { retrying: { step: string; attempt: number; lastError: string; until: string | null } | null } | null;
}

async function requestItems(requestId: string): Promise<LiveItem[]> {
  const response = await env.app.inject({ method: 'GET', url: `/api/requests/${requestId}/items`, headers: authHeaders });
  expect(response.statusCode).toBe(200);
  return response.json() as LiveItem[];
}

describe('a failing step heals within the step retry window', () => {
  it('delivers to an rsync daemon that is down at first and comes back: COMPLETED, never FAILED', async () => {
    const profileId = await createProfile(env.app);
    const port = await findFreePort();
    const targetId = await createTarget(env.app, `rsync://127.0.0.1:${port}/media/Movies`, null, 'rsync');
    await env.publishRelease({
      title: 'Alphaville.1965.1080p.BluRay.x264-HEAL',
      files: ['Alphaville.1965.1080p.BluRay.x264-HEAL.mkv'],
      seeders: 4,
      tmdbId: 8072,
    });
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: authHeaders,
      payload: { type: 'movie', tmdbId: 8072, title: 'Alphaville', year: 1965, qualityProfileId: profileId, targetIds: [targetId] },
    });
    expect(created.statusCode).toBe(201);
    const requestId = created.json().id as string;

    // Nobody listens on the port: the delivery fails, and the item shows it is retried, not FAILED.
    const retrying = await waitFor(
      async () => {
        const [item] = await requestItems(requestId);
        return item?.live?.retrying ?? undefined;
      },
      60_000,
      async () => JSON.stringify(await requestItems(requestId)),
    );
    expect(retrying).toMatchObject({ step: 'deliver', lastError: expect.stringMatching(/is offline: rsync to .* failed \(exit 10\)/) });
    expect(Date.parse(retrying.until!) - Date.now()).toBeLessThanOrEqual(TEST_TIMINGS.stepRetryWindowMs!);
    const [waiting] = await requestItems(requestId);
    expect(waiting!.status).toBe('DELIVERING');

    const daemon = await startRsyncDaemon({ port });
    // No retry from a person: the next attempt within the window delivers.
    const done = await env.waitForItem(waiting!.id, (i) => i.status === 'COMPLETED' || i.status === 'FAILED');
    expect(done.status).toBe('COMPLETED');
    expect(done.lastError).toBeNull();
    expect(done.deliveredPaths).toEqual([`${daemon.url}/Movies/Alphaville (1965)/Alphaville (1965).mkv`]);
    // The far side holds the encode: a video ffprobe reads, of the release's two seconds.
    const info = await probeMedia(path.join(daemon.root, 'Movies', 'Alphaville (1965)', 'Alphaville (1965).mkv'));
    expect(info.durationSeconds).toBeGreaterThan(1);
  });
});
