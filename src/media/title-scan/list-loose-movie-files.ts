import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileStem } from './file-names.js';
import { TitleFolderUnreadableError } from './scan-errors.js';
import { statEntry } from './stat-entry.js';
import type { TitleFile, TitleFileListing } from './title-files.js';
import type { VideoNameRules } from './video-names.js';

/**
 * The files of a movie file lying loose in the library root: the video and the root files named after it
 * (`<name>.nfo`, `<name>-poster.jpg`, `<name>.en.srt`). As in discovery, when names nest (`Alien.mkv`,
 * `Alien-Resurrection.mkv`) a file goes to the longest video name it extends, so `Alien-Resurrection.nfo`
 * is not Alien's. Another video of the same name (`Alien.mp4`) is a title of its own that shares these
 * files. Only names that extend the video's are statted; the rest of the root is never touched.
 */
export async function listLooseMovieFiles(rootPath: string, videoName: string, rules: VideoNameRules): Promise<TitleFileListing> {
  let entries: Dirent[];
  try {
    entries = await readdir(rootPath, { withFileTypes: true });
  } catch (error) {
    throw new TitleFolderUnreadableError(rootPath, error);
  }
  const stem = fileStem(videoName);
  const candidates = entries.filter(
    ({ name }) => !name.startsWith('.') && (name === videoName || (extendsName(name, stem) && !rules.isExtraVideo(name))),
  );
  const listing: TitleFileListing = { files: [], errors: [] };
  await Promise.all(
    candidates
      .filter((entry) => !entry.isDirectory())
      .map(async (entry) => {
        const absolutePath = path.join(rootPath, entry.name);
        const statted = await statEntry(entry, absolutePath);
        if (statted.kind === 'file') {
          const { size, mtimeMs } = statted.stats;
          listing.files.push({ relativePath: entry.name, name: entry.name, folder: '', absolutePath, sizeBytes: size, mtimeMs });
        } else if (statted.kind === 'failed') {
          listing.errors.push({ relativePath: entry.name, reason: statted.reason });
        }
      }),
  );
  const otherMovies = listing.files.filter((file) => file.name !== videoName && rules.isMainVideo(file.name, file.sizeBytes));
  const longerStems = otherMovies.map((file) => fileStem(file.name)).filter((otherStem) => otherStem.length > stem.length);
  return {
    files: listing.files.filter((file) => !otherMovies.includes(file) && !ownedByLongerName(file, longerStems)),
    errors: listing.errors,
  };
}

/** `Alien.nfo`, `Alien.en.srt` and `Alien-poster.jpg` extend `Alien`; `Aliens.nfo` does not. */
function extendsName(name: string, stem: string): boolean {
  const next = name[stem.length];
  return name.startsWith(stem) && (next === '.' || next === '-');
}

function ownedByLongerName(file: TitleFile, longerStems: readonly string[]): boolean {
  return longerStems.some((longerStem) => extendsName(file.name, longerStem));
}
