import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheFiles } from '../../src/db/schema/index.js';
import { makeImage, makeVideo } from '../support/media-fixtures.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  startTestWorker,
  type TestDatabase,
} from '../support/integration.js';
import { tempDir, writeTree } from '../support/temp-dir.js';

/** libraryScan end to end on a real movie library made of real videos, NFOs and images. */
const root = tempDir('reelflow-movies-');
const taskQueue = `test-${randomUUID()}`;
let app: FastifyInstance;
let database: TestDatabase;
let temporal: Client;
let dataDir: string;
let libraryId: string;

const matrixNfo = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<movie>
  <title>The Matrix</title>
  <originaltitle>The Matrix</originaltitle>
  <plot>A hacker learns the truth.</plot>
  <tagline>Welcome to the Real World.</tagline>
  <year>1999</year>
  <uniqueid type="tmdb" default="true">603</uniqueid>
  <uniqueid type="imdb">tt0133093</uniqueid>
  <genre>Action</genre>
  <genre>Science Fiction</genre>
  <actor><name>Keanu Reeves</name><role>Neo</role><order>0</order></actor>
  <actor><name>Carrie-Anne Moss</name><role>Trinity</role><order>1</order></actor>
  <kodiextension>kept</kodiextension>
</movie>`;

beforeAll(async () => {
  const matrix = path.join(root, 'The Matrix (1999)');
  await makeVideo(path.join(matrix, 'The Matrix (1999).mkv'), {
    audio: [{ language: 'eng' }, { language: 'jpn' }],
    subtitles: [{ language: 'eng' }],
  });
  writeTree(matrix, {
    'movie.nfo': matrixNfo,
    'The Matrix (1999).en.srt': '1\n00:00:00,000 --> 00:00:01,000\nHello\n',
    'notes.txt': 'not media',
    'extras/Making Of.mkv': 'extra',
  });
  await makeImage(path.join(matrix, 'poster.jpg'), 200, 300, 'green');
  await makeImage(path.join(matrix, 'fanart.jpg'), 320, 180, 'black');
  await makeImage(path.join(matrix, '.actors', 'Keanu_Reeves.jpg'), 40, 60, 'white');

  const amelie = path.join(root, 'Amélie (2001) {tmdb-194}');
  await makeVideo(path.join(amelie, 'Amélie (2001).mp4'), { container: 'mp4' });
  // The same bytes as The Matrix's poster: the cache must store them once.
  fs.copyFileSync(path.join(matrix, 'poster.jpg'), path.join(amelie, 'poster.jpg'));

  const heat = path.join(root, 'Heat (1995)');
  await makeVideo(path.join(heat, 'Heat (1995) - 1080p.mkv'));
  await makeVideo(path.join(heat, 'Heat (1995) - 2160p.mkv'), { width: 320, height: 180 });

  const broken = path.join(root, 'Broken Nfo (2010)');
  await makeVideo(path.join(broken, 'Broken Nfo (2010).mkv'));
  writeTree(broken, { 'movie.nfo': '<movie><title>Unclosed</movie>' });

  const zero = path.join(root, 'Zero Byte (2011)');
  writeTree(zero, { 'Zero Byte (2011).mkv': '' });

  const looped = path.join(root, 'Looped (2012)');
  await makeVideo(path.join(looped, 'Looped (2012).mkv'));
  fs.symlinkSync('..', path.join(looped, 'loop'));

  await makeVideo(path.join(root, '千と千尋の神隠し (2001)', '千と千尋の神隠し (2001).mkv'));

  database = await createTestDatabase();
  temporal = await createTestClient();
  ({ dataDir } = await startTestWorker(database.db, taskQueue));
  app = await createTestApp({ database, temporal, taskQueue });
  libraryId = (await api('POST', '/api/libraries', { name: 'Movies', kind: 'movie', rootPath: root })).json().id;
});

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

async function scan() {
  const started = (await api('POST', `/api/libraries/${libraryId}/scan`)).json();
  await temporal.workflow.getHandle(started.workflowId).result();
  const issues = (await api('GET', `/api/scans/${started.scanId}/issues`)).json();
  return { ...(await api('GET', `/api/scans/${started.scanId}`)).json(), issues };
}

async function movieByTitle(title: string) {
  const page = (await api('GET', `/api/movies?libraryId=${libraryId}&q=${encodeURIComponent(title)}`)).json();
  expect(page.items).toHaveLength(1);
  return (await api('GET', `/api/movies/${page.items[0].id}`)).json();
}

describe('the first scan of a movie library', () => {
  let first: Record<string, unknown>;
  beforeAll(async () => {
    first = await scan();
  });

  it('finds every movie once and counts what it did', () => {
    expect(first).toMatchObject({
      status: 'completed',
      titlesFound: 6,
      directoriesTotal: 6,
      directoriesScanned: 6,
      titlesNew: 6,
      titlesUpdated: 0,
      titlesRemoved: 0,
    });
    // Three distinct images (poster, fanart, actor thumb); Amélie's poster shares The Matrix's bytes.
    expect(first.assetsCached).toBe(3);
    // The zero-byte video, the symlink loop, and the malformed NFO.
    expect(first.issues).toEqual([
      {
        folderKey: 'Broken Nfo (2010)',
        path: path.join(root, 'Broken Nfo (2010)', 'movie.nfo'),
        reason: expect.stringMatching(/^movie\.nfo: not well-formed XML at line 1/),
      },
      { folderKey: null, path: path.join(root, 'Looped (2012)', 'loop'), reason: 'symlink loop' },
      { folderKey: null, path: path.join(root, 'Zero Byte (2011)', 'Zero Byte (2011).mkv'), reason: 'zero-byte video' },
    ]);
    expect(first.errors).toBe(3);
  });

  it('lists the movies sorted by title, with identification', async () => {
    const page = (await api('GET', `/api/movies?libraryId=${libraryId}`)).json();
    expect(page.total).toBe(6);
    expect(page.items.map((m: { title: string }) => m.title)).toEqual([
      'Amélie',
      'Broken Nfo',
      'Heat',
      'Looped',
      'The Matrix',
      '千と千尋の神隠し',
    ]);
    const byTitle = Object.fromEntries(page.items.map((m: { title: string }) => [m.title, m]));
    expect(byTitle['The Matrix']).toMatchObject({
      identificationStatus: 'identified',
      identificationSource: 'nfo',
      ids: { tmdb: 603, imdb: 'tt0133093' },
    });
    expect(byTitle['Amélie']).toMatchObject({
      identificationStatus: 'identified',
      identificationSource: 'folder-tag',
      ids: { tmdb: 194 },
      year: 2001,
    });
    expect(byTitle['Heat']).toMatchObject({ identificationStatus: 'unidentified', identificationSource: 'folder-name', year: 1995 });
    const unidentified = (await api('GET', `/api/movies?libraryId=${libraryId}&status=unidentified`)).json();
    expect(unidentified.total).toBe(4);
  });

  it('reads the NFO, the streams with ffprobe, local artwork, cast and unknown files', async () => {
    const matrix = await movieByTitle('Matrix');
    expect(matrix).toMatchObject({
      plot: 'A hacker learns the truth.',
      tagline: 'Welcome to the Real World.',
      year: 1999,
      genres: ['Action', 'Science Fiction'],
      nfoPath: 'movie.nfo',
    });
    expect(matrix.mediaFiles).toHaveLength(1);
    const [file] = matrix.mediaFiles;
    expect(file.container).toBe('mkv');
    expect(file.durationSeconds).toBeGreaterThan(0.5);
    const kinds = file.streams.map(
      (s: { streamType: string; language: string | null; external: boolean }) =>
        `${s.streamType}:${s.language ?? '-'}${s.external ? ':external' : ''}`,
    );
    expect(kinds).toEqual(['video:-', 'audio:eng', 'audio:jpn', 'subtitle:eng', 'subtitle:eng:external']);
    expect(matrix.assets.map((a: { assetType: string; width: number; height: number }) => [a.assetType, a.width, a.height])).toEqual([
      ['fanart', 320, 180],
      ['poster', 200, 300],
    ]);
    expect(matrix.actors).toEqual([
      expect.objectContaining({ name: 'Keanu Reeves', role: 'Neo', order: 0, thumbCacheFileId: expect.any(String) }),
      expect.objectContaining({ name: 'Carrie-Anne Moss', role: 'Trinity', order: 1, thumbCacheFileId: null }),
    ]);
    expect(matrix.unknownFiles).toEqual([{ relativePath: 'notes.txt', sizeBytes: 9 }]);
  });

  it('keeps several versions of one movie as one title', async () => {
    const heat = await movieByTitle('Heat');
    expect(heat.mediaFiles.map((f: { relativePath: string }) => f.relativePath)).toEqual([
      'Heat (1995) - 1080p.mkv',
      'Heat (1995) - 2160p.mkv',
    ]);
  });

  it('records a malformed NFO on the title and still scans the rest of it', async () => {
    const broken = await movieByTitle('Broken');
    expect(broken.scanErrors).toEqual([{ relativePath: 'movie.nfo', reason: expect.stringMatching(/^movie\.nfo: /) }]);
    expect(broken.mediaFiles).toHaveLength(1);
    expect(broken.mediaFiles[0].probeError).toBeNull();
  });

  it('stores the same artwork bytes once in the content-addressed cache', async () => {
    const matrix = await movieByTitle('Matrix');
    const amelie = await movieByTitle('Amélie');
    const matrixPoster = matrix.assets.find((a: { assetType: string }) => a.assetType === 'poster');
    const ameliePoster = amelie.assets.find((a: { assetType: string }) => a.assetType === 'poster');
    expect(ameliePoster.sha256).toBe(matrixPoster.sha256);
    expect(ameliePoster.cachePath).toBe(matrixPoster.cachePath);
    // Stored under whichever title brought the bytes first (the two are scanned concurrently).
    expect([matrix.id, amelie.id].map((id) => `cache/movie/${id}/poster_${matrixPoster.sha256}.jpg`)).toContain(matrixPoster.cachePath);
    expect(fs.existsSync(path.join(dataDir, matrixPoster.cachePath))).toBe(true);
    const rows = await database.db.select().from(cacheFiles).where(eq(cacheFiles.sha256, matrixPoster.sha256));
    expect(rows).toHaveLength(1);
  });
});

describe('rescans', () => {
  it('skips unchanged folders without scanning them, or even rewriting their rows', async () => {
    // xmin is the transaction that last wrote a row: unchanged means not written at all.
    const rowVersions = () =>
      database.sql`select key, xmin::text as version from library_folders where library_id = ${libraryId} order by key`;
    const before = await rowVersions();
    const again = await scan();
    expect(await rowVersions()).toEqual(before);
    expect(again).toMatchObject({
      status: 'completed',
      titlesFound: 6,
      directoriesScanned: 0,
      titlesNew: 0,
      titlesUpdated: 0,
      titlesRemoved: 0,
      assetsCached: 0,
    });
    expect((await api('GET', `/api/movies?libraryId=${libraryId}`)).json().total).toBe(6);
  });

  it('rescans a changed folder but never overwrites a field a person edited', async () => {
    const matrix = await movieByTitle('Matrix');
    const edited = await api('PATCH', `/api/movies/${matrix.id}`, { plot: 'My own summary.' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().lockedFields).toEqual(['plot']);

    const nfoPath = path.join(root, 'The Matrix (1999)', 'movie.nfo');
    fs.writeFileSync(
      nfoPath,
      matrixNfo.replace('A hacker learns the truth.', 'Scanner plot.').replace('Welcome to the Real World.', 'Free your mind.'),
    );
    const rescan = await scan();
    expect(rescan).toMatchObject({ directoriesScanned: 1, titlesUpdated: 1, titlesNew: 0 });

    const after = await movieByTitle('Matrix');
    expect(after.plot).toBe('My own summary.');
    expect(after.tagline).toBe('Free your mind.');

    const unlocked = await api('PATCH', `/api/movies/${matrix.id}`, { unlock: ['plot'] });
    expect(unlocked.json().lockedFields).toEqual([]);
  });

  it('refuses an edit of an unknown field, naming it', async () => {
    const matrix = await movieByTitle('Matrix');
    const res = await api('PATCH', `/api/movies/${matrix.id}`, { rating: 10 });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body.rating: unknown field');
  });

  it('marks a vanished folder removed, deleting nothing on disk', async () => {
    const heatDir = path.join(root, 'Heat (1995)');
    const parked = path.join(path.dirname(root), `${path.basename(root)}-parked-heat`);
    fs.renameSync(heatDir, parked);
    const rescan = await scan();
    expect(rescan).toMatchObject({ titlesFound: 5, titlesRemoved: 1 });
    const removed = (await api('GET', `/api/movies?libraryId=${libraryId}&status=removed`)).json();
    expect(removed.items.map((m: { title: string }) => m.title)).toEqual(['Heat']);
    expect(removed.items[0].removedAt).not.toBeNull();
    expect((await api('GET', `/api/movies?libraryId=${libraryId}`)).json().total).toBe(5);

    // It comes back: the same title row is restored, not a duplicate.
    fs.renameSync(parked, heatDir);
    const back = await scan();
    expect(back).toMatchObject({ titlesFound: 6, titlesNew: 0, directoriesScanned: 1 });
    const present = (await api('GET', `/api/movies?libraryId=${libraryId}`)).json();
    expect(present.total).toBe(6);
    expect(present.items.find((m: { title: string }) => m.title === 'Heat').id).toBe(removed.items[0].id);
  });
});
