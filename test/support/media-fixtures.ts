import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Real media files for tests and benchmarks, made by the real ffmpeg. Each distinct spec is encoded once
 * into a cache under the system temp directory and then hard-linked (copied across file systems), so a
 * test can lay out hundreds of titles in well under a second after the first one.
 *
 * The files share one inode with the cache: tests may rename or delete them but must not write into
 * them. A cached file whose contents changed anyway is noticed and encoded again.
 */

const execFileAsync = promisify(execFile);

export interface VideoSpec {
  seconds?: number;
  /** Even numbers: H.264 in 4:2:0 cannot encode odd sizes. */
  width?: number;
  height?: number;
  /** Frames per second as ffmpeg takes it (`25`, `24000/1001`); 5 unless given. */
  frameRate?: string;
  /** H.264 unless given. */
  videoCodec?: VideoCodec;
  /** One audio stream each; the first is the default. Mono AAC unless `channels` or `codec` say otherwise. */
  audio?: { language?: string; channels?: 1 | 2 | 6 | 8; title?: string; codec?: AudioCodec }[];
  /** One embedded text subtitle stream each: SubRip (or ASS when asked) in mkv, mov_text in mp4. */
  subtitles?: { language: string; forced?: boolean; default?: boolean; title?: string; codec?: 'srt' | 'ass' }[];
  container?: VideoContainer;
  /** 10-bit video tagged with the HDR10 (PQ) or HLG transfer, as ffprobe reads it from real HDR files. */
  hdr?: 'hdr10' | 'hlg';
  /** The MP4 movie header's timescale (ffmpeg writes 1000), for durations finer than a millisecond. */
  mp4Timescale?: number;
  /** Chapter marks, one per second, written from an ffmetadata input (mp4 stores them as a text track). */
  chapters?: boolean;
}

export type VideoContainer = 'mkv' | 'mp4' | 'avi' | 'ts' | 'webm';
export type VideoCodec = 'h264' | 'hevc' | 'mpeg4' | 'msmpeg4v3' | 'mpeg2video' | 'vp9' | 'av1';
export type AudioCodec = 'aac' | 'ac3' | 'eac3' | 'mp3' | 'flac' | 'opus' | 'vorbis' | 'pcm_s16le' | 'pcm_s24le' | 'dts' | 'truehd';

// Encoder arguments per codec; the fastest settings, since a fixture is a second of test pattern.
const VIDEO_ENCODER_ARGS: Record<Exclude<VideoCodec, 'h264'>, string[]> = {
  hevc: ['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error'],
  mpeg4: ['-c:v', 'mpeg4'],
  msmpeg4v3: ['-c:v', 'msmpeg4'],
  mpeg2video: ['-c:v', 'mpeg2video'],
  vp9: ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8'],
  av1: ['-c:v', 'libaom-av1', '-cpu-used', '8', '-usage', 'realtime'],
};
const AUDIO_ENCODERS: Record<AudioCodec, string> = {
  aac: 'aac',
  ac3: 'ac3',
  eac3: 'eac3',
  mp3: 'libmp3lame',
  flac: 'flac',
  opus: 'libopus',
  vorbis: 'libvorbis',
  pcm_s16le: 'pcm_s16le',
  pcm_s24le: 'pcm_s24le',
  dts: 'dca',
  truehd: 'truehd',
};
// The DTS and TrueHD encoders are marked experimental in ffmpeg.
const EXPERIMENTAL_AUDIO: ReadonlySet<AudioCodec> = new Set(['dts', 'truehd']);

const CACHE_DIR = path.join(os.tmpdir(), 'reelflow-media-fixtures');
const FRAMES_PER_SECOND = 5;
const SUBTITLE_TEXT = '1\n00:00:00,000 --> 00:00:00,500\nHello from Reelflow\n\n';
// The command changes when a spec or this generator does, so its hash names the cached file.
const SUBTITLE_INPUT_PLACEHOLDER = '<subtitle.srt>';

/** Writes a small real video at `filePath` (replacing any file there) and returns the path. */
export async function makeVideo(filePath: string, opts: VideoSpec = {}): Promise<string> {
  const container = opts.container ?? 'mkv';
  if ((opts.subtitles?.length ?? 0) > 0 && (container === 'avi' || container === 'ts')) {
    throw new RangeError(`makeVideo cannot embed text subtitles in ${container}`);
  }
  const cached = await cachedFfmpegOutput(videoArgs(opts, container), container);
  await placeCopy(cached, filePath);
  return filePath;
}

function videoArgs(spec: VideoSpec, container: VideoContainer): string[] {
  const seconds = spec.seconds ?? 1;
  const width = spec.width ?? 160;
  const height = spec.height ?? 90;
  if (width % 2 !== 0 || height % 2 !== 0) throw new RangeError(`makeVideo needs even dimensions, got ${width}x${height}`);
  const audio = spec.audio ?? [];
  const subtitles = spec.subtitles ?? [];

  const rate = spec.frameRate ?? FRAMES_PER_SECOND;
  const inputs = ['-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=${rate}:duration=${seconds}`];
  audio.forEach((track, i) => {
    const layout = { 1: 'mono', 2: 'stereo', 6: '5.1', 8: '7.1' }[track.channels ?? 1];
    // A different pitch per track keeps the streams distinguishable when someone listens to a fixture.
    inputs.push('-f', 'lavfi', '-i', `sine=frequency=${440 + 110 * i}:duration=${seconds},aformat=channel_layouts=${layout}`);
  });
  for (let i = 0; i < subtitles.length; i += 1) inputs.push('-i', SUBTITLE_INPUT_PLACEHOLDER);
  if (spec.chapters) inputs.push('-f', 'ffmetadata', '-i', chaptersMetadata(seconds));

  const maps = ['-map', '0:v'];
  audio.forEach((_, i) => maps.push('-map', `${1 + i}:a`));
  subtitles.forEach((_, i) => maps.push('-map', `${1 + audio.length + i}:s`));
  if (spec.chapters) maps.push('-map_chapters', String(1 + audio.length + subtitles.length));

  const codec = spec.videoCodec ?? 'h264';
  const video = codec === 'h264' ? ['-c:v', 'libx264', '-preset', 'ultrafast'] : [...VIDEO_ENCODER_ARGS[codec]];
  if (spec.hdr) {
    const transfer = spec.hdr === 'hdr10' ? 'smpte2084' : 'arib-std-b67';
    video.push('-pix_fmt', 'yuv420p10le', '-color_primaries', 'bt2020', '-color_trc', transfer, '-colorspace', 'bt2020nc');
  } else {
    video.push('-pix_fmt', 'yuv420p');
  }

  // Every disposition is set, because ffmpeg's automatic "first stream is default" stops once any is given.
  const streams = ['-disposition:v:0', 'default'];
  audio.forEach((track, i) => {
    streams.push(`-disposition:a:${i}`, i === 0 ? 'default' : '0');
    if (track.language) streams.push(`-metadata:s:a:${i}`, `language=${track.language}`);
    if (track.title) streams.push(`-metadata:s:a:${i}`, `title=${track.title}`);
  });
  subtitles.forEach((track, i) => {
    const flags = [track.default ? 'default' : '', track.forced ? 'forced' : ''].filter(Boolean).join('+');
    streams.push(`-disposition:s:${i}`, flags || '0', `-metadata:s:s:${i}`, `language=${track.language}`);
    if (track.title) streams.push(`-metadata:s:s:${i}`, `title=${track.title}`);
  });

  const codecs = [];
  // Specs without per-stream codecs keep the arguments (and so the cached files) they always had.
  if (audio.some((track) => track.codec)) {
    audio.forEach((track, i) => codecs.push(`-c:a:${i}`, AUDIO_ENCODERS[track.codec ?? 'aac']));
    if (audio.some((track) => track.codec && EXPERIMENTAL_AUDIO.has(track.codec))) codecs.push('-strict', '-2');
  } else if (audio.length) {
    codecs.push('-c:a', 'aac');
  }
  if (container === 'mp4') {
    if (subtitles.length) codecs.push('-c:s', 'mov_text');
  } else if (subtitles.some((track) => track.codec)) {
    subtitles.forEach((track, i) => codecs.push(`-c:s:${i}`, track.codec ?? 'srt'));
  } else if (subtitles.length) {
    codecs.push('-c:s', 'srt');
  }
  const muxer = spec.mp4Timescale === undefined ? [] : ['-movie_timescale', String(spec.mp4Timescale)];
  return [...inputs, ...maps, ...video, ...codecs, ...streams, ...muxer];
}

/** An inline ffmetadata document (a `data:` URL) with one chapter per second. */
function chaptersMetadata(seconds: number): string {
  const lines = [';FFMETADATA1'];
  for (let i = 0; i < seconds; i += 1) {
    lines.push('[CHAPTER]', 'TIMEBASE=1/1000', `START=${i * 1000}`, `END=${(i + 1) * 1000}`, `title=Chapter ${i + 1}`);
  }
  return `data:text/plain;base64,${Buffer.from(`${lines.join('\n')}\n`).toString('base64')}`;
}

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png']);

/** Writes a real one-colour JPEG or PNG (chosen by the extension) of the given size and returns the path. */
export async function makeImage(filePath: string, width: number, height: number, color = 'gray'): Promise<string> {
  const extension = path.extname(filePath).toLowerCase();
  if (!IMAGE_EXTENSIONS.has(extension)) throw new RangeError(`makeImage writes .jpg, .jpeg or .png, not "${filePath}"`);
  // The colour source makes 4:2:0 unless told otherwise, which rounds odd sizes down; posters scaled by a
  // provider often have odd sizes, so the pixel format is chosen inside the source graph.
  const pixelFormat = extension === '.png' ? 'rgb24' : 'yuvj444p';
  const args = ['-f', 'lavfi', '-i', `color=c=${color}:size=${width}x${height},format=${pixelFormat}`, '-frames:v', '1'];
  const cached = await cachedFfmpegOutput(args, extension === '.png' ? 'png' : 'jpg');
  await placeCopy(cached, filePath);
  return filePath;
}

/** A fresh empty directory under the system temp directory; the caller removes it. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix.endsWith('-') ? prefix : `${prefix}-`));
}

// One encode per spec per process, even when many tests ask for the same spec at once.
const cacheEntries = new Map<string, Promise<string>>();

function cachedFfmpegOutput(args: string[], extension: string): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify(args)).update(extension).digest('hex').slice(0, 24);
  let entry = cacheEntries.get(key);
  if (!entry) {
    entry = ensureCacheEntry(key, args, extension);
    cacheEntries.set(key, entry);
    entry.catch(() => cacheEntries.delete(key));
  }
  return entry;
}

/**
 * A cache entry is the file plus its SHA-256 beside it. A test that wrote through a hard link would change
 * every later test's fixture, so the hash is checked once per process and a changed file is made again.
 */
async function ensureCacheEntry(key: string, args: string[], extension: string): Promise<string> {
  const cachedPath = path.join(CACHE_DIR, `${key}.${extension}`);
  const hashPath = `${cachedPath}.sha256`;
  const [expected, actual] = await Promise.all([readFileOrNull(hashPath), fileSha256OrNull(cachedPath)]);
  if (expected && actual === expected) return cachedPath;

  await mkdir(CACHE_DIR, { recursive: true });
  const subtitlePath = await ensureSubtitleInput();
  // Concurrent test processes may encode the same spec; each writes its own file and renames it into place.
  const partialPath = path.join(CACHE_DIR, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.${extension}`);
  const resolvedArgs = args.map((arg) => (arg === SUBTITLE_INPUT_PLACEHOLDER ? subtitlePath : arg));
  try {
    await execFileAsync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...resolvedArgs, partialPath]);
  } catch (error) {
    await rm(partialPath, { force: true });
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`ffmpeg could not make fixture ${key}.${extension}: ${stderr || (error as Error).message}`, { cause: error });
  }
  const hash = await fileSha256OrNull(partialPath);
  await rename(partialPath, cachedPath);
  await writeFile(hashPath, hash ?? '');
  return cachedPath;
}

async function ensureSubtitleInput(): Promise<string> {
  const subtitlePath = path.join(CACHE_DIR, 'subtitle-input.srt');
  const current = await readFile(subtitlePath, 'utf8').catch(() => null);
  if (current !== SUBTITLE_TEXT) {
    // Unique per call: several fixtures of one process may write it at once on a fresh machine.
    const partialPath = `${subtitlePath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(partialPath, SUBTITLE_TEXT);
    await rename(partialPath, subtitlePath);
  }
  return subtitlePath;
}

async function placeCopy(cachedPath: string, filePath: string): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  await rm(filePath, { force: true });
  try {
    await link(cachedPath, filePath);
  } catch {
    // Another file system (EXDEV) or one without hard links: a copy costs a few kilobytes.
    await copyFile(cachedPath, filePath);
  }
}

async function readFileOrNull(filePath: string): Promise<string | null> {
  return readFile(filePath, 'utf8').catch(() => null);
}

async function fileSha256OrNull(filePath: string): Promise<string | null> {
  const contents = await readFile(filePath).catch(() => null);
  return contents ? createHash('sha256').update(contents).digest('hex') : null;
}
