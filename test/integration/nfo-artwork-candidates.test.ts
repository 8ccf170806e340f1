import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movies, providerAssets, shows } from '../../src/db/schema/index.js';
import { parseNfo } from '../../src/media/nfo/index.js';
import { libraryScanWorkflowId } from '../../src/contracts/scan.js';
import { titlePipelineWorkflowId, type TitlePipelineState } from '../../src/contracts/title-pipeline.js';
import { startFakeImageHost, type FakeImageHost } from '../fakes/image-host.js';
import { makeImage, makeVideo } from '../support/media-fixtures.js';
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
 * Artwork URLs in NFOs (a movie's or show's `<thumb>` and `<fanart>`, a season.nfo's) are offered as
 * artwork candidates under the source `nfo`, except for kinds of picture the folder already has; with no
 * metadata provider configured, enrichment downloads the chosen ones into the content store and
 * publishing writes them with Kodi's names, leaving the person's own pictures and NFO content alone.
 */
const moviesRoot = tempDir('reelflow-nfo-art-movies-');
const showsRoot = tempDir('reelflow-nfo-art-shows-');
const taskQueue = `test-${randomUUID()}`;
const movieFolder = path.join(moviesRoot, 'Alien (1979)');
const showFolder = path.join(showsRoot, 'Breaking Bad (2008)');

let app: FastifyInstance;
let database: TestDatabase;
let temporal: Client;
let images: FakeImageHost;
let ownFanart: Buffer;
let ownSeasonPoster: Buffer;
let movieNfo: string;

const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function scanAndPublish(rootPath: string, kind: 'movie' | 'tv'): Promise<{ id: string; result: TitlePipelineState }> {
  const libraryId = (await api('POST', '/api/libraries', { name: `NFO art ${kind}`, kind, rootPath })).json().id;
  expect((await api('POST', `/api/libraries/${libraryId}/scan`)).statusCode).toBe(202);
  await temporal.workflow.getHandle(libraryScanWorkflowId(libraryId)).result();
  const table = (kind === 'movie' ? movies : shows) as typeof movies;
  const [row] = await database.db.select({ id: table.id }).from(table).where(eq(table.libraryId, libraryId));
  const result = (await temporal.workflow
    .getHandle(titlePipelineWorkflowId(kind === 'movie' ? 'movie' : 'show', row!.id))
    .result()) as TitlePipelineState;
  return { id: row!.id, result };
}

function candidates(entityId: string) {
  return database.db
    .select({
      id: providerAssets.id,
      assetType: providerAssets.assetType,
      url: providerAssets.providerUrl,
      providerName: providerAssets.providerName,
      metadata: providerAssets.providerMetadata,
      isSelected: providerAssets.isSelected,
      contentHash: providerAssets.contentHash,
    })
    .from(providerAssets)
    .where(eq(providerAssets.entityId, entityId))
    .orderBy(asc(providerAssets.assetType), asc(providerAssets.providerUrl));
}

beforeAll(async () => {
  images = await startFakeImageHost();
  const url = (name: string) => `${images.url}/nfo/${name}`;
  await makeVideo(path.join(movieFolder, 'Alien (1979).mkv'));
  ownFanart = fs.readFileSync(await makeImage(path.join(movieFolder, 'fanart.jpg'), 640, 360, 'purple'));
  movieNfo = [
    '<movie>',
    '  <title>Alien</title>',
    '  <uniqueid type="tmdb" default="true">348</uniqueid>',
    `  <thumb spoof="" cache="" aspect="poster" preview="${url('poster-preview.jpg')}">${url('poster.jpg')}</thumb>`,
    `  <thumb aspect="clearlogo">${url('logo.png')}</thumb>`,
    '  <thumb aspect="banner">/media/movies/Alien (1979)/banner.jpg</thumb>',
    `  <fanart url="${images.url}/nfo/"><thumb>fanart.jpg</thumb></fanart>`,
    '</movie>',
  ].join('\n');
  fs.writeFileSync(path.join(movieFolder, 'movie.nfo'), movieNfo);

  await makeVideo(path.join(showFolder, 'Season 01', 'Breaking Bad - S01E01.mkv'));
  ownSeasonPoster = fs.readFileSync(await makeImage(path.join(showFolder, 'season02-poster.jpg'), 400, 600, 'orange'));
  fs.writeFileSync(
    path.join(showFolder, 'tvshow.nfo'),
    `<tvshow><title>Breaking Bad</title><uniqueid type="tvdb" default="true">81189</uniqueid><thumb aspect="poster">${url('show.jpg')}</thumb><thumb aspect="poster" type="season" season="1">${url('season1.jpg')}</thumb></tvshow>`,
  );
  fs.writeFileSync(
    path.join(showFolder, 'Season 01', 'season.nfo'),
    `<season><seasonnumber>1</seasonnumber><fanart><thumb>${url('season1-fanart.jpg')}</thumb></fanart></season>`,
  );
  fs.mkdirSync(path.join(showFolder, 'Season 02'));
  fs.writeFileSync(
    path.join(showFolder, 'Season 02', 'season.nfo'),
    `<season><seasonnumber>2</seasonnumber><thumb aspect="poster">${url('season2.jpg')}</thumb></season>`,
  );

  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue, undefined, undefined, { titlePipelinesAfterScan: true });
  app = await createTestApp({ database, temporal, taskQueue });
});

afterAll(async () => {
  await images?.close();
});

describe('artwork URLs in NFOs', () => {
  it("offers a movie NFO's URLs as candidates, downloads the chosen ones into the cache and publishes them beside the person's own", async () => {
    const { id, result } = await scanAndPublish(moviesRoot, 'movie');
    expect(result.phase).toBe('completed');
    const rows = await candidates(id);
    // The fanart is not offered: the folder has its own. The banner is a path on another machine, not a URL.
    expect(rows.map((r) => [r.providerName, r.assetType, r.url.replace(images.url, '')])).toEqual([
      ['nfo', 'clearlogo', '/nfo/logo.png'],
      ['nfo', 'poster', '/nfo/poster.jpg'],
    ]);
    expect(rows.every((r) => r.isSelected && r.contentHash !== null)).toBe(true);
    expect(rows.find((r) => r.assetType === 'poster')!.metadata).toMatchObject({
      preview: `${images.url}/nfo/poster-preview.jpg`,
      attributes: [
        ['spoof', ''],
        ['cache', ''],
      ],
    });
    expect([...images.requests].sort()).toEqual(['/nfo/logo.png', '/nfo/poster.jpg']);

    expect(fs.readdirSync(movieFolder).sort()).toEqual(['Alien (1979).mkv', 'clearlogo.png', 'fanart.jpg', 'movie.nfo', 'poster.jpg']);
    expect(sha256(path.join(movieFolder, 'poster.jpg'))).toBe(rows.find((r) => r.assetType === 'poster')!.contentHash);
    expect(fs.readFileSync(path.join(movieFolder, 'fanart.jpg')).equals(ownFanart)).toBe(true);
    const nfo = fs.readFileSync(path.join(movieFolder, 'movie.nfo'), 'utf8');
    expect(nfo).toContain(
      `<thumb spoof="" cache="" aspect="poster" preview="${images.url}/nfo/poster-preview.jpg">${images.url}/nfo/poster.jpg</thumb>`,
    );
    expect(nfo).toContain('<thumb aspect="banner">/media/movies/Alien (1979)/banner.jpg</thumb>');
    const read = (text: string) => {
      const parsed = parseNfo(text, 'movie.nfo');
      return parsed.kind === 'movie' ? parsed.movie.thumbs : [];
    };
    // The selected pictures are the file's own: its thumbs stay as they were, in their order.
    expect(read(nfo)).toStrictEqual(read(movieNfo));
    expect(nfo).toContain(`<fanart url="${images.url}/nfo/">`);
  });

  it("offers tvshow.nfo's and season.nfo's season artwork for each season that has none of its own", async () => {
    images.requests.length = 0;
    const { id, result } = await scanAndPublish(showsRoot, 'tv');
    expect(result.phase).toBe('completed');
    const rows = await candidates(id);
    expect(
      rows.map((r) => [r.providerName, r.assetType, (r.metadata as { season: number | null }).season, r.url.replace(images.url, '')]),
    ).toEqual([
      ['nfo', 'poster', null, '/nfo/show.jpg'],
      ['nfo', 'season-fanart', 1, '/nfo/season1-fanart.jpg'],
      ['nfo', 'season-poster', 1, '/nfo/season1.jpg'],
    ]);
    expect(rows.every((r) => r.isSelected && r.contentHash !== null)).toBe(true);
    expect(sha256(path.join(showFolder, 'season01-poster.jpg'))).toBe(rows.find((r) => r.assetType === 'season-poster')!.contentHash);
    expect(sha256(path.join(showFolder, 'season01-fanart.jpg'))).toBe(rows.find((r) => r.assetType === 'season-fanart')!.contentHash);
    expect(fs.readFileSync(path.join(showFolder, 'season02-poster.jpg')).equals(ownSeasonPoster)).toBe(true);
    expect(images.requests).not.toContain('/nfo/season2.jpg');

    // A person finds the ids to select or reject through the show's own asset list.
    const listed = (await api('GET', `/api/shows/${id}/provider-assets?type=season-poster`)).json();
    expect(listed.map((a: { id: string; provider: string; isSelected: boolean }) => [a.id, a.provider, a.isSelected])).toEqual([
      [rows.find((r) => r.assetType === 'season-poster')!.id, 'nfo', true],
    ]);
    expect((await api('GET', `/api/shows/${randomUUID()}/provider-assets`)).statusCode).toBe(404);
    expect((await api('GET', `/api/movies/${id}/provider-assets`)).statusCode).toBe(404);
  });

  it('drops a candidate the NFO no longer names at the next scan, unless a person chose it', async () => {
    const [movie] = await database.db.select({ id: movies.id, libraryId: movies.libraryId }).from(movies);
    const [logo] = await database.db
      .select({ id: providerAssets.id })
      .from(providerAssets)
      .where(and(eq(providerAssets.entityId, movie!.id), eq(providerAssets.assetType, 'clearlogo')));
    expect((await api('POST', `/api/movies/${movie!.id}/provider-assets/${logo!.id}`, { choice: 'select' })).statusCode).toBe(200);
    const nfoPath = path.join(movieFolder, 'movie.nfo');
    const withoutArt = fs
      .readFileSync(nfoPath, 'utf8')
      .split('\n')
      .filter((line) => !line.includes('/nfo/poster.jpg') && !line.includes('/nfo/logo.png'))
      .join('\n');
    fs.writeFileSync(nfoPath, withoutArt);
    expect((await api('POST', `/api/libraries/${movie!.libraryId}/scan`)).statusCode).toBe(202);
    await temporal.workflow.getHandle(libraryScanWorkflowId(movie!.libraryId)).result();
    expect((await candidates(movie!.id)).map((r) => r.assetType)).toEqual(['clearlogo']);
    // The changed NFO is published again; the picture a person chose stays.
    const again = (await temporal.workflow.getHandle(titlePipelineWorkflowId('movie', movie!.id)).result()) as TitlePipelineState;
    expect(again.phase).toBe('completed');
    expect(fs.existsSync(path.join(movieFolder, 'clearlogo.png'))).toBe(true);
  });
});
