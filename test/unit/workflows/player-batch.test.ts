import { describe, expect, it } from 'vitest';
import { batchRefreshJobs, mergeFolderChange } from '../../../src/workflows/player-batch.js';
import type { FolderChange } from '../../../src/contracts/notify.js';

const change = (folderPath: string, kind: FolderChange['change'] = 'added', cleanFirst = false): FolderChange => ({
  folderPath,
  change: kind,
  cleanFirst,
  notificationKey: `k-${folderPath}`,
});

describe('batchRefreshJobs', () => {
  it('sends one refresh per folder, with no clean unless asked', () => {
    expect(batchRefreshJobs([change('/m/A'), change('/m/B')], 10)).toEqual([
      { scope: { kind: 'folder', path: '/m/A', change: 'added' }, cleanFirst: false },
      { scope: { kind: 'folder', path: '/m/B', change: 'added' }, cleanFirst: false },
    ]);
  });

  it('cleans once, with the first refresh, when any change asks for it or removes a folder', () => {
    const jobs = batchRefreshJobs([change('/m/Gone', 'removed'), change('/m/A'), change('/m/B', 'updated', true)], 10);
    expect(jobs.map((j) => j.cleanFirst)).toEqual([true, false, false]);
    // Removals last: the clean of the first refresh has already dealt with them.
    expect(jobs.map((j) => (j.scope.kind === 'folder' ? j.scope.path : 'library'))).toEqual(['/m/A', '/m/B', '/m/Gone']);
  });

  it('turns more folders than the limit into one refresh of the library', () => {
    const changes = Array.from({ length: 11 }, (_, i) => change(`/m/${i}`, i === 3 ? 'removed' : 'added'));
    expect(batchRefreshJobs(changes, 10)).toEqual([{ scope: { kind: 'library' }, cleanFirst: true }]);
    expect(batchRefreshJobs(changes.slice(0, 10), 10)).toHaveLength(10);
  });

  it('gives nothing for no changes', () => {
    expect(batchRefreshJobs([], 10)).toEqual([]);
  });
});

describe('mergeFolderChange', () => {
  it('keeps one change per folder: removed then added is an update, added then removed a removal', () => {
    const pending = new Map<string, FolderChange>();
    mergeFolderChange(pending, change('/m/A', 'removed'));
    mergeFolderChange(pending, change('/m/A', 'added'));
    mergeFolderChange(pending, change('/m/B', 'added', true));
    mergeFolderChange(pending, change('/m/B', 'removed'));
    expect([...pending.values()].map((c) => [c.folderPath, c.change, c.cleanFirst])).toEqual([
      ['/m/A', 'updated', false],
      ['/m/B', 'removed', true],
    ]);
  });
});
