import type { FolderChange, PlayerRefreshJob } from '../contracts/notify.js';

/**
 * Turns the folder changes gathered during one coalescing window into the refreshes to send: one per
 * folder, or one of the whole library when there are more than `maxFolderRefreshes`. A clean (asked for,
 * or needed because a folder was removed) is done once, with the first refresh. Removed folders go last,
 * so that for a player where a removal needs only the clean, the clean has already run.
 */
export function batchRefreshJobs(changes: readonly FolderChange[], maxFolderRefreshes: number): PlayerRefreshJob[] {
  if (changes.length === 0) return [];
  const clean = changes.some((c) => c.cleanFirst || c.change === 'removed');
  if (changes.length > maxFolderRefreshes) return [{ scope: { kind: 'library' }, cleanFirst: clean }];
  const ordered = [...changes].sort((a, b) => Number(a.change === 'removed') - Number(b.change === 'removed'));
  return ordered.map((c, index) => ({ scope: { kind: 'folder', path: c.folderPath, change: c.change }, cleanFirst: clean && index === 0 }));
}

/**
 * Adds a change to the pending ones (keyed by folder). A folder removed and then added again within one
 * window is an update; added and then removed is a removal.
 */
export function mergeFolderChange(pending: Map<string, FolderChange>, next: FolderChange): void {
  const previous = pending.get(next.folderPath);
  if (!previous) {
    pending.set(next.folderPath, next);
    return;
  }
  const change = previous.change === 'removed' && next.change !== 'removed' ? 'updated' : next.change;
  pending.set(next.folderPath, { ...next, change, cleanFirst: previous.cleanFirst || next.cleanFirst });
}
