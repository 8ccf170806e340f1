import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { readContainerHeader, type ReadAt } from './container-header.js';
import { analyzeWithMediaInfo } from './mediainfo-pool.js';
import { mediaInfoThread, MediaInfoThreadUnavailableError, type KeptChunk } from './mediainfo-thread.js';
import { probeMedia, type MediaInfo, type ProbeOptions } from './probe.js';
import { fromMediaInfoReport, headerKindOf } from './probe-mediainfo.js';

const DEFAULT_TIMEOUT_MS = 60_000;
/** What one probe keeps of MediaInfo's reads, for the container header's reads to be answered from. */
const KEPT_READS_BYTES = 4 * 1024 * 1024;

export interface ScanProbeOptions extends ProbeOptions {
  /**
   * The file's size as the scan's listing just saw it, which makes the probe's own stat needless. The
   * listing also found it a regular file; it is opened without waiting all the same, so a file replaced
   * by a FIFO since cannot hold one of libuv's threads.
   */
  listedSize?: number;
  /**
   * Where MediaInfo parses: on this thread (the default: a probe or a few, warm at once), or on its own
   * (mediainfo-thread.ts), which a scan of many folders asks for; its own thread falls back to this one
   * when it cannot be had.
   */
  mediaInfoOn?: MediaInfoPlace;
}

export type MediaInfoPlace = 'its own thread' | 'this thread';

/**
 * The library scan's probe: MediaInfo first (on this thread, or on its own when asked: mediainfo-thread.ts),
 * ffprobe for every file MediaInfo cannot identify or whose reading would differ from ffprobe's (see
 * probe-mediainfo.ts). The result is the one probeMedia gives, and every failure is ffprobe's, with
 * ffprobe's message. Encoding and download verification keep calling probeMedia: they act on ffprobe's
 * exact view of the file.
 */
export async function probeForScan(filePath: string, opts: ScanProbeOptions = {}): Promise<MediaInfo> {
  const viaMediaInfo = await probeWithMediaInfo(filePath, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, opts.listedSize, opts.mediaInfoOn).catch(
    () => null,
  );
  return viaMediaInfo ?? probeMedia(filePath, opts);
}

/** Null whenever ffprobe should decide: not a regular file, not a container in the tables, too slow. */
export async function probeWithMediaInfo(
  filePath: string,
  timeoutMs: number,
  listedSize?: number,
  on: MediaInfoPlace = 'this thread',
): Promise<MediaInfo | null> {
  let size: number;
  try {
    if (listedSize !== undefined) size = listedSize;
    else {
      // Checked before opening: opening a FIFO waits for a writer, holding a thread. FIFOs and devices
      // have no size to hand MediaInfo.
      const stats = await stat(filePath);
      if (!stats.isFile()) return null;
      size = stats.size;
    }
  } catch {
    return null;
  }
  // An empty file gets ffprobe's own message.
  if (size === 0) return null;
  if (on === 'its own thread') {
    const onThread = await probeOnThread(filePath, timeoutMs, size);
    if (onThread !== 'thread unavailable') return onThread;
  }
  let handle: FileHandle;
  try {
    // Opened without waiting all the same: a file replaced by a FIFO since its stat cannot hold one of libuv's threads.
    handle = await open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  // A read stalled on a network share would hold the file open and a MediaInfo instance; past the
  // timeout the scan moves on to ffprobe (whose own timeout then names the problem) and the handle is
  // closed once the stalled read returns.
  const reading = readWithMediaInfo(filePath, handle, size);
  const settled = reading.finally(() => handle.close()).catch(() => null);
  const answer = await withinTimeout(settled, timeoutMs);
  return answer === TIMED_OUT ? null : answer;
}

const TIMED_OUT = Symbol('timed out');

/** What `work` settles to, or TIMED_OUT when it has not settled within `timeoutMs`; the timer never outlives it. */
async function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readWithMediaInfo(filePath: string, handle: FileHandle, size: number): Promise<MediaInfo | null> {
  const read = keepingReader(handle, size);
  const report = await analyzeWithMediaInfo(size, read);
  const kind = headerKindOf(report);
  if (!kind) return null;
  const header = await readContainerHeader(kind, read, size);
  return header && fromMediaInfoReport(filePath, report, header, size);
}

/**
 * MediaInfo's parse on its thread, which reads the file itself; the container header is then read from the
 * chunks it read, the file opened here only for a read outside them. An answer later than the timeout
 * gives the thread up (a read stuck on a network share holds it) and leaves the file to ffprobe.
 */
async function probeOnThread(filePath: string, timeoutMs: number, size: number): Promise<MediaInfo | null | 'thread unavailable'> {
  const analysis = mediaInfoThread.analyze(filePath, size, KEPT_READS_BYTES);
  let answer;
  try {
    answer = await withinTimeout(analysis, timeoutMs);
  } catch (error) {
    return error instanceof MediaInfoThreadUnavailableError ? 'thread unavailable' : null;
  }
  if (answer === TIMED_OUT) {
    analysis.catch(() => {});
    mediaInfoThread.abandon();
    return null;
  }
  const kind = headerKindOf(answer.report);
  if (!kind) return null;
  const reader = chunkReader(filePath, answer.kept, size);
  try {
    const header = await readContainerHeader(kind, reader.read, size);
    return header && fromMediaInfoReport(filePath, answer.report, header, size);
  } catch {
    return null;
  } finally {
    await reader.close();
  }
}

/** Reads answered from the chunks MediaInfo read, the file opened only for a read outside them. */
function chunkReader(filePath: string, kept: readonly KeptChunk[], size: number): { read: ReadAt; close: () => Promise<void> } {
  let handle: Promise<FileHandle> | null = null;
  return {
    read: async (offset, length) => {
      const end = Math.max(offset, Math.min(offset + length, size));
      const fromChunks = fromKept(kept, offset, end);
      if (fromChunks) return fromChunks;
      handle ??= open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
      const buffer = new Uint8Array(end - offset);
      const { bytesRead } = await (await handle).read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: async () => {
      if (handle) await (await handle.catch(() => null))?.close();
    },
  };
}

/**
 * Reads from the file, keeping what it read (up to KEPT_READS_BYTES) to answer a later read inside it.
 * The container header's reads (a dozen of 12 or 16 bytes) fall inside the chunks MediaInfo has just
 * read: answered from those, they cost no hand-off to libuv's pool and, on a network share, no round trip.
 */
function keepingReader(handle: FileHandle, size: number): ReadAt {
  const kept: KeptChunk[] = [];
  let keptBytes = 0;
  return async (offset, length) => {
    const end = Math.max(offset, Math.min(offset + length, size));
    const fromChunks = fromKept(kept, offset, end);
    if (fromChunks) return fromChunks;
    const buffer = new Uint8Array(end - offset);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    const bytes = buffer.subarray(0, bytesRead);
    if (keptBytes + bytes.length <= KEPT_READS_BYTES) {
      kept.push({ offset, bytes });
      keptBytes += bytes.length;
    }
    return bytes;
  };
}

/** The bytes from `offset` to `end` when one kept chunk holds them all; null when none does. */
function fromKept(kept: readonly KeptChunk[], offset: number, end: number): Uint8Array | null {
  const holder = kept.find((chunk) => offset >= chunk.offset && end <= chunk.offset + chunk.bytes.length);
  return holder ? holder.bytes.subarray(offset - holder.offset, end - holder.offset) : null;
}
