import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { EventRecorder } from '../events/event-recorder.js';
import type { RequestRepository } from '../db/repositories/request-repository.js';
import type { ReleaseCandidate } from '../db/schema/index.js';
import { infoHashOfMagnet, infoHashOfTorrent, isInfoHash } from '../integrations/bittorrent/torrent-file.js';
import {
  ERROR_STATES,
  PIECE_DOWNLOADED,
  QbittorrentError,
  type QbittorrentClient,
  type TorrentFile,
  type TorrentInfo,
  type TorrentSource,
} from '../integrations/qbittorrent/qbittorrent-client.js';
import { IndexerSecretMissingError, resolveIndexerSecrets } from '../integrations/torznab/indexer-secrets.js';
import type { TorznabIndexer } from '../integrations/torznab/torznab-indexer.js';
import { probeMedia, type MediaInfo } from '../media/probe.js';
import { fileIsEpisode } from '../requests/release-name.js';
import { type EpisodeMedia, type MovieMedia } from '../contracts/request.js';
import { DOWNLOAD_ERRORED, DOWNLOAD_STALLED, QBITTORRENT_UNREACHABLE, TORRENT_FETCH_FAILED } from '../contracts/failures.js';
import { hasVideoExtension } from '../media/video-extensions.js';
import { MB } from '../http/capped-body.js';
import { httpRequestBytes, HttpRequestFailure, type HttpBytesAnswer } from '../http/http-request.js';

export interface DownloadActivityDeps {
  qbittorrent: QbittorrentClient;
  requests: RequestRepository;
  events: EventRecorder;
  /** Where qBittorrent saves; unset leaves its own default. */
  savePath?: string;
  category: string;
  /** The configured indexers, read at each download: a release's link gets its credentials back from its indexer's URL here. */
  indexers: () => Promise<TorznabIndexer[]>;
}

/** Tags every torrent of ours carries, beside the category. */
export const REQUEST_TAG_PREFIX = 'reelflow-request-';

/**
 * Whose a torrent in qBittorrent is. Reelflow's carry its category or one of its request tags; any other was
 * added by a person, and is used read-only: never removed, paused or recategorised.
 */
export type TorrentOwner = 'reelflow' | 'person';

/** Heartbeat details of a running download: what the API shows as live detail. */
export interface DownloadHeartbeat {
  /** This item's file; the whole torrent's for a single-file release. */
  percent: number;
  torrentPercent: number;
  bytesPerSecond: number;
  state: string;
}

/** A .torrent file lists pieces' hashes; even a 100 GB release's is a few megabytes. */
const MAX_TORRENT_BYTES = 32 * MB;

/** Downloads through qBittorrent's WebUI. A torrent is keyed by its info hash, so a season pack is added once and shared. */
export function createDownloadActivities({ qbittorrent, requests, events, savePath, category, indexers }: DownloadActivityDeps) {
  const ownerOf = (info: TorrentInfo): TorrentOwner =>
    info.category === category || (info.tags ?? '').split(',').some((tag) => tag.trim().startsWith(REQUEST_TAG_PREFIX))
      ? 'reelflow'
      : 'person';

  /** The release's link with its indexer's credentials back in, read from the configuration now. */
  async function linkOf(release: ReleaseCandidate, link: string): Promise<string> {
    const configured = await indexers();
    try {
      return resolveIndexerSecrets(
        link,
        configured.find((i) => i.name === release.indexer),
      );
    } catch (error) {
      if (error instanceof IndexerSecretMissingError)
        throw ApplicationFailure.nonRetryable(`The link of "${release.title}" cannot be used: ${error.message}`, DOWNLOAD_ERRORED);
      throw error;
    }
  }

  /** A hash the indexer named must be the one of what it serves. */
  function expectHash(release: ReleaseCandidate, hash: string): string {
    if (!isInfoHash(hash)) throw ApplicationFailure.nonRetryable(`"${release.title}" has no usable info hash`, DOWNLOAD_ERRORED);
    if (release.infoHash !== undefined && release.infoHash !== hash)
      throw ApplicationFailure.nonRetryable(
        `The indexer gave "${release.title}" the info hash ${release.infoHash}, but it is ${hash}`,
        DOWNLOAD_ERRORED,
      );
    return hash;
  }

  async function sourceOf(release: ReleaseCandidate, link = release.downloadUrl): Promise<{ source: TorrentSource; hash: string }> {
    if (link.startsWith('magnet:')) {
      const hash = infoHashOfMagnet(link);
      if (!hash) throw ApplicationFailure.nonRetryable(`The magnet link of "${release.title}" names no info hash`, DOWNLOAD_ERRORED);
      return { source: { kind: 'url', url: await linkOf(release, link) }, hash: expectHash(release, hash) };
    }
    let response: HttpBytesAnswer;
    try {
      response = await httpRequestBytes({
        url: await linkOf(release, link),
        redirect: 'manual',
        timeoutMs: 30_000,
        maxBodyBytes: MAX_TORRENT_BYTES,
        what: `the torrent of "${release.title}"`,
      });
    } catch (error) {
      // A body past the ceiling is no torrent file; the next release is tried. Network trouble is retried.
      if (error instanceof HttpRequestFailure && error.kind === 'too-large')
        throw ApplicationFailure.nonRetryable(error.message, DOWNLOAD_ERRORED);
      throw error;
    }
    const location = response.headers.get('location');
    // Indexer proxies answer a download link with a redirect to the magnet when they have no file.
    if (response.status >= 300 && response.status < 400 && location?.startsWith('magnet:')) return sourceOf(release, location);
    if (response.status !== 200)
      throw ApplicationFailure.retryable(
        `${release.indexer} answered HTTP ${response.status} for the torrent of "${release.title}"`,
        TORRENT_FETCH_FAILED,
      );
    const torrent = response.bytes;
    let hash: string;
    try {
      hash = infoHashOfTorrent(torrent);
    } catch (error) {
      throw ApplicationFailure.nonRetryable(
        `The torrent of "${release.title}" is unreadable: ${(error as Error).message}`,
        DOWNLOAD_ERRORED,
      );
    }
    return { source: { kind: 'file', torrent, fileName: `${release.title}.torrent` }, hash: expectHash(release, hash) };
  }

  return {
    /**
     * Idempotent: a torrent qBittorrent already has (another episode's season pack, a retried attempt) is not
     * added again. One a person added themselves is used as it is, read-only (owner 'person'): Reelflow reads
     * its progress and files but never removes, pauses or recategorises it.
     */
    async addRelease(input: {
      itemId: string;
      requestId: string;
      release: ReleaseCandidate;
    }): Promise<{ hash: string; owner: TorrentOwner }> {
      return whileReachable(() => add(input));
    },

    /**
     * Follows the torrent until this item's file is complete, heartbeating progress and writing it to the
     * item when it moved by at least one percent. In a season pack the item's file is done when every piece
     * it spans passed its hash check, usually long before the pack: the episode goes on to its encode while
     * its siblings still download. Errored or stalled torrents fail with a type the workflow turns into "try
     * the next release", and so does a file ffprobe cannot read as a video (a fake or broken release). Returns
     * the file of this episode (or the movie) inside the torrent, with its probe for the encoder.
     */
    async awaitDownload(input: {
      itemId: string;
      hash: string;
      media: EpisodeMedia | MovieMedia;
      pollMs: number;
      stallMs: number;
    }): Promise<{ sourceFile: string; sourceInfo: MediaInfo }> {
      return whileReachable(() => follow(input));
    },

    /**
     * Removes the torrent and its files, unless another unfinished item still needs it (a shared season pack)
     * or it is not Reelflow's: a torrent without our category or tag is a person's, and stays.
     */
    async removeTorrent(input: { itemId: string; hash: string }): Promise<{ removed: boolean; reason?: string }> {
      if (!isInfoHash(input.hash))
        throw ApplicationFailure.nonRetryable(`${JSON.stringify(input.hash)} is not an info hash`, DOWNLOAD_ERRORED);
      const info = await qbittorrent.get(input.hash);
      if (!info) return { removed: false, reason: 'not in qBittorrent' };
      if (ownerOf(info) !== 'reelflow')
        return { removed: false, reason: `not Reelflow's (category ${JSON.stringify(info.category ?? '')}): left as it is` };
      if (await requests.torrentStillNeeded(input.hash, input.itemId)) return { removed: false, reason: 'another item still needs it' };
      await qbittorrent.delete([input.hash], true);
      return { removed: true };
    },
  };

  async function add(input: {
    itemId: string;
    requestId: string;
    release: ReleaseCandidate;
  }): Promise<{ hash: string; owner: TorrentOwner }> {
    const { source, hash } = await sourceOf(input.release);
    const present = await qbittorrent.get(hash);
    if (present) return { hash, owner: ownerOf(present) };
    try {
      // In order, so a season pack's episodes become ready one after another rather than all at the end.
      await qbittorrent.add(source, {
        savePath,
        category,
        tags: [`${REQUEST_TAG_PREFIX}${input.requestId}`],
        sequential: input.release.seasonPack,
      });
    } catch (error) {
      // Two episodes of one season pack add it at the same moment: qBittorrent refuses the second, which has it.
      const added = await qbittorrent.get(hash);
      if (!added) throw error;
      return { hash, owner: ownerOf(added) };
    }
    return { hash, owner: 'reelflow' };
  }

  async function follow(input: {
    itemId: string;
    hash: string;
    media: EpisodeMedia | MovieMedia;
    pollMs: number;
    stallMs: number;
  }): Promise<{ sourceFile: string; sourceInfo: MediaInfo }> {
    if (!isInfoHash(input.hash))
      throw ApplicationFailure.nonRetryable(`${JSON.stringify(input.hash)} is not an info hash`, DOWNLOAD_ERRORED);
    const context = Context.current();
    let written = Math.floor((await requests.getItem(input.itemId))?.progress ?? 0);
    let lastProgress = -1;
    let lastMovedAt = Date.now();
    for (;;) {
      const info = await qbittorrent.get(input.hash);
      if (!info) throw ApplicationFailure.nonRetryable(`Torrent ${input.hash} is no longer in qBittorrent`, DOWNLOAD_ERRORED);
      if (ERROR_STATES.has(info.state))
        throw ApplicationFailure.nonRetryable(`Torrent "${info.name}" is in state ${info.state}`, DOWNLOAD_ERRORED);
      const torrentPercent = info.progress * 100;
      if (torrentPercent > lastProgress) {
        lastProgress = torrentPercent;
        lastMovedAt = Date.now();
      } else if (Date.now() - lastMovedAt > input.stallMs) {
        throw ApplicationFailure.nonRetryable(
          `Torrent "${info.name}" made no progress for ${Math.round(input.stallMs / 1000)} s (${info.state}, ${torrentPercent.toFixed(1)} %)`,
          DOWNLOAD_STALLED,
        );
      }
      // Empty until a magnet link's metadata arrived.
      const files = await qbittorrent.files(input.hash);
      const file = pickFile(files, input.media);
      if (files.length > 0 && !file)
        throw ApplicationFailure.nonRetryable(`Torrent "${info.name}" has no video file for ${describe(input.media)}`, DOWNLOAD_ERRORED);
      if (file && (info.progress >= 1 || (await fileIsComplete(qbittorrent, info, file)))) {
        const sourceFile = path.join(info.save_path, file.name);
        return { sourceFile, sourceInfo: await playableVideo(sourceFile, info.name) };
      }
      // The item's own share of a multi-file torrent is what its progress means.
      const percent = file && files.length > 1 ? file.progress * 100 : torrentPercent;
      context.heartbeat({ percent, torrentPercent, bytesPerSecond: info.dlspeed, state: info.state } satisfies DownloadHeartbeat);
      // The DOWNLOADED transition writes 100 %; below it, one write per whole percent at most.
      if (Math.floor(percent) > written && percent < 100) {
        written = Math.floor(percent);
        await requests.setProgress(input.itemId, written);
        await events.itemProgress(input.itemId, 'download', written);
      }
      await context.sleep(input.pollMs);
    }
  }
}

/**
 * qBittorrent not answering, or answering 5xx (restarting, overloaded), is a passing fault: typed so, the
 * workflow's retry policy waits for it within the step retry window.
 */
async function whileReachable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof QbittorrentError && (error.status === undefined || error.status >= 500))
      throw ApplicationFailure.retryable(error.message, QBITTORRENT_UNREACHABLE);
    throw error;
  }
}

function pickFile(files: TorrentFile[], media: EpisodeMedia | MovieMedia): TorrentFile | undefined {
  const videos = files.filter((f) => hasVideoExtension(f.name) && !/\bsample\b/i.test(f.name));
  if (media.kind === 'episode') {
    const matching = videos.filter((f) => fileIsEpisode(f.name, media.season, media.episode));
    if (matching.length > 0) return largest(matching);
    // A single-episode release whose file name does not say the episode.
    return videos.length === 1 ? videos[0] : undefined;
  }
  return largest(videos);
}

/**
 * A file of an unfinished torrent is complete when every piece it spans is downloaded and hash-checked,
 * and it is at its final path at full size (not in qBittorrent's incomplete-downloads folder or under a
 * `.!qB` name, which are only moved into place with the whole torrent).
 */
async function fileIsComplete(qbittorrent: QbittorrentClient, info: TorrentInfo, file: TorrentFile): Promise<boolean> {
  if (file.progress < 1 || !file.piece_range) return false;
  const [first, last] = file.piece_range;
  const pieces = await qbittorrent.pieceStates(info.hash);
  if (pieces.length <= last || !pieces.slice(first, last + 1).every((p) => p === PIECE_DOWNLOADED)) return false;
  const onDisk = await stat(path.join(info.save_path, file.name)).catch(() => undefined);
  return onDisk?.size === file.size;
}

/** A download whose file is no video with a duration is no use, whatever its name says. */
async function playableVideo(file: string, torrentName: string): Promise<MediaInfo> {
  let info: MediaInfo;
  try {
    info = await probeMedia(file);
  } catch (error) {
    throw ApplicationFailure.nonRetryable(
      `The file ${path.basename(file)} of "${torrentName}" is not a readable video: ${(error as Error).message}`,
      DOWNLOAD_ERRORED,
    );
  }
  if (info.video.length === 0 || !info.durationSeconds)
    throw ApplicationFailure.nonRetryable(
      `The file ${path.basename(file)} of "${torrentName}" has no video stream with a duration`,
      DOWNLOAD_ERRORED,
    );
  return info;
}

const largest = (files: TorrentFile[]) =>
  files.reduce<TorrentFile | undefined>((best, f) => (!best || f.size > best.size ? f : best), undefined);
const describe = (media: EpisodeMedia | MovieMedia) => (media.kind === 'episode' ? `S${media.season}E${media.episode}` : media.title);

export type DownloadActivities = ReturnType<typeof createDownloadActivities>;
