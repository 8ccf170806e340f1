import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_PHASE_CONFIG } from '../../src/config/phase-config.js';
import { discoverLibrary } from '../../src/media/discovery/index.js';
import { readImageFile } from '../../src/media/image-info.js';
import { parseNfo } from '../../src/media/nfo/index.js';
import { probeForScan } from '../../src/media/probe-for-scan.js';
import { readNfoText } from '../../src/media/title-scan/read-nfo-file.js';
import { mapLimited } from '../support/map-limited.js';

export interface ReferenceScanResult {
  titles: number;
  seconds: number;
  titlesPerSecond: number;
  /** What was actually done, so the caller can check the reference did the full work. */
  nfosParsed: number;
  videosProbed: number;
  imagesRead: number;
  failures: string[];
}

/** The scan activity's defaults: folders at once, and file tasks at once inside one folder. */
export const FOLDER_CONCURRENCY = 8;
const TASKS_PER_FOLDER = 4;
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png']);

/**
 * The least a scan of a movie library has to do, as a plain loop with no Temporal and no database: the
 * stat walk (`discoverLibrary`), then per folder, 8 folders at once (as scanFolderBatch): stat its files,
 * then with the sizes those stats found, as the scan does with its listing's: read its NFO
 * (`readNfoText`) and parse it, probe its videos (MediaInfo in-process, ffprobe for the rest), and read
 * the header of and hash each image in one pass (`readImageFile`). It deliberately does not call
 * `scanTitleFolder`, so it measures the file work alone and not our scan code's own overhead.
 */
export async function referenceScan(root: string): Promise<ReferenceScanResult> {
  const started = performance.now();
  const { titles } = await discoverLibrary(root, 'movie', DEFAULT_PHASE_CONFIG.scan);
  const result = { nfosParsed: 0, videosProbed: 0, imagesRead: 0, failures: [] as string[] };

  await mapLimited(titles, FOLDER_CONCURRENCY, async (title) => {
    const folder = title.folderPath;
    const names = await readdir(folder);
    const sizes = await Promise.all(names.map(async (name) => (await stat(path.join(folder, name))).size));
    const tasks: (() => Promise<void>)[] = [];
    for (const [i, name] of names.entries()) {
      const file = path.join(folder, name);
      if (name.toLowerCase() === 'movie.nfo') {
        tasks.push(async () => {
          parseNfo(await readNfoText(file, sizes[i]), name);
          result.nfosParsed++;
        });
      } else if (IMAGE_EXTENSIONS.has(path.extname(name).toLowerCase())) {
        tasks.push(async () => {
          await readImageFile(file, sizes[i]);
          result.imagesRead++;
        });
      }
    }
    for (const video of title.videoFiles) {
      tasks.push(async () => {
        await probeForScan(path.join(folder, video.relativePath), {
          listedSize: sizes[names.indexOf(video.relativePath)],
          mediaInfoOn: 'this thread',
        });
        result.videosProbed++;
      });
    }
    await mapLimited(tasks, TASKS_PER_FOLDER, (task) =>
      task().catch((error: unknown) => {
        result.failures.push(`${folder}: ${error instanceof Error ? error.message : String(error)}`);
      }),
    );
  });

  const seconds = (performance.now() - started) / 1000;
  return { titles: titles.length, seconds, titlesPerSecond: titles.length / seconds, ...result };
}
