import path from 'node:path';
import type { DiscoveredVideoFile } from '../discovery/index.js';
import { probeForScan, type MediaInfoPlace } from '../probe-for-scan.js';
import type { ExternalSubtitle } from '../subtitles.js';
import { describeError } from './scan-errors.js';
import type { ConcurrencyLimit } from '../../concurrency/concurrency-limit.js';
import type { TitleFile } from './title-files.js';
import type { ScanFileError, ScannedVideoFile, StoredVideoProbes } from './types.js';

export interface VideoProbeSettings {
  ffprobePath?: string;
  probeTimeoutMs?: number;
  limit: ConcurrencyLimit;
  /** The last scan's probes of the title's videos; a video whose size and time match one is not probed again. */
  storedProbes?: StoredVideoProbes;
  /** Where MediaInfo parses (probeForScan's option). */
  mediaInfoOn?: MediaInfoPlace;
}

/**
 * Probes one main video (MediaInfo, on this thread or its own, ffprobe for what MediaInfo cannot read).
 * Size and time come from this scan's listing; a video discovery saw that has gone since keeps
 * discovery's, and its probe fails like any other. A failed probe (empty file, not media, timeout) is
 * recorded on the video and as an error, never thrown. A video the last scan probed, at the same size and
 * modification time, keeps that probe: a show whose folder changed by one new episode is not read again
 * episode by episode.
 */
export async function scanVideoFile(
  folderPath: string,
  discovered: DiscoveredVideoFile,
  listed: TitleFile | undefined,
  externalSubtitles: ExternalSubtitle[],
  settings: VideoProbeSettings,
): Promise<{ video: ScannedVideoFile; error?: ScanFileError }> {
  const { relativePath } = discovered;
  const video: ScannedVideoFile = {
    relativePath,
    sizeBytes: listed?.sizeBytes ?? discovered.sizeBytes,
    mtimeMs: listed?.mtimeMs ?? discovered.mtimeMs,
    externalSubtitles,
  };
  const stored = settings.storedProbes?.get(relativePath);
  if (stored && stored.sizeBytes === video.sizeBytes && stored.mtimeMs === video.mtimeMs) {
    video.storedProbe = stored;
    return { video };
  }
  const absolutePath = listed?.absolutePath ?? path.join(folderPath, ...relativePath.split('/'));
  const probeOptions = {
    ...(settings.ffprobePath === undefined ? {} : { ffprobePath: settings.ffprobePath }),
    ...(settings.probeTimeoutMs === undefined ? {} : { timeoutMs: settings.probeTimeoutMs }),
    // The listing has just statted it: the probe need not again.
    ...(listed === undefined ? {} : { listedSize: listed.sizeBytes }),
    ...(settings.mediaInfoOn === undefined ? {} : { mediaInfoOn: settings.mediaInfoOn }),
  };
  try {
    video.mediaInfo = await settings.limit(() => probeForScan(absolutePath, probeOptions));
    return { video };
  } catch (error) {
    const reason = describeError(error);
    video.probeError = reason;
    return { video, error: { relativePath, reason } };
  }
}
