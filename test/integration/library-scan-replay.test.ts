import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker, type ReplayResult } from '@temporalio/worker';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { createTestClient, createTestDatabase, startTestWorker, type TestDatabase } from '../support/integration.js';
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

async function replay(histories: { workflowId: string; history: unknown }[]): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  const options = { workflowBundle: { codePath: inject('workflowBundlePath') } };
  for await (const result of Worker.runReplayHistories(options, histories)) results.push(result);
  return results;
}

describe('libraryScan replay', () => {
  it('replays every recorded history without a determinism error', async () => {
    const files = fs.readdirSync(fixturesDir).filter((f) => f.startsWith('library-scan') && f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const results = await replay(
      files.map((f) => ({ workflowId: f, history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(fixturesDir, f), 'utf8'))) })),
    );
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(files.map((f) => [f, undefined]));
  });

  it('replays a history recorded from a run of the current code', async () => {
    const root = tempDir('reelflow-replay-');
    writeTree(root, { 'Alien (1979)/Alien (1979).mkv': 'v', 'Aliens (1986)/Aliens (1986).mkv': 'v' });
    const library = await new LibraryRepository(database.db).create({ name: 'Replay', kind: 'movie', rootPath: root });
    const { taskQueue } = await startTestWorker(database.db);
    const temporal = await createTestClient();
    const handle = await temporal.workflow.start('libraryScan', { taskQueue, workflowId: `scan/${library.id}-${randomUUID()}`, args: [{ libraryId: library.id }] });
    await handle.result();
    const history = await handle.fetchHistory();
    if (process.env.REELFLOW_RECORD_HISTORIES) {
      fs.writeFileSync(path.join(fixturesDir, `library-scan-${Date.now()}.json`), historyToJSON(history));
    }
    const [result] = await replay([{ workflowId: handle.workflowId, history }]);
    expect(result?.error).toBeUndefined();
  });
});
