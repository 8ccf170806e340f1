import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { build } from '../../src/api/app.js';
import { PhaseConfigService } from '../../src/config/phase-config-service.js';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { installTemporalRuntime } from '../../src/workers/temporal-runtime.js';
import { startFakeDiscord } from '../../test/fakes/discord.js';
import { runDrill, type DrillFigures } from '../../test/support/kill-drill.js';
import { makeVideo } from '../../test/support/media-fixtures.js';
import { createBenchDatabase } from '../support/bench-database.js';
import { startBenchServers } from '../support/bench-servers.js';
import { CleanupStack } from '../support/cleanup-stack.js';
import { describeMachine, loadAverage1m } from '../support/machine.js';
import { startWorkerProcess } from '../support/worker-process.js';

/**
 * `npm run bench:drill [-- --quick]`: the durability drill on a real Temporal dev server, Postgres, ffprobe
 * and files, with Discord as a loopback fake. 1,000 scanned titles and 200 Radarr webhooks while the
 * worker process is killed with SIGKILL 5 times and restarted (--quick: 40, 10 and one kill); the
 * reference is the same input undisturbed, in the same run. Targets: lost 0, twice 0, recovery ≤ 30 s
 * after a restart. Progress goes to stderr; figures to stdout, ending with one JSON line.
 */
const quick = process.argv.includes('--quick');
// --quick stays under a minute on an idle machine: each kill costs a restart plus up to a heartbeat timeout.
const SCAN_TITLES = quick ? 40 : 1_000;
const WEBHOOK_TITLES = quick ? 10 : 200;
const KILLS = quick ? 1 : 5;
const API_KEY = randomBytes(16).toString('hex');

installTemporalRuntime('error');
const cleanup = new CleanupStack();
const progress = (line: string) => console.error(`· ${line}`);
process.once('SIGINT', () => void cleanup.run().then(() => process.exit(130)));

async function main() {
  const machine = describeMachine();
  const loadAtStart = loadAverage1m();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelflow-bench-drill-'));
  cleanup.push('work dir', () => fs.rmSync(workDir, { recursive: true, force: true }));

  progress('starting Temporal dev server and Postgres');
  const { server, pg, bundlePath } = await startBenchServers(workDir, cleanup);
  const connection = await Connection.connect({ address: server.address });
  cleanup.push('client connection', () => connection.close());
  const temporal = new Client({ connection });
  const video = await makeVideo(path.join(workDir, 'source', 'video.mkv'));

  /** One drill in a database, task queue and folder of its own, so the reference and the drill share nothing but the servers. */
  const drill = async (name: string, kills: number): Promise<DrillFigures> => {
    const secretKey = randomBytes(32);
    const cipher = new CredentialsCipher(secretKey);
    const databaseName = `reelflow_bench_drill_${name}_${process.pid}_${Date.now().toString(36)}`;
    const { databaseUrl, db, sql } = await createBenchDatabase(pg.adminUrl, databaseName, cleanup, { max: 10 });
    cleanup.push(`${name} pool`, () => sql.end({ timeout: 5 }));
    await new PhaseConfigService(db).ensureDefaults();
    const taskQueue = `bench-drill-${name}-${randomUUID()}`;
    const app = await build({ config: { taskQueue, mediaRoots: [] }, apiKey: API_KEY, db, sql, temporal, credentialsCipher: cipher });
    cleanup.push(`${name} API`, () => app.close());
    const discord = await startFakeDiscord();
    cleanup.push(`${name} Discord fake`, () => discord.close());
    const dir = path.join(workDir, name);
    return runDrill(
      {
        db,
        temporal,
        app,
        apiKey: API_KEY,
        cipher,
        taskQueue,
        discord,
        startWorker: () =>
          startWorkerProcess(
            { address: server.address, databaseUrl, taskQueue, dataDir: path.join(dir, 'data'), bundlePath, secretKey },
            cleanup,
          ),
        video,
        workDir: dir,
        log: progress,
      },
      { scanTitles: SCAN_TITLES, webhookTitles: WEBHOOK_TITLES, kills, timeoutMs: 30 * 60_000, seed: 7 },
    );
  };

  progress(`reference: ${SCAN_TITLES} scanned + ${WEBHOOK_TITLES} webhooks, undisturbed`);
  const reference = await drill('reference', 0);
  progress(`drill: the same with ${KILLS} kills`);
  const killed = await drill('killed', KILLS);

  const figures = {
    benchmark: 'drill',
    quick,
    machine,
    loadAverage1m: { start: loadAtStart, end: loadAverage1m() },
    reference: summary(reference),
    drill: { ...summary(killed), recoverySeconds: killed.recoverySeconds, maxDownSeconds: killed.maxDownSeconds },
    targets: { lost: 0, duplicates: 0, maxRecoverySeconds: 30 },
    meetsTargets: killed.lost === 0 && killed.duplicates === 0 && killed.maxRecoverySeconds <= 30 && killed.brokenWorkflows === 0,
  };
  console.log(JSON.stringify(figures, null, 2));
  console.log(
    JSON.stringify({
      titles: killed.titles,
      kills: killed.kills,
      lost: killed.lost,
      duplicates: killed.duplicates,
      resentAfterKill: killed.resentAfterKill,
      maxRecoverySeconds: killed.maxRecoverySeconds,
      seconds: killed.seconds,
      referenceSeconds: reference.seconds,
      referenceLost: reference.lost,
      referenceDuplicates: reference.duplicates,
    }),
  );
}

function summary(f: DrillFigures) {
  return {
    titles: f.titles,
    kills: f.kills,
    seconds: f.seconds,
    scanCounters: f.scanCounters,
    lost: f.lost,
    duplicates: f.duplicates,
    duplicateTitles: f.duplicateTitles,
    resentAfterKill: f.resentAfterKill,
    unannounced: f.unannounced,
    notAdded: f.notAdded,
    brokenWorkflows: f.brokenWorkflows,
    pipelinesRunTwice: f.pipelinesRunTwice,
    maxRecoverySeconds: f.maxRecoverySeconds,
  };
}

main()
  .then(() => cleanup.run())
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanup.run();
    process.exitCode = 1;
  });
