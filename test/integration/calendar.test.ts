import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { episodes, processingItems, requests, shows } from '../../src/db/schema/index.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  TEST_API_KEY,
  type TestDatabase,
} from '../support/integration.js';
import { createProfile } from '../support/request-pipeline.js';
import { insertShow } from '../support/title-rows.js';
import { tempDir } from '../support/temp-dir.js';

/** GET /api/calendar and its iCal feed from real rows: library episodes, requested episodes, requested movies. */
let database: TestDatabase;
let app: FastifyInstance;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp({ database, temporal: await createTestClient(), taskQueue: `test-${randomUUID()}` });
  const library = await new LibraryRepository(database.db).create({ name: 'TV', kind: 'tv', rootPath: tempDir() });
  const show = await insertShow(database.db, library.id, 'The Wire', 1438);
  await database.db.update(shows).set({ year: 2002 }).where(eq(shows.id, show.id));
  ids.show = show.id;
  await database.db.insert(episodes).values([
    { showId: show.id, seasonNumber: 1, episodeNumber: 1, videoPath: 'S01E01.mkv', title: 'The Target', aired: '2002-06-02' },
    { showId: show.id, seasonNumber: 1, episodeNumber: 2, videoPath: 'S01E02.mkv', title: 'The Detail', aired: '2002-06-09' },
    // A year alone is no day.
    { showId: show.id, seasonNumber: 1, episodeNumber: 3, videoPath: 'S01E03.mkv', title: 'The Buys', aired: '2002' },
  ]);

  const qualityProfileId = await createProfile(app);
  const request = (type: 'tv' | 'movie', title: string, year: number, releaseDate: string | null = null) =>
    database.db
      .insert(requests)
      .values({ type, title, year, releaseDate, qualityProfileId, workflowId: `request/${randomUUID()}`, tmdbId: 1 })
      .returning()
      .then((rows) => rows[0]!);
  const tv = await request('tv', 'Severance', 2022);
  ids.tvRequest = tv.id;
  const [item] = await database.db
    .insert(processingItems)
    .values([
      { requestId: tv.id, seasonNumber: 2, episodeNumber: 1, title: 'Hello, Ms. Cobel', airDate: '2002-06-05', status: 'AWAITING' },
      { requestId: tv.id, seasonNumber: 2, episodeNumber: 2, title: 'Goodbye, Mrs. Selvig', airDate: '2003-01-01', status: 'AWAITING' },
    ])
    .returning();
  ids.item = item!.id;
  ids.movieRequest = (await request('movie', 'Heat', 1995, '2002-06-09')).id;
});

describe('GET /api/calendar', () => {
  it('lists library episodes, requested episodes and requested movies by date', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/calendar?start=2002-06-01&end=2002-06-30', headers: authHeaders });
    expect(response.statusCode).toBe(200);
    const entries = response.json() as {
      date: string;
      kind: string;
      title: string;
      seasonNumber: number | null;
      episodeNumber: number | null;
      source: string;
      status: string;
    }[];
    expect(entries.map((e) => [e.date, e.kind, e.title, e.seasonNumber, e.episodeNumber, e.source, e.status])).toEqual([
      ['2002-06-02', 'episode', 'The Wire (2002)', 1, 1, 'library', 'IN_LIBRARY'],
      ['2002-06-05', 'episode', 'Severance (2022)', 2, 1, 'request', 'AWAITING'],
      ['2002-06-09', 'movie', 'Heat (1995)', null, null, 'request', 'PENDING'],
      ['2002-06-09', 'episode', 'The Wire (2002)', 1, 2, 'library', 'IN_LIBRARY'],
    ]);
    expect(entries[1]).toMatchObject({ requestId: ids.tvRequest, itemId: ids.item });
    expect(entries[0]).toMatchObject({ titleId: ids.show });
  });

  it('answers 400 naming the field for a bad date, a reversed or an over-long range', async () => {
    for (const [query, field] of [
      ['start=June&end=2002-06-30', 'start'],
      ['start=2002-06-01', 'end'],
      ['start=2002-06-30&end=2002-06-01', 'end'],
      ['start=2000-01-01&end=2002-01-01', 'end'],
    ] as const) {
      const response = await app.inject({ method: 'GET', url: `/api/calendar?${query}`, headers: authHeaders });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().message, query).toContain(field);
    }
  });
});

describe('GET /api/calendar.ics', () => {
  it('is an iCal feed a calendar app can subscribe to with the key in the query string', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/calendar.ics?apikey=${TEST_API_KEY}&start=2002-06-01&end=2002-06-30` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const text = response.body;
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    const events = text.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(4);
    const first = unfold(events[0]!);
    expect(first).toContain('DTSTART;VALUE=DATE:20020602');
    expect(first).toContain('SUMMARY:The Wire (2002) - 1x01 - The Target');
    expect(unfold(events[1]!)).toContain('SUMMARY:Severance (2022) - 2x01 - Hello\\, Ms. Cobel');
    expect(text).toContain('SUMMARY:Heat (1995)');
    // Each event keeps its UID from one fetch to the next, so calendar apps update rather than duplicate it.
    const again = await app.inject({ method: 'GET', url: `/api/calendar.ics?apikey=${TEST_API_KEY}&start=2002-06-01&end=2002-06-30` });
    const uids = (body: string) => body.match(/^UID:.*$/gm);
    expect(uids(again.body)).toEqual(uids(text));
  });

  it('without a key is refused', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/calendar.ics' })).statusCode).toBe(401);
  });
});

/** iCal folds lines at 75 octets with CRLF and a space. */
const unfold = (text: string) => text.replace(/\r\n /g, '');
