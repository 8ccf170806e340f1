import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeImage, makeVideo } from '../support/media-fixtures.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, startTestWorker } from '../support/integration.js';
import { tempDir, writeTree } from '../support/temp-dir.js';

/** libraryScan on a TV library: shows, seasons (specials included), episodes and multi-episode files. */
const root = tempDir('reelflow-shows-');
const taskQueue = `test-${randomUUID()}`;
let app: FastifyInstance;
let temporal: Client;
let libraryId: string;

beforeAll(async () => {
  const bb = path.join(root, 'Breaking Bad (2008)');
  await makeVideo(path.join(bb, 'Season 01', 'Breaking Bad - S01E01 - Pilot.mkv'), { audio: [{ language: 'eng' }] });
  await makeVideo(path.join(bb, 'Season 01', 'Breaking Bad - S01E02.mkv'));
  await makeVideo(path.join(bb, 'Specials', 'Breaking Bad - S00E01 - Good Cop Bad Cop.mkv'));
  writeTree(bb, {
    'tvshow.nfo': `<tvshow><title>Breaking Bad</title><year>2008</year><status>Ended</status>
      <uniqueid type="tvdb" default="true">81189</uniqueid><uniqueid type="tmdb">1396</uniqueid>
      <namedseason number="1">Season One</namedseason></tvshow>`,
    'Season 01/Breaking Bad - S01E01 - Pilot.nfo': `<episodedetails><title>Pilot</title><season>1</season><episode>1</episode>
      <aired>2008-01-20</aired><uniqueid type="tvdb">349232</uniqueid></episodedetails>`,
  });
  await makeImage(path.join(bb, 'poster.jpg'), 100, 150, 'blue');
  await makeImage(path.join(bb, 'season01-poster.jpg'), 100, 150, 'red');

  const flat = path.join(root, 'Flat Show');
  await makeVideo(path.join(flat, 'Flat Show S01E01E02.mkv'));
  await makeVideo(path.join(flat, 'Flat Show 1x03.mkv'));

  const database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue);
  app = await createTestApp({ database, temporal, taskQueue });
  libraryId = (await api('POST', '/api/libraries', { name: 'TV', kind: 'tv', rootPath: root })).json().id;
  const started = (await api('POST', `/api/libraries/${libraryId}/scan`)).json();
  await temporal.workflow.getHandle(started.workflowId).result();
});

const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

async function showByTitle(title: string) {
  const page = (await api('GET', `/api/shows?libraryId=${libraryId}&q=${encodeURIComponent(title)}`)).json();
  expect(page.items).toHaveLength(1);
  return (await api('GET', `/api/shows/${page.items[0].id}`)).json();
}

describe('a TV library scan', () => {
  it('finds each show once, identified from tvshow.nfo or named from its folder', async () => {
    const page = (await api('GET', `/api/shows?libraryId=${libraryId}`)).json();
    expect(page.items.map((s: { title: string; identificationStatus: string }) => [s.title, s.identificationStatus])).toEqual([
      ['Breaking Bad', 'identified'],
      ['Flat Show', 'unidentified'],
    ]);
  });

  it('builds seasons (specials as season 0) and episodes with their NFO data', async () => {
    const show = await showByTitle('Breaking Bad');
    expect(show).toMatchObject({ status: 'Ended', year: 2008, ids: { tvdb: 81189, tmdb: 1396 } });
    expect(
      show.seasons.map((s: { seasonNumber: number; name: string | null; episodes: { episodeNumber: number }[] }) => [
        s.seasonNumber,
        s.name,
        s.episodes.map((e) => e.episodeNumber),
      ]),
    ).toEqual([
      [0, null, [1]],
      [1, 'Season One', [1, 2]],
    ]);
    const pilot = show.seasons[1].episodes[0];
    expect(pilot).toMatchObject({
      title: 'Pilot',
      aired: '2008-01-20',
      ids: { tvdb: 349232 },
      videoPath: 'Season 01/Breaking Bad - S01E01 - Pilot.mkv',
    });
    expect(show.assets.map((a: { assetType: string; season: number | null }) => [a.assetType, a.season])).toEqual([
      ['poster', null],
      ['poster', 1],
    ]);
  });

  it('serves an episode with the streams ffprobe found', async () => {
    const show = await showByTitle('Breaking Bad');
    const episode = (await api('GET', `/api/episodes/${show.seasons[1].episodes[0].id}`)).json();
    expect(episode.mediaFiles).toHaveLength(1);
    expect(episode.mediaFiles[0].streams.map((s: { streamType: string; language: string | null }) => [s.streamType, s.language])).toEqual([
      ['video', null],
      ['audio', 'eng'],
    ]);
  });

  it('splits a multi-episode file into episodes that share the video', async () => {
    const show = await showByTitle('Flat Show');
    const [season] = show.seasons;
    expect(season.seasonNumber).toBe(1);
    expect(season.episodes.map((e: { episodeNumber: number; videoPath: string }) => [e.episodeNumber, e.videoPath])).toEqual([
      [1, 'Flat Show S01E01E02.mkv'],
      [2, 'Flat Show S01E01E02.mkv'],
      [3, 'Flat Show 1x03.mkv'],
    ]);
  });
});
