import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movies } from '../../src/db/schema/index.js';
import { libraryScanWorkflowId, type ScanProgress } from '../../src/contracts/scan.js';
import {
  TITLE_IMPORT_MIN_TITLES,
  titleImportWorkflowId,
  titlePipelineWorkflowId,
  type TitleImportResult,
} from '../../src/contracts/title-pipeline.js';
import { startFakeImageHost, type FakeImageHost } from '../fakes/image-host.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { KODI_FAKE_PASSWORD, KODI_FAKE_USER, startFakeKodi, type FakeKodi } from '../fakes/kodi.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { makeVideo } from '../support/media-fixtures.js';
import {
  authHeaders,
  createTestApp,
  createTestClient,
  createTestDatabase,
  startTestWorker,
  type TestDatabase,
} from '../support/integration.js';
import { configureNotification, eventually, settle } from '../support/notifications.js';
import { configureProvider } from '../support/providers.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A scan batch with many new titles imports them through one titleImport workflow (a pass per title in one
 * activity) instead of a pipeline run per title: every title published and its folder handed to Kodi, people
 * told once per title on a later scan, and a title whose pass fails handed to a pipeline run of its own.
 */
const root = tempDir('reelflow-title-import-');
const taskQueue = `test-${randomUUID()}`;
let app: FastifyInstance;
let database: TestDatabase;
let temporal: Client;
let tmdb: FakeServer;
let images: FakeImageHost;
let kodi: FakeKodi;
let discord: FakeDiscord;
let libraryId: string;
let video: string;

const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: authHeaders, ...(payload ? { payload } : {}) });

/** Movie folders with a video (a hard link to one real file) and an NFO naming TMDB 603. */
function addFolders(names: string[]): string[] {
  return names.map((name) => {
    const folder = path.join(root, name);
    fs.mkdirSync(folder, { recursive: true });
    fs.linkSync(video, path.join(folder, `${name}.mkv`));
    fs.writeFileSync(
      path.join(folder, 'movie.nfo'),
      `<movie><title>${name}</title><uniqueid type="tmdb" default="true">603</uniqueid></movie>\n`,
    );
    return folder;
  });
}

async function scan(): Promise<{ progress: ScanProgress; scanId: string }> {
  expect((await api('POST', `/api/libraries/${libraryId}/scan`)).statusCode).toBe(202);
  const handle = temporal.workflow.getHandle(libraryScanWorkflowId(libraryId));
  const progress = (await handle.result()) as ScanProgress;
  return { progress, scanId: (await handle.describe()).runId };
}

async function titleStates(folders: string[]) {
  const rows = await database.db
    .select({ id: movies.id, folderPath: movies.folderPath, changeSeq: movies.changeSeq, pipelineSeq: movies.pipelineSeq })
    .from(movies)
    .where(eq(movies.libraryId, libraryId));
  return rows.filter((row) => folders.includes(row.folderPath));
}

/** Messages Discord took about this title, from the history. */
async function sentTo(title: { id: string }): Promise<number> {
  return (await api('GET', `/api/history?titleId=${title.id}&type=notification.sent`)).json().events.length;
}

async function hasRun(workflowId: string): Promise<boolean> {
  return temporal.workflow
    .getHandle(workflowId)
    .describe()
    .then(() => true)
    .catch(() => false);
}

beforeAll(async () => {
  video = await makeVideo(path.join(tempDir('reelflow-title-import-video-'), 'source.mkv'));
  images = await startFakeImageHost();
  tmdb = await startFakeTmdb({ imageBaseUrl: `${images.url}/t/p/` });
  kodi = await startFakeKodi();
  discord = await startFakeDiscord();
  database = await createTestDatabase();
  temporal = await createTestClient();
  await startTestWorker(database.db, taskQueue, undefined, undefined, { titlePipelinesAfterScan: true });
  app = await createTestApp({ database, temporal, taskQueue });
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
  libraryId = (await api('POST', '/api/libraries', { name: 'Movies', kind: 'movie', rootPath: root })).json().id;
  await configureNotification(database.db, 'kodi', {
    groups: [
      {
        name: 'den',
        hosts: [
          {
            name: 'htpc',
            url: kodi.url,
            username: KODI_FAKE_USER,
            password: KODI_FAKE_PASSWORD,
            pathMappings: [{ from: root, to: 'smb://nas/movies' }],
          },
        ],
      },
    ],
    coalesceSeconds: 0.2,
    playingRecheckSeconds: 0.2,
    timeoutMs: 2_000,
  });
  await configureNotification(database.db, 'discord', { webhookUrl: discord.webhookUrl, timeoutMs: 2_000 });
});

afterAll(async () => {
  await Promise.all([tmdb?.close(), images?.close(), kodi?.close(), discord?.close()]);
});

describe('titleImport', () => {
  it("imports a library's first scan in one workflow: every title published, every folder handed to Kodi, nobody else told", async () => {
    const folders = addFolders(
      Array.from({ length: TITLE_IMPORT_MIN_TITLES + 2 }, (_, i) => `Import ${String(i).padStart(2, '0')} (1999)`),
    );
    const { progress, scanId } = await scan();
    expect(progress.titlesNew).toBe(folders.length);

    const result = (await temporal.workflow.getHandle(titleImportWorkflowId(scanId, 'first')).result()) as TitleImportResult;
    expect(result).toEqual({ published: folders.length, skipped: 0, handedOn: 0, announced: 0 });
    const titles = await titleStates(folders);
    expect(titles.map((t) => t.pipelineSeq >= t.changeSeq && t.pipelineSeq > 0)).toEqual(folders.map(() => true));
    for (const folder of folders)
      expect(fs.readFileSync(path.join(folder, 'movie.nfo'), 'utf8')).toContain('<tagline>Welcome to the Real World.</tagline>');
    // No pipeline run per title.
    expect(await Promise.all(titles.map((t) => hasRun(titlePipelineWorkflowId('movie', t.id))))).toEqual(titles.map(() => false));

    const expected = folders.map((folder) => `smb://nas/movies/${path.basename(folder)}/`).sort();
    await eventually('Kodi scanned every folder', () => expected.every((dir) => kodi.scannedDirectories().includes(dir)));
    await settle();
    expect(
      kodi
        .scannedDirectories()
        .filter((dir) => dir !== null && expected.includes(dir))
        .sort(),
    ).toEqual(expected);
    expect(discord.messages()).toEqual([]);
  });

  it('tells people of each title a later scan imports, once, through its notifyTitle child', async () => {
    const folders = addFolders(Array.from({ length: TITLE_IMPORT_MIN_TITLES }, (_, i) => `Later ${String(i).padStart(2, '0')} (2001)`));
    const { scanId } = await scan();
    const imports = temporal.workflow.list({ query: `WorkflowType = 'titleImport' AND ReelflowLibraryId = '${libraryId}'` });
    const ids: string[] = [];
    await eventually('the import is visible', async () => {
      ids.length = 0;
      for await (const run of imports) ids.push(run.workflowId);
      return ids.some((id) => id.startsWith(`import/${scanId}/`));
    });
    const result = (await temporal.workflow.getHandle(ids.find((id) => id.startsWith(`import/${scanId}/`))!).result()) as TitleImportResult;
    expect(result).toEqual({ published: folders.length, skipped: 0, handedOn: 0, announced: folders.length });

    const titles = await titleStates(folders);
    await eventually('Discord heard of every title', async () => (await Promise.all(titles.map(sentTo))).every((n) => n >= 1));
    await settle();
    expect(await Promise.all(titles.map(sentTo))).toEqual(titles.map(() => 1));
    expect(discord.messages().map((m) => m.embeds![0]!.title)).toEqual(titles.map(() => 'Added: The Matrix (1999)'));
    expect((await titleStates(folders)).every((t) => t.pipelineSeq >= t.changeSeq)).toBe(true);
  });

  it('hands a title whose pass fails (TMDB answering 500) to a pipeline run of its own, which publishes it once TMDB is back', async () => {
    tmdb.setMode({ kind: 'server-error' });
    const folders = addFolders(Array.from({ length: TITLE_IMPORT_MIN_TITLES }, (_, i) => `Outage ${String(i).padStart(2, '0')} (2002)`));
    const { scanId } = await scan();
    const titles = await titleStates(folders);
    const pipelineIds = titles.map((t) => titlePipelineWorkflowId('movie', t.id));
    await eventually(
      'every title has a pipeline of its own',
      async () => (await Promise.all(pipelineIds.map(hasRun))).every(Boolean),
      30_000,
    );
    expect(titles.every((t) => t.pipelineSeq === 0)).toBe(true);
    tmdb.setMode({ kind: 'normal' });

    await Promise.all(pipelineIds.map((id) => temporal.workflow.getHandle(id).result()));
    const after = await titleStates(folders);
    expect(after.every((t) => t.pipelineSeq >= t.changeSeq && t.pipelineSeq > 0)).toBe(true);
    const imports: string[] = [];
    for await (const run of temporal.workflow.list({ query: `WorkflowType = 'titleImport' AND ReelflowLibraryId = '${libraryId}'` }))
      imports.push(run.workflowId);
    const outage = imports.find((id) => id.startsWith(`import/${scanId}/`));
    expect(outage).toBeDefined();
    expect(await temporal.workflow.getHandle(outage!).result()).toMatchObject({ published: 0, handedOn: folders.length });
    await eventually('Discord heard of each title once TMDB was back', async () =>
      (await Promise.all(after.map(sentTo))).every((n) => n === 1),
    );
  }, 90_000);
});
