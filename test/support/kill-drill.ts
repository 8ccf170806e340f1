import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { NotificationConfigRepository } from '../../src/db/repositories/notification-config-repository.js';
import { PathMappingRepository } from '../../src/db/repositories/path-mapping-repository.js';
import { movies, notificationSends } from '../../src/db/schema/index.js';
import { notificationConfigSchemas } from '../../src/integrations/notification-config.js';
import type { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import type { TitlePipelineState } from '../../src/contracts/title-pipeline.js';
import { libraryScanWorkflowId, type ScanProgress } from '../../src/contracts/scan.js';
import type { FakeDiscord } from '../fakes/discord.js';
import { waitFor } from './wait-for.js';

/**
 * The durability drill: a library scan of `scanTitles` new titles and `webhookTitles` Radarr Download
 * webhooks, while the worker process is killed with SIGKILL `kills` times at random points and restarted.
 * What it counts is what the README promises: every title published (its NFO on disk, its change
 * published), one Discord message per title, no workflow failed, timed out or terminated, and how long
 * after each kill the work the dead worker held was running again. Used by the chaos test and bench:drill.
 */
export interface DrillStack {
  db: Database;
  temporal: Client;
  app: FastifyInstance;
  apiKey: string;
  cipher: CredentialsCipher;
  taskQueue: string;
  discord: FakeDiscord;
  /** Starts the worker in a process of its own; resolves once it polls. */
  startWorker: () => Promise<ChildProcess>;
  /** A small video every title folder gets a copy of. */
  video: string;
  workDir: string;
  log?: (line: string) => void;
}

export interface DrillOptions {
  scanTitles: number;
  webhookTitles: number;
  kills: number;
  /** Pause between a kill and the restart. */
  restartAfterMs?: number;
  /** The work must be done within this. */
  timeoutMs: number;
  seed?: number;
}

export interface DrillFigures {
  titles: number;
  kills: number;
  seconds: number;
  /** The scan's own counters, which must match an undisturbed scan's. */
  scanCounters: Pick<ScanProgress, 'titlesNew' | 'titlesUpdated' | 'directoriesScanned' | 'errors'>;
  /** Titles without a published change or an NFO at the end. */
  lost: number;
  /**
   * Discord messages beyond one per title, but for the resends below: what "nothing twice" forbids.
   * Each is named in `duplicateTitles`.
   */
  duplicates: number;
  duplicateTitles: string[];
  /**
   * Messages sent again because a kill caught the first send with its request in flight (Discord got it,
   * the worker died before the ledger recorded the answer): a resend the send ledger counted, whose first
   * copy reached Discord within two seconds before a kill. No HTTP target without an idempotency key can be
   * spared these; dropping them instead would lose messages.
   */
  resentAfterKill: number;
  /** Titles with no Discord message at the end. */
  unannounced: number;
  /** Titles announced as anything but "Added". */
  notAdded: number;
  /** Workflows of the drill that failed, timed out or were terminated. */
  brokenWorkflows: number;
  /**
   * Title pipelines that published more than once: their completed runs made more than one pass between
   * them (each drill title changes once). A run that found its change already published makes no pass.
   */
  pipelinesRunTwice: number;
  /** Per kill: seconds from the restart until every activity and workflow task the dead worker held was running again. */
  recoverySeconds: number[];
  maxRecoverySeconds: number;
  /** The same from the kill: the restart's own time (a Node process starting) included. */
  maxDownSeconds: number;
}

export async function runDrill(stack: DrillStack, options: DrillOptions): Promise<DrillFigures> {
  const log = stack.log ?? (() => {});
  const random = seededRandom(options.seed ?? 42);
  const scanRoot = path.join(stack.workDir, 'scanned');
  const webhookRoot = path.join(stack.workDir, 'delivered');
  fs.mkdirSync(scanRoot, { recursive: true });
  fs.mkdirSync(webhookRoot, { recursive: true });

  // Both libraries have finished a first scan, so what comes later is announced to people.
  const libraries = new LibraryRepository(stack.db);
  const scanned = await libraries.create({ name: 'Drill scan', kind: 'movie', rootPath: scanRoot });
  const delivered = await libraries.create({ name: 'Drill webhooks', kind: 'movie', rootPath: webhookRoot });
  await new PathMappingRepository(stack.db).put(delivered.id, '/movies', webhookRoot);
  const discordConfig = notificationConfigSchemas.discord.parse({
    webhookUrl: stack.discord.webhookUrl,
    timeoutMs: 5_000,
    delivery: { retryWindowMinutes: 10, initialRetrySeconds: 0.5, maximumRetrySeconds: 2 },
  });
  await new NotificationConfigRepository(stack.db, stack.cipher).put('discord', true, discordConfig as never);

  let worker = await stack.startWorker();
  for (const library of [scanned, delivered]) {
    await stack.temporal.workflow.execute('libraryScan', {
      taskQueue: stack.taskQueue,
      workflowId: libraryScanWorkflowId(library.id),
      args: [{ libraryId: library.id }],
    });
  }

  const scanNames = names('Scanned', options.scanTitles);
  const webhookNames = names('Delivered', options.webhookTitles);
  for (const name of scanNames) copyVideo(stack.video, path.join(scanRoot, name, `${name}.mkv`));
  for (const name of webhookNames) copyVideo(stack.video, path.join(webhookRoot, name, `${name}.mkv`));
  const total = scanNames.length + webhookNames.length;
  log(`drill: ${scanNames.length} titles to scan, ${webhookNames.length} webhooks, ${options.kills} kills`);

  const started = Date.now();
  const scan = stack.temporal.workflow.start('libraryScan', {
    taskQueue: stack.taskQueue,
    workflowId: libraryScanWorkflowId(scanned.id),
    // Small batches: kills land between a folder saved and its batch's pipelines started.
    args: [{ libraryId: scanned.id, batchSize: 25 }],
  });
  // Settled at once, rethrown below: a webhook that fails must fail the drill, not the process.
  const webhooks = sendWebhooks(stack, webhookNames, random).then(
    () => undefined,
    (error: unknown) => error,
  );

  const published = async () => (await countTitles(stack.db, [scanned.id, delivered.id])).published;
  const progress = async () => {
    const counts = await countTitles(stack.db, [scanned.id, delivered.id]);
    return counts.saved + counts.published;
  };
  const recoverySeconds: number[] = [];
  const downSeconds: number[] = [];
  const killTimes: number[] = [];
  for (let kill = 0; kill < options.kills; kill++) {
    // Spread the kills over the work: each waits for some progress after the last restart, then a random moment.
    const before = await progress();
    await waitFor(
      async () => ((await progress()) > before || (await published()) >= total ? true : undefined),
      options.timeoutMs,
      async () => `no progress after ${kill} kills: ${await published()}/${total} published`,
    );
    await sleep(300 + random() * 1_500);
    const killedAt = Date.now();
    killTimes.push(killedAt);
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    log(`drill: kill ${kill + 1} after ${((killedAt - started) / 1000).toFixed(1)} s (${await published()}/${total} published)`);
    await sleep(options.restartAfterMs ?? 500);
    worker = await stack.startWorker();
    const restartedAt = Date.now();
    const recovered = await waitUntilRecovered(stack, killedAt, options.timeoutMs);
    recoverySeconds.push(round((recovered.at - restartedAt) / 1000));
    downSeconds.push(round((recovered.at - killedAt) / 1000));
    log(
      `drill: recovered ${recoverySeconds.at(-1)} s after the restart (${downSeconds.at(-1)} s after the kill)${recovered.lastHeld ? `; the last held: ${recovered.lastHeld}` : ''}`,
    );
  }

  const webhookError = await webhooks;
  if (webhookError) throw webhookError;
  const scanResult = (await (await scan).result()) as ScanProgress;
  await waitFor(
    async () => ((await published()) >= total && stack.discord.messages().length >= total ? true : undefined),
    options.timeoutMs,
    // What is missing, so a drill that times out says where the work stopped.
    async () => {
      const rows = await stack.db
        .select({ folderPath: movies.folderPath, changeSeq: movies.changeSeq, pipelineSeq: movies.pipelineSeq })
        .from(movies);
      const unpublished = rows.filter((r) => r.pipelineSeq < r.changeSeq).map((r) => path.basename(r.folderPath));
      const announced = new Set(stack.discord.accepted().map(({ title }) => title.replace(/^[^:]*: /, '')));
      const unannounced = [...scanNames, ...webhookNames].filter((name) => !announced.has(name));
      return `${await published()}/${total} published, ${stack.discord.messages().length} Discord messages; not published: ${unpublished.slice(0, 10).join(', ') || 'none'}; never announced: ${unannounced.slice(0, 10).join(', ') || 'none'}`;
    },
  );
  // Whatever would come twice has had its chance: the pipelines are done and retries are fast.
  await sleep(2_000);
  const seconds = round((Date.now() - started) / 1000);

  const accepted = stack.discord.accepted();
  const perTitle = new Map<string, number[]>();
  for (const { title, receivedAt } of accepted) perTitle.set(title, [...(perTitle.get(title) ?? []), receivedAt]);
  const allNames = [...scanNames, ...webhookNames];
  const announcedAs = (name: string) => [...perTitle.keys()].filter((title) => title.endsWith(`: ${name}`));
  const rows = await stack.db
    .select({ id: movies.id, folderPath: movies.folderPath, changeSeq: movies.changeSeq, pipelineSeq: movies.pipelineSeq })
    .from(movies);
  const publishedFolders = new Set(
    rows
      .filter((r) => r.pipelineSeq >= r.changeSeq && fs.existsSync(path.join(r.folderPath, 'movie.nfo')))
      .map((r) => path.basename(r.folderPath)),
  );
  const resendsOf = await resendsPerFolder(stack.db, rows);
  // A copy beyond the first is a resend only when the ledger counted one for that title and the copy before
  // it reached Discord just before a kill; any other copy is a duplicate.
  const justBeforeAKill = (at: number) => killTimes.some((killedAt) => at <= killedAt && killedAt - at <= 2_000);
  let resentAfterKill = 0;
  const duplicateTitles: string[] = [];
  for (const [title, times] of perTitle) {
    const folder = title.replace(/^[^:]*: /, '');
    let resendsLeft = resendsOf.get(folder) ?? 0;
    for (let copy = 1; copy < times.length; copy++) {
      if (resendsLeft > 0 && justBeforeAKill(times[copy - 1]!)) {
        resendsLeft--;
        resentAfterKill++;
      } else duplicateTitles.push(title);
    }
  }
  if (duplicateTitles.length > 0 || resentAfterKill > 0) {
    log(
      `drill: sent twice: ${JSON.stringify([...perTitle].filter(([, t]) => t.length > 1).map(([title, t]) => ({ title, receivedAt: t.map((at) => at - started), resends: resendsOf.get(title.replace(/^[^:]*: /, '')) ?? 0 })))}; kills at ${JSON.stringify(killTimes.map((at) => at - started))} ms`,
    );
  }

  const figures: DrillFigures = {
    titles: total,
    kills: options.kills,
    seconds,
    scanCounters: {
      titlesNew: scanResult.titlesNew,
      titlesUpdated: scanResult.titlesUpdated,
      directoriesScanned: scanResult.directoriesScanned,
      errors: scanResult.errors,
    },
    lost: allNames.filter((name) => !publishedFolders.has(name)).length,
    duplicates: duplicateTitles.length,
    duplicateTitles,
    resentAfterKill,
    unannounced: allNames.filter((name) => announcedAs(name).length === 0).length,
    notAdded: allNames.filter((name) => announcedAs(name).some((title) => !title.startsWith('Added:'))).length,
    brokenWorkflows: await countWorkflows(stack, `ExecutionStatus IN ('Failed', 'TimedOut', 'Terminated')`),
    pipelinesRunTwice: await pipelinesRunTwice(stack),
    recoverySeconds,
    maxRecoverySeconds: recoverySeconds.length > 0 ? Math.max(...recoverySeconds) : 0,
    maxDownSeconds: downSeconds.length > 0 ? Math.max(...downSeconds) : 0,
  };
  worker.kill('SIGKILL');
  return figures;
}

/** Radarr Download webhooks, a few at a time, through the real API. */
async function sendWebhooks(stack: DrillStack, titles: string[], random: () => number): Promise<void> {
  let next = 0;
  // Radarr's download client id: one per delivery, so two drills on one Temporal server are two deliveries.
  const downloadTag = randomUUID();
  const send = async () => {
    while (next < titles.length) {
      const name = titles[next++]!;
      const response = await stack.app.inject({
        method: 'POST',
        url: `/api/webhooks/radarr?apikey=${stack.apiKey}`,
        payload: {
          eventType: 'Download',
          instanceName: 'Radarr',
          isUpgrade: false,
          downloadClient: 'qBittorrent',
          downloadId: `${downloadTag}-${next}`,
          movie: { id: next, title: name, year: 2000, folderPath: `/movies/${name}` },
          movieFile: { id: next, relativePath: `${name}.mkv`, quality: 'Bluray-1080p', size: 1 },
        },
      });
      if (response.statusCode !== 200) throw new Error(`webhook for ${name} answered ${response.statusCode}: ${response.body}`);
      await sleep(random() * 200);
    }
  };
  await Promise.all([send(), send(), send()]);
}

/**
 * The moment every activity and workflow task that had started before the kill (and so was held by the dead
 * worker) has been started again or finished: what "noticed within seconds" means.
 */
async function waitUntilRecovered(
  stack: DrillStack,
  killedAt: number,
  timeoutMs: number,
): Promise<{ at: number; lastHeld: string | undefined }> {
  const deadline = Date.now() + timeoutMs;
  let lastHeld: string | undefined;
  for (;;) {
    const held = await heldByDeadWorker(stack, killedAt);
    if (!held) return { at: Date.now(), lastHeld };
    lastHeld = held;
    if (Date.now() > deadline) throw new Error(`work held by the killed worker was not picked up within ${timeoutMs} ms: ${held}`);
    await sleep(250);
  }
}

/** What the dead worker still holds (the first found: a workflow id and an activity or workflow task), or undefined. */
async function heldByDeadWorker(stack: DrillStack, killedAt: number): Promise<string | undefined> {
  for await (const execution of stack.temporal.workflow.list({
    query: `TaskQueue = '${stack.taskQueue}' AND ExecutionStatus = 'Running'`,
  })) {
    let raw;
    try {
      raw = (await stack.temporal.workflow.getHandle(execution.workflowId, execution.runId).describe()).raw;
    } catch {
      continue; // closed meanwhile
    }
    const startedBefore = (time: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
      time?.seconds !== undefined && time.seconds !== null && Number(time.seconds) * 1000 + (time.nanos ?? 0) / 1e6 < killedAt;
    // State 2 is STARTED: an attempt a worker holds.
    const activity = (raw.pendingActivities ?? []).find((a) => a.state === 2 && startedBefore(a.lastStartedTime));
    if (activity) return `${execution.workflowId}: activity ${activity.activityType?.name ?? '?'} (attempt ${activity.attempt ?? '?'})`;
    const task = raw.pendingWorkflowTask;
    if (task && task.state === 2 && startedBefore(task.startedTime)) return `${execution.workflowId}: workflow task`;
  }
  return undefined;
}

/** The send ledger's resends of each title's messages, by the title's folder name. */
async function resendsPerFolder(db: Database, titles: { id: string; folderPath: string }[]): Promise<Map<string, number>> {
  const folderOf = new Map(titles.map((t) => [t.id, path.basename(t.folderPath)]));
  const perFolder = new Map<string, number>();
  for (const row of await db
    .select({ messageId: notificationSends.messageId, resends: notificationSends.resends })
    .from(notificationSends)) {
    // notify/movie/<id>/change-<seq>
    const folder = folderOf.get(row.messageId.split('/')[2] ?? '');
    if (folder !== undefined) perFolder.set(folder, (perFolder.get(folder) ?? 0) + row.resends);
  }
  return perFolder;
}

async function pipelinesRunTwice(stack: DrillStack): Promise<number> {
  const passes = new Map<string, number>();
  for await (const execution of stack.temporal.workflow.list({
    query: `TaskQueue = '${stack.taskQueue}' AND WorkflowType = 'moviePipeline' AND ExecutionStatus = 'Completed'`,
  })) {
    const state = (await stack.temporal.workflow.getHandle(execution.workflowId, execution.runId).result()) as TitlePipelineState;
    passes.set(execution.workflowId, (passes.get(execution.workflowId) ?? 0) + state.passes);
  }
  return [...passes.values()].filter((n) => n > 1).length;
}

async function countWorkflows(stack: DrillStack, filter: string): Promise<number> {
  let n = 0;
  for await (const _ of stack.temporal.workflow.list({ query: `TaskQueue = '${stack.taskQueue}' AND ${filter}` })) n++;
  return n;
}

/** Titles saved, and titles whose latest change a pipeline published. */
async function countTitles(db: Database, libraryIds: string[]): Promise<{ saved: number; published: number }> {
  const counts = { saved: 0, published: 0 };
  for (const libraryId of libraryIds) {
    const rows = await db
      .select({ changeSeq: movies.changeSeq, pipelineSeq: movies.pipelineSeq })
      .from(movies)
      .where(eq(movies.libraryId, libraryId));
    counts.saved += rows.length;
    counts.published += rows.filter((r) => r.pipelineSeq > 0 && r.pipelineSeq >= r.changeSeq).length;
  }
  return counts;
}

const names = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix} ${String(i).padStart(4, '0')} (${1950 + (i % 70)})`);

function copyVideo(source: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
}

/** mulberry32: the kill moments are random but the same for the same seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number) => Math.round(n * 10) / 10;
