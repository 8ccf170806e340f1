import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { EncodeSettings } from '../db/schema/index.js';
import { probeMedia, type MediaInfo } from './probe.js';

export interface EncodeProgress {
  /** 0..100 of the source's duration. */
  percent: number;
  /** Encoding speed as a multiple of real time, when ffmpeg reports it. */
  speed: number | null;
}

export interface EncodeJob {
  source: string;
  /** The verified result lands here; nothing is ever written at this path until it is verified. */
  output: string;
  settings: EncodeSettings;
  /** The source's probe when the caller has it already (the download checked the file); probed otherwise. */
  sourceInfo?: MediaInfo;
  onProgress?: (progress: EncodeProgress) => void;
  /** Aborting kills ffmpeg and removes its partial output. */
  signal?: AbortSignal;
  ffmpegPath?: string;
}

export interface EncodeResult {
  output: string;
  durationSeconds: number;
  sizeBytes: number;
  videoCodec: string;
  height: number;
}

export class EncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodeError';
  }
}

export class EncodeCancelledError extends Error {
  constructor() {
    super('The encode was cancelled');
    this.name = 'EncodeCancelledError';
  }
}

const CODEC_NAMES: Record<EncodeSettings['videoCodec'], string> = { libx264: 'h264', libx265: 'hevc' };

export interface EncodedPartial {
  /** ffmpeg's output beside `output`, not yet verified: nothing may use it until acceptEncode passed it. */
  partial: string;
  output: string;
  /** What the source is, as the verification compares against it. */
  source: MediaInfo;
}

/**
 * Encodes with real ffmpeg into a temporary file beside the output, reading `-progress pipe:1` for
 * progress. The source is only ever read, so a crash, a kill or a bad encode cannot cost it. The result
 * is not usable until `acceptEncode` verified it: the two are separate so that an encoder's slot is held
 * by ffmpeg alone.
 */
export async function encodeToPartial(job: EncodeJob): Promise<EncodedPartial> {
  const source = job.sourceInfo ?? (await probeMedia(job.source));
  const duration = source.durationSeconds;
  if (!duration || source.video.length === 0) throw new EncodeError(`${job.source} has no video stream or no duration to encode`);
  await mkdir(path.dirname(job.output), { recursive: true });
  const partial = partialPathOf(job.output);
  try {
    await runFfmpeg(job, ffmpegArgs(job, source, partial), duration);
    return { partial, output: job.output, source };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * Verifies an encode with ffprobe (duration within 1 % of the source, one video stream in the expected
 * codec no taller than asked, audio when the source had audio) and only then renames it into place; a
 * failed encode is removed.
 */
export async function acceptEncode(encoded: EncodedPartial, settings: EncodeSettings): Promise<EncodeResult> {
  try {
    const result = await verifyEncode(encoded.partial, encoded.source, settings);
    await rename(encoded.partial, encoded.output);
    return { ...result, output: encoded.output };
  } catch (error) {
    await rm(encoded.partial, { force: true });
    throw error;
  }
}

/** Partial files are recognisable by name, so a retried attempt can clear what an earlier one left. */
export const partialPathOf = (output: string) => `${output}.partial${path.extname(output)}`;

function ffmpegArgs(job: EncodeJob, source: MediaInfo, partial: string): string[] {
  const s = job.settings;
  const args = [
    '-hide_banner',
    '-nostdin',
    '-y',
    '-loglevel',
    'error',
    '-progress',
    'pipe:1',
    '-nostats',
    '-i',
    job.source,
    '-map',
    '0:v:0',
    '-map',
    '0:a?',
  ];
  args.push('-c:v', s.videoCodec, '-crf', String(s.crf), '-preset', s.preset, '-pix_fmt', 'yuv420p');
  if (s.videoCodec === 'libx265') args.push('-x265-params', 'log-level=error');
  const height = source.video[0]!.height;
  // -2 keeps the width even, as 4:2:0 needs.
  if (height > s.maxHeight) args.push('-vf', `scale=-2:${s.maxHeight}`);
  if (source.audio.length > 0) {
    if (s.audioCodec === 'copy') args.push('-c:a', 'copy');
    else args.push('-c:a', 'aac', '-b:a', `${s.audioBitrateKbps}k`);
  }
  args.push('-f', 'matroska', partial);
  return args;
}

function runFfmpeg(job: EncodeJob, args: string[], durationSeconds: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (job.signal?.aborted) return reject(new EncodeCancelledError());
    const [command, ...commandArgs] = withParentDeathSignal([job.ffmpegPath ?? 'ffmpeg', ...args]);
    const child = spawn(command!, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let buffered = '';
    let speed: number | null = null;
    let percent = 0;
    const onAbort = () => child.kill('SIGKILL');
    job.signal?.addEventListener('abort', onAbort, { once: true });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [key, value] = line.split('=', 2) as [string, string | undefined];
        if (key === 'speed' && value) speed = Number.parseFloat(value) || null;
        if (key === 'out_time_us' && value && /^\d+$/.test(value)) percent = Math.min(100, (Number(value) / 1e6 / durationSeconds) * 100);
        // Every block ends with progress=continue|end, twice a second, even before the first frame is out
        // (a slow preset's lookahead): a sign of life either way.
        if (key === 'progress') job.onProgress?.({ percent, speed });
      }
    });
    child.on('error', (error) => reject(new EncodeError(`ffmpeg could not start: ${error.message}`)));
    child.on('close', (code, signal) => {
      job.signal?.removeEventListener('abort', onAbort);
      if (job.signal?.aborted) return reject(new EncodeCancelledError());
      if (code === 0) return resolve();
      reject(
        new EncodeError(`ffmpeg failed on ${job.source} (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`),
      );
    });
  });
}

const SETPRIV = '/usr/bin/setpriv';
const hasSetpriv = process.platform === 'linux' && existsSync(SETPRIV);

/**
 * ffmpeg ignores SIGPIPE, so it would outlive a worker that is killed mid-encode and keep a CPU busy
 * for nothing. On Linux, setpriv (util-linux) asks the kernel to SIGKILL it when its parent dies; it
 * then execs ffmpeg in place, so the child's pid is ffmpeg's.
 */
function withParentDeathSignal(command: string[]): string[] {
  return hasSetpriv ? [SETPRIV, '--pdeathsig', 'KILL', '--', ...command] : command;
}

/** The checks an encode must pass before it may replace anything. */
export async function verifyEncode(file: string, source: MediaInfo, settings: EncodeSettings): Promise<Omit<EncodeResult, 'output'>> {
  let info: MediaInfo;
  try {
    info = await probeMedia(file);
  } catch (error) {
    throw new EncodeError(`The encode ${file} cannot be read by ffprobe: ${(error as Error).message}`);
  }
  const expected = source.durationSeconds!;
  const got = info.durationSeconds ?? 0;
  // 1 %, but never less than 100 ms: audio re-encoding pads to whole frames (AAC: 1024 samples plus
  // priming), which is noise on an episode and several percent of a two-second test clip.
  const tolerance = Math.max(expected * 0.01, 0.1);
  if (Math.abs(got - expected) > tolerance)
    throw new EncodeError(`The encode lasts ${got.toFixed(2)} s, the source ${expected.toFixed(2)} s (more than 1 % apart)`);
  if (info.video.length !== 1) throw new EncodeError(`The encode has ${info.video.length} video streams, expected 1`);
  const video = info.video[0]!;
  if (video.codec !== CODEC_NAMES[settings.videoCodec])
    throw new EncodeError(`The encode's video is ${video.codec}, expected ${CODEC_NAMES[settings.videoCodec]}`);
  if (video.height > settings.maxHeight)
    throw new EncodeError(`The encode is ${video.height} pixels tall, more than ${settings.maxHeight}`);
  if (info.audio.length !== source.audio.length)
    throw new EncodeError(`The encode has ${info.audio.length} audio streams, the source ${source.audio.length}`);
  return { durationSeconds: got, sizeBytes: info.sizeBytes, videoCodec: video.codec, height: video.height };
}
