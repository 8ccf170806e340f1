import path from 'node:path';

/**
 * Where a file that stood in a delivery's way is kept: `<target>/<recycle folder>/<YYYY-MM-DD>/<HH-MM-SS.mmm>/`
 * followed by its own path under the target, like Radarr's and Sonarr's recycling bin. The time folder makes
 * each delivery's keep its own, so two replacements on one day never overwrite each other's kept file.
 */
export const DEFAULT_RECYCLE_FOLDER = '.reelflow-recycle';

export function recycleStamp(now = new Date()): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10)}/${iso.slice(11, 23).replaceAll(':', '-')}`;
}

/** A recycle folder is a relative path inside the target, without `..`: nothing is kept outside the target. */
export function recycleFolderProblem(folder: string): string | undefined {
  const normalised = path.posix.normalize(folder);
  if (
    folder.trim() === '' ||
    path.posix.isAbsolute(folder) ||
    normalised === '.' ||
    normalised === '..' ||
    normalised.startsWith('../') ||
    folder.includes('\\') ||
    folder.includes('\0')
  ) {
    return 'a folder path relative to the target, inside it (for example .reelflow-recycle)';
  }
  return undefined;
}
