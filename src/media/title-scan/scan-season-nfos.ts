import { isSeasonFolderName } from '../title-names.js';
import type { SeasonNfo } from '../nfo/index.js';
import { baseName, folderOf } from './file-names.js';
import { byRelativePath } from './ordering.js';
import { readNfoFile } from './read-nfo-file.js';
import type { ConcurrencyLimit } from '../../concurrency/concurrency-limit.js';
import type { TitleFile } from './title-files.js';
import type { ScanFileError, ScannedSeasonNfo } from './types.js';

/**
 * Every `season.nfo` of a show: its season from the folder holding it (`Season 01`, `Specials`), else from
 * its `<seasonnumber>`. One that cannot be read, or whose season cannot be told, is an error of the scan.
 */
export async function scanSeasonNfos(
  nfoFiles: readonly TitleFile[],
  limit: ConcurrencyLimit,
): Promise<{ seasons: ScannedSeasonNfo[]; errors: ScanFileError[] }> {
  const files = nfoFiles.filter((file) => baseName(file.relativePath).toLowerCase() === 'season.nfo').sort(byRelativePath);
  const seasons: ScannedSeasonNfo[] = [];
  const errors: ScanFileError[] = [];
  for (const file of files) {
    const result = await readNfoFile(file, 'season', limit);
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    const nfo: SeasonNfo | undefined = result.parsed.kind === 'season' ? result.parsed.season : undefined;
    const folder = folderOf(file.relativePath);
    const season = (folder === '' ? null : isSeasonFolderName(baseName(folder))) ?? nfo?.seasonNumber;
    if (season === undefined) {
      errors.push({
        relativePath: file.relativePath,
        reason: `${file.relativePath}: cannot tell its season from the folder or a <seasonnumber>`,
      });
      continue;
    }
    seasons.push({ season, nfoPath: file.relativePath, ...(nfo === undefined ? {} : { nfo }) });
  }
  return { seasons, errors };
}
