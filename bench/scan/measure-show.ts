import { link, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { makeVideo } from '../../test/support/media-fixtures.js';
import type { ScanEnvironment } from './scan-environment.js';
import { expectScan } from './scan-checks.js';

export interface ShowFigures {
  episodes: number;
  /** The show's first scan: every episode's video read. */
  initialScanSeconds: number;
  /** The rescan after one episode was added: the folder changed, only the new video is read. */
  episodeAddedRescanSeconds: number;
}

/**
 * One show of `episodes` episodes (ten seasons, each episode a hard link to one real video), scanned once,
 * then rescanned after one more episode arrived, as a Sonarr import leaves the folder. The show's folder is
 * changed, so the rescan scans it; its other episodes keep the probes the first scan stored (same size and
 * modification time), so the rescan reads one video where the first scan read them all.
 */
export async function measureShow(env: ScanEnvironment, workDir: string, episodes: number): Promise<ShowFigures> {
  const root = path.join(workDir, 'show', 'TV');
  const folder = path.join(root, 'Long Running Show (2001)');
  const source = await makeVideo(path.join(workDir, 'show', 'episode.mkv'), { audio: [{ language: 'eng' }, { language: 'fre' }] });
  const addEpisode = async (n: number) => {
    const season = Math.floor((n - 1) / 20) + 1;
    const seasonFolder = path.join(folder, `Season ${String(season).padStart(2, '0')}`);
    await mkdir(seasonFolder, { recursive: true });
    const code = `S${String(season).padStart(2, '0')}E${String(((n - 1) % 20) + 1).padStart(2, '0')}`;
    await link(source, path.join(seasonFolder, `Long Running Show - ${code}.mkv`));
  };
  for (let n = 1; n <= episodes; n++) await addEpisode(n);
  const libraryId = await env.createLibrary('Bench show', root, 'tv');

  const initial = await env.scan(libraryId);
  expectScan('show initial', initial.progress, { titlesFound: 1, titlesNew: 1, errors: 0 });
  await addEpisode(episodes + 1);
  const rescan = await env.scan(libraryId);
  expectScan('show rescan', rescan.progress, { directoriesScanned: 1, titlesUpdated: 1, errors: 0 });
  return { episodes, initialScanSeconds: initial.seconds, episodeAddedRescanSeconds: rescan.seconds };
}
