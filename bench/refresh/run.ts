import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { ProviderRepository } from '../../src/db/repositories/provider-repository.js';
import { movies } from '../../src/db/schema/index.js';
import type { Client } from '@temporalio/client';
import type { ProviderRefreshSummary } from '../../src/contracts/provider-refresh.js';
import { libraryScanWorkflowId } from '../../src/contracts/scan.js';
import { titlePipelineWorkflowId } from '../../src/contracts/title-pipeline.js';
import { installTemporalRuntime } from '../../src/workers/temporal-runtime.js';
import { startFakeImageHost } from '../../test/fakes/image-host.js';
import { startFakeTmdb, syntheticMovieTitle, syntheticYear, TMDB_FAKE_API_KEY, type FakeTmdbExtras } from '../../test/fakes/tmdb.js';
import { makeVideo } from '../../test/support/media-fixtures.js';
import { CleanupStack } from '../support/cleanup-stack.js';
import { startInProcessStack } from '../support/in-process-stack.js';
import { describeMachine, loadAverage1m } from '../support/machine.js';
import { mapLimited } from '../support/map-limited.js';
import { waitUntilAllPublished } from '../support/wait-until-published.js';

/**
 * `npm run bench:refresh [-- --quick]`: a scheduled provider refresh reaching the library. A library of
 * 2,000 titles (--quick 200) is imported (scan → pipeline); then 1 % of them change at the TMDB fake and
 * TMDB's change list names every title, so the refresh asks the provider about all of them. Measured: the
 * titles republished, the files rewritten in their folders and in the others' (which must be 0), the
 * provider calls and the time. Reference, in the same run: the same refresh again with nothing changed.
 * Progress goes to stderr; figures to stdout, ending with one JSON line.
 */
const quick = process.argv.includes('--quick');
const TITLES = quick ? 200 : 2_000;
const CHANGED_SHARE = 0.01;
const FIRST_ID = 700_000;

installTemporalRuntime('error');
const cleanup = new CleanupStack();
const progress = (line: string) => console.error(`· ${line}`);
process.once('SIGINT', () => void cleanup.run().then(() => process.exit(130)));

async function main() {
  const machine = describeMachine();
  const loadAtStart = loadAverage1m();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelflow-bench-refresh-'));
  cleanup.push('work dir', () => fs.rmSync(workDir, { recursive: true, force: true }));

  progress('starting Temporal dev server, Postgres, fakes and the worker');
  const [{ db, cipher, taskQueue, client }, images] = await Promise.all([
    startInProcessStack('refresh', workDir, cleanup),
    startFakeImageHost(),
  ]);
  cleanup.push('image host', () => images.close());
  const extras: FakeTmdbExtras = { syntheticMovies: { firstId: FIRST_ID, count: TITLES }, changes: { movie: [], tv: [] } };
  const tmdb = await startFakeTmdb({ imageBaseUrl: `${images.url}/t/p/`, extras });
  cleanup.push('TMDB fake', () => tmdb.close());
  // The loopback TMDB answers as fast as it can; the provider queue's rate is not what is measured here.
  await new ProviderRepository(db, cipher).create({
    name: 'tmdb',
    kind: 'tmdb',
    enabled: true,
    priority: 0,
    rateLimitPerSecond: 500,
    timeoutMs: 5_000,
    baseUrl: tmdb.baseUrl,
    credentials: { apiKey: TMDB_FAKE_API_KEY },
  });

  const ids = Array.from({ length: TITLES }, (_, i) => FIRST_ID + i);
  const root = path.join(workDir, 'library');
  const video = await makeVideo(path.join(workDir, 'source', 'video.mkv'));
  for (const id of ids) {
    const folder = path.join(root, folderName(id));
    fs.mkdirSync(folder, { recursive: true });
    fs.linkSync(video, path.join(folder, `${syntheticMovieTitle(id)}.mkv`));
    fs.writeFileSync(
      path.join(folder, 'movie.nfo'),
      `<movie>\n  <title>${syntheticMovieTitle(id)}</title>\n  <year>${syntheticYear(id)}</year>\n  <uniqueid type="tmdb" default="true">${id}</uniqueid>\n</movie>\n`,
    );
  }
  const library = await new LibraryRepository(db).create({ name: 'Films', kind: 'movie', rootPath: root });

  progress(`importing ${TITLES} titles: scan → pipeline`);
  await client.workflow.execute('libraryScan', {
    taskQueue,
    workflowId: libraryScanWorkflowId(library.id),
    args: [{ libraryId: library.id }],
  });
  const titleIds = new Map(
    (await db.select({ id: movies.id, tmdbId: movies.tmdbId }).from(movies).where(eq(movies.libraryId, library.id))).map((row) => [
      row.tmdbId!,
      row.id,
    ]),
  );
  if (titleIds.size !== TITLES) throw new Error(`the scan saved ${titleIds.size} titles, expected ${TITLES}`);
  await waitUntilAllPublished(db, library.id, TITLES);

  const before = fingerprint(root);
  const changed = ids.filter((_, i) => i % Math.round(1 / CHANGED_SHARE) === 0);
  extras.syntheticEdits = Object.fromEntries(changed.map((id) => [id, { tagline: `Revised ${id}` }]));
  extras.changes = { movie: ids, tv: [] };
  progress(`refresh: ${changed.length} of ${TITLES} titles changed at TMDB, all ${TITLES} in its change list`);
  const callsBefore = tmdb.requests.length;
  const started = performance.now();
  const summary = await refresh(client, taskQueue);
  await mapLimited(changed, 20, async (id) => {
    const workflowId = titlePipelineWorkflowId('movie', titleIds.get(id)!);
    await client.workflow.getHandle(workflowId).result();
  });
  const seconds = (performance.now() - started) / 1000;
  const providerCalls = tmdb.requests.length - callsBefore;
  const after = fingerprint(root);
  const changedFolders = new Set(changed.map(folderName));
  const rewritten = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
  const inChanged = rewritten.filter((file) => changedFolders.has(file.split(path.sep)[0]!));

  progress('reference: the same refresh with nothing changed');
  const referenceStarted = performance.now();
  const reference = await refresh(client, taskQueue);
  const referenceSeconds = (performance.now() - referenceStarted) / 1000;
  const afterReference = fingerprint(root);
  const referenceRewritten = [...afterReference].filter(([file, hash]) => after.get(file) !== hash).length;

  const figures = {
    titles: TITLES,
    changed: changed.length,
    republished: summary.republished ?? 0,
    filesRewritten: inChanged.length,
    untouchedRewritten: rewritten.length - inChanged.length,
    providerCalls,
    seconds: round(seconds),
    referenceRepublished: reference.republished ?? 0,
    referenceFilesRewritten: referenceRewritten,
    referenceSeconds: round(referenceSeconds),
  };
  console.log(
    `${TITLES} titles, ${changed.length} changed at TMDB: ${figures.republished} republished, ${figures.filesRewritten} files rewritten in their folders, ${figures.untouchedRewritten} elsewhere; ${providerCalls} provider calls in ${figures.seconds} s`,
  );
  console.log(
    `reference, nothing changed: ${figures.referenceRepublished} republished, ${referenceRewritten} files rewritten, ${figures.referenceSeconds} s`,
  );
  console.log(`load average (1 min): ${loadAtStart} at start, ${loadAverage1m()} at end, ${machine.cores} cores`);
  console.log(JSON.stringify(figures));
  if (figures.untouchedRewritten !== 0 || figures.republished !== changed.length) process.exitCode = 1;
}

function folderName(id: number): string {
  return `${syntheticMovieTitle(id)} (${syntheticYear(id)})`;
}

async function refresh(client: Client, taskQueue: string): Promise<ProviderRefreshSummary> {
  return client.workflow.execute('providerRefresh', {
    taskQueue,
    workflowId: `provider-refresh-${randomUUID()}`,
    args: [{ minChangesIntervalMinutes: 0 }],
  });
}

/** Every file under the library (relative path → sha-1 of its bytes and its mtime), to see which a refresh wrote. */
function fingerprint(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const written = fs.statSync(full).mtimeMs;
    files.set(path.relative(root, full), `${createHash('sha1').update(fs.readFileSync(full)).digest('hex')} ${written}`);
  }
  return files;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main()
  .then(() => cleanup.run())
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanup.run();
    process.exitCode = 1;
  });
