import path from 'node:path';
import type { DiscoveredVideoFile } from '../discovery/index.js';
import { probeForScan } from '../probe-for-scan.js';
import type { ExternalSubtitle } from '../subtitles.js';
import { describeError } from './scan-errors.js';
import type { ConcurrencyLimit } from '../../concurrency/concurrency-limit.js';
import type { TitleFile } from './title-files.js';
import type { ScanFileError, ScannedVideoFile } from './types.js';

export interface VideoProbeSettings {
  ffprobePath?: string;
  probeTimeoutMs?: number;
  limit: ConcurrencyLimit;
}

/**
 * Probes one main video (MediaInfo in-process, ffprobe for what MediaInfo cannot read). Size and time come from this scan's listing; a video discovery saw that has gone
 * since keeps discovery's, and its probe fails like any other. A failed probe (empty file, not media,
 * timeout) is recorded on the video and as an error, never thrown.
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
  const absolutePath = listed?.absolutePath ?? path.join(folderPath, ...relativePath.split('/'));
  const probeOptions = {
    ...(settings.ffprobePath === undefined ? {} : { ffprobePath: settings.ffprobePath }),
    ...(settings.probeTimeoutMs === undefined ? {} : { timeoutMs: settings.probeTimeoutMs }),
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
