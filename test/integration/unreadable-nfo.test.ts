import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { movies, shows } from '../../src/db/schema/index.js';
import { parseNfo } from '../../src/media/nfo/index.js';
import { libraryScanWorkflowId } from '../../src/contracts/scan.js';
import { titlePipelineWorkflowId, type TitlePipelineState } from '../../src/contracts/title-pipeline.js';
import { makeVideo } from '../support/media-fixtures.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  startTestWorker,
  type TestDatabase,
} from '../support/integration.js';
import { tempDir, writeTree } from '../support/temp-dir.js';

/**
 * libraryScan → title pipeline on real Temporal, Postgres, ffmpeg and files, no provider configured: an NFO
 * a person edited by hand into something no reader can parse is reported and left byte for byte, until a
 * scan reads it again or a person asks for it to be replaced.
 */
const moviesRoot = tempDir('reelflow-unreadable-movies-');
const showsRoot = tempDir('reelflow-unreadable-shows-');
const taskQueue = `test-${randomUUID()}`;
const heatFolder = path.join(moviesRoot, 'Heat (1995)');
const showFolder = path.join(showsRoot, 'The Wire (2002)');

// An unescaped "&" (tolerated, as Kodi does) and an <actor> that is never closed (not XML at all).
const BROKEN_MOVIE_NFO = `<?xml version="1.0" encoding="UTF-8"?>
<movie>
  <title>Heat</title>
  <plot>Cops & robbers, by the person who wrote this.</plot>
  <uniqueid type="imdb" default="true">tt0113277</uniqueid>
  <actor>
    <name>Al Pacino</name>
    <role>Vincent Hanna</role>
</movie>
`;
const BROKEN_SHOW_NFO = '<tvshow>\n  <title>The Wire</title>\n  <genre>Drama</genre\n</tvshow>\n';
const BROKEN_EPISODE_NFO =
  '<episodedetails><title>The Target</title><season>1</season><episode>1</episode><actor><name>Dominic West</name></episodedetails>';
const EPISODE_1 = 'Season 01/The Wire - S01E01.nfo';
const EPISODE_2 = 'Season 01/The Wire - S01E02.nfo';

let app: FastifyInstance;
let database: TestDatabase;
let temporal: Client;
let moviesLibrary: string;
let showsLibrary: string;

const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

async function scan(libraryId: string): Promise<void> {
  expect((await api('POST', `/api/libraries/${libraryId}/scan`)).statusCode).toBe(202);
  await temporal.workflow.getHandle(libraryScanWorkflowId(libraryId)).result();
}

const pipelineResult = (kind: 'movie' | 'show', id: string) =>
  temporal.workflow.getHandle(titlePipelineWorkflowId(kind, id)).result() as Promise<TitlePipelineState>;

async function movieRow() {
  const [row] = await database.db
    .select()
    .from(movies)
    .where(and(eq(movies.libraryId, moviesLibrary), eq(movies.folderPath, heatFolder)));
  return row!;
}

async function showRow() {
  const [row] = await database.db
    .select()
    .from(shows)
    .where(and(eq(shows.libraryId, showsLibrary), eq(shows.folderPath, showFolder)));
  return row!;
}

const read = (folder: string, relative: string) => fs.readFileSync(path.join(folder, relative), 'utf8');

beforeAll(async () => {
  await makeVideo(path.join(heatFolder, 'Heat (1995).mkv'));
  writeTree(heatFolder, { 'movie.nfo': BROKEN_MOVIE_NFO });
  await makeVideo(path.join(showFolder, 'Season 01', 'The Wire - S01E01.mkv'));
  await makeVideo(path.join(showFolder, 'Season 01', 'The Wire - S01E02.mkv'));
  writeTree(showFolder, { 'tvshow.nfo': BROKEN_SHOW_NFO, [EPISODE_1]: BROKEN_EPISODE_NFO });

  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue, undefined, undefined, { titlePipelinesAfterScan: true });
  app = await createTestApp({ database, temporal, taskQueue });
  moviesLibrary = (await api('POST', '/api/libraries', { name: 'Movies', kind: 'movie', rootPath: moviesRoot })).json().id;
  showsLibrary = (await api('POST', '/api/libraries', { name: 'TV', kind: 'tv', rootPath: showsRoot })).json().id;
});

describe('an NFO that cannot be read', () => {
  it('is reported by the scan and left byte for byte by the pipeline (movie, tvshow and episode NFOs)', async () => {
    await scan(moviesLibrary);
    await scan(showsLibrary);
    const movie = await movieRow();
    const show = await showRow();
    const [moviePipeline, showPipeline] = await Promise.all([pipelineResult('movie', movie.id), pipelineResult('show', show.id)]);
    expect(moviePipeline.phase).toBe('completed');
    expect(showPipeline.phase).toBe('completed');

    expect(read(heatFolder, 'movie.nfo')).toBe(BROKEN_MOVIE_NFO);
    expect(read(showFolder, 'tvshow.nfo')).toBe(BROKEN_SHOW_NFO);
    expect(read(showFolder, EPISODE_1)).toBe(BROKEN_EPISODE_NFO);
    // The episode whose NFO nobody wrote still gets one.
    expect(read(showFolder, EPISODE_2)).toContain('<episode>2</episode>');
    expect(moviePipeline.published?.written).not.toContain('movie.nfo');

    const detail = (await api('GET', `/api/movies/${movie.id}`)).json();
    expect(detail.unreadableNfoPath).toBe('movie.nfo');
    expect(detail.scanErrors).toEqual([{ relativePath: 'movie.nfo', reason: expect.stringMatching(/^movie\.nfo: not well-formed XML/) }]);
    const showDetail = (await api('GET', `/api/shows/${show.id}`)).json();
    expect(showDetail.unreadableNfoPath).toBe('tvshow.nfo');
    expect(showDetail.seasons[0].episodes.map((e: { unreadableNfoPath: string | null }) => e.unreadableNfoPath)).toEqual([EPISODE_1, null]);
  });

  it('is left alone by a refresh that does not ask for it to be replaced', async () => {
    const movie = await movieRow();
    const plain = await api('POST', `/api/movies/${movie.id}/refresh`);
    expect(plain.statusCode, plain.body).toBe(202);
    expect((await pipelineResult('movie', movie.id)).phase).toBe('completed');
    expect(read(heatFolder, 'movie.nfo')).toBe(BROKEN_MOVIE_NFO);
    const invalid = await api('POST', `/api/movies/${movie.id}/refresh`, { replaceUnreadableNfo: 'yes' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().message).toMatch(/replaceUnreadableNfo/);
  });

  it('is published again once a scan reads the fixed file, keeping what the person wrote', async () => {
    const fixed = BROKEN_MOVIE_NFO.replace('</movie>', '  </actor>\n  <custom source="me">kept</custom>\n</movie>');
    fs.writeFileSync(path.join(heatFolder, 'movie.nfo'), fixed);
    await scan(moviesLibrary);
    const movie = await movieRow();
    expect(movie.unreadableNfoPath).toBeNull();
    expect((await pipelineResult('movie', movie.id)).phase).toBe('completed');

    const parsed = parseNfo(read(heatFolder, 'movie.nfo'), 'movie.nfo');
    if (parsed.kind !== 'movie') throw new Error(`movie.nfo is a ${parsed.kind}`);
    expect(parsed.movie.plot).toBe('Cops & robbers, by the person who wrote this.');
    expect(parsed.movie.uniqueIds).toContainEqual({ type: 'imdb', value: 'tt0113277', isDefault: true });
    expect(parsed.movie.actors).toEqual([{ name: 'Al Pacino', role: 'Vincent Hanna' }]);
    expect(parsed.movie.extra).toEqual([{ name: 'custom', attributes: { source: 'me' }, children: ['kept'] }]);
  });

  it('is replaced when a person asks, and kept beside the new one byte for byte', async () => {
    const show = await showRow();
    const refresh = await api('POST', `/api/shows/${show.id}/refresh`, { replaceUnreadableNfo: true });
    expect(refresh.statusCode).toBe(202);
    expect((await pipelineResult('show', show.id)).phase).toBe('completed');

    const files = fs.readdirSync(showFolder);
    const keptShow = files.find((name) => /^tvshow\.nfo\.unreadable-[0-9a-f]{12}\.bak$/.test(name));
    expect(keptShow).toBeDefined();
    expect(read(showFolder, keptShow!)).toBe(BROKEN_SHOW_NFO);
    expect(parseNfo(read(showFolder, 'tvshow.nfo'), 'tvshow.nfo').kind).toBe('tvshow');

    const keptEpisode = fs
      .readdirSync(path.join(showFolder, 'Season 01'))
      .find((name) => name.startsWith('The Wire - S01E01.nfo.unreadable-'));
    expect(keptEpisode).toBeDefined();
    expect(read(showFolder, `Season 01/${keptEpisode!}`)).toBe(BROKEN_EPISODE_NFO);
    expect(parseNfo(read(showFolder, EPISODE_1), 'episode.nfo').kind).toBe('episodedetails');

    const after = await showRow();
    expect(after).toMatchObject({ unreadableNfoPath: null, replaceUnreadableNfo: false });
  });
});
