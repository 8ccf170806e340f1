import type { DiscoveredVideoFile } from '../discovery/index.js';
import type { EpisodeNfo, TvShowNfo } from '../nfo/index.js';
import { readEpisodeNumbering } from './episode-numbering.js';
import { baseName, fileStem, folderOf, joinRelative } from './file-names.js';
import { byRelativePath, compareCodeUnits } from './ordering.js';
import { findNfoFile, readNfoFile } from './read-nfo-file.js';
import { scanArtworkFiles } from './scan-artwork.js';
import { scanSeasonNfos } from './scan-season-nfos.js';
import { scannedTitleBase, type TitleNfoOutcome, type TitleScanContext } from './scan-context.js';
import { scanVideoFile } from './scan-video-file.js';
import type { ConcurrencyLimit } from '../../concurrency/concurrency-limit.js';
import type { TitleFile } from './title-files.js';
import type { ScanFileError, ScannedEpisode, ScannedShow } from './types.js';

const SHOW_NFO_NAME = 'tvshow.nfo';
export const UNKNOWN_EPISODE_REASON = 'cannot tell season/episode from the name';

/**
 * Reads `tvshow.nfo`, and for every episode video its season and episodes (from the name, or the season
 * folder), its own NFO and its probe; a video whose episode cannot be told is an error and is not probed.
 */
export async function scanShow(context: TitleScanContext): Promise<ScannedShow> {
  const { classified, settings } = context;
  const unnumbered: ScanFileError[] = [];
  const numbered = [...context.title.videoFiles].sort(byRelativePath).flatMap((video) => {
    const numbering = readEpisodeNumbering(video.relativePath);
    if (numbering) return [{ video, ...numbering }];
    unnumbered.push({ relativePath: video.relativePath, reason: UNKNOWN_EPISODE_REASON });
    return [];
  });
  const showNfoFile = findNfoFile(classified.nfoFiles, SHOW_NFO_NAME);
  const [nfo, episodes, artwork, seasonNfos] = await Promise.all([
    readShowNfo(showNfoFile, settings.limit),
    Promise.all(numbered.map((episode) => scanEpisode(context, episode))),
    scanArtworkFiles(classified.artwork, settings.limit, context.storedArtwork),
    scanSeasonNfos(classified.nfoFiles, settings.limit),
  ]);
  const episodeErrors = episodes.flatMap(({ errors }) => errors);
  return {
    kind: 'tvshow',
    ...scannedTitleBase(context, {
      nfo,
      artwork: artwork.artwork,
      errors: [...unnumbered, ...artwork.errors, ...episodeErrors, ...seasonNfos.errors],
    }),
    ...(nfo.tvShow === undefined ? {} : { nfo: nfo.tvShow }),
    episodes: episodes.map(({ episode }) => episode).sort(byEpisodeOrder),
    seasonNfos: seasonNfos.seasons,
  };
}

async function scanEpisode(
  context: TitleScanContext,
  { video, season, episodes }: { video: DiscoveredVideoFile; season: number; episodes: number[] },
): Promise<{ episode: ScannedEpisode; errors: ScanFileError[] }> {
  const { title, classified, settings } = context;
  const { relativePath } = video;
  const nfoFile = findNfoFile(classified.nfoFiles, joinRelative(folderOf(relativePath), `${fileStem(baseName(relativePath))}.nfo`));
  const [scanned, nfo] = await Promise.all([
    scanVideoFile(
      title.folderPath,
      video,
      classified.listedVideos.get(relativePath),
      classified.subtitlesByVideo.get(relativePath) ?? [],
      settings,
    ),
    readEpisodeNfo(nfoFile, settings.limit),
  ]);
  const episode: ScannedEpisode = {
    season,
    episodes,
    video: scanned.video,
    ...(nfo.episodes === undefined ? {} : { nfo: nfo.episodes }),
    ...(nfo.nfoPath === undefined ? {} : { nfoPath: nfo.nfoPath }),
    ...(nfo.unreadablePath === undefined ? {} : { unreadableNfoPath: nfo.unreadablePath }),
  };
  const errors = [scanned.error, nfo.error].filter((error): error is ScanFileError => error !== undefined);
  return { episode, errors };
}

async function readShowNfo(file: TitleFile | undefined, limit: ConcurrencyLimit): Promise<TitleNfoOutcome & { tvShow?: TvShowNfo }> {
  if (!file) return {};
  const result = await readNfoFile(file, 'tvshow', limit);
  if (!result.ok) return { error: result.error, unreadablePath: file.relativePath };
  const { parsed } = result;
  if (parsed.kind === 'url-only') return { nfoPath: file.relativePath, uniqueIds: parsed.uniqueIds };
  return { nfoPath: file.relativePath, uniqueIds: parsed.tvShow.uniqueIds, tvShow: parsed.tvShow };
}

/** An episode NFO holding only URLs is still the episode's NFO; it just has no details to give. */
async function readEpisodeNfo(
  file: TitleFile | undefined,
  limit: ConcurrencyLimit,
): Promise<{ nfoPath?: string; episodes?: EpisodeNfo[]; error?: ScanFileError; unreadablePath?: string }> {
  if (!file) return {};
  const result = await readNfoFile(file, 'episodedetails', limit);
  if (!result.ok) return { error: result.error, unreadablePath: file.relativePath };
  const { parsed } = result;
  if (parsed.kind === 'url-only') return { nfoPath: file.relativePath };
  return { nfoPath: file.relativePath, episodes: parsed.episodes };
}

/** Season, then first episode, then path, so two versions of one episode keep a fixed order. */
function byEpisodeOrder(a: ScannedEpisode, b: ScannedEpisode): number {
  return a.season - b.season || (a.episodes[0] ?? 0) - (b.episodes[0] ?? 0) || compareCodeUnits(a.video.relativePath, b.video.relativePath);
}
