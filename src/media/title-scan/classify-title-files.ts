import { ARTWORK_EXTENSIONS, classifyArtwork, type ArtworkMatch } from '../artwork-names.js';
import type { DiscoveredVideoFile } from '../discovery/index.js';
import { findExternalSubtitles, type ExternalSubtitle } from '../subtitles.js';
import { baseName, fileExtension, fileStem, folderOf, joinRelative } from './file-names.js';
import { byRelativePath, compareCodeUnits } from './ordering.js';
import type { TitleFile } from './title-files.js';
import type { ScanFileError, ScannedActorThumb, ScannedUnknownFile } from './types.js';
import type { VideoNameRules } from './video-names.js';

export interface ArtworkCandidate {
  file: TitleFile;
  match: ArtworkMatch;
}

/** What each file of a title is, from its name, place and size alone: nothing has been read yet. */
export interface ClassifiedTitleFiles {
  /** The title's main videos as listed now, by relative path. */
  listedVideos: ReadonlyMap<string, TitleFile>;
  /** Every `.nfo` file, used or not, sorted by relative path. */
  nfoFiles: TitleFile[];
  artwork: ArtworkCandidate[];
  actorThumbs: ScannedActorThumb[];
  /** By the video's relative path; every main video has an entry, sorted by file name. */
  subtitlesByVideo: ReadonlyMap<string, ExternalSubtitle[]>;
  unknownFiles: ScannedUnknownFile[];
  errors: ScanFileError[];
}

const ACTORS_FOLDER_NAME = '.actors';

export function classifyTitleFiles(
  files: readonly TitleFile[],
  videoFiles: readonly DiscoveredVideoFile[],
  rules: VideoNameRules,
): ClassifiedTitleFiles {
  const mainVideoPaths = new Set(videoFiles.map((video) => video.relativePath));
  const { subtitlesByVideo, subtitlePaths } = findSubtitles(files, videoFiles);
  const videoBaseNames = videoFiles.map((video) => fileStem(baseName(video.relativePath)));
  const listedVideos = new Map<string, TitleFile>();
  const classified: ClassifiedTitleFiles = {
    listedVideos,
    nfoFiles: [],
    artwork: [],
    actorThumbs: [],
    subtitlesByVideo,
    unknownFiles: [],
    errors: [],
  };

  for (const file of [...files].sort(byRelativePath)) {
    const { relativePath, name, sizeBytes } = file;
    if (file.folder.toLowerCase() === ACTORS_FOLDER_NAME && ARTWORK_EXTENSIONS.includes(fileExtension(name))) {
      classified.actorThumbs.push({ actorName: fileStem(name), relativePath });
      continue;
    }
    if (mainVideoPaths.has(relativePath)) {
      listedVideos.set(relativePath, file);
      continue;
    }
    if (fileExtension(name) === '.nfo') {
      classified.nfoFiles.push(file);
      continue;
    }
    if (subtitlePaths.has(relativePath)) continue;
    const match = classifyArtwork(relativePath, videoBaseNames);
    if (match) classified.artwork.push({ file, match });
    else if (rules.isZeroByteVideo(name, sizeBytes)) classified.errors.push({ relativePath, reason: 'zero-byte video' });
    else classified.unknownFiles.push({ relativePath, sizeBytes });
  }
  return classified;
}

/**
 * Each main video's external subtitles among the files of its own folder, and the paths they take up. A
 * VobSub pair is one subtitle named by its `.idx`; its `.sub` belongs to the video as well.
 */
function findSubtitles(
  files: readonly TitleFile[],
  videoFiles: readonly DiscoveredVideoFile[],
): { subtitlesByVideo: Map<string, ExternalSubtitle[]>; subtitlePaths: Set<string> } {
  const namesByFolder = new Map<string, string[]>();
  for (const file of files) {
    const names = namesByFolder.get(file.folder);
    if (names) names.push(file.name);
    else namesByFolder.set(file.folder, [file.name]);
  }
  const subtitlesByVideo = new Map<string, ExternalSubtitle[]>();
  const subtitlePaths = new Set<string>();
  for (const video of videoFiles) {
    const folder = folderOf(video.relativePath);
    const siblingNames = namesByFolder.get(folder) ?? [];
    const subtitles = findExternalSubtitles(baseName(video.relativePath), siblingNames).sort((a, b) =>
      compareCodeUnits(a.fileName, b.fileName),
    );
    subtitlesByVideo.set(video.relativePath, subtitles);
    for (const subtitle of subtitles) {
      subtitlePaths.add(joinRelative(folder, subtitle.fileName));
      if (subtitle.format !== 'vobsub') continue;
      const pairedSub = `${fileStem(subtitle.fileName)}.sub`.toLowerCase();
      const pairedName = siblingNames.find((name) => name.toLowerCase() === pairedSub);
      if (pairedName) subtitlePaths.add(joinRelative(folder, pairedName));
    }
  }
  return { subtitlesByVideo, subtitlePaths };
}
