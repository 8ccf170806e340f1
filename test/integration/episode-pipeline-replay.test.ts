import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker, type ReplayResult } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';

/**
 * Determinism guard for episodePipeline and mediaRequest: histories recorded from earlier versions
 * (test/fixtures/histories, recorded by the workflow tier with stand-in activities; their inputs carry the
 * pipeline's durations, as every run started before the worker configured them does) must replay against
 * the current workflow code. Approval with a rejection, an approval timeout, a stalled download and a
 * retry, a failure then a cancel, a cancel update, endWait on the air date, a cancelled request; a person's
 * rejection recorded on the blocklist then a release chosen at the approval wait, and a release chosen while
 * the search waited (these two recorded without durations in their input); a watching request that re-plans
 * a new episode, and one whose item's air date moved twice (with that item's own history).
 */
const fixturesDir = path.resolve('test/fixtures/histories');

describe('request pipeline replay', () => {
  it('replays every recorded history without a determinism error', async () => {
    const files = fs.readdirSync(fixturesDir).filter((f) => /^(episode-pipeline|media-request)-/.test(f) && f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(12);
    const histories = files.map((f) => ({
      workflowId: f,
      history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(fixturesDir, f), 'utf8'))),
    }));
    const results: ReplayResult[] = [];
    const options = { workflowBundle: { codePath: inject('workflowBundlePath') } };
    for await (const result of Worker.runReplayHistories(options, histories)) results.push(result);
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(files.map((f) => [f, undefined]));
  });
});
