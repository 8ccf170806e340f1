import type { EntityType } from '../db/schema/index.js';
import { PROBE_REVISION, type MediaInfo } from '../media/probe.js';
import type { ScannedVideoFile, StoredStream } from '../media/title-scan/types.js';
import path from 'node:path';

type StreamRow = StoredStream & { external: boolean; externalPath: string | null };

/**
 * The media_files row and its media_streams rows for one scanned video, external subtitles included. A
 * video whose stored probe was kept gets the rows that probe was stored as, so a rescan that reuses it
 * writes what a fresh probe of the unchanged file would.
 */
export function mediaFileRows(entityType: EntityType, entityId: string, video: ScannedVideoFile) {
  const probe = video.storedProbe ?? (video.mediaInfo ? storedProbeOf(video.mediaInfo) : undefined);
  const file = {
    entityType,
    entityId,
    relativePath: video.relativePath,
    sizeBytes: video.sizeBytes,
    mtimeMs: video.mtimeMs,
    // A kept probe is of the current revision too: only those are kept.
    probeRevision: probe ? PROBE_REVISION : null,
    container: probe?.container ?? null,
    durationSeconds: probe?.durationSeconds ?? null,
    bitrate: probe?.bitrate ?? null,
    probeError: video.probeError ?? null,
  };
  const streams: StreamRow[] = [
    ...(probe?.streams ?? []).map((stream) => ({ ...stream, external: false, externalPath: null })),
    ...video.externalSubtitles.map((s) => ({
      ...BLANK_STREAM,
      streamType: 'subtitle' as const,
      streamIndex: null,
      codec: s.format,
      language: s.language,
      isDefault: false,
      isForced: s.forced,
      external: true,
      externalPath: path.posix.join(path.posix.dirname(video.relativePath), s.fileName),
    })),
  ];
  return { file, streams };
}

const BLANK_STREAM = {
  title: null,
  isForced: false,
  width: null,
  height: null,
  hdr: null,
  channels: null,
  language: null,
};

/** What the rows keep of a probe: the file's container, duration and bitrate, and its own streams. */
function storedProbeOf(info: MediaInfo): {
  container: string;
  durationSeconds: number | null;
  bitrate: number | null;
  streams: StoredStream[];
} {
  return {
    container: info.container,
    durationSeconds: info.durationSeconds,
    bitrate: info.bitrate,
    streams: [
      ...info.video.map((v) => ({
        ...BLANK_STREAM,
        streamType: 'video' as const,
        streamIndex: v.index,
        codec: v.codec,
        isDefault: v.isDefault,
        width: v.width,
        height: v.height,
        hdr: v.hdr,
      })),
      ...info.audio.map((a) => ({
        ...BLANK_STREAM,
        streamType: 'audio' as const,
        streamIndex: a.index,
        codec: a.codec,
        language: a.language,
        title: a.title ?? null,
        isDefault: a.isDefault,
        channels: a.channels,
      })),
      ...info.subtitles.map((s) => ({
        ...BLANK_STREAM,
        streamType: 'subtitle' as const,
        streamIndex: s.index,
        codec: s.codec,
        language: s.language,
        title: s.title ?? null,
        isDefault: s.isDefault,
        isForced: s.isForced,
      })),
    ],
  };
}
