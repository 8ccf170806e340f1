import type { ProcessingItemRow } from '../../../db/schema/index.js';
import type { CatalogueTitle } from '../../../services/arr/arr-catalogue.js';
import type { ArrTitleView } from '../../../services/arr/arr-library-service.js';
import type { ItemLiveDetail } from '../../../services/requests/item-live-detail.js';

/**
 * Radarr's MovieResource, Sonarr's SeriesResource and their QueueResource, with the fields Overseerr,
 * Jellyseerr and Prowlarr read (see docs/arr-api.md). Ids are the *arr API's integers.
 */

/** The version both answer with: Sonarr ≥ 4 (no language profiles needed), Radarr ≥ 4.0.4 (Prowlarr's minimum). */
export const ARR_API_VERSION = '4.0.14.0';

const images = (t: CatalogueTitle | undefined) => [
  ...(t?.posterUrl ? [{ coverType: 'poster', url: t.posterUrl, remoteUrl: t.posterUrl }] : []),
  ...(t?.fanartUrl ? [{ coverType: 'fanart', url: t.fanartUrl, remoteUrl: t.fanartUrl }] : []),
];

const folderName = (title: string, year: number | null) => `${title.replace(/[<>:"/\\|?*]/g, '')}${year ? ` (${year})` : ''}`;
const joinPath = (root: string, name: string) => (root ? `${root.replace(/[/\\]+$/, '')}/${name}` : name);
const sizeOf = (items: ProcessingItemRow[]) =>
  items.reduce((sum, i) => sum + (i.status === 'COMPLETED' ? (i.selectedRelease?.sizeBytes ?? 0) : 0), 0);

export function movieResource(title: CatalogueTitle | undefined, view: ArrTitleView | undefined) {
  const row = view?.row;
  const name = row?.title ?? title?.title ?? '';
  const year = row?.year ?? title?.year ?? null;
  const tmdbId = row?.tmdbId ?? title?.ids.tmdb ?? 0;
  const done = view?.items.filter((i) => i.status === 'COMPLETED') ?? [];
  const hasFile = done.length > 0;
  const folder = folderName(name, year);
  return {
    ...(row ? { id: row.id } : {}),
    title: name,
    sortTitle: name.toLowerCase(),
    year: year ?? 0,
    tmdbId,
    ...((row?.imdbId ?? title?.ids.imdb) ? { imdbId: row?.imdbId ?? title?.ids.imdb } : {}),
    titleSlug: String(tmdbId),
    overview: title?.overview ?? '',
    images: images(title),
    ...(title?.posterUrl ? { remotePoster: title.posterUrl } : {}),
    genres: title?.genres ?? [],
    runtime: title?.runtime ?? 0,
    status: 'released',
    minimumAvailability: 'released',
    isAvailable: true,
    folderName: folder,
    ...(view
      ? {
          path: joinPath(view.rootFolderPath, folder),
          rootFolderPath: view.rootFolderPath,
          qualityProfileId: view.qualityProfileArrId,
          profileId: view.qualityProfileArrId,
        }
      : { qualityProfileId: 0 }),
    monitored: row?.monitored ?? false,
    hasFile,
    sizeOnDisk: sizeOf(done),
    ...(hasFile
      ? {
          movieFile: {
            id: row!.id,
            movieId: row!.id,
            relativePath: done[0]!.deliveredPaths[0] ?? folder,
            path: done[0]!.deliveredPaths[0] ?? '',
            size: sizeOf(done),
            dateAdded: done[0]!.deliveredAt?.toISOString(),
          },
        }
      : {}),
    statistics: { movieFileCount: hasFile ? 1 : 0, sizeOnDisk: sizeOf(done), releaseGroups: [] },
    tags: row?.tags ?? [],
    ...(row ? { added: row.addedAt.toISOString() } : { added: '0001-01-01T00:00:00Z' }),
  };
}

export function seriesResource(title: CatalogueTitle | undefined, view: ArrTitleView | undefined) {
  const row = view?.row;
  const name = row?.title ?? title?.title ?? '';
  const year = row?.year ?? title?.year ?? null;
  const tvdbId = row?.tvdbId ?? title?.ids.tvdb ?? 0;
  const items = view?.items ?? [];
  const seasonNumbers = [...new Set([...(title?.seasons ?? []), ...(row?.seasons.map((s) => s.seasonNumber) ?? [])])].sort((a, b) => a - b);
  const seasons = seasonNumbers.map((seasonNumber) => {
    const inSeason = items.filter((i) => i.seasonNumber === seasonNumber);
    const files = inSeason.filter((i) => i.status === 'COMPLETED');
    return {
      seasonNumber,
      monitored: row?.seasons.find((s) => s.seasonNumber === seasonNumber)?.monitored ?? false,
      statistics: {
        episodeFileCount: files.length,
        episodeCount: inSeason.length,
        totalEpisodeCount: inSeason.length,
        sizeOnDisk: sizeOf(files),
        percentOfEpisodes: inSeason.length ? (files.length / inSeason.length) * 100 : 0,
      },
    };
  });
  const files = items.filter((i) => i.status === 'COMPLETED');
  const folder = folderName(name, year);
  return {
    ...(row ? { id: row.id } : {}),
    title: name,
    sortTitle: name.toLowerCase(),
    cleanTitle: name.toLowerCase().replace(/[^a-z0-9]/g, ''),
    status: title?.status?.toLowerCase().includes('ended') ? 'ended' : 'continuing',
    overview: title?.overview ?? '',
    images: images(title),
    ...(title?.posterUrl ? { remotePoster: title.posterUrl } : {}),
    seasons,
    year: year ?? 0,
    ...(view
      ? {
          path: joinPath(view.rootFolderPath, folder),
          rootFolderPath: view.rootFolderPath,
          qualityProfileId: view.qualityProfileArrId,
          profileId: view.qualityProfileArrId,
        }
      : { qualityProfileId: 0 }),
    languageProfileId: 1,
    seasonFolder: true,
    monitored: row?.monitored ?? false,
    useSceneNumbering: false,
    runtime: title?.runtime ?? 0,
    tvdbId,
    tvRageId: 0,
    tvMazeId: 0,
    ...((row?.tmdbId ?? title?.ids.tmdb) ? { tmdbId: row?.tmdbId ?? title?.ids.tmdb } : {}),
    ...((row?.imdbId ?? title?.ids.imdb) ? { imdbId: row?.imdbId ?? title?.ids.imdb } : {}),
    titleSlug: String(tvdbId),
    seriesType: 'standard',
    genres: title?.genres ?? [],
    tags: row?.tags ?? [],
    ratings: { votes: 0, value: 0 },
    ...(row ? { added: row.addedAt.toISOString() } : { added: '0001-01-01T00:00:00Z' }),
    statistics: {
      seasonCount: seasons.filter((s) => s.seasonNumber > 0).length,
      episodeFileCount: files.length,
      episodeCount: items.length,
      totalEpisodeCount: items.length,
      sizeOnDisk: sizeOf(files),
      releaseGroups: [],
      percentOfEpisodes: items.length ? (files.length / items.length) * 100 : 0,
    },
  };
}

/** A stable positive 31-bit integer for a UUID (queue record and episode ids). */
export const intIdOf = (uuid: string) => Number.parseInt(uuid.replaceAll('-', '').slice(0, 8), 16) & 0x7fffffff;

/** TimeSpan's "c" format, as Radarr and Sonarr write timeleft: [d.]hh:mm:ss. */
export function timeSpan(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const days = Math.floor(s / 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days > 0 ? `${days}.${hms}` : hms;
}

/** One queue record: where the item's release is, from its row and its live heartbeat. */
export function queueRecord(kind: 'movie' | 'series', titleId: number, item: ProcessingItemRow, live: ItemLiveDetail | null, now: Date) {
  const release = item.selectedRelease!;
  const size = release.sizeBytes;
  const downloading = item.status === 'DOWNLOADING';
  const sizeleft = item.status === 'FOUND' ? size : downloading ? Math.max(0, Math.round(size * (1 - item.progress / 100))) : 0;
  const speed = live?.activity?.bytesPerSecond ?? null;
  const seconds = downloading && speed && speed > 0 ? sizeleft / speed : null;
  const status = ({ FOUND: 'queued', DOWNLOADING: 'downloading', FAILED: 'warning' } as Record<string, string>)[item.status] ?? 'completed';
  const state =
    ({ FOUND: 'downloading', DOWNLOADING: 'downloading', DOWNLOADED: 'importPending', FAILED: 'failedPending' } as Record<string, string>)[
      item.status
    ] ?? 'importing';
  return {
    id: intIdOf(item.id),
    ...(kind === 'movie'
      ? { movieId: titleId }
      : {
          seriesId: titleId,
          episodeId: intIdOf(item.id),
          seasonNumber: item.seasonNumber,
          episode: {
            id: intIdOf(item.id),
            seriesId: titleId,
            seasonNumber: item.seasonNumber,
            episodeNumber: item.episodeNumber,
            absoluteEpisodeNumber: 0,
            title: item.title ?? '',
            airDate: item.airDate ?? undefined,
            hasFile: false,
            monitored: true,
          },
        }),
    title: release.title,
    size,
    sizeleft,
    ...(seconds !== null
      ? { timeleft: timeSpan(seconds), estimatedCompletionTime: new Date(now.getTime() + seconds * 1000).toISOString() }
      : {}),
    status,
    trackedDownloadStatus: item.status === 'FAILED' ? 'error' : 'ok',
    trackedDownloadState: state,
    statusMessages: item.lastError ? [{ title: release.title, messages: [item.lastError] }] : [],
    ...(item.lastError ? { errorMessage: item.lastError } : {}),
    ...(item.torrentHash ? { downloadId: item.torrentHash.toUpperCase() } : {}),
    protocol: 'torrent',
    downloadClient: 'qBittorrent',
    indexer: release.indexer,
    quality: {
      quality: { id: 0, name: release.resolution ? `${release.resolution}p` : 'Unknown' },
      revision: { version: 1, real: 0, isRepack: false },
    },
    languages: [],
  };
}
