import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { assets, cacheFiles, movies, providerAssets } from '../../src/db/schema/index.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, type TestDatabase } from '../support/integration.js';
import { insertMovie, insertShow } from '../support/title-rows.js';
import { tempDir } from '../support/temp-dir.js';

let database: TestDatabase;
let app: FastifyInstance;
let movieLibrary: string;
let tvLibrary: string;
let heatId: string;
let posterAssetId: string;
const dataDir = tempDir('reelflow-artwork-');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3c8e5b90000000049454e44ae426082',
  'hex',
);

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp({ database, temporal: await createTestClient(), taskQueue: 'unused', dataDir });
  const libraries = new LibraryRepository(database.db);
  movieLibrary = (await libraries.create({ name: 'Films', kind: 'movie', rootPath: '/media/films' })).id;
  tvLibrary = (await libraries.create({ name: 'TV', kind: 'tv', rootPath: '/media/tv' })).id;
  const other = (await libraries.create({ name: 'Other', kind: 'movie', rootPath: '/media/other' })).id;

  const heat = await insertMovie(database.db, movieLibrary, 'Heat', 949);
  await database.db.update(movies).set({ year: 1995 }).where(eq(movies.id, heat.id));
  const alien = await insertMovie(database.db, movieLibrary, 'Alien', 348);
  await database.db.update(movies).set({ year: 1979 }).where(eq(movies.id, alien.id));
  await insertMovie(database.db, movieLibrary, 'home video 2003', null);
  const gone = await insertMovie(database.db, movieLibrary, 'Gone Girl', 210577);
  await database.db.update(movies).set({ deletedAt: new Date() }).where(eq(movies.id, gone.id));
  await insertMovie(database.db, other, 'Heat 2', 1);
  await insertShow(database.db, tvLibrary, 'Severance', 95396);
  // Heat has a selected provider poster; Alien only a candidate nobody selected.
  const poster = (entityId: string, isSelected: boolean) => ({
    entityType: 'movie',
    entityId,
    assetType: 'poster',
    providerName: 'tmdb',
    providerUrl: `https://image.tmdb.org/${entityId}.jpg`,
    isSelected,
  });
  await database.db.insert(providerAssets).values([poster(heat.id, true), poster(alien.id, false)]);

  // Heat's folder also has a poster.png, cached by the scan.
  heatId = heat.id;
  const relative = `cache/movie/${heat.id}/poster_abc.png`;
  fs.mkdirSync(path.dirname(path.join(dataDir, relative)), { recursive: true });
  fs.writeFileSync(path.join(dataDir, relative), PNG);
  const [file] = await database.db
    .insert(cacheFiles)
    .values({ sha256: 'abc', sizeBytes: PNG.length, path: relative, format: 'png' })
    .returning();
  const [asset] = await database.db
    .insert(assets)
    .values({
      entityType: 'movie',
      entityId: heat.id,
      assetType: 'poster',
      source: 'local',
      sourcePath: 'poster.png',
      cacheFileId: file!.id,
    })
    .returning();
  posterAssetId = asset!.id;
});

const list = async (libraryId: string, query = '') => {
  const res = await app.inject({ method: 'GET', url: `/api/libraries/${libraryId}/titles${query}`, headers: authHeaders });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    kind: string;
    total: number;
    offset: number;
    items: { title: string; hasPoster: boolean; removed: boolean; identified: boolean }[];
  };
};
const titles = (page: { items: { title: string }[] }) => page.items.map((i) => i.title);

describe('GET /api/libraries/:id/titles', () => {
  it("lists a movie library's present movies by title, with the total, and nothing of other libraries", async () => {
    const page = await list(movieLibrary);
    expect(page.kind).toBe('movie');
    expect(page.total).toBe(3);
    expect(titles(page)).toEqual(['Alien', 'Heat', 'home video 2003']);
    expect(page.items.find((i) => i.title === 'Heat')).toMatchObject({ hasPoster: true, identified: true, removed: false });
    expect(page.items.find((i) => i.title === 'Alien')).toMatchObject({ hasPoster: false });
  });

  it("lists a TV library's shows", async () => {
    const page = await list(tvLibrary);
    expect(page.kind).toBe('show');
    expect(titles(page)).toEqual(['Severance']);
  });

  it('searches, filters and sorts', async () => {
    expect(titles(await list(movieLibrary, '?q=HEA'))).toEqual(['Heat']);
    expect(titles(await list(movieLibrary, '?filter=unidentified'))).toEqual(['home video 2003']);
    expect(titles(await list(movieLibrary, '?filter=removed'))).toEqual(['Gone Girl']);
    expect(titles(await list(movieLibrary, '?filter=missing-artwork'))).toEqual(['Alien', 'home video 2003']);
    expect(titles(await list(movieLibrary, '?sort=year&order=desc'))).toEqual(['Heat', 'Alien', 'home video 2003']);
  });

  it('pages with offset and limit, the total counting every match', async () => {
    const page = await list(movieLibrary, '?offset=1&limit=1');
    expect(page).toMatchObject({ total: 3, offset: 1 });
    expect(titles(page)).toEqual(['Heat']);
  });

  it('names the field at fault, and 404s an unknown library', async () => {
    const bad = await app.inject({ method: 'GET', url: `/api/libraries/${movieLibrary}/titles?sort=rating`, headers: authHeaders });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('querystring.sort');
    const missing = await app.inject({
      method: 'GET',
      url: '/api/libraries/00000000-0000-4000-8000-000000000000/titles',
      headers: authHeaders,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('GET /api/movies/:id/assets/:assetId/content', () => {
  it("serves a title's cached artwork with its type", async () => {
    const res = await app.inject({ method: 'GET', url: `/api/movies/${heatId}/assets/${posterAssetId}/content`, headers: authHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.equals(PNG)).toBe(true);
  });

  it("404s another title's asset and an unknown one", async () => {
    const other = (await list(movieLibrary)).items.find((i) => i.title === 'Alien') as unknown as { id: string };
    for (const url of [`/api/movies/${other.id}/assets/${posterAssetId}/content`, `/api/movies/${heatId}/assets/${heatId}/content`]) {
      expect((await app.inject({ method: 'GET', url, headers: authHeaders })).statusCode).toBe(404);
    }
  });
});
