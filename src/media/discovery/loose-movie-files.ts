import type { ListedFile, WalkedDirectory } from './directory-listing.js';
import { fingerprintFiles } from './fingerprint.js';
import { fileStem } from './name-rules.js';
import type { DiscoveredVideoFile } from './types.js';
import type { WalkContext } from './walk-context.js';
import { recordZeroByteVideos } from './title-files.js';

interface LooseMovie {
  video: ListedFile;
  ownedFiles: ListedFile[];
}

/**
 * Each main video directly in a movie library's root is a title of its own. It owns the files named after
 * it — `<name>.nfo`, `<name>-poster.jpg`, `<name>.en.srt`, `<name>-trailer.mkv` — and when names nest
 * (`Alien.mkv`, `Alien-Resurrection.mkv`) a file goes to the longest name it extends, so it has one owner.
 */
export function recordLooseMovieFiles(context: WalkContext, root: WalkedDirectory, files: readonly ListedFile[]): void {
  const moviesByStem = new Map<string, LooseMovie>();
  for (const file of files) {
    if (context.judgeVideo(file.name, file.sizeBytes) === 'video') {
      moviesByStem.set(fileStem(file.name), { video: file, ownedFiles: [] });
    }
  }
  recordZeroByteVideos(context, files);
  if (moviesByStem.size === 0) return;

  for (const file of files) findOwner(moviesByStem, file.name)?.ownedFiles.push(file);

  for (const { video, ownedFiles } of moviesByStem.values()) {
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

/** The movie whose stem is the longest prefix of the name that ends right before a '.' or '-'. */
function findOwner(moviesByStem: ReadonlyMap<string, LooseMovie>, name: string): LooseMovie | undefined {
  for (let end = name.length - 1; end > 0; end -= 1) {
    const char = name[end];
    if (char !== '.' && char !== '-') continue;
    const movie = moviesByStem.get(name.slice(0, end));
    if (movie) return movie;
  }
  return undefined;
}
