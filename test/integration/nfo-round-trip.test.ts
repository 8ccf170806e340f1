import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { episodes, movies, shows } from '../../src/db/schema/index.js';
import { parseNfo, type ParsedNfo } from '../../src/media/nfo/index.js';
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
import { tempDir } from '../support/temp-dir.js';

/**
 * A movie and a TV library whose NFOs were written by Kodi, Jellyfin, Emby, tinyMediaManager, Sonarr and
 * Radarr, scanned and published with no metadata provider: every published NFO reads back as the data the
 * original held (the streams aside, which the probe measures), in every block of a multi-episode file.
 */
const fixtures = path.resolve(import.meta.dirname, '../fixtures/nfo-writers');
const moviesRoot = tempDir('reelflow-round-trip-movies-');
const showsRoot = tempDir('reelflow-round-trip-shows-');
const taskQueue = `test-${randomUUID()}`;
const show = path.join(showsRoot, 'Breaking Bad (2008)');

const MOVIES: Record<string, string> = {
  'The Matrix (1999)': 'jellyfin.movie.nfo',
  'Heat (1995)': 'emby.movie.nfo',
  'Alien (1979)': 'tmm.movie.nfo',
  'Zardoz (1974)': 'radarr.movie.nfo',
};
const SHOW_FILES: Record<string, string> = {
  'tvshow.nfo': 'jellyfin.tvshow.nfo',
  'Season 01/Breaking Bad - S01E01E02.nfo': 'sonarr-reversed.multi-episode.nfo',
  'Season 02/Breaking Bad - S02E01.nfo': 'kodi.episode.nfo',
  'Season 02/Breaking Bad - S02E02.nfo': 'jellyfin.episode.nfo',
};

const BROKEN_SEASON_NFO = '<season><title>Season 2</title><plot>Unclosed</season>';

let app: FastifyInstance;
let database: TestDatabase;
let temporal: Client;

const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

async function scanAndPublish(libraryId: string, kind: 'movie' | 'show'): Promise<TitlePipelineState[]> {
  expect((await api('POST', `/api/libraries/${libraryId}/scan`)).statusCode).toBe(202);
  await temporal.workflow.getHandle(libraryScanWorkflowId(libraryId)).result();
  const table = (kind === 'movie' ? movies : shows) as typeof movies;
  const rows = await database.db.select({ id: table.id }).from(table).where(eq(table.libraryId, libraryId));
  return Promise.all(
    rows.map((row) => temporal.workflow.getHandle(titlePipelineWorkflowId(kind, row.id)).result() as Promise<TitlePipelineState>),
  );
}

/** The model without the streams, which publishing takes from the probe of the real file. */
function withoutStreams(parsed: ParsedNfo): unknown {
  const strip = <T extends { fileInfo?: unknown }>(model: T) => ({ ...model, fileInfo: undefined });
  if (parsed.kind === 'movie') return strip(parsed.movie);
  if (parsed.kind === 'tvshow') return strip(parsed.tvShow);
  if (parsed.kind === 'episodedetails') return parsed.episodes.map(strip);
  return parsed;
}

beforeAll(async () => {
  for (const [folder, name] of Object.entries(MOVIES)) {
    await makeVideo(path.join(moviesRoot, folder, `${folder}.mkv`));
    fs.writeFileSync(path.join(moviesRoot, folder, 'movie.nfo'), fixture(name));
  }
  await makeVideo(path.join(show, 'Season 01', 'Breaking Bad - S01E01E02.mkv'));
  await makeVideo(path.join(show, 'Season 02', 'Breaking Bad - S02E01.mkv'));
  await makeVideo(path.join(show, 'Season 02', 'Breaking Bad - S02E02.mkv'));
  for (const [relative, name] of Object.entries(SHOW_FILES)) fs.writeFileSync(path.join(show, relative), fixture(name));
  fs.writeFileSync(path.join(show, 'Season 01', 'season.nfo'), fixture('jellyfin.season.nfo'));
  fs.writeFileSync(path.join(show, 'Season 02', 'season.nfo'), BROKEN_SEASON_NFO);

  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue, undefined, undefined, { titlePipelinesAfterScan: true });
  app = await createTestApp({ database, temporal, taskQueue });
});

describe('publishing NFOs from every writer', () => {
  it('keeps what each movie NFO says, every id, rating, person and unknown element included', async () => {
    const libraryId = (await api('POST', '/api/libraries', { name: 'Movies', kind: 'movie', rootPath: moviesRoot })).json().id;
    const results = await scanAndPublish(libraryId, 'movie');
    expect(results.map((r) => r.phase)).toEqual(['completed', 'completed', 'completed', 'completed']);
    for (const [folder, name] of Object.entries(MOVIES)) {
      const published = fs.readFileSync(path.join(moviesRoot, folder, 'movie.nfo'), 'utf8');
      expect(published, name).not.toBe(fixture(name));
      expect(withoutStreams(parseNfo(published, name)), name).toStrictEqual(withoutStreams(parseNfo(fixture(name), name)));
    }

    const matrix = fs.readFileSync(path.join(moviesRoot, 'The Matrix (1999)', 'movie.nfo'), 'utf8');
    expect(matrix).toContain('<uniqueid type="tmdbcol">2344</uniqueid>');
    expect(matrix).toContain('<set tmdbcolid="2344">');
    expect(matrix).toContain('<type>Producer</type>');
    const [cast] = await database.db
      .select({ id: movies.id })
      .from(movies)
      .where(and(eq(movies.libraryId, libraryId), eq(movies.title, 'The Matrix')));
    const detail = (await api('GET', `/api/movies/${cast!.id}`)).json();
    // Jellyfin lists its producer as an <actor>: crew, not cast.
    expect(detail.actors.map((a: { name: string }) => a.name)).toEqual(['Keanu Reeves']);

    const heat = parseNfo(fs.readFileSync(path.join(moviesRoot, 'Heat (1995)', 'movie.nfo'), 'utf8'), 'movie.nfo');
    if (heat.kind !== 'movie') throw new Error('not a movie');
    expect(heat.movie.uniqueIds).toEqual([
      { type: 'imdb', value: 'tt0113277', isDefault: true },
      { type: 'tmdb', value: '949', isDefault: false },
    ]);
    expect(heat.movie.directors).toEqual(['Michael Mann']);
    const alien = fs.readFileSync(path.join(moviesRoot, 'Alien (1979)', 'movie.nfo'), 'utf8');
    expect(alien).toContain('<value>89</value>');
    expect(alien).toContain('<uniqueid type="trakt">295</uniqueid>');
    expect(alien).toContain('<profile>https://www.themoviedb.org/person/10205</profile>');
    expect(alien).toContain('<director tmdbid="578">Ridley Scott</director>');
    // Radarr's stream details the probe does not measure stay beside the probe's.
    const zardoz = fs.readFileSync(path.join(moviesRoot, 'Zardoz (1974)', 'movie.nfo'), 'utf8');
    expect(zardoz).toMatch(/<codec>h264<\/codec>[\s\S]*<bitrate>5000<\/bitrate>[\s\S]*<scantype>Progressive<\/scantype>/);
  });

  it('keeps every block of a multi-episode file by its number, in the file order, and all of an episode NFO', async () => {
    const libraryId = (await api('POST', '/api/libraries', { name: 'TV', kind: 'tv', rootPath: showsRoot })).json().id;
    const [result] = await scanAndPublish(libraryId, 'show');
    expect(result!.phase).toBe('completed');

    const rows = await database.db.select().from(episodes).orderBy(asc(episodes.seasonNumber), asc(episodes.episodeNumber));
    expect(rows.map((e) => [e.seasonNumber, e.episodeNumber, e.title])).toEqual([
      [1, 1, 'Pilot'],
      [1, 2, "Cat's in the Bag..."],
      [2, 1, 'Seven Thirty-Seven'],
      // Jellyfin left <title> empty and named the episode in <originaltitle>.
      [2, 2, 'Grilled'],
    ]);
    expect(rows[3]).toMatchObject({
      directors: ['Michelle MacLaren'],
      credits: ['George Mastras'],
      imdbId: 'tt1232248',
      tvdbId: 438907,
      ratings: [{ name: 'default', value: 8.7, isDefault: true }],
    });

    for (const [relative, name] of Object.entries(SHOW_FILES)) {
      const published = fs.readFileSync(path.join(show, relative), 'utf8');
      expect(withoutStreams(parseNfo(published, name)), name).toStrictEqual(withoutStreams(parseNfo(fixture(name), name)));
    }
    const multi = parseNfo(fs.readFileSync(path.join(show, 'Season 01/Breaking Bad - S01E01E02.nfo'), 'utf8'), 'e.nfo');
    if (multi.kind !== 'episodedetails') throw new Error('not an episode NFO');
    expect(multi.episodes.map((e) => [e.episode, e.title])).toEqual([
      [2, "Cat's in the Bag..."],
      [1, 'Pilot'],
    ]);
    const kodi = parseNfo(fs.readFileSync(path.join(show, 'Season 02/Breaking Bad - S02E01.nfo'), 'utf8'), 'e.nfo');
    if (kodi.kind !== 'episodedetails') throw new Error('not an episode NFO');
    // The probe's streams are laid over the file's: what it does not measure (3D) stays.
    expect(kodi.episodes[0]!.fileInfo?.video[0]?.stereoMode).toBe('left_right');
    const text = fs.readFileSync(path.join(show, 'Season 02/Breaking Bad - S02E01.nfo'), 'utf8');
    expect(text).toContain('<value>8.200000</value>');
    expect(text).toContain('<episodenumberend>1</episodenumberend>');
    const grilled = fs.readFileSync(path.join(show, 'Season 02/Breaking Bad - S02E02.nfo'), 'utf8');
    expect(grilled).not.toContain('<title>');
    expect(grilled).toContain('<type>Director</type>');
    expect(grilled).toContain('<communityrating>8,7</communityrating>');
  });

  it('reads season.nfo into its season, reports one it cannot read, and writes neither', async () => {
    const [row] = await database.db.select({ id: shows.id }).from(shows);
    const detail = (await api('GET', `/api/shows/${row!.id}`)).json();
    expect(detail.seasons.map((s: Record<string, unknown>) => [s.seasonNumber, s.title, s.premiered, s.nfoPath])).toEqual([
      [1, 'Season 1', '2008-01-20', 'Season 01/season.nfo'],
      [2, null, null, null],
    ]);
    expect(detail.seasons[0].plot).toMatch(/^High school chemistry teacher/);
    expect(detail.scanErrors).toEqual([
      { relativePath: 'Season 02/season.nfo', reason: expect.stringMatching(/^Season 02\/season\.nfo: not well-formed XML/) },
    ]);
    expect(fs.readFileSync(path.join(show, 'Season 01', 'season.nfo'), 'utf8')).toBe(fixture('jellyfin.season.nfo'));
    expect(fs.readFileSync(path.join(show, 'Season 02', 'season.nfo'), 'utf8')).toBe(BROKEN_SEASON_NFO);
  });

  it('writes nothing on the next run: the published NFOs are what the database says', async () => {
    const [row] = await database.db.select({ id: shows.id }).from(shows);
    expect((await api('POST', `/api/shows/${row!.id}/refresh`)).statusCode).toBe(202);
    const again = (await temporal.workflow.getHandle(titlePipelineWorkflowId('show', row!.id)).result()) as TitlePipelineState;
    expect(again.published?.written).toEqual([]);
  });
});
