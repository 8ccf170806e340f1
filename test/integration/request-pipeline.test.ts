import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { sha256File } from '../../src/media/file-hash.js';
import { probeMedia } from '../../src/media/probe.js';
import { folderRefreshWorkflowIdForItem, endWaitSignal, itemWorkflowId, requestWorkflowId } from '../../src/contracts/request.js';
import { TORZNAB_FAKE_API_KEY } from '../fakes/torznab.js';
import { authHeaders } from '../support/integration.js';
import {
  createProfile,
  createTarget,
  ffmpegProcessesMentioning,
  startRequestPipelineEnvironment,
  waitFor,
  type RequestPipelineEnvironment,
} from '../support/request-pipeline.js';
import { startRsyncDaemon } from '../support/rsync-daemon.js';
import { tempDir } from '../support/temp-dir.js';

const FUTURE_SHOW = {
  id: 990001,
  name: 'Tomorrow Show',
  seasons: [{ number: 1, episodes: [{ number: 1, name: 'Not Yet', airDate: '2031-06-01' }] }],
};

const PACK_SHOW = {
  id: 990002,
  name: 'Pack Show',
  seasons: [
    {
      number: 2,
      episodes: [
        { number: 1, name: 'One', airDate: '2020-01-01' },
        { number: 2, name: 'Two', airDate: '2020-01-08' },
      ],
    },
  ],
};

const SEQUENTIAL_SHOW = {
  id: 990003,
  name: 'Order Show',
  seasons: [
    {
      number: 1,
      episodes: [
        { number: 1, name: 'First', airDate: '2020-01-01' },
        { number: 2, name: 'Second', airDate: '2020-01-08' },
      ],
    },
  ],
};

let env: RequestPipelineEnvironment;

beforeAll(async () => {
  env = await startRequestPipelineEnvironment({ shows: [FUTURE_SHOW, PACK_SHOW, SEQUENTIAL_SHOW] });
});

async function post(url: string, payload?: Record<string, unknown>) {
  return env.app.inject({ method: 'POST', url, headers: authHeaders, ...(payload === undefined ? {} : { payload }) });
}

async function requestItems(requestId: string) {
  const response = await env.app.inject({ method: 'GET', url: `/api/requests/${requestId}/items`, headers: authHeaders });
  expect(response.statusCode).toBe(200);
  return response.json() as {
    id: string;
    status: string;
    live: { waitingFor: string | null; activity: unknown } | null;
    selectedRelease: { title: string } | null;
  }[];
}

/** A season pack of the show's first two episodes (10 s each), seeded at a rate slow enough to watch it download. */
async function publishSlowPack(show: { id: number; name: string }, season: number, group: string, bytesPerSecond: number) {
  const pad = (n: number) => String(n).padStart(2, '0');
  const prefix = `${show.name.replaceAll(' ', '.')}.S${pad(season)}`;
  const pack = await env.publishRelease({
    title: `${prefix}.1080p.WEB-DL.x264-${group}`,
    files: [1, 2].map((episode) => `${prefix}E${pad(episode)}.1080p.WEB-DL.x264-${group}.mkv`),
    video: { seconds: 10, width: 640, height: 360 },
    sizeBytes: 2 * 1024 ** 3,
    seeders: 3,
    tmdbId: show.id,
    season,
  });
  await env.seeder.client.setUploadLimit([pack.infoHash], bytesPerSecond);
  return pack;
}

/** A history as text, payloads decoded: what a person reading it in the Temporal UI sees. */
function historyText(history: unknown): string {
  // Protobuf messages serialise bytes as base64 (their toJSON): a payload's `data` is decoded back to its JSON.
  return JSON.stringify(history, (key, value: unknown) =>
    key === 'data' && typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : value,
  );
}

/** Replays finished runs with the current bundle: a workflow change that breaks determinism fails here. */
async function replayErrors(workflowIds: string[]): Promise<string[]> {
  const histories = await Promise.all(
    workflowIds.map(async (workflowId) => ({ workflowId, history: await env.temporal.workflow.getHandle(workflowId).fetchHistory() })),
  );
  const errors: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories)) {
    if (result.error) errors.push(`${result.workflowId}: ${result.error.message}`);
  }
  return errors;
}

describe('request pipeline on real qBittorrent and ffmpeg', () => {
  it('approves a season pack found for two episodes, downloads it once, encodes, delivers with Kodi names and starts folderRefresh', async () => {
    const libraryRoot = tempDir('reelflow-library-');
    const library = await new LibraryRepository(env.database.db).create({ name: 'Shows', kind: 'tv', rootPath: libraryRoot });
    const profileId = await createProfile(env.app);
    const targetId = await createTarget(env.app, libraryRoot, library.id);
    const pack = await env.publishRelease({
      title: 'Breaking.Bad.S01.1080p.WEB-DL.x264-GRP',
      files: ['Breaking.Bad.S01E01.1080p.WEB-DL.x264-GRP.mkv', 'Breaking.Bad.S01E02.1080p.WEB-DL.x264-GRP.mkv'],
      video: { seconds: 2, width: 320, height: 180, audio: [{ language: 'eng' }] },
      sizeBytes: 7 * 1024 ** 3,
      seeders: 5,
      tvdbId: 81189,
      season: 1,
    });

    const created = await post('/api/requests', {
      type: 'tv',
      tmdbId: 1396,
      tvdbId: 81189,
      episodes: [
        { season: 1, episode: 1 },
        { season: 1, episode: 2 },
      ],
      qualityProfileId: profileId,
      targetIds: [targetId],
      requireApproval: true,
    });
    expect(created.statusCode).toBe(201);
    const requestId = created.json().id;

    const found = await env.waitForItems(requestId, (items) => items.length === 2 && items.every((i) => i.status === 'FOUND'));
    expect(found.map((i) => i.title)).toEqual(['Pilot', "Cat's in the Bag..."]);
    expect(found.every((i) => i.qualityMet === true && i.selectedRelease?.seasonPack === true)).toBe(true);
    // Live detail: both wait for a person.
    const live = await waitFor(
      async () => {
        const items = await requestItems(requestId);
        return items.every((i) => i.live?.waitingFor === 'approval') ? items : undefined;
      },
      10_000,
      async () => JSON.stringify(await requestItems(requestId)),
    );
    expect(live[0]!.selectedRelease!.title).toBe('Breaking.Bad.S01.1080p.WEB-DL.x264-GRP');

    // A retry is refused: nothing failed.
    const refused = await post(`/api/items/${found[0]!.id}/retry`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/only a FAILED item can be retried/);

    for (const item of found) expect((await post(`/api/items/${item.id}/approve`)).statusCode).toBe(200);
    const done = await env.waitForItems(
      requestId,
      (items) => items.every((i) => i.status === 'COMPLETED' || i.status === 'FAILED'),
      60_000,
    );
    expect(done.map((i) => [i.status, i.lastError])).toEqual([
      ['COMPLETED', null],
      ['COMPLETED', null],
    ]);
    // One torrent served both episodes.
    expect(new Set(done.map((i) => i.torrentHash))).toEqual(new Set([pack.infoHash]));
    expect((await env.downloader.client.info()).filter((t) => t.hash === pack.infoHash)).toHaveLength(1);

    const first = path.join(libraryRoot, 'Breaking Bad', 'Season 01', 'Breaking Bad - S01E01 - Pilot.mkv');
    const second = path.join(libraryRoot, 'Breaking Bad', 'Season 01', "Breaking Bad - S01E02 - Cat's in the Bag.mkv");
    expect(done.map((i) => i.deliveredPaths)).toEqual([[first], [second]]);
    const delivered = await probeMedia(first);
    expect(delivered.video[0]).toMatchObject({ codec: 'h264', height: 180 });
    expect(delivered.audio).toHaveLength(1);
    expect(Math.abs(delivered.durationSeconds! - 2)).toBeLessThan(0.1);
    expect(done.every((i) => i.downloadedAt && i.encodedAt && i.deliveredAt && i.progress === 100)).toBe(true);
    // Encodes left the work folder once delivered.
    expect(readdirSync(env.settings.workDir)).toEqual([]);

    const request = await waitFor(
      async () => {
        const r = (await env.app.inject({ method: 'GET', url: `/api/requests/${requestId}`, headers: authHeaders })).json();
        return r.status === 'COMPLETED' ? r : undefined;
      },
      10_000,
      async () => 'request not COMPLETED',
    );
    expect(request.aggregates).toEqual({
      byStatus: expect.objectContaining({ COMPLETED: 2, FAILED: 0, CANCELLED: 0 }),
      total: 2,
      completed: 2,
      failed: 0,
      cancelled: 0,
      active: 0,
    });

    // The history tells each episode's way in, oldest last, each step once.
    const historyOf = async (itemId: string) =>
      (
        (await env.app.inject({ method: 'GET', url: `/api/history?itemId=${itemId}`, headers: authHeaders })).json().events as {
          type: string;
          summary: string;
        }[]
      ).reverse();
    const pilot = await historyOf(done[0]!.id);
    expect(pilot.map((e) => e.type)).toEqual(['item.approved', 'release.grabbed', 'item.downloaded', 'item.encoded', 'item.delivered']);
    expect(pilot[0]!.summary).toBe('Approved by a person: Breaking Bad (2008) S01E01: Breaking.Bad.S01.1080p.WEB-DL.x264-GRP');
    expect(pilot[1]!.summary).toBe('Grabbed Breaking Bad (2008) S01E01: Breaking.Bad.S01.1080p.WEB-DL.x264-GRP');

    // Delivery handed the show folder to the library pipeline: folderRefresh started with its input.
    const refresh = env.temporal.workflow.getHandle(folderRefreshWorkflowIdForItem(done[0]!.id, 0));
    const description = await refresh.describe();
    expect(description.type).toBe('folderRefresh');
    const history = await refresh.fetchHistory();
    const started = history.events![0]!.workflowExecutionStartedEventAttributes!;
    expect(defaultPayloadConverter.fromPayload(started.input!.payloads![0]!)).toEqual({
      libraryId: library.id,
      folderPath: path.join(libraryRoot, 'Breaking Bad'),
      reason: `request ${requestId} delivered item ${done[0]!.id}`,
    });
    expect(await replayErrors([requestWorkflowId(requestId), ...done.map((i) => itemWorkflowId(i.id))])).toEqual([]);
    // The indexer's download links carry its API key: none reached a workflow history, a query or a row.
    expect(done[0]!.selectedRelease!.downloadUrl).toContain('apikey={indexer-secret:query.apikey}');
    for (const workflowId of [requestWorkflowId(requestId), ...done.map((i) => itemWorkflowId(i.id))]) {
      const handle = env.temporal.workflow.getHandle(workflowId);
      const history = historyText(await handle.fetchHistory());
      if (workflowId.startsWith('item/')) expect(history, workflowId).toContain('{indexer-secret:query.apikey}');
      expect(history, workflowId).not.toContain(TORZNAB_FAKE_API_KEY);
      expect(JSON.stringify(await handle.query('state')), workflowId).not.toContain(TORZNAB_FAKE_API_KEY);
    }
    const rows = await env.database.sql`select to_jsonb(p)::text as row from processing_items p where request_id = ${requestId}`;
    expect(rows.map((r) => r.row).join('\n')).not.toContain(TORZNAB_FAKE_API_KEY);
    // And the library took the delivered folder in: scanned as the show, whose pipeline then started.
    const refreshed = await refresh.result();
    expect(refreshed).toMatchObject({ outcome: 'scanned', kind: 'show' });
    expect((refreshed as { pipelineWorkflowId?: string }).pipelineWorkflowId).toMatch(/^show\//);
  });

  it('rejects a release for the next one, fails delivery on an unwritable target, and resumes delivery on retry', async () => {
    const profileId = await createProfile(env.app, { rejectedWords: ['cam'] });
    const targetRoot = tempDir('reelflow-target-');
    const blocked = path.join(targetRoot, 'movies');
    writeFileSync(blocked, 'a file where the folder should be');
    const targetId = await createTarget(env.app, blocked);
    await env.publishRelease({
      title: 'The.Matrix.1999.1080p.BluRay.x264-AAA',
      files: ['The.Matrix.1999.1080p.BluRay.x264-AAA.mkv'],
      seeders: 10,
      tmdbId: 603,
      imdbId: 'tt0133093',
    });
    await env.publishRelease({
      title: 'The.Matrix.1999.720p.WEB-DL.x264-BBB',
      files: ['The.Matrix.1999.720p.WEB-DL.x264-BBB.mkv'],
      seeders: 3,
      tmdbId: 603,
      imdbId: 'tt0133093',
    });
    await env.publishRelease({
      title: 'The.Matrix.1999.1080p.CAM.x264-CCC',
      files: ['The.Matrix.1999.1080p.CAM.x264-CCC.mkv'],
      seeders: 50,
      tmdbId: 603,
      imdbId: 'tt0133093',
    });

    const created = await post('/api/requests', {
      type: 'movie',
      tmdbId: 603,
      imdbId: 'tt0133093',
      qualityProfileId: profileId,
      targetIds: [targetId],
      requireApproval: true,
    });
    expect(created.statusCode).toBe(201);
    const requestId = created.json().id;
    const [item] = await env.waitForItems(requestId, ([i]) => i?.status === 'FOUND');
    expect(item!.selectedRelease!.title).toBe('The.Matrix.1999.1080p.BluRay.x264-AAA');
    expect(item!.availableReleases.find((r) => r.title.includes('CAM'))).toMatchObject({
      accepted: false,
      rejections: ['rejected word "cam"'],
    });
    expect(env.indexer.searches.some((s) => s.t === 'movie' && s.imdbid === '0133093' && s.cat === '2000')).toBe(true);

    await waitFor(
      async () => ((await requestItems(requestId))[0]!.live?.waitingFor === 'approval' ? true : undefined),
      10_000,
      async () => 'not waiting',
    );
    expect((await post(`/api/items/${item!.id}/reject`, { reason: 'wrong cut' })).statusCode).toBe(200);
    const next = await env.waitForItem(
      item!.id,
      (i) => i.status === 'FOUND' && i.selectedRelease?.title === 'The.Matrix.1999.720p.WEB-DL.x264-BBB',
    );
    expect(next.qualityMet).toBe(false);
    await waitFor(
      async () => ((await requestItems(requestId))[0]!.live?.waitingFor === 'approval' ? true : undefined),
      10_000,
      async () => 'not waiting',
    );
    expect((await post(`/api/items/${item!.id}/approve`)).statusCode).toBe(200);
    // A second approval is refused with the workflow's reason.
    const again = await post(`/api/items/${item!.id}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/no release waiting for approval/);

    const failed = await env.waitForItem(item!.id, (i) => i.status === 'FAILED', 60_000);
    expect(failed.failedStep).toBe('deliver');
    expect(failed.lastError).toMatch(/ENOTDIR|not a directory|EEXIST/i);
    expect(failed.encodedFilePath).toBeTruthy();
    expect(existsSync(failed.encodedFilePath!)).toBe(true);

    rmSync(blocked);
    mkdirSync(blocked);
    expect((await post(`/api/items/${item!.id}/retry`)).statusCode).toBe(200);
    const completed = await env.waitForItem(item!.id, (i) => i.status === 'COMPLETED');
    expect(completed.lastError).toBeNull();
    expect(completed.deliveredPaths).toEqual([path.join(blocked, 'The Matrix (1999)', 'The Matrix (1999).mkv')]);
    expect(existsSync(completed.deliveredPaths[0]!)).toBe(true);
    // Updates (reject, approve, retry), a failure and a resumed step replay deterministically.
    expect(await replayErrors([itemWorkflowId(item!.id)])).toEqual([]);
  });

  it('moves on from a stalled download to the next acceptable release', async () => {
    const profileId = await createProfile(env.app);
    const targetId = await createTarget(env.app, tempDir('reelflow-target-'));
    const dead = await env.publishRelease({
      title: 'Alien.1979.1080p.BluRay.x264-DEAD',
      files: ['Alien.1979.1080p.BluRay.x264-DEAD.mkv'],
      seeders: 90,
      tmdbId: 348,
      unseeded: true,
    });
    const live = await env.publishRelease({
      title: 'Alien.1979.1080p.WEB-DL.x264-LIVE',
      files: ['Alien.1979.1080p.WEB-DL.x264-LIVE.mkv'],
      seeders: 2,
      tmdbId: 348,
    });
    const created = await post('/api/requests', {
      type: 'movie',
      tmdbId: 348,
      title: 'Alien',
      year: 1979,
      qualityProfileId: profileId,
      targetIds: [targetId],
    });
    const requestId = created.json().id;
    const [first] = await env.waitForItems(requestId, ([i]) => i?.torrentHash === dead.infoHash);
    expect(first!.selectedRelease!.title).toBe('Alien.1979.1080p.BluRay.x264-DEAD');
    const setAside = await env.waitForItem(first!.id, (i) => /set aside/.test(i.lastError ?? '') || i.status === 'COMPLETED', 60_000);
    expect(setAside.lastError).toMatch(/Release "Alien.1979.1080p.BluRay.x264-DEAD" set aside: .*made no progress/);
    const done = await env.waitForItem(first!.id, (i) => i.status === 'COMPLETED');
    expect(done.selectedRelease!.title).toBe('Alien.1979.1080p.WEB-DL.x264-LIVE');
    expect(done.torrentHash).toBe(live.infoHash);
    expect(await env.downloader.client.get(dead.infoHash)).toBeUndefined();
  });

  it('sets aside a release whose file is no video and takes the next one', async () => {
    const profileId = await createProfile(env.app);
    const targetId = await createTarget(env.app, tempDir('reelflow-target-'));
    const fake = await env.publishRelease({
      title: 'Thief.1981.1080p.BluRay.x264-FAKE',
      files: ['Thief.1981.1080p.BluRay.x264-FAKE.mkv'],
      seeders: 80,
      tmdbId: 11524,
      notVideo: true,
    });
    const real = await env.publishRelease({
      title: 'Thief.1981.1080p.WEB-DL.x264-REAL',
      files: ['Thief.1981.1080p.WEB-DL.x264-REAL.mkv'],
      seeders: 2,
      tmdbId: 11524,
    });
    const created = await post('/api/requests', {
      type: 'movie',
      tmdbId: 11524,
      title: 'Thief',
      year: 1981,
      qualityProfileId: profileId,
      targetIds: [targetId],
    });
    const [item] = await env.waitForItems(created.json().id, ([i]) => i?.torrentHash === fake.infoHash);
    const setAside = await env.waitForItem(item!.id, (i) => /set aside/.test(i.lastError ?? '') || i.status === 'COMPLETED', 60_000);
    // The fake file is random bytes: ffprobe mostly cannot read it, and now and then finds a stream in the
    // noise but no video with a duration. Either way the release is no video and is set aside.
    expect(setAside.lastError).toMatch(
      /Release "Thief.1981.1080p.BluRay.x264-FAKE" set aside: The file Thief.1981.1080p.BluRay.x264-FAKE.mkv of .* (is not a readable video|has no video stream with a duration)/,
    );
    const done = await env.waitForItem(item!.id, (i) => i.status === 'COMPLETED');
    expect([done.selectedRelease!.title, done.torrentHash]).toEqual(['Thief.1981.1080p.WEB-DL.x264-REAL', real.infoHash]);
    expect(await env.downloader.client.get(fake.infoHash)).toBeUndefined();
  });

  it('cancels mid-download: the torrent and its files are removed', async () => {
    const profileId = await createProfile(env.app);
    const targetId = await createTarget(env.app, tempDir('reelflow-target-'));
    // Seeded at 16 KiB/s, a 20-second video takes long enough to be cancelled part-way, even when the test
    // is slow to see the first percent.
    const release = await env.publishRelease({
      title: 'Heat.1995.1080p.BluRay.x264-SLOW',
      files: ['Heat.1995.1080p.BluRay.x264-SLOW.mkv'],
      video: { seconds: 20, width: 640, height: 360 },
      seeders: 1,
      tmdbId: 949,
      imdbId: 'tt0113277',
    });
    await env.seeder.client.setUploadLimit([release.infoHash], 16 * 1024);
    const created = await post('/api/requests', {
      type: 'movie',
      tmdbId: 949,
      title: 'Heat',
      year: 1995,
      qualityProfileId: profileId,
      targetIds: [targetId],
    });
    const requestId = created.json().id;
    const [item] = await env.waitForItems(requestId, ([i]) => i?.status === 'DOWNLOADING' && i.progress >= 1);
    const live = (await requestItems(requestId))[0]!.live as { activity: { type: string; percent: number } | null };
    expect(live.activity?.type).toBe('awaitDownload');

    expect((await post(`/api/items/${item!.id}/cancel`)).statusCode).toBe(200);
    const cancelled = await env.waitForItem(item!.id, (i) => i.status === 'CANCELLED');
    expect(cancelled.downloadedAt).toBeNull();
    expect(await env.downloader.client.get(release.infoHash)).toBeUndefined();
    const refused = await post(`/api/items/${item!.id}/cancel`);
    expect(refused.statusCode).toBe(409);
    const request = await waitFor(
      async () => {
        const r = await env.requests.get(requestId);
        return r?.status === 'CANCELLED' ? r : undefined;
      },
      10_000,
      async () => 'request not cancelled',
    );
    expect(request.status).toBe('CANCELLED');
  });

  it('keeps a season pack another episode still downloads when one episode is cancelled', async () => {
    const profileId = await createProfile(env.app);
    const targetId = await createTarget(env.app, tempDir('reelflow-target-'));
    const pack = await publishSlowPack(PACK_SHOW, 2, 'PCK', 96 * 1024);
    const created = await post('/api/requests', {
      type: 'tv',
      tmdbId: PACK_SHOW.id,
      seasons: [2],
      qualityProfileId: profileId,
      targetIds: [targetId],
    });
    const requestId = created.json().id;
    const [one, two] = await env.waitForItems(
      requestId,
      (items) => items.length === 2 && items.every((i) => i.status === 'DOWNLOADING' && i.torrentHash === pack.infoHash),
    );
    expect((await post(`/api/items/${one!.id}/cancel`)).statusCode).toBe(200);
    await env.waitForItem(one!.id, (i) => i.status === 'CANCELLED');
    // The pack stays: episode 2 still needs it.
    expect(await env.downloader.client.get(pack.infoHash)).toBeDefined();
    await env.seeder.client.setUploadLimit([pack.infoHash], 0);
    const done = await env.waitForItem(two!.id, (i) => i.status === 'COMPLETED', 60_000);
    expect(done.deliveredPaths[0]).toMatch(/Pack Show\/Season 02\/Pack Show - S02E02 - Two\.mkv$/);
    const request = await waitFor(
      async () => {
        const r = await env.requests.get(requestId);
        return r?.status === 'PARTIAL' ? r : undefined;
      },
      10_000,
      async () => 'request not PARTIAL',
    );
    expect(await env.requests.aggregates(request.id)).toEqual({
      byStatus: expect.objectContaining({ COMPLETED: 1, CANCELLED: 1, FAILED: 0 }),
      total: 2,
      completed: 1,
      failed: 0,
      cancelled: 1,
      active: 0,
    });
  });

  it("takes a season pack's first episode on to its encode while the rest of the pack still downloads", async () => {
    const profileId = await createProfile(env.app);
    const targetId = await createTarget(env.app, tempDir('reelflow-target-'));
    const pack = await publishSlowPack(SEQUENTIAL_SHOW, 1, 'SEQ', 64 * 1024);
    const created = await post('/api/requests', {
      type: 'tv',
      tmdbId: SEQUENTIAL_SHOW.id,
      seasons: [1],
      qualityProfileId: profileId,
      targetIds: [targetId],
    });
    const requestId = created.json().id;
    const [first] = await env.waitForItems(requestId, (items) => items.length === 2 && items[0]!.downloadedAt !== null, 60_000);
    // The moment episode 1 was handed on, the pack (downloaded in order) was still incomplete.
    const torrent = await env.downloader.client.get(pack.infoHash);
    expect(torrent!.progress).toBeLessThan(1);
    expect(first!.sourceFilePath).toMatch(/Order\.Show\.S01E01\.1080p\.WEB-DL\.x264-SEQ\.mkv$/);
    expect((await probeMedia(first!.sourceFilePath!)).durationSeconds).toBeCloseTo(10, 0);
    await env.seeder.client.setUploadLimit([pack.infoHash], 0);
    const [one, two] = await env.waitForItems(requestId, (items) => items.every((i) => i.status === 'COMPLETED'), 90_000);
    expect(one!.downloadedAt!.getTime()).toBeLessThan(two!.downloadedAt!.getTime());
    expect(two!.deliveredPaths[0]).toMatch(/Order Show\/Season 01\/Order Show - S01E02 - Second\.mkv$/);
  }, 150_000);

  it('cancels mid-encode: ffmpeg is stopped and nothing is left in the work folder', async () => {
    // A slow encode (x264 veryslow on a larger frame) so that the cancel lands while ffmpeg runs.
    const profileId = await createProfile(env.app, { encode: { videoCodec: 'libx264', crf: 18, preset: 'veryslow', maxHeight: 1080 } });
    const targetId = await createTarget(env.app, tempDir('reelflow-target-'));
    await env.publishRelease({
      title: 'Ronin.1998.1080p.BluRay.x264-ENC',
      files: ['Ronin.1998.1080p.BluRay.x264-ENC.mkv'],
      video: { seconds: 60, width: 640, height: 360 },
      seeders: 1,
      tmdbId: 8195,
    });
    const created = await post('/api/requests', {
      type: 'movie',
      tmdbId: 8195,
      title: 'Ronin',
      year: 1998,
      qualityProfileId: profileId,
      targetIds: [targetId],
    });
    const requestId = created.json().id;
    // ffmpeg is running once its partial output exists.
    const [item] = await env.waitForItems(
      requestId,
      ([i]) =>
        i?.status === 'ENCODING' &&
        existsSync(path.join(env.settings.workDir, i.id)) &&
        readdirSync(path.join(env.settings.workDir, i.id)).some((n) => n.includes('.partial')),
      60_000,
    );
    const workDir = path.join(env.settings.workDir, item!.id);
    expect(ffmpegProcessesMentioning(workDir)).toHaveLength(1);
    expect((await post(`/api/items/${item!.id}/cancel`)).statusCode).toBe(200);
    const cancelled = await env.waitForItem(item!.id, (i) => i.status === 'CANCELLED', 20_000);
    expect(cancelled.encodedAt).toBeNull();
    expect(existsSync(workDir)).toBe(false);
    expect(ffmpegProcessesMentioning(workDir)).toEqual([]);
    expect(await env.downloader.client.get(cancelled.torrentHash!)).toBeUndefined();
  }, 120_000);

  it('waits for a future air date until told to go on', async () => {
    const profileId = await createProfile(env.app);
    const targetId = await createTarget(env.app, tempDir('reelflow-target-'));
    const created = await post('/api/requests', {
      type: 'tv',
      tmdbId: FUTURE_SHOW.id,
      seasons: [1],
      qualityProfileId: profileId,
      targetIds: [targetId],
    });
    const requestId = created.json().id;
    const [item] = await env.waitForItems(requestId, ([i]) => i?.status === 'AWAITING');
    expect(item!.airDate).toBe('2031-06-01');
    const live = await waitFor(
      async () => {
        const [i] = await requestItems(requestId);
        return i!.live?.waitingFor === 'air date' ? (i!.live as unknown as { waitUntil: string }) : undefined;
      },
      10_000,
      async () => 'not waiting for the air date',
    );
    expect(live.waitUntil).toBe('2031-06-01T00:00:00.000Z');

    // POST search-now sends the endWait signal.
    const searchNow = await post(`/api/items/${item!.id}/search-now`);
    expect(searchNow.statusCode).toBe(200);
    // Nothing is on the indexer for it: it searches, records that, and waits to search again.
    const searching = await env.waitForItem(item!.id, (i) => i.status === 'SEARCHING' && i.lastError !== null);
    expect(searching.lastError).toMatch(/No acceptable release yet/);
    expect(
      env.indexer.searches.some((s) => s.t === 'tvsearch' && s.tmdbid === String(FUTURE_SHOW.id) && s.season === '1' && s.ep === '1'),
    ).toBe(true);
    expect((await post(`/api/items/${item!.id}/cancel`)).statusCode).toBe(200);
    await env.waitForItem(item!.id, (i) => i.status === 'CANCELLED');
    const ended = await post(`/api/items/${item!.id}/search-now`);
    expect([ended.statusCode, ended.json().message]).toEqual([409, 'Item is CANCELLED: its pipeline has ended']);
  });

  it('cancels a whole request: every unfinished item is cancelled and the request ends CANCELLED', async () => {
    const profileId = await createProfile(env.app);
    const targetId = await createTarget(env.app, tempDir('reelflow-target-'));
    const created = await post('/api/requests', {
      type: 'tv',
      tmdbId: FUTURE_SHOW.id,
      seasons: [1],
      qualityProfileId: profileId,
      targetIds: [targetId],
    });
    const requestId = created.json().id;
    const [item] = await env.waitForItems(requestId, ([i]) => i?.status === 'AWAITING');
    const cancelled = await post(`/api/requests/${requestId}/cancel`);
    expect(cancelled.statusCode).toBe(202);
    const result = await env.temporal.workflow.getHandle(requestWorkflowId(requestId)).result();
    expect(result.status).toBe('CANCELLED');
    expect((await env.waitForItem(item!.id, (i) => i.status === 'CANCELLED')).status).toBe('CANCELLED');
    const request = await env.app.inject({ method: 'GET', url: `/api/requests/${requestId}`, headers: authHeaders });
    expect(request.json()).toMatchObject({ status: 'CANCELLED' });
    const again = await post(`/api/requests/${requestId}/cancel`);
    expect([again.statusCode, again.json().message]).toEqual([409, 'Request is CANCELLED: it has ended']);
  });

  it('takes the auto-action when nobody decides within the approval timeout; endWait does not skip a decision; delivers to a local folder and an rsync daemon', async () => {
    const profileId = await createProfile(env.app);
    const localRoot = tempDir('reelflow-target-');
    const targetId = await createTarget(env.app, localRoot);
    const rsyncd = await startRsyncDaemon();
    const rsyncTargetId = await createTarget(env.app, `${rsyncd.url}/Movies`, null, 'rsync');
    // A person's own copies stand where the delivery goes: they are kept, not replaced.
    for (const folder of [path.join(localRoot, 'Brazil (1985)'), path.join(rsyncd.root, 'Movies', 'Brazil (1985)')]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'Brazil (1985).mkv'), 'a person’s own copy');
    }
    await env.publishRelease({
      title: 'Brazil.1985.1080p.BluRay.x264-AUTO',
      files: ['Brazil.1985.1080p.BluRay.x264-AUTO.mkv'],
      seeders: 4,
      tmdbId: 68,
    });
    const created = await post('/api/requests', {
      type: 'movie',
      tmdbId: 68,
      title: 'Brazil',
      year: 1985,
      qualityProfileId: profileId,
      targetIds: [targetId, rsyncTargetId],
      requireApproval: true,
      approvalTimeoutSeconds: 4,
      approvalAutoAction: 'approve',
    });
    const requestId = created.json().id;
    const [item] = await env.waitForItems(requestId, ([i]) => i?.status === 'FOUND');
    await waitFor(
      async () => ((await requestItems(requestId))[0]!.live?.waitingFor === 'approval' ? true : undefined),
      10_000,
      async () => 'not waiting',
    );
    const searchNow = await post(`/api/items/${item!.id}/search-now`);
    expect([searchNow.statusCode, searchNow.json().message]).toEqual([
      409,
      'Item is FOUND, waiting for approval: there is no air date or search wait to end',
    ]);
    await env.temporal.workflow.getHandle(itemWorkflowId(item!.id)).signal(endWaitSignal);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const [waiting] = await requestItems(requestId);
    expect([waiting!.status, waiting!.live?.waitingFor]).toEqual(['FOUND', 'approval']);
    const done = await env.waitForItem(item!.id, (i) => i.status === 'COMPLETED');
    expect(done.deliveredPaths).toEqual([
      expect.stringMatching(/Brazil \(1985\)\/Brazil \(1985\)\.mkv$/),
      `${rsyncd.url}/Movies/Brazil (1985)/Brazil (1985).mkv`,
    ]);
    // The same verified encode in both places.
    expect(await sha256File(path.join(rsyncd.root, 'Movies', 'Brazil (1985)', 'Brazil (1985).mkv'))).toBe(
      await sha256File(done.deliveredPaths[0]!),
    );
    // The copies that were there are in each target's recycle folder, recorded on the item and in its history.
    expect(done.recycledFiles.map((f) => f.location)).toEqual(done.deliveredPaths);
    const [localKept, rsyncKept] = done.recycledFiles.map((f) => f.keptAt);
    expect(localKept!.startsWith(path.join(localRoot, '.reelflow-recycle') + path.sep)).toBe(true);
    expect(rsyncKept!.startsWith(`${rsyncd.url}/Movies/.reelflow-recycle/`)).toBe(true);
    expect(readFileSync(localKept!, 'utf8')).toBe('a person’s own copy');
    expect(readFileSync(path.join(rsyncd.root, rsyncKept!.slice(rsyncd.url.length + 1)), 'utf8')).toBe('a person’s own copy');
    const history = JSON.stringify(
      (await env.temporal.workflow.getHandle(itemWorkflowId(item!.id)).fetchHistory()).events?.map((e) =>
        e.activityTaskCompletedEventAttributes?.result?.payloads?.map((p) => Buffer.from(p.data!).toString()),
      ),
    );
    expect(history).toContain(rsyncKept!);
  });

  it('refuses delivery targets whose fields do not fit their kind, naming the field', async () => {
    const cases = [
      [{ kind: 'local', path: 'relative/folder' }, 'body.path: a local target needs an absolute folder path'],
      [
        { kind: 'rsync', path: '/srv/media' },
        'body.path: an rsync target needs rsync://host[:port]/module[/folder] or [user@]host:/folder',
      ],
      // Would reach ssh as an option.
      [{ kind: 'rsync', path: '-oProxyCommand=sh:/srv' }, 'body.path: the host must not start with "-"'],
      [{ kind: 'rsync', path: '-x@nas:/srv' }, 'body.path: the user must not start with "-"'],
    ] as const;
    for (const [fields, message] of cases) {
      const response = await post('/api/delivery-targets', { name: `bad-${fields.kind}`, ...fields });
      expect([response.statusCode, response.json().message]).toEqual([400, message]);
    }
    const recycleOutside = await post('/api/delivery-targets', {
      name: 'recycle-outside',
      kind: 'local',
      path: '/srv/media',
      recycleFolder: '../trash',
    });
    expect([recycleOutside.statusCode, recycleOutside.json().message]).toEqual([
      400,
      'body.recycleFolder: a folder path relative to the target, inside it (for example .reelflow-recycle)',
    ]);
    const custom = await post('/api/delivery-targets', {
      name: 'recycle-custom',
      kind: 'local',
      path: '/srv/media',
      recycleFolder: 'Recycle Bin',
    });
    expect([custom.statusCode, custom.json().recycleFolder]).toEqual([201, 'Recycle Bin']);
    const library = await new LibraryRepository(env.database.db).create({
      name: 'Remote',
      kind: 'movie',
      rootPath: tempDir('reelflow-library-'),
    });
    const withLibrary = await post('/api/delivery-targets', {
      name: 'nas',
      kind: 'rsync',
      path: 'media@nas:/srv/movies',
      libraryId: library.id,
    });
    expect([withLibrary.statusCode, withLibrary.json().message]).toEqual([
      400,
      'body.libraryId: only a local target can hand its folders to a library',
    ]);
  });

  it('answers 400 naming the field for a bad request body', async () => {
    const response = await post('/api/requests', { type: 'tv', seasons: [], qualityProfileId: 'nope', targetIds: [] });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/qualityProfileId/);
  });
});
