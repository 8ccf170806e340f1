import type { EntityType } from '../db/schema/index.js';
import type { ScannedVideoFile } from '../media/title-scan/types.js';
import path from 'node:path';

type StreamRow = {
  streamType: 'video' | 'audio' | 'subtitle';
  streamIndex: number | null;
  codec: string | null;
  language: string | null;
  title: string | null;
  isDefault: boolean;
  isForced: boolean;
  external: boolean;
  externalPath: string | null;
  width: number | null;
  height: number | null;
  hdr: string | null;
  channels: number | null;
};

/** The media_files row and its media_streams rows for one scanned video, external subtitles included. */
export function mediaFileRows(entityType: EntityType, entityId: string, video: ScannedVideoFile) {
  const info = video.mediaInfo;
  const file = {
    entityType,
    entityId,
    relativePath: video.relativePath,
    sizeBytes: video.sizeBytes,
    container: info?.container ?? null,
    durationSeconds: info?.durationSeconds ?? null,
    bitrate: info?.bitrate ?? null,
    probeError: video.probeError ?? null,
  };
  const blank = {
    title: null,
    isForced: false,
    external: false,
    externalPath: null,
    width: null,
    height: null,
    hdr: null,
    channels: null,
    language: null,
  };
  const streams: StreamRow[] = [
    ...(info?.video ?? []).map((v) => ({
      ...blank,
      streamType: 'video' as const,
      streamIndex: v.index,
      codec: v.codec,
      isDefault: v.isDefault,
      width: v.width,
      height: v.height,
      hdr: v.hdr,
    })),
    ...(info?.audio ?? []).map((a) => ({
      ...blank,
      streamType: 'audio' as const,
      streamIndex: a.index,
      codec: a.codec,
      language: a.language,
      title: a.title ?? null,
      isDefault: a.isDefault,
      channels: a.channels,
    })),
    ...(info?.subtitles ?? []).map((s) => ({
      ...blank,
      streamType: 'subtitle' as const,
      streamIndex: s.index,
      codec: s.codec,
      language: s.language,
      title: s.title ?? null,
      isDefault: s.isDefault,
      isForced: s.isForced,
    })),
    ...video.externalSubtitles.map((s) => ({
      ...blank,
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
