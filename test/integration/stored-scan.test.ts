import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RefreshedFolder } from '../../src/contracts/folder-refresh.js';
import type { ScanProgress } from '../../src/contracts/scan.js';
import { PROBE_REVISION } from '../../src/media/probe.js';
import { makeImage, makeVideo, type VideoSpec } from '../support/media-fixtures.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  startTestWorker,
  type TestDatabase,
} from '../support/integration.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A changed folder's rescan reads again only the files that changed: the other videos keep the probe, and
 * the other artwork the hash and measures, the last scan stored, as long as their size and modification
 * time are the same. To see which files were read, a kept file's bytes are swapped for bytes of the same
 * length that are neither video nor image, its time put back: reading it now fails, so a row without an
 * error means it was not read.
 */
const root = tempDir('reelflow-stored-scan-');
const showFolder = path.join(root, 'Long Show (2010)');
const episode = (n: number) => `Season 01/Long Show - S01E0${n}.mkv`;
const WHOLE_SECOND = new Date('2026-01-02T03:04:05Z');
const sharedDir = tempDir('reelflow-stored-scan-fixtures-');
const taskQueue = `test-${randomUUID()}`;
let database: TestDatabase;
let app: FastifyInstance;
let temporal: Client;
let libraryId: string;

/**
 * A file of this test's own, at a whole second (so its time can be put back exactly as the scan saw it):
 * makeVideo and makeImage hard-link fixtures every test file shares, whose bytes and times must not change
 * under them.
 */
async function own(filePath: string, make: (target: string) => Promise<unknown>) {
  const shared = path.join(sharedDir, `${randomUUID()}${path.extname(filePath)}`);
  await make(shared);
  await mkdir(path.dirname(filePath), { recursive: true });
  await copyFile(shared, filePath);
  await rm(shared);
  await utimes(filePath, WHOLE_SECOND, WHOLE_SECOND);
}
const ownVideo = (filePath: string, spec: VideoSpec = {}) => own(filePath, (target) => makeVideo(target, spec));

beforeAll(async () => {
  await ownVideo(path.join(showFolder, episode(1)), { audio: [{ language: 'eng' }] });
  await ownVideo(path.join(showFolder, episode(2)), { audio: [{ language: 'fre' }] });
  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue);
  app = await createTestApp({ database, temporal, taskQueue });
  libraryId = (
    await app.inject({ method: 'POST', url: '/api/libraries', headers: authHeaders, payload: { name: 'TV', kind: 'tv', rootPath: root } })
  ).json().id;
  await scan();
});

/** Scans a library (the TV library unless told) through the API, to its result. */
async function scan(library = libraryId): Promise<ScanProgress> {
  const started = (await app.inject({ method: 'POST', url: `/api/libraries/${library}/scan`, headers: authHeaders })).json();
  return temporal.workflow.getHandle(started.workflowId).result();
}

/** What the database holds for one video: its media_files row and its streams, without ids. */
async function storedRows(relativePath: string) {
  const [file] = await database.sql<
    {
      id: string;
      container: string | null;
      duration_seconds: number | null;
      mtime_ms: number | null;
      probe_revision: number | null;
      probe_error: string | null;
    }[]
  >`
    select id, container, duration_seconds, mtime_ms, probe_revision, probe_error from media_files where relative_path = ${relativePath} and entity_type = 'episode'`;
  expect(file, `a media_files row for ${relativePath}`).toBeDefined();
  const streams = await database.sql`
    select stream_type, stream_index, codec, language, title, is_default, is_forced, external, external_path, width, height, hdr, channels
    from media_streams where media_file_id = ${file!.id} order by external, stream_index, external_path`;
  const { id: _id, ...fileColumns } = file!;
  return { file: fileColumns, streams: [...streams] };
}

/** The same number of bytes, none of them a video or an image, and the file's time put back as it was. */
async function disguise(file: string) {
  const before = await stat(file);
  await writeFile(file, Buffer.alloc(before.size, 0x5a));
  await utimes(file, before.atime, before.mtime);
}

describe('a rescan of a changed folder', () => {
  it('stores each probe with the time of the file it read', async () => {
    const first = await storedRows(episode(1));
    expect(first.file).toMatchObject({
      container: 'mkv',
      probe_error: null,
      mtime_ms: (await stat(path.join(showFolder, episode(1)))).mtimeMs,
      probe_revision: PROBE_REVISION,
    });
    expect(first.streams.map((s) => [s.stream_type, s.language])).toEqual([
      ['video', null],
      ['audio', 'eng'],
    ]);
  });

  it('keeps the probe of an unchanged video, reads the new one and lists new subtitle files', async () => {
    const before = await storedRows(episode(1));
    await disguise(path.join(showFolder, episode(1)));
    await ownVideo(path.join(showFolder, episode(3)));
    await writeFile(path.join(showFolder, 'Season 01/Long Show - S01E01.en.srt'), '1\n00:00:00,000 --> 00:00:01,000\nHello\n');

    const progress = await scan();
    expect(progress).toMatchObject({ directoriesScanned: 1, errors: 0 });

    const after = await storedRows(episode(1));
    expect(after.file).toEqual(before.file);
    expect(after.streams.filter((s) => !s.external)).toEqual(before.streams);
    expect(after.streams.filter((s) => s.external).map((s) => [s.stream_type, s.codec, s.language, s.external_path])).toEqual([
      ['subtitle', 'srt', 'eng', 'Season 01/Long Show - S01E01.en.srt'],
    ]);
    const added = await storedRows(episode(3));
    expect(added.file).toMatchObject({ container: 'mkv', probe_error: null });
    expect(added.streams.map((s) => s.stream_type)).toContain('video');
  });

  it('reads a video again once its modification time moves', async () => {
    const now = new Date();
    await utimes(path.join(showFolder, episode(1)), now, now);

    const progress = await scan();
    expect(progress).toMatchObject({ directoriesScanned: 1, errors: 1 });

    const reread = await storedRows(episode(1));
    expect(reread.file.probe_error).toEqual(expect.any(String));
    expect(reread.file.container).toBeNull();
    expect(reread.streams.filter((s) => !s.external)).toEqual([]);
  });

  it('keeps the probes of the other episodes when one folder is refreshed, as a Sonarr import asks', async () => {
    const before = await storedRows(episode(2));
    await disguise(path.join(showFolder, episode(2)));
    await ownVideo(path.join(showFolder, episode(4)));

    const refreshed: RefreshedFolder = await temporal.workflow.execute('folderRefresh', {
      taskQueue,
      workflowId: `test-refresh-${randomUUID()}`,
      args: [{ libraryId, folderPath: showFolder, reason: 'sonarr Download' }],
    });
    expect(refreshed).toMatchObject({ outcome: 'scanned', kind: 'show' });

    expect(await storedRows(episode(2))).toEqual(before);
    expect((await storedRows(episode(4))).file).toMatchObject({ container: 'mkv', probe_error: null });
  });
});

describe('a stored probe of an earlier revision', () => {
  it('is not kept: the video is read again', async () => {
    // Episode 2 kept its probe through the refresh above though its bytes are no video any more.
    await database.sql`update media_files set probe_revision = ${PROBE_REVISION - 1} where relative_path = ${episode(2)}`;
    await ownVideo(path.join(showFolder, episode(5)));

    expect(await scan()).toMatchObject({ directoriesScanned: 1 });
    const reread = await storedRows(episode(2));
    expect(reread.file).toMatchObject({ container: null, probe_error: expect.any(String) });
  });
});

describe('a rescan of a movie whose NFO was edited', () => {
  const movieRoot = tempDir('reelflow-stored-scan-movies-');
  const folder = path.join(movieRoot, 'Quiet Film (1999)');
  const video = path.join(folder, 'Quiet Film (1999).mkv');
  const poster = path.join(folder, 'poster.jpg');
  let movies: string;

  /** The video's probe, the poster's cached content and the title, as the database holds them. */
  async function rowsOf() {
    const [file] =
      await database.sql`select container, duration_seconds, mtime_ms, probe_error from media_files where relative_path = ${path.basename(video)}`;
    const artwork = await database.sql`
      select a.source_mtime_ms, c.sha256, c.width, c.height, c.format from assets a join cache_files c on c.id = a.cache_file_id
      where a.source = 'local' and a.source_path = 'poster.jpg'`;
    const [movie] = await database.sql`select title from movies where folder_key = 'Quiet Film (1999)'`;
    return { file, artwork: [...artwork], title: movie!.title as string };
  }

  beforeAll(async () => {
    await ownVideo(video, { audio: [{ language: 'eng' }] });
    await own(poster, (target) => makeImage(target, 100, 150, 'navy'));
    await writeFile(path.join(folder, 'movie.nfo'), '<movie><title>Quiet Film</title><year>1999</year></movie>');
    const created = await app.inject({
      method: 'POST',
      url: '/api/libraries',
      headers: authHeaders,
      payload: { name: 'Films', kind: 'movie', rootPath: movieRoot },
    });
    movies = created.json().id;
    await scan(movies);
  });

  it('keeps the probe of its video and what its artwork held, and reads the NFO again', async () => {
    const before = await rowsOf();
    expect(before).toMatchObject({ file: { container: 'mkv', probe_error: null }, title: 'Quiet Film' });
    expect(before.artwork).toEqual([
      { source_mtime_ms: WHOLE_SECOND.getTime(), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), width: 100, height: 150, format: 'jpg' },
    ]);

    await disguise(video);
    await disguise(poster);
    await writeFile(path.join(folder, 'movie.nfo'), '<movie><title>Quiet Film, Restored</title><year>1999</year></movie>');

    expect(await scan(movies)).toMatchObject({ directoriesScanned: 1, errors: 0 });
    expect(await rowsOf()).toEqual({ ...before, title: 'Quiet Film, Restored' });
  });

  it('reads an artwork file again once its time moves', async () => {
    const now = new Date();
    await utimes(poster, now, now);

    expect(await scan(movies)).toMatchObject({ directoriesScanned: 1, errors: 1 });
    expect((await rowsOf()).artwork).toEqual([]);
  });
});
