import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createScanActivities } from '../../src/activities/scan.js';
import { PhaseConfigService } from '../../src/config/phase-config-service.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { TitleRepository } from '../../src/db/repositories/title-repository.js';
import { movies } from '../../src/db/schema/index.js';
import { TemporalTitlePipelineStarter } from '../../src/library/temporal-title-pipeline-starter.js';
import { ContentStore } from '../../src/media/content-store.js';
import { titleChangedSignal, titlePipelineWorkflowId, type TitlePipelineState } from '../../src/contracts/title-pipeline.js';
import { makeVideo } from '../support/media-fixtures.js';
import { createTestClient, createTestDatabase, startTestWorker, type TestDatabase } from '../support/integration.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The hand-off from "title saved" to "pipeline started", without a kill's randomness: a batch whose
 * attempt saved titles and died before starting them, a start retried after its pipeline closed, and a
 * change that arrives while a pass runs.
 */
const root = tempDir('reelflow-handoff-');
const taskQueue = `test-${randomUUID()}`;
let database: TestDatabase;
let temporal: Client;
let starter: TemporalTitlePipelineStarter;
let libraryId: string;

beforeAll(async () => {
  for (const name of ['Alpha (2001)', 'Beta (2002)', 'Gamma (2003)']) await makeVideo(path.join(root, name, `${name}.mkv`));
  database = await createTestDatabase();
  temporal = await createTestClient();
  const worker = await startTestWorker(database.db, taskQueue);
  starter = new TemporalTitlePipelineStarter(temporal, taskQueue, database.db);
  libraryId = (await new LibraryRepository(database.db).create({ name: 'Handoff', kind: 'movie', rootPath: root })).id;

  // The attempt that died: it discovered and scanned every folder (rows saved, folders marked scanned)
  // but never got to start a pipeline.
  const scanId = randomUUID();
  const contentStore = new ContentStore(database.db, worker.dataDir);
  const deps = { db: database.db, phaseConfig: new PhaseConfigService(database.db), contentStore };
  const env = new MockActivityEnvironment();
  const dead = createScanActivities(deps);
  await env.run(dead.beginScanRun, { scanId, libraryId, workflowId: `scan/${libraryId}` });
  await env.run(dead.discoverLibraryFolders, { scanId, libraryId });
  await env.run(dead.scanFolderBatch, { scanId, libraryId, afterKey: null, limit: 10 });
  expect(await outstanding()).toHaveLength(3);

  // Its retry finds no folder left to scan, and must still start what the dead attempt saved.
  const retry = createScanActivities({ ...deps, pipelines: starter });
  const result = await env.run(retry.scanFolderBatch, { scanId, libraryId, afterKey: null, limit: 10 });
  expect(result).toMatchObject({ scanned: 0, nextAfterKey: null });
});

async function outstanding() {
  const rows = await database.db.select().from(movies).where(eq(movies.libraryId, libraryId));
  return rows.filter((r) => r.changeSeq > r.pipelineSeq);
}

async function titleId(name: string): Promise<string> {
  const rows = await database.db.select().from(movies).where(eq(movies.libraryId, libraryId));
  return rows.find((r) => r.folderPath.endsWith(name))!.id;
}

async function completedRuns(workflowId: string): Promise<number> {
  let n = 0;
  for await (const _ of temporal.workflow.list({ query: `WorkflowId = '${workflowId}' AND ExecutionStatus = 'Completed'` })) n++;
  return n;
}

const result = (id: string) => temporal.workflow.getHandle(titlePipelineWorkflowId('movie', id)).result() as Promise<TitlePipelineState>;

describe('the hand-off from a saved title to its pipeline', () => {
  it('starts the titles a killed batch attempt saved, when its retry finds nothing left to scan', async () => {
    for (const name of ['Alpha (2001)', 'Beta (2002)', 'Gamma (2003)']) {
      expect((await result(await titleId(name))).phase).toBe('completed');
    }
    expect(await outstanding()).toEqual([]);
  });

  it('starts nothing when a start is retried after its pipeline closed', async () => {
    const id = await titleId('Alpha (2001)');
    const workflowId = titlePipelineWorkflowId('movie', id);
    expect(await completedRuns(workflowId)).toBe(1);
    const retried = await starter.ensure({ kind: 'movie', titleId: id, priority: 'background', reason: 'retried start' });
    expect(retried).toEqual({ workflowId });
    // A closed run would have been followed by a new one: the latest run is still the first.
    const latest = await temporal.workflow.getHandle(workflowId).describe();
    expect(latest.status.name).toBe('COMPLETED');
    expect(await completedRuns(workflowId)).toBe(1);
  });

  it('makes no pass in a run started for a change an earlier run already published', async () => {
    const id = await titleId('Alpha (2001)');
    const workflowId = titlePipelineWorkflowId('movie', id);
    const [row] = await database.db.select().from(movies).where(eq(movies.id, id));
    expect(row!.pipelineSeq).toBe(row!.changeSeq);
    // What a hand-off that read the title just before its pass recorded the change does next: a start after
    // the run closed, for that same change.
    const late = await temporal.workflow.start('moviePipeline', {
      taskQueue,
      workflowId,
      args: [{ titleId: id, priority: 'background', reason: 'a late hand-off', change: { seq: row!.changeSeq } }],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    const state = (await late.result()) as TitlePipelineState;
    expect(state).toMatchObject({ phase: 'completed', passes: 0 });
    expect(state.enriched).toBeUndefined();
  });

  it('publishes a later change in a pass of its own, and a change already covered in none', async () => {
    const id = await titleId('Beta (2002)');
    const workflowId = titlePipelineWorkflowId('movie', id);
    const handle = temporal.workflow.getHandle(workflowId);
    const clicked = await starter.refresh({ kind: 'movie', titleId: id, priority: 'user', reason: 'a click' });
    expect(clicked.seq).toBe(2);
    // A change saved right after (as a webhook's folder refresh would): handed over while the pass runs or after it.
    await database.db.update(movies).set({ changeSeq: 100 }).where(eq(movies.id, id));
    expect((await starter.ensure({ kind: 'movie', titleId: id, priority: 'user', reason: 'a webhook' })).seq).toBe(100);
    await eventuallyPublished(id, 100);
    expect((await handle.result()).publishingSeq).toBe(100);

    const runs = await completedRuns(workflowId);
    expect(await starter.ensure({ kind: 'movie', titleId: id, priority: 'user', reason: 'the webhook again' })).toEqual({ workflowId });
    await handle.signal(titleChangedSignal, { seq: 100 }).catch(() => undefined);
    expect(await completedRuns(workflowId)).toBe(runs);
  });

  it("publishes a person's identification whose pipeline start was lost, at the next scan", async () => {
    const id = await titleId('Gamma (2003)');
    // What the API wrote before it died: the identification with its change number, and no start.
    await new TitleRepository(database.db).setIdentification('movie', id, { tmdb: 603 }, 'manual');
    const [saved] = await database.db.select().from(movies).where(eq(movies.id, id));
    expect(saved!.changeSeq).toBeGreaterThan(saved!.pipelineSeq);

    // The next scan finds no folder changed, and its last batch hands the outstanding change on.
    const scanId = randomUUID();
    const env = new MockActivityEnvironment();
    const scan = createScanActivities({
      db: database.db,
      phaseConfig: new PhaseConfigService(database.db),
      contentStore: new ContentStore(database.db, tempDir()),
      pipelines: starter,
    });
    await env.run(scan.beginScanRun, { scanId, libraryId, workflowId: `scan/${libraryId}` });
    await env.run(scan.discoverLibraryFolders, { scanId, libraryId });
    expect(await env.run(scan.scanFolderBatch, { scanId, libraryId, afterKey: null, limit: 10 })).toMatchObject({
      scanned: 0,
      nextAfterKey: null,
    });
    await eventuallyPublished(id, saved!.changeSeq);
  });
});

async function eventuallyPublished(id: string, seq: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = await database.db.select().from(movies).where(eq(movies.id, id));
    if (row!.pipelineSeq >= seq) return;
    if (Date.now() > deadline) throw new Error(`change ${seq} of ${id} was never published`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
