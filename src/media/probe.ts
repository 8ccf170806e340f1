import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { toIso6392 } from '../language/language-codes.js';

/**
 * The revision of what a probe records. Raise it whenever that changes (a field added, a mapping fixed, a
 * codec named differently): a rescan keeps a stored probe only of this revision, so every video is read once
 * more by the next scan of its folder that finds it changed, as Radarr re-reads its media info when its
 * schema revision moves. (An unchanged folder is not opened at all; a scan of the library after an upgrade
 * leaves it as it is.)
 */
export const PROBE_REVISION = 1;

/**
 * What ffprobe reports about a media file, reduced to the fields the library and the encoder decide on.
 * Stream `index` is ffprobe's absolute stream index, the number ffmpeg's `-map 0:<index>` takes.
 */
export interface MediaInfo {
  /** A friendly container name (`mkv`, `mp4`, `avi`, ...), not ffprobe's comma-separated demuxer list. */
  container: string;
  durationSeconds: number | null;
  sizeBytes: number;
  /** Overall bits per second, as the container states it. */
  bitrate: number | null;
  video: VideoStreamInfo[];
  audio: AudioStreamInfo[];
  subtitles: SubtitleStreamInfo[];
}

export type HdrFormat = 'none' | 'hdr10' | 'hlg' | 'dolbyvision';

export interface VideoStreamInfo {
  index: number;
  codec: string;
  width: number;
  height: number;
  /** Frames per second rounded to three decimals (23.976), or null when the container does not say. */
  frameRate: number | null;
  bitDepth: number;
  hdr: HdrFormat;
  isDefault: boolean;
}

export interface AudioStreamInfo {
  index: number;
  codec: string;
  channels: number;
  channelLayout: string | null;
  /** ISO 639-2/B, lower-case; `und` when the stream does not say. */
  language: string;
  title: string | null;
  isDefault: boolean;
}

export interface SubtitleStreamInfo {
  index: number;
  codec: string;
  /** ISO 639-2/B, lower-case; `und` when the stream does not say. */
  language: string;
  title: string | null;
  isDefault: boolean;
  isForced: boolean;
  external: false;
}

export interface ProbeOptions {
  /** Defaults to `ffprobe` on the PATH. */
  ffprobePath?: string;
  /** ffprobe is killed after this long; a file on a stalled network share must not hold a worker forever. */
  timeoutMs?: number;
}

/** A file ffprobe could not read as media; the message names the file and ffprobe's reason. */
export class ProbeError extends Error {
  constructor(
    readonly filePath: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Cannot probe "${filePath}": ${reason}`, options);
    this.name = 'ProbeError';
  }
}

const DEFAULT_TIMEOUT_MS = 60_000;
// A file with hundreds of streams and chapters still prints well under this much JSON.
const MAX_PROBE_OUTPUT_BYTES = 32 * 1024 * 1024;

export async function probeMedia(filePath: string, opts: ProbeOptions = {}): Promise<MediaInfo> {
  const sizeBytes = await probeableFileSize(filePath);
  const stdout = await runFfprobe(filePath, opts.ffprobePath ?? 'ffprobe', opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let output: FfprobeOutput;
  try {
    output = JSON.parse(stdout) as FfprobeOutput;
  } catch (error) {
    throw new ProbeError(filePath, 'ffprobe printed output that is not JSON', { cause: error });
  }
  return normaliseProbeOutput(filePath, output, sizeBytes);
}

// ffprobe's own messages for these cases are vague ("Invalid data found when processing input" for an
// empty file), so the commonest failures are named before ffprobe is started.
async function probeableFileSize(filePath: string): Promise<number> {
  let stats;
  try {
    stats = await stat(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'No such file or directory' : (error as Error).message;
    throw new ProbeError(filePath, reason, { cause: error });
  }
  if (stats.isDirectory()) throw new ProbeError(filePath, 'is a directory');
  if (stats.isFile() && stats.size === 0) throw new ProbeError(filePath, 'the file is empty (0 bytes)');
  return stats.size;
}

function runFfprobe(filePath: string, ffprobePath: string, timeoutMs: number): Promise<string> {
  // ffprobe reads its input as a URL: `Star Wars: Episode IV.mkv` would name a protocol "Star Wars" and
  // `-x.mkv` an option, so the file protocol is spelled out with an absolute path.
  const input = `file:${path.resolve(filePath)}`;
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', input];
  return new Promise((resolve, reject) => {
    execFile(
      ffprobePath,
      args,
      // SIGKILL: a stuck ffprobe has nothing to clean up, and the signal cannot be caught or deferred.
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: MAX_PROBE_OUTPUT_BYTES, encoding: 'utf8', windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; signal?: NodeJS.Signals | null };
        if (failure.killed && failure.signal === 'SIGKILL') {
          return reject(new ProbeError(filePath, `ffprobe did not finish within ${timeoutMs} ms`, { cause: error }));
        }
        if (failure.code === 'ENOENT' && !stderr) {
          return reject(new ProbeError(filePath, `ffprobe not found at "${ffprobePath}"`, { cause: error }));
        }
        reject(new ProbeError(filePath, ffprobeReason(input, stderr) ?? error.message, { cause: error }));
      },
    );
  });
}

/**
 * ffprobe ends with a verdict naming the file (`<file>: Invalid data found when processing input`); a
 * demuxer may say why just before (`[matroska,webm @ 0x…] EBML header parsing failed`). Both are worth keeping.
 */
function ffprobeReason(input: string, stderr: string): string | null {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return null;
  const verdictIndex = lines.findIndex((line) => line.startsWith(`${input}: `));
  if (verdictIndex === -1) return lines[0] ?? null;
  // The line just before the verdict is the demuxer's immediate cause; earlier ones are side remarks.
  const detail = lines[verdictIndex - 1]?.replace(/^\[[^\]]+ @ 0x[0-9a-f]+\]\s*/i, '');
  const verdict = lines[verdictIndex]!.slice(input.length + 2);
  return detail && detail !== verdict ? `${verdict} (${detail})` : verdict;
}

/** The parts of `ffprobe -print_format json -show_format -show_streams` output this module reads. */
export interface FfprobeOutput {
  format?: {
    format_name?: string;
    duration?: string;
    size?: string;
    bit_rate?: string;
    tags?: Record<string, string>;
  };
  streams?: FfprobeStream[];
}

export interface FfprobeStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  codec_tag_string?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  pix_fmt?: string;
  bits_per_raw_sample?: string;
  color_transfer?: string;
  channels?: number;
  channel_layout?: string;
  disposition?: Record<string, number>;
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string }[];
}

/**
 * Turns parsed ffprobe output into MediaInfo. Separate from running ffprobe so that streams no test
 * fixture can be made with (Dolby Vision, cover art) are still covered.
 */
export function normaliseProbeOutput(filePath: string, output: FfprobeOutput, sizeFallback = 0): MediaInfo {
  const format = output.format ?? {};
  const streams = output.streams ?? [];
  // The ANSI-art demuxer claims any `.txt` file, and a file with no streams has nothing to play.
  if (format.format_name === 'tty') throw new ProbeError(filePath, 'not a media file (ffprobe read it as text)');
  if (streams.length === 0) throw new ProbeError(filePath, 'not a media file (no streams)');
  return {
    container: friendlyContainerName(format.format_name ?? '', filePath, format.tags ?? {}),
    durationSeconds: parseNumber(format.duration),
    sizeBytes: parseNumber(format.size) ?? sizeFallback,
    bitrate: parseNumber(format.bit_rate),
    // Cover art embedded in mkv/mp4 is a one-frame "video" stream flagged attached_pic, not a video.
    video: streams.filter((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1).map(toVideoStream),
    audio: streams.filter((s) => s.codec_type === 'audio').map(toAudioStream),
    subtitles: streams.filter((s) => s.codec_type === 'subtitle').map(toSubtitleStream),
  };
}

function toVideoStream(stream: FfprobeStream): VideoStreamInfo {
  return {
    index: stream.index,
    codec: stream.codec_name ?? 'unknown',
    width: stream.width ?? 0,
    height: stream.height ?? 0,
    frameRate: parseFrameRate(stream.avg_frame_rate) ?? parseFrameRate(stream.r_frame_rate),
    bitDepth: videoBitDepth(stream),
    hdr: hdrFormat(stream),
    isDefault: stream.disposition?.default === 1,
  };
}

function toAudioStream(stream: FfprobeStream): AudioStreamInfo {
  return {
    index: stream.index,
    codec: stream.codec_name ?? 'unknown',
    channels: stream.channels ?? 0,
    channelLayout: stream.channel_layout || null,
    language: toIso6392(tag(stream, 'language')) ?? 'und',
    title: tag(stream, 'title') || null,
    isDefault: stream.disposition?.default === 1,
  };
}

function toSubtitleStream(stream: FfprobeStream): SubtitleStreamInfo {
  return {
    index: stream.index,
    codec: stream.codec_name ?? 'unknown',
    language: toIso6392(tag(stream, 'language')) ?? 'und',
    title: tag(stream, 'title') || null,
    isDefault: stream.disposition?.default === 1,
    isForced: stream.disposition?.forced === 1,
    external: false,
  };
}

// Matroska writes `language`, other muxers and tools sometimes `LANGUAGE`.
function tag(stream: FfprobeStream, name: string): string | undefined {
  const tags = stream.tags ?? {};
  const key = Object.keys(tags).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : tags[key]?.trim();
}

/**
 * Dolby Vision wins over the HDR10 or HLG base layer it usually carries, because a player that can show
 * it should; HDR10+ is reported as hdr10, its static base.
 */
function hdrFormat(stream: FfprobeStream): HdrFormat {
  const hasDoviRecord = (stream.side_data_list ?? []).some((s) => s.side_data_type === 'DOVI configuration record');
  const dolbyVisionTag = /^dv(h1|he|a1|av)$/i.test(stream.codec_tag_string ?? '');
  if (hasDoviRecord || dolbyVisionTag) return 'dolbyvision';
  if (stream.color_transfer === 'smpte2084') return 'hdr10';
  if (stream.color_transfer === 'arib-std-b67') return 'hlg';
  return 'none';
}

function videoBitDepth(stream: FfprobeStream): number {
  const raw = parseNumber(stream.bits_per_raw_sample);
  if (raw) return raw;
  // Not every decoder reports bits_per_raw_sample; the pixel format names it (yuv420p10le → 10).
  const fromPixelFormat = /p(\d{2})(?:le|be)$/.exec(stream.pix_fmt ?? '');
  return fromPixelFormat ? Number(fromPixelFormat[1]) : 8;
}

function parseFrameRate(rate: string | undefined): number | null {
  const match = /^(\d+)\/(\d+)$/.exec(rate ?? '');
  if (!match) return parseNumber(rate);
  const [numerator, denominator] = [Number(match[1]), Number(match[2])];
  if (numerator === 0 || denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 1000;
}

function parseNumber(value: string | undefined): number | null {
  if (value === undefined || value === '' || value === 'N/A') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

const CONTAINER_BY_DEMUXER: Record<string, string> = {
  matroska: 'mkv',
  mov: 'mp4',
  avi: 'avi',
  mpegts: 'ts',
  mpeg: 'mpg',
  asf: 'wmv',
  flv: 'flv',
  ogg: 'ogg',
  wav: 'wav',
  mp3: 'mp3',
  flac: 'flac',
  aac: 'aac',
  webm: 'webm',
};

/**
 * ffprobe names demuxers, and one demuxer reads several containers (`matroska,webm`,
 * `mov,mp4,m4a,3gp,3g2,mj2`); the file's extension or the mp4 brand tells them apart.
 */
function friendlyContainerName(formatName: string, filePath: string, tags: Record<string, string>): string {
  const demuxers = formatName.split(',');
  const first = demuxers[0] ?? '';
  const extension = /\.([a-z0-9]+)$/i.exec(filePath)?.[1]?.toLowerCase();
  if (first === 'matroska') return extension === 'webm' ? 'webm' : 'mkv';
  if (first === 'mov') {
    if (tags.major_brand?.trim() === 'qt') return 'mov';
    if (extension === 'm4v' || extension === 'mov') return extension;
    return 'mp4';
  }
  if (first === 'mpegts' && extension === 'm2ts') return 'm2ts';
  return CONTAINER_BY_DEMUXER[first] ?? (first || 'unknown');
}
