import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../src/media/file-hash.js';
import { requestWorkflowId } from '../../src/contracts/request.js';
import { itemUpgradeWorkflowId } from '../../src/contracts/item-upgrade.js';
import { authHeaders } from '../support/integration.js';
import {
  createProfile,
  createTarget,
  startRequestPipelineEnvironment,
  waitFor,
  type RequestPipelineEnvironment,
} from '../support/request-pipeline.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Upgrade until the profile is met, with real parts: a Torznab fake offering a 720p release, then a 1080p one;
 * real qBittorrent, ffmpeg, Temporal and Postgres. The upgrade search's back-off is long, so the 1080p is
 * taken because a person asked to search now.
 */
let env: RequestPipelineEnvironment;

beforeAll(async () => {
  env = await startRequestPipelineEnvironment({
    encodeSlots: 1,
    upgradeTimings: { upgradeWindowMs: 5 * 60_000, upgradeSearchMs: 60_000, upgradeSearchMaxMs: 60_000 },
  });
});

const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  env.app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

interface ItemBody {
  id: string;
  status: string;
  qualityMet: boolean | null;
  upgradeUntil: string | null;
  deliveredPaths: string[];
  recycledFiles: { location: string; keptAt: string }[];
  selectedRelease: { title: string } | null;
  live: { waitingFor: string | null; waitUntil: string | null } | null;
}

const itemOf = async (requestId: string) => ((await api('GET', `/api/requests/${requestId}/items`)).json() as ItemBody[])[0]!;

describe('item upgrade', () => {
  it('delivers 720p, concludes the request, then replaces it with the 1080p found later; the 720p is in the recycle folder', async () => {
    const profileId = await createProfile(env.app);
    const targetRoot = tempDir('reelflow-upgrade-target-');
    const targetId = await createTarget(env.app, targetRoot);
    await env.publishRelease({
      title: 'The.Matrix.1999.720p.WEB.x264-LOW',
      files: ['The.Matrix.1999.720p.WEB.x264-LOW.mkv'],
      seeders: 5,
      tmdbId: 603,
    });
    const created = await api('POST', '/api/requests', {
      type: 'movie',
      tmdbId: 603,
      title: 'The Matrix',
      year: 1999,
      qualityProfileId: profileId,
      targetIds: [targetId],
    });
    expect(created.statusCode).toBe(201);
    const requestId = created.json().id as string;

    // The request concludes COMPLETED while its item goes on looking for an upgrade.
    const request = await env.temporal.workflow.getHandle(requestWorkflowId(requestId)).result();
    expect(request.status).toBe('COMPLETED');
    const first = await waitFor(
      async () => {
        const item = await itemOf(requestId);
        return item.live?.waitingFor === 'upgrade' ? item : undefined;
      },
      20_000,
      async () => JSON.stringify(await itemOf(requestId)),
    );
    expect(first).toMatchObject({ status: 'COMPLETED', qualityMet: false, recycledFiles: [] });
    expect(first.selectedRelease?.title).toBe('The.Matrix.1999.720p.WEB.x264-LOW');
    expect(Date.parse(first.upgradeUntil!)).toBeGreaterThan(Date.now());
    const delivered = first.deliveredPaths[0]!;
    const firstHash = await sha256File(delivered);
    // Other decisions do not apply to a delivered item.
    const retry = await api('POST', `/api/items/${first.id}/retry`);
    expect([retry.statusCode, retry.json().message]).toEqual([
      409,
      'Item is COMPLETED, looking for an upgrade: only cancel and search-now apply',
    ]);

    await env.publishRelease({
      title: 'The.Matrix.1999.1080p.BluRay.x264-HIGH',
      files: ['The.Matrix.1999.1080p.BluRay.x264-HIGH.mkv'],
      seeders: 5,
      tmdbId: 603,
    });
    const searchNow = await api('POST', `/api/items/${first.id}/search-now`);
    expect([searchNow.statusCode, searchNow.json().status]).toEqual([200, 'COMPLETED']);

    const upgrade = await env.temporal.workflow.getHandle(itemUpgradeWorkflowId(first.id)).result();
    expect(upgrade).toEqual({ itemId: first.id, outcome: 'upgraded' });
    const upgraded = await itemOf(requestId);
    expect(upgraded).toMatchObject({ status: 'COMPLETED', qualityMet: true, upgradeUntil: null, live: null, deliveredPaths: [delivered] });
    expect(upgraded.selectedRelease?.title).toBe('The.Matrix.1999.1080p.BluRay.x264-HIGH');
    // The 720p encode is kept in the target's recycle folder, recorded on the item; the new file took its place.
    expect(upgraded.recycledFiles).toHaveLength(1);
    const kept = upgraded.recycledFiles[0]!;
    expect(kept.location).toBe(delivered);
    expect(kept.keptAt.startsWith(path.join(targetRoot, '.reelflow-recycle') + path.sep)).toBe(true);
    expect(await sha256File(kept.keptAt)).toBe(firstHash);
    expect(existsSync(delivered)).toBe(true);
    expect(await sha256File(delivered)).not.toBe(firstHash);
    expect(readFileSync(delivered).length).toBeGreaterThan(0);
    // Nothing left to stop: the upgrade search has ended.
    const cancel = await api('POST', `/api/items/${first.id}/cancel`);
    expect([cancel.statusCode, cancel.json().message]).toEqual([409, 'Item is COMPLETED: its pipeline has ended']);
  });
});
