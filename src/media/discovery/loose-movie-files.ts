import type { ListedFile, WalkedDirectory } from './directory-listing.js';
import { fingerprintFiles } from './fingerprint.js';
import { fileStem } from '../title-names.js';
import type { DiscoveredVideoFile } from './types.js';
import { recordZeroByteVideos } from './title-files.js';
import type { WalkContext } from './walk-context.js';

interface LooseMovie {
  video: ListedFile;
  ownedFiles: ListedFile[];
}

/**
 * Each main video directly in a movie library's root is a title of its own. It owns the files named after
 * it — `<name>.nfo`, `<name>-poster.jpg`, `<name>.en.srt`, `<name>-trailer.mkv` — and when names nest
 * (`Alien.mkv`, `Alien-Resurrection.mkv`) a file goes to the longest name it extends. Videos sharing a name
 * (`Movie.mkv`, `Movie.mp4`) stay separate titles that own the same files.
 */
export function recordLooseMovieFiles(context: WalkContext, root: WalkedDirectory, files: readonly ListedFile[]): void {
  const moviesByStem = new Map<string, LooseMovie[]>();
  const movies: LooseMovie[] = [];
  for (const file of files) {
    if (context.judgeVideo(file.name, file.sizeBytes) !== 'video') continue;
    const movie: LooseMovie = { video: file, ownedFiles: [] };
    movies.push(movie);
    const stem = fileStem(file.name);
    const sameStem = moviesByStem.get(stem);
    if (sameStem) sameStem.push(movie);
    else moviesByStem.set(stem, [movie]);
  }
  recordZeroByteVideos(context, files);
  if (movies.length === 0) return;

  for (const file of files) {
    for (const owner of findOwners(moviesByStem, file.name)) owner.ownedFiles.push(file);
  }

  for (const { video, ownedFiles } of movies) {
    const fingerprinted = ownedFiles.map(({ name, sizeBytes, mtimeMs }) => ({ relativePath: name, sizeBytes, mtimeMs }));
    const videoFile: DiscoveredVideoFile = { relativePath: video.name, sizeBytes: video.sizeBytes, mtimeMs: video.mtimeMs };
    context.titles.push({
      key: video.name,
      kind: 'movie',
      folderPath: root.absolutePath,
      videoFiles: [videoFile],
      fingerprint: fingerprintFiles(fingerprinted),
      fileCount: fingerprinted.length,
      realPath: null,
    });
  }
}

/** The movies whose stem is the longest prefix of the name that ends right before a '.' or '-'. */
function findOwners(moviesByStem: ReadonlyMap<string, LooseMovie[]>, name: string): LooseMovie[] {
  for (let end = name.length - 1; end > 0; end -= 1) {
    const char = name[end];
    if (char !== '.' && char !== '-') continue;
    const owners = moviesByStem.get(name.slice(0, end));
    if (owners) return owners;
  }
  return [];
}
