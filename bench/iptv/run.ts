import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { sql as dsql } from 'drizzle-orm';
import { IptvProviderRepository } from '../../src/db/repositories/iptv-provider-repository.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { ProviderRepository } from '../../src/db/repositories/provider-repository.js';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { startTemporalDevServer } from '../../src/runtime/temporal-dev-server.js';
import { bundleReelflowWorkflows } from '../../src/workers/bundle-workflows.js';
import { installTemporalRuntime } from '../../src/workers/temporal-runtime.js';
import type { IptvSyncProgress } from '../../src/contracts/iptv.js';
import type { ProviderRefreshSummary } from '../../src/contracts/provider-refresh.js';
import { startFakeTmdb, syntheticYear, TMDB_FAKE_API_KEY, type FakeTmdbExtras } from '../../test/fakes/tmdb.js';
import { startFakeXtream, XTREAM_FAKE_PASSWORD, XTREAM_FAKE_USERNAME } from '../../test/fakes/xtream.js';
import { acquireTestPostgres } from '../../test/support/test-postgres.js';
import { createBenchDatabase } from '../support/bench-database.js';
import { CleanupStack } from '../support/cleanup-stack.js';
import { describeMachine, loadAverage1m } from '../support/machine.js';
import { startWorkerProcess } from '../support/worker-process.js';
import { catalogueMix, expectedTmdbRequests, syntheticXtreamCatalogue } from './synthetic-catalogue.js';

/**
 * `npm run bench:iptv [-- --quick]`: IPTV catalogue sync and provider refresh against a fake TMDB that
 * refuses more than 40 requests a second (429, as TMDB does), with the Reelflow workers in their own process:
 *   1. a catalogue of 20,000 titles (`--quick`: 300) synced from a fake Xtream panel: total time against the
 *      rate-limit bound (TMDB requests ÷ 40/s), measured in the same run;
 *   2. a second sync with nothing changed: TMDB requests (target 0);
 *   3. providerRefresh of a 10,000-title library (`--quick`: 1,000) whose cache is fresh, with 50 of its ids
 *      in TMDB's change list among 450 others: provider calls (target ≤ ~60).
 */
const quick = process.argv.includes('--quick');
const TITLES = quick ? 300 : 20_000;
const LIBRARY = quick ? 1_000 : 10_000;
const CHANGED_IN_LIBRARY = 50;
const CHANGED_ELSEWHERE = 450;
const RATE = 40;
const CATALOGUE_FIRST_ID = 1_000_000;
const LIBRARY_FIRST_ID = 3_000_000;

installTemporalRuntime('error');
const cleanup = new CleanupStack();
process.once('SIGINT', () => void cleanup.run().then(() => process.exit(130)));

async function main() {
  const machine = describeMachine();
  const loadAtStart = loadAverage1m();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelflow-bench-iptv-'));
  cleanup.push('work dir', () => fs.rmSync(workDir, { recursive: true, force: true }));

  const mix = catalogueMix(TITLES);
  const libraryChanged = Array.from(
    { length: CHANGED_IN_LIBRARY },
    (_, i) => LIBRARY_FIRST_ID + Math.floor((i * LIBRARY) / CHANGED_IN_LIBRARY),
  );
  const elsewhere = Array.from({ length: CHANGED_ELSEWHERE }, (_, i) => 9_000_000 + i);
  const extras: FakeTmdbExtras = {
    syntheticMovies: { firstId: CATALOGUE_FIRST_ID, count: LIBRARY_FIRST_ID + LIBRARY - CATALOGUE_FIRST_ID },
    rateLimitPerSecond: RATE,
    changes: { movie: [...elsewhere.slice(0, 200), ...libraryChanged, ...elsewhere.slice(200)], tv: [] },
  };
  const [server, pg, bundle, tmdb, xtream] = await Promise.all([
    startTemporalDevServer({ port: await findFreePort(), uiPort: null, logFile: path.join(workDir, 'temporal.log') }),
    acquireTestPostgres(),
    bundleReelflowWorkflows(),
    startFakeTmdb({ extras }),
    startFakeXtream({ catalogue: syntheticXtreamCatalogue(CATALOGUE_FIRST_ID, mix, syntheticYear) }),
  ]);
  cleanup.push('Temporal dev server', () => server.stop());
  cleanup.push('fakes', async () => void (await Promise.all([tmdb.close(), xtream.close()])));
  if (pg.embedded) cleanup.push('embedded Postgres', () => pg.embedded!.stop());
  const bundlePath = path.join(workDir, 'workflows.js');
  fs.writeFileSync(bundlePath, bundle.code);

  const databaseName = `reelflow_bench_iptv_${process.pid}`;
  const { databaseUrl, sql, db } = await createBenchDatabase(pg.adminUrl, databaseName, cleanup);
  cleanup.push('pool', () => sql.end({ timeout: 5 }));

  const secretKey = randomBytes(32);
  const cipher = new CredentialsCipher(secretKey);
  await new ProviderRepository(db, cipher).create({
    kind: 'tmdb',
    name: 'TMDB',
    enabled: true,
    priority: 0,
    baseUrl: tmdb.baseUrl,
    credentials: { apiKey: TMDB_FAKE_API_KEY },
    rateLimitPerSecond: RATE,
    timeoutMs: 10_000,
  });
  const panel = await new IptvProviderRepository(db, cipher).create({
    kind: 'xtream',
    name: 'Bench panel',
    enabled: true,
    baseUrl: xtream.baseUrl,
    credentials: { username: XTREAM_FAKE_USERNAME, password: XTREAM_FAKE_PASSWORD },
    categories: { movies: true, tvshows: true },
    nameCleanup: [],
    maxConcurrent: 8,
    rateLimitRequests: 2_000,
    rateLimitWindowMs: 1_000,
    timeoutMs: 30_000,
    syncIntervalSeconds: 21_600,
  });

  const taskQueue = `bench-iptv-${randomUUID()}`;
  await startWorkerProcess({ address: server.address, databaseUrl, taskQueue, dataDir: workDir, bundlePath, secretKey }, cleanup);
  const connection = await Connection.connect({ address: server.address });
  cleanup.push('client', () => connection.close());
  const temporal = new Client({ connection });
  const sync = async (): Promise<{
    seconds: number;
    tmdbRequests: number;
    result: IptvSyncProgress;
    overhead: { beforeFirstRequest: number; afterLastRequest: number };
  }> => {
    const before = tmdb.requests.length;
    const started = performance.now();
    const startedAt = Date.now();
    const handle = await temporal.workflow.start('iptvSync', {
      taskQueue,
      workflowId: `iptv-sync/${panel.id}`,
      args: [{ providerId: panel.id }],
    });
    // Progress on stderr every 30 s (a long run on a shared machine is worth watching).
    const ticker = setInterval(() => {
      void handle
        .query<IptvSyncProgress>('progress')
        .then((p) =>
          process.stderr.write(
            `  ${Math.round((performance.now() - started) / 1000)} s: ${p.phase}, matched ${p.matched}, ignored ${p.ignored}, TMDB requests ${tmdb.requests.length - before}, load ${loadAverage1m()}\n`,
          ),
        )
        .catch(() => undefined);
    }, 30_000);
    const result: IptvSyncProgress = await handle.result().finally(() => clearInterval(ticker));
    const endedAt = Date.now();
    const sent = tmdb.requests.slice(before);
    // Where the time beyond the requests went: before the first one (the listing) and after the last.
    const overhead = {
      beforeFirstRequest: sent.length > 0 ? (sent[0]!.receivedAt - startedAt) / 1000 : 0,
      afterLastRequest: sent.length > 0 ? (endedAt - sent.at(-1)!.receivedAt) / 1000 : 0,
    };
    return { seconds: (performance.now() - started) / 1000, tmdbRequests: tmdb.requests.length - before, result, overhead };
  };

  // 1. The first sync: every title is matched through the provider cache, at TMDB's rate.
  process.stderr.write(`syncing ${TITLES} titles…\n`);
  const first = await sync();
  const accepted = first.tmdbRequests - (extras.refused ?? 0);
  const bound = accepted / RATE;
  const expectedMatched = mix.withTmdbId + mix.withImdbId + mix.byName;
  if (first.result.matched !== expectedMatched || first.result.ignored !== mix.unmatched || first.result.malformed !== mix.malformed) {
    throw new Error(
      `first sync: unexpected result ${JSON.stringify(first.result)} (expected ${expectedMatched} matched, ${mix.unmatched} ignored, ${mix.malformed} malformed)`,
    );
  }

  // 2. Nothing changed: nothing to match.
  const refusedBefore = extras.refused ?? 0;
  const second = await sync();

  // 3. providerRefresh of a library whose cache is fresh, with 50 of its ids in TMDB's change list.
  const libraryId = (await new LibraryRepository(db).create({ name: 'Bench', kind: 'movie', rootPath: workDir })).id;
  await db.execute(dsql`
    insert into movies (library_id, title, tmdb_id, premiered, identification_status, identification_source, folder_path, folder_key)
    select ${libraryId}::uuid, 'Library Movie ' || n, ${LIBRARY_FIRST_ID} + n, '1995-06-01', 'identified', 'nfo', '/media/' || n, 'k' || n
    from generate_series(0, ${LIBRARY - 1}) as n`);
  await db.execute(dsql`
    insert into provider_metadata (entity_type, entity_id, provider_name, metadata, fetched_at)
    select 'movie', id, 'tmdb', null, now() - interval '3 days' from movies where library_id = ${libraryId}::uuid`);
  const refreshBefore = tmdb.requests.length;
  const refreshStarted = performance.now();
  const refresh: ProviderRefreshSummary = await temporal.workflow.execute('providerRefresh', {
    taskQueue,
    workflowId: `provider-refresh-${randomUUID()}`,
    args: [{}],
  });
  const refreshSeconds = (performance.now() - refreshStarted) / 1000;
  const refreshRequests = tmdb.requests.slice(refreshBefore);
  const refreshAgainBefore = tmdb.requests.length;
  await temporal.workflow.execute('providerRefresh', { taskQueue, workflowId: `provider-refresh-${randomUUID()}`, args: [{}] });
  const refreshAgainRequests = tmdb.requests.length - refreshAgainBefore;

  const figures = {
    benchmark: 'iptv',
    quick,
    machine,
    loadAverage1m: { atStart: loadAtStart, atEnd: loadAverage1m() },
    firstSync: {
      titles: TITLES,
      mix,
      seconds: round(first.seconds),
      titlesPerSecond: round(TITLES / first.seconds),
      tmdbRequests: first.tmdbRequests,
      tmdbRequestsExpected: expectedTmdbRequests(mix),
      refused429: extras.refused ?? 0,
      rateLimitBoundSeconds: round(bound),
      ratioToBound: round(first.seconds / bound),
      secondsBeforeFirstRequest: round(first.overhead.beforeFirstRequest),
      secondsAfterLastRequest: round(first.overhead.afterLastRequest),
      matched: first.result.matched,
      ignored: first.result.ignored,
      malformed: first.result.malformed,
    },
    secondSync: {
      seconds: round(second.seconds),
      tmdbRequests: second.tmdbRequests,
      refused429: (extras.refused ?? 0) - refusedBefore,
      target: 0,
      toMatch: second.result.toMatch,
    },
    providerRefresh: {
      libraryTitles: LIBRARY,
      changedIdsListed: extras.changes!.movie.length,
      changedInLibrary: CHANGED_IN_LIBRARY,
      providerCalls: refreshRequests.length,
      changeListPages: refreshRequests.filter((r) => r.path.endsWith('/changes')).length,
      titleFetches: refreshRequests.filter((r) => /^\/movie\/\d+$/.test(r.path)).length,
      target: '≤ ~60',
      seconds: round(refreshSeconds),
      refreshedChanged: refresh.refreshedChanged,
      refreshedDue: refresh.refreshedDue,
      secondRunProviderCalls: refreshAgainRequests,
    },
  };
  console.log(
    `machine: ${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}, load ${loadAtStart} → ${figures.loadAverage1m.atEnd}`,
  );
  console.log(
    `first sync of ${TITLES} titles: ${figures.firstSync.seconds} s (${figures.firstSync.titlesPerSecond} titles/s); ${first.tmdbRequests} TMDB requests (${figures.firstSync.refused429} refused with 429) → rate-limit bound ${figures.firstSync.rateLimitBoundSeconds} s at ${RATE}/s; ratio ${figures.firstSync.ratioToBound}`,
  );
  console.log(`second sync, nothing changed: ${figures.secondSync.seconds} s, ${second.tmdbRequests} TMDB requests (target 0)`);
  console.log(
    `providerRefresh of ${LIBRARY} titles with ${CHANGED_IN_LIBRARY} changed among ${extras.changes!.movie.length} listed: ${refreshRequests.length} provider calls (${figures.providerRefresh.changeListPages} change-list pages, ${figures.providerRefresh.titleFetches} title fetches; target ≤ ~60) in ${figures.providerRefresh.seconds} s; run again: ${refreshAgainRequests} calls`,
  );
  console.log(JSON.stringify(figures));
}

const round = (n: number) => Math.round(n * 100) / 100;

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
