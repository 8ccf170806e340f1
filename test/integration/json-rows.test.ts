import { createHash, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { anyOf, fromDriverRow, insertJsonRows } from '../../src/db/json-rows.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { cacheFiles, mediaFiles, mediaStreams, movies } from '../../src/db/schema/index.js';
import { createTestDatabase, type TestDatabase } from '../support/integration.js';

/**
 * insertJsonRows must leave exactly the rows drizzle's own insert leaves for the same values: every column
 * type the scan writes (text arrays, JSONB, booleans with defaults, big numbers, dates, defaults), and
 * values JSON cannot say plainly (NaN, quotes and commas inside array elements).
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});

const dialect = new PgDialect();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('insertJsonRows', () => {
  it('writes a title row as drizzle does, arrays, JSON and defaults included', async () => {
    const library = await new LibraryRepository(database.db).create({ name: `json-${randomUUID()}`, kind: 'movie', rootPath: '/nowhere' });
    const values = {
      libraryId: library.id,
      title: 'Quotes "and", {braces}',
      year: 1999,
      genres: ['Drama', 'Sci-Fi, "quoted"', 'back\\slash', ''],
      tags: [],
      nfoExtra: [{ name: 'fileinfo', attributes: { a: '1' }, children: ['text', { name: 'b', attributes: {}, children: [] }] }],
      scanErrors: [],
      identificationSource: 'nfo',
      identificationStatus: 'identified',
      folderPath: '/nowhere/Quotes (1999)',
      premiered: '1999-03-31',
    } satisfies Partial<typeof movies.$inferInsert>;
    const [byDrizzle] = await database.db
      .insert(movies)
      .values({ ...values, folderKey: 'drizzle' })
      .returning();
    const [returned] = await database.db.execute<{ id: string; folder_key: string }>(
      insertJsonRows(movies, [{ ...values, folderKey: 'json' }], { returning: [movies.id, movies.folderKey] }),
    );
    expect(returned!.folder_key).toBe('json');
    const [byJson] = await database.db.select().from(movies).where(eq(movies.id, returned!.id));

    const comparable = (row: typeof movies.$inferSelect) => {
      const { id: _id, folderKey: _key, createdAt: _created, updatedAt: _updated, ...rest } = row;
      return rest;
    };
    expect(comparable(byJson!)).toEqual(comparable(byDrizzle!));
    expect(byJson!.genres).toEqual(values.genres);
    expect(byJson!.nfoExtra).toEqual(values.nfoExtra);
    // drizzle parses a JSONB string back into what it holds, so ask Postgres what it stored: an array, not text.
    const stored = await database.db.execute<{ kind: string }>(
      sql`select jsonb_typeof(nfo_extra) as kind from movies where id in (${byDrizzle!.id}, ${returned!.id})`,
    );
    expect(stored.map((row) => row.kind)).toEqual(['array', 'array']);
  });

  it('writes media files and streams as drizzle does, NaN and JSONB details included, and returns what it inserted', async () => {
    const entityId = randomUUID();
    const file = {
      entityType: 'movie' as const,
      entityId,
      relativePath: 'a.mkv',
      sizeBytes: 2 ** 40 + 7,
      durationSeconds: Number.NaN,
      bitrate: null,
    };
    const [drizzleFile] = await database.db.insert(mediaFiles).values(file).returning();
    const jsonFileId = randomUUID();
    await database.db.execute(insertJsonRows(mediaFiles, [{ ...file, id: jsonFileId }]));
    const [jsonFile] = await database.db.select().from(mediaFiles).where(eq(mediaFiles.id, jsonFileId));
    expect({ ...jsonFile, id: undefined }).toEqual({ ...drizzleFile, id: undefined });
    expect(jsonFile!.durationSeconds).toBeNaN();

    const stream = { streamType: 'audio' as const, codec: 'aac', language: null, details: { profile: 'LC', layout: ['L', 'R'] } };
    await database.db.insert(mediaStreams).values({ ...stream, mediaFileId: drizzleFile!.id });
    await database.db.execute(
      insertJsonRows(mediaStreams, [
        { ...stream, mediaFileId: jsonFileId },
        { streamType: 'video', mediaFileId: jsonFileId, isDefault: true },
      ]),
    );
    const streamsOf = (mediaFileId: string) => database.db.select().from(mediaStreams).where(eq(mediaStreams.mediaFileId, mediaFileId));
    const [drizzleStream] = await streamsOf(drizzleFile!.id);
    const jsonStreams = await streamsOf(jsonFileId);
    const audio = jsonStreams.find((s) => s.streamType === 'audio')!;
    const video = jsonStreams.find((s) => s.streamType === 'video')!;
    expect({ ...audio, id: undefined, mediaFileId: undefined }).toEqual({ ...drizzleStream, id: undefined, mediaFileId: undefined });
    // A row that leaves a column with a default out gets drizzle's default, as drizzle's insert would.
    expect(video).toMatchObject({ isDefault: true, isForced: false, external: false, codec: null, details: null });
  });

  it('skips conflicting rows with on conflict do nothing and maps what it returns to drizzle’s shape', async () => {
    const held = sha256(randomUUID());
    const fresh = sha256(randomUUID());
    await database.db.insert(cacheFiles).values({ sha256: held, sizeBytes: 1, path: 'cache/held' });
    const rows = await database.db.execute(
      insertJsonRows(
        cacheFiles,
        [
          { sha256: held, sizeBytes: 2, path: 'cache/other' },
          { sha256: fresh, sizeBytes: 3, path: 'cache/fresh', width: 10 },
        ],
        { onConflictDoNothing: [cacheFiles.sha256], returning: '*' },
      ),
    );
    expect(rows).toHaveLength(1);
    const returned = fromDriverRow(cacheFiles, rows[0]!);
    const [stored] = await database.db.select().from(cacheFiles).where(eq(cacheFiles.sha256, fresh));
    expect(returned).toEqual(stored);
    expect(returned.createdAt).toBeInstanceOf(Date);
    const [kept] = await database.db.select().from(cacheFiles).where(eq(cacheFiles.sha256, held));
    expect(kept).toMatchObject({ sizeBytes: 1, path: 'cache/held' });
  });

  it('reads the same statement text for any number of rows, and anyOf for any number of values', () => {
    const texts = [1, 2, 30].map((n) =>
      dialect.sqlToQuery(
        insertJsonRows(
          cacheFiles,
          Array.from({ length: n }, (_, i) => ({ sha256: `${i}`, sizeBytes: i, path: `p${i}` })),
        ),
      ),
    );
    expect(new Set(texts.map((q) => q.sql)).size).toBe(1);
    expect(texts.map((q) => q.params.length)).toEqual([1, 1, 1]);
    const anyQueries = [[], ['a'], ['a', 'b', 'c']].map((values) => dialect.sqlToQuery(anyOf(cacheFiles.sha256, values)));
    expect(new Set(anyQueries.map((q) => q.sql)).size).toBe(1);
    expect(anyQueries.map((q) => q.params)).toEqual([[[]], [['a']], [['a', 'b', 'c']]]);
  });

  it('refuses a column given in some rows and left to a Postgres default in others', () => {
    expect(() =>
      insertJsonRows(cacheFiles, [
        { sha256: 'a', sizeBytes: 1, path: 'a', createdAt: new Date() },
        { sha256: 'b', sizeBytes: 1, path: 'b' },
      ]),
    ).toThrow(/created_at is given in some rows/);
  });
});
