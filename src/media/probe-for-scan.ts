import { open, stat, type FileHandle } from 'node:fs/promises';
import { readContainerHeader, type ReadAt } from './container-header.js';
import { analyzeWithMediaInfo } from './mediainfo-pool.js';
import { probeMedia, type MediaInfo, type ProbeOptions } from './probe.js';
import { fromMediaInfoReport, headerKindOf } from './probe-mediainfo.js';

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The library scan's probe: MediaInfo in this process first, ffprobe for every file MediaInfo cannot
 * identify or whose reading would differ from ffprobe's (see probe-mediainfo.ts). The result is the
 * one probeMedia gives, and every failure is ffprobe's, with ffprobe's message. Encoding and download
 * verification keep calling probeMedia: they act on ffprobe's exact view of the file.
 */
export async function probeForScan(filePath: string, opts: ProbeOptions = {}): Promise<MediaInfo> {
  const viaMediaInfo = await probeWithMediaInfo(filePath, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS).catch(() => null);
  return viaMediaInfo ?? probeMedia(filePath, opts);
}

/** Null whenever ffprobe should decide: not a regular file, not a container in the tables, too slow. */
export async function probeWithMediaInfo(filePath: string, timeoutMs: number): Promise<MediaInfo | null> {
  let handle: FileHandle;
  let size: number;
  try {
    // Checked before opening: opening a FIFO waits for a writer, holding one of libuv's few threads.
    // FIFOs and devices have no size to hand MediaInfo; an empty file gets ffprobe's own message.
    const stats = await stat(filePath);
    if (!stats.isFile() || stats.size === 0) return null;
    size = stats.size;
    handle = await open(filePath, 'r');
  } catch {
    return null;
  }
  // A read stalled on a network share would hold the file open and a MediaInfo instance; past the
  // timeout the scan moves on to ffprobe (whose own timeout then names the problem) and the handle is
  // closed once the stalled read returns.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const reading = readWithMediaInfo(filePath, handle, size);
  const settled = reading.finally(() => handle.close()).catch(() => null);
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readWithMediaInfo(filePath: string, handle: FileHandle, size: number): Promise<MediaInfo | null> {
  const read: ReadAt = async (offset, length) => {
    const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    return buffer.subarray(0, bytesRead);
  };
  const report = await analyzeWithMediaInfo(size, read);
  const kind = headerKindOf(report);
  if (!kind) return null;
  const header = await readContainerHeader(kind, read, size);
  return header && fromMediaInfoReport(filePath, report, header, size);
}
