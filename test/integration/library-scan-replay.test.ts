import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { replayHistories } from '../support/replay-histories.js';
import { createTestClient, createTestDatabase, startTestWorker, type TestDatabase } from '../support/integration.js';
import { makeVideo } from '../support/media-fixtures.js';
import { tempDir, writeTree } from '../support/temp-dir.js';

/**
 * Determinism guard: histories recorded from earlier versions of libraryScan (test/fixtures/histories)
 * and one recorded now must replay against the current workflow code. A change that would break runs
 * already in flight fails here. Set REELFLOW_RECORD_HISTORIES=1 to store the fresh history as a fixture.
 */
const fixturesDir = path.resolve('test/fixtures/histories');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});

describe('libraryScan replay', () => {
  it('replays every recorded history without a determinism error', async () => {
    const files = fs.readdirSync(fixturesDir).filter((f) => f.startsWith('library-scan') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const results = await replayHistories(
      files.map((f) => ({ workflowId: f, history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(fixturesDir, f), 'utf8'))) })),
    );
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(files.map((f) => [f, undefined]));
  });

  it('replays a history recorded from a run of the current code', async () => {
    const root = tempDir('reelflow-replay-');
    for (const name of ['Alien (1979)', 'Aliens (1986)', 'Alien 3 (1992)']) await makeVideo(path.join(root, name, `${name}.mkv`));
    writeTree(root, { 'Alien (1979)/movie.nfo': '<movie><title>Alien</title><uniqueid type="tmdb">348</uniqueid></movie>' });
    const library = await new LibraryRepository(database.db).create({ name: 'Replay', kind: 'movie', rootPath: root });
    const { taskQueue } = await startTestWorker(database.db);
    const temporal = await createTestClient();
    // Batches of one and a short history limit: the recording covers batching and continue-as-new.
    const handle = await temporal.workflow.start('libraryScan', {
      taskQueue,
      workflowId: `scan/${library.id}-${randomUUID()}`,
      args: [{ libraryId: library.id, batchSize: 1, maxHistoryEvents: 20 }],
    });
    const result = await handle.result();
    expect(result).toMatchObject({ phase: 'completed', titlesNew: 3 });
    // The first run (discovery, batches, continue-as-new) and the last one (resume, removal, summary).
    const lastRunId = (await handle.describe()).runId;
    expect(lastRunId).not.toBe(handle.firstExecutionRunId);
    const runs = [
      { name: 'first-run', history: await temporal.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).fetchHistory() },
      { name: 'last-run', history: await temporal.workflow.getHandle(handle.workflowId, lastRunId).fetchHistory() },
    ];
    if (process.env.REELFLOW_RECORD_HISTORIES) {
      for (const run of runs) fs.writeFileSync(path.join(fixturesDir, `library-scan-${run.name}.json`), historyToJSON(run.history));
    }
    const results = await replayHistories(runs.map((run) => ({ workflowId: run.name, history: run.history })));
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
  });
});
