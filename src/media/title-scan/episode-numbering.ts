import { episodesWithContinuation, isSeasonFolderName, parseEpisodeFileName, type ParsedEpisodeName } from '../title-names.js';
import { baseName, fileStem, folderOf } from './file-names.js';

// `E05`, `Ep 05`, `Episode.5`, followed by more episodes as `E06`, `-E06` or `-06`.
const MARKED_EPISODE = /(?:^|[^a-z0-9])(?:episode[ ._-]*|ep[ ._-]*|e)(\d{1,4})((?:-?e\d{1,4}|-\d{1,4})*)(?![0-9a-z])/i;
// `05 - Pilot.mkv`, `05.Pilot.mkv`: a bare leading number, as Kodi and Jellyfin read files in season folders.
const LEADING_EPISODE = /^(\d{1,3})(?:[ ._-]|$)/;

/**
 * Season and episodes of an episode video at `relativePath` (relative to the show folder). The name's own
 * season wins (`S01E02`, `1x02`); a name that gives only the episode (`Episode 5.mkv`, `05 - Pilot.mkv`)
 * takes its season from the season folder holding it (`Season 01`, `Specials`). Null when neither tells.
 */
export function readEpisodeNumbering(relativePath: string): ParsedEpisodeName | null {
  const name = baseName(relativePath);
  const fromName = parseEpisodeFileName(name);
  if (fromName) return fromName;
  const folder = folderOf(relativePath);
  const folderSeason = folder === '' ? null : isSeasonFolderName(baseName(folder));
  if (folderSeason === null) return null;
  const episodes = parseEpisodeNumbers(fileStem(name));
  return episodes ? { season: folderSeason, episodes } : null;
}

function parseEpisodeNumbers(stem: string): number[] | null {
  const marked = MARKED_EPISODE.exec(stem);
  if (marked) return episodesWithContinuation(Number(marked[1]), marked[2] ?? '');
  const leading = LEADING_EPISODE.exec(stem);
  return leading ? [Number(leading[1])] : null;
}
