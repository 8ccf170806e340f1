import type { MovieNfo } from '../nfo/index.js';
import { baseName, fileStem, folderOf, joinRelative } from './file-names.js';
import { byRelativePath } from './ordering.js';
import { findNfoFile, readNfoFile } from './read-nfo-file.js';
import { scanArtworkFiles } from './scan-artwork.js';
import { scannedTitleBase, type TitleNfoOutcome, type TitleScanContext } from './scan-context.js';
import { scanVideoFile } from './scan-video-file.js';
import type { ConcurrencyLimit } from '../../concurrency/concurrency-limit.js';
import type { TitleFile } from './title-files.js';
import type { ScannedMovie } from './types.js';

/** Reads the movie's NFO, probes every version of it and measures its artwork, all at once. */
export async function scanMovie(context: TitleScanContext): Promise<ScannedMovie> {
  const { title, classified, settings } = context;
  const videoFiles = [...title.videoFiles].sort(byRelativePath);
  const nfoFile = chooseMovieNfo(classified.nfoFiles, videoFiles[0]?.relativePath);
  const [nfo, videos, artwork] = await Promise.all([
    readMovieNfo(nfoFile, settings.limit),
    Promise.all(
      videoFiles.map((video) =>
        scanVideoFile(
          title.folderPath,
          video,
          classified.listedVideos.get(video.relativePath),
          classified.subtitlesByVideo.get(video.relativePath) ?? [],
          settings,
        ),
      ),
    ),
    scanArtworkFiles(classified.artwork, settings.limit, context.storedArtwork),
  ]);
  const videoErrors = videos.flatMap(({ error }) => (error ? [error] : []));
  return {
    kind: 'movie',
    ...scannedTitleBase(context, { nfo, artwork: artwork.artwork, errors: [...artwork.errors, ...videoErrors] }),
    ...(nfo.movie === undefined ? {} : { nfo: nfo.movie }),
    videoFiles: videos.map(({ video }) => video),
  };
}

/**
 * Kodi's order: `movie.nfo`, else the NFO named after the first video (`Movie (2010) - 1080p.nfo` when the
 * folder holds several versions). A broken `movie.nfo` is reported, not passed over for the other one.
 */
function chooseMovieNfo(nfoFiles: readonly TitleFile[], firstVideoPath: string | undefined): TitleFile | undefined {
  const movieNfo = findNfoFile(nfoFiles, 'movie.nfo');
  if (movieNfo || firstVideoPath === undefined) return movieNfo;
  return findNfoFile(nfoFiles, joinRelative(folderOf(firstVideoPath), `${fileStem(baseName(firstVideoPath))}.nfo`));
}

async function readMovieNfo(file: TitleFile | undefined, limit: ConcurrencyLimit): Promise<TitleNfoOutcome & { movie?: MovieNfo }> {
  if (!file) return {};
  const result = await readNfoFile(file, 'movie', limit);
  if (!result.ok) return { error: result.error, unreadablePath: file.relativePath };
  const { parsed } = result;
  if (parsed.kind === 'url-only') return { nfoPath: file.relativePath, uniqueIds: parsed.uniqueIds };
  return { nfoPath: file.relativePath, uniqueIds: parsed.movie.uniqueIds, movie: parsed.movie };
}
