import path from 'node:path';
import { DEFAULT_PHASE_CONFIG } from '../../config/phase-config.js';
import type { DiscoveredTitle } from '../discovery/index.js';
import { classifyTitleFiles } from './classify-title-files.js';
import { baseName, fileStem } from './file-names.js';
import { listLooseMovieFiles } from './list-loose-movie-files.js';
import { listTitleFolder } from './list-title-folder.js';
import type { TitleScanContext } from './scan-context.js';
import { scanMovie } from './scan-movie.js';
import { scanShow } from './scan-show.js';
import { createConcurrencyLimit } from '../../concurrency/concurrency-limit.js';
import type { TitleFileListing } from './title-files.js';
import type { ScannedTitle, StoredFolderScan } from './types.js';
import type { MediaInfoPlace } from '../probe-for-scan.js';
import { compileVideoNameRules, type VideoNameRules, type VideoScanConfig } from './video-names.js';

export interface ScanTitleFolderOptions {
  /** Defaults to `ffprobe` on the PATH. */
  ffprobePath?: string;
  /** Per probe (MediaInfo's read, then ffprobe's run if it comes to that); probeForScan's default when absent. */
  probeTimeoutMs?: number;
  /** Probes and file reads (NFOs, artwork) in flight at once within the title; default 4. */
  concurrency?: number;
  /**
   * The scan settings discovery ran with. Only needed to tell a loose movie file's own files from those of
   * another loose movie whose name extends it, and an empty video from an unknown file; default the
   * default phase configuration's.
   */
  scanConfig?: VideoScanConfig;
  /**
   * What the last scan of this folder stored of its files: a video or artwork file at the same size and
   * modification time keeps what that scan found instead of being read again. None: every file is read.
   */
  stored?: StoredFolderScan;
  /** Where MediaInfo parses the videos (probeForScan's option); this thread unless told. */
  mediaInfoOn?: MediaInfoPlace;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * Scans one discovered title into plain data: its files classified, its NFO parsed, its videos probed, its
 * artwork hashed and measured, and who it is as far as the files say. Nothing is written. A problem with
 * one file is an entry in `errors` and the rest is scanned; only a title folder (or, for a loose movie
 * file, a library root) that cannot be listed rejects, with TitleFolderUnreadableError naming it.
 */
export async function scanTitleFolder(title: DiscoveredTitle, opts: ScanTitleFolderOptions = {}): Promise<ScannedTitle> {
  const limit = createConcurrencyLimit(opts.concurrency ?? DEFAULT_CONCURRENCY, 'oldest-first');
  const rules = compileVideoNameRules(opts.scanConfig ?? DEFAULT_PHASE_CONFIG.scan);
  const loose = isLooseMovieFile(title);
  const listing = await listTitleFiles(title, loose, rules);
  const context: TitleScanContext = {
    title,
    identityName: loose ? fileStem(title.key) : baseName(title.key),
    classified: classifyTitleFiles(listing.files, title.videoFiles, rules),
    listingErrors: listing.errors,
    settings: {
      limit,
      ...(opts.ffprobePath === undefined ? {} : { ffprobePath: opts.ffprobePath }),
      ...(opts.probeTimeoutMs === undefined ? {} : { probeTimeoutMs: opts.probeTimeoutMs }),
      ...(opts.stored === undefined ? {} : { storedProbes: opts.stored.probes }),
      ...(opts.mediaInfoOn === undefined ? {} : { mediaInfoOn: opts.mediaInfoOn }),
    },
    ...(opts.stored === undefined ? {} : { storedArtwork: opts.stored.artwork }),
  };
  return title.kind === 'movie' ? scanMovie(context) : scanShow(context);
}

function listTitleFiles(title: DiscoveredTitle, loose: boolean, rules: VideoNameRules): Promise<TitleFileListing> {
  if (loose) return listLooseMovieFiles(title.folderPath, title.key, rules);
  return listTitleFolder(title.folderPath, (name) => rules.isExtraVideo(name));
}

/**
 * A movie file lying in the library root: discovery keys it by its file name and gives the root as its
 * folder, whereas a folder title's folderPath ends with its key.
 */
function isLooseMovieFile(title: DiscoveredTitle): boolean {
  const [video, ...others] = title.videoFiles;
  return (
    title.kind === 'movie' &&
    others.length === 0 &&
    video?.relativePath === title.key &&
    !title.key.includes('/') &&
    path.basename(title.folderPath) !== title.key
  );
}
