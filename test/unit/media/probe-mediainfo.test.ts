import { execFileSync } from 'node:child_process';
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { probeForScan, probeWithMediaInfo } from '../../../src/media/probe-for-scan.js';
import { mediaInfoThread, MediaInfoThreadUnavailableError } from '../../../src/media/mediainfo-thread.js';
import { ProbeError, probeMedia, type MediaInfo } from '../../../src/media/probe.js';
import { makeTempDir, makeVideo, type VideoSpec } from '../../support/media-fixtures.js';

/**
 * The differential test of the scan's in-process probe: for real files made by the real ffmpeg, the
 * MediaInfo reading equals ffprobe's, field for field, and files the MediaInfo tables do not cover are
 * handed to ffprobe. Each fixture says which reader the scan should end up using.
 */

interface Fixture {
  name: string;
  spec: VideoSpec;
  reader: 'mediainfo' | 'ffprobe';
}

// Debian's ffmpeg is built with libx265; a build without it leaves the HEVC fixtures out.
const HAS_LIBX265 = execFileSync('ffmpeg', ['-hide_banner', '-encoders'], { encoding: 'utf8' }).includes('libx265');

const FIXTURES: Fixture[] = [
  {
    name: 'h264-aac.mkv',
    reader: 'mediainfo',
    spec: {
      audio: [
        { language: 'eng', channels: 2, title: 'Main' },
        { language: 'deu', channels: 6 },
      ],
      subtitles: [{ language: 'fre', forced: true }],
    },
  },
  {
    name: 'hevc-dolby.mkv',
    reader: 'mediainfo',
    spec: {
      videoCodec: 'hevc',
      audio: [
        { codec: 'ac3', channels: 6, language: 'eng', title: 'Surround' },
        { codec: 'eac3', channels: 2, language: 'deu' },
        { codec: 'eac3', channels: 6, language: 'jpn' },
      ],
      subtitles: [
        { language: 'fre', forced: true },
        { language: 'spa', codec: 'ass', default: true, title: 'Signs' },
      ],
    },
  },
  {
    name: 'mpeg4-many-audio.mkv',
    reader: 'mediainfo',
    spec: {
      videoCodec: 'mpeg4',
      frameRate: '24000/1001',
      audio: [
        { codec: 'flac', channels: 6, language: 'ita' },
        { codec: 'opus', channels: 6 },
        { codec: 'pcm_s16le', channels: 2 },
        { codec: 'pcm_s24le', channels: 1 },
        { codec: 'vorbis', channels: 2 },
        { codec: 'mp3', channels: 1 },
        { codec: 'aac', channels: 8 },
        { codec: 'flac', channels: 2 },
        { codec: 'opus', channels: 1 },
        { codec: 'ac3', channels: 2 },
      ],
    },
  },
  {
    name: 'dts-truehd.mkv',
    reader: 'mediainfo',
    spec: {
      audio: [
        { codec: 'dts', channels: 6, language: 'eng' },
        { codec: 'truehd', channels: 6 },
        { codec: 'dts', channels: 2 },
      ],
    },
  },
  { name: 'untagged.mkv', reader: 'mediainfo', spec: { audio: [{}, { channels: 2 }] } },
  { name: 'mpeg2.mkv', reader: 'mediainfo', spec: { videoCodec: 'mpeg2video', frameRate: '25', audio: [{ codec: 'mp3', channels: 2 }] } },
  { name: 'av1-hlg.mkv', reader: 'mediainfo', spec: { videoCodec: 'av1', hdr: 'hlg', audio: [{ codec: 'opus', channels: 2 }] } },
  {
    name: 'h264-hdr10.mkv',
    reader: 'mediainfo',
    spec: { hdr: 'hdr10', frameRate: '30000/1001', chapters: true, audio: [{ channels: 2 }] },
  },
  {
    name: 'vp9.webm',
    reader: 'mediainfo',
    spec: { container: 'webm', videoCodec: 'vp9', audio: [{ codec: 'opus', channels: 2, language: 'eng' }] },
  },
  {
    name: 'h264.mp4',
    reader: 'mediainfo',
    spec: {
      container: 'mp4',
      frameRate: '24000/1001',
      chapters: true,
      audio: [
        { codec: 'aac', channels: 6, language: 'eng' },
        { codec: 'mp3', channels: 2, language: 'jpn' },
        { codec: 'ac3', channels: 6 },
        { codec: 'eac3', channels: 2 },
        { codec: 'aac', channels: 1, language: 'fra' },
      ],
      subtitles: [{ language: 'ita' }, { language: 'eng', default: true }],
    },
  },
  {
    name: 'hevc-hdr10.mp4',
    reader: 'mediainfo',
    spec: {
      container: 'mp4',
      videoCodec: 'hevc',
      hdr: 'hdr10',
      audio: [
        { codec: 'opus', channels: 2 },
        { codec: 'ac3', channels: 6 },
      ],
    },
  },
  {
    // A movie timescale of 90 kHz gives a duration MediaInfo rounds to the millisecond.
    name: 'mpeg4-90khz.mp4',
    reader: 'mediainfo',
    spec: {
      container: 'mp4',
      videoCodec: 'mpeg4',
      frameRate: '24000/1001',
      seconds: 2,
      mp4Timescale: 90000,
      audio: [{ codec: 'mp3', channels: 2 }],
    },
  },
  {
    // ffmpeg reads neither an MP4 track's name nor MediaInfo's several forced flags the same way.
    name: 'titled-forced.mp4',
    reader: 'ffprobe',
    spec: { container: 'mp4', audio: [{ channels: 2, title: 'Commentary' }], subtitles: [{ language: 'eng', forced: true }] },
  },
  {
    name: 'mpeg4.avi',
    reader: 'ffprobe',
    spec: {
      container: 'avi',
      videoCodec: 'mpeg4',
      audio: [
        { codec: 'mp3', channels: 2 },
        { codec: 'ac3', channels: 6 },
      ],
    },
  },
  {
    name: 'h264.ts',
    reader: 'ffprobe',
    spec: { container: 'ts', frameRate: '25', audio: [{ codec: 'ac3', channels: 6, language: 'eng' }] },
  },
].filter((fixture) => HAS_LIBX265 || fixture.spec.videoCodec !== 'hevc') as Fixture[];

let dir: string;
const files = new Map<string, string>();

// Matroska element IDs, for files written the way mkvmerge writes them.
const LANGUAGE_UND = Buffer.from([0x22, 0xb5, 0x9c, 0x83, 0x75, 0x6e, 0x64]);
const FLAG_DEFAULT = [0x88, 0x81];
const DURATION_FLOAT64 = Buffer.from([0x44, 0x89, 0x88]);

beforeAll(async () => {
  dir = await makeTempDir('reelflow-probe-mediainfo-test');
  await Promise.all(FIXTURES.map(async ({ name, spec }) => files.set(name, await makeVideo(path.join(dir, name), spec))));

  // mkvmerge leaves out elements that hold their default (a track's language "eng", FlagDefault 1);
  // ffmpeg always writes them. Overwriting them with Void elements of the same size makes such a file.
  const defaults = await readFile(files.get('untagged.mkv')!);
  for (let at = defaults.indexOf(LANGUAGE_UND); at !== -1; at = defaults.indexOf(LANGUAGE_UND, at)) {
    defaults.set([0xec, 0x85, 0, 0, 0, 0, 0], at);
  }
  const tracks = defaults.indexOf(Buffer.from([0x16, 0x54, 0xae, 0x6b]));
  const firstCluster = defaults.indexOf(Buffer.from([0x1f, 0x43, 0xb6, 0x75]));
  for (let at = defaults.indexOf(Buffer.from(FLAG_DEFAULT), tracks); at !== -1 && at < firstCluster;) {
    defaults.set([0xec, 0x81, 0], at);
    at = defaults.indexOf(Buffer.from(FLAG_DEFAULT), at);
  }
  files.set('defaults.mkv', path.join(dir, 'defaults.mkv'));
  await writeFile(files.get('defaults.mkv')!, defaults);

  // A segment duration with a fraction of a millisecond, which MediaInfo rounds and ffprobe keeps.
  const fractional = await readFile(files.get('h264-aac.mkv')!);
  const duration = fractional.indexOf(DURATION_FLOAT64);
  fractional.writeDoubleBE(1023.3337, duration + DURATION_FLOAT64.length);
  files.set('fractional.mkv', path.join(dir, 'fractional.mkv'));
  await writeFile(files.get('fractional.mkv')!, fractional);
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probeForScan reads what ffprobe reads', () => {
  it.each(FIXTURES.map((f) => [f.name, f.reader] as const))('%s (through %s)', async (name, reader) => {
    const file = files.get(name)!;
    const viaFfprobe = await probeMedia(file);
    const viaMediaInfo = await probeWithMediaInfo(file, 10_000);
    const onItsThread = await probeWithMediaInfo(file, 10_000, undefined, 'its own thread');
    if (reader === 'mediainfo') expect(viaMediaInfo).toEqual(viaFfprobe);
    else expect(viaMediaInfo).toBeNull();
    expect(onItsThread).toEqual(viaMediaInfo);
    expect(await probeForScan(file)).toEqual(viaFfprobe);
  });

  it('reads a Matroska file without the elements that hold their defaults (no language, no FlagDefault)', async () => {
    const file = files.get('defaults.mkv')!;
    const viaFfprobe = await probeMedia(file);
    expect(viaFfprobe.audio.map((a) => [a.language, a.isDefault])).toEqual([
      ['eng', true],
      ['eng', true],
    ]);
    expect(await probeWithMediaInfo(file, 10_000)).toEqual(viaFfprobe);
  });

  it('keeps the microseconds of a Matroska duration that MediaInfo rounds to the millisecond', async () => {
    const file = files.get('fractional.mkv')!;
    const viaFfprobe = await probeMedia(file);
    expect(viaFfprobe.durationSeconds).toBe(1.023333);
    expect(await probeWithMediaInfo(file, 10_000)).toEqual(viaFfprobe);
  });

  /** FileHandle's read, to count what reaches the file from this thread. */
  async function fileHandleReads() {
    const probe = await open(files.get('h264.mp4')!, 'r');
    const prototype = Object.getPrototypeOf(probe) as { read: (...args: unknown[]) => unknown };
    await probe.close();
    return vi.spyOn(prototype, 'read');
  }

  it('reads the same given the size the listing saw, and answers the container header from what MediaInfo read', async () => {
    for (const name of ['h264-aac.mkv', 'fractional.mkv', 'h264.mp4', 'mpeg4-90khz.mp4']) {
      const file = files.get(name)!;
      const viaFfprobe = await probeMedia(file);
      const reads = await fileHandleReads();
      try {
        expect(await probeWithMediaInfo(file, 10_000, (await stat(file)).size, 'this thread'), name).toEqual(viaFfprobe);
        // MediaInfo's reads of these small files are few and large; the header's dozen of 12 or 16 bytes never reach the file.
        const lengths = reads.mock.calls.map((call) => (call[0] as Uint8Array).length);
        expect(lengths.length, name).toBeGreaterThan(0);
        expect(
          lengths.every((length) => length > 1024),
          `${name}: ${lengths.join(', ')}`,
        ).toBe(true);
      } finally {
        reads.mockRestore();
      }
    }
  });

  it('on its own thread, reads nothing on this one: the header comes from the chunks the thread read', async () => {
    for (const name of ['h264-aac.mkv', 'fractional.mkv', 'defaults.mkv', 'h264.mp4', 'mpeg4-90khz.mp4']) {
      const file = files.get(name)!;
      const size = (await stat(file)).size;
      const here = await probeWithMediaInfo(file, 10_000, size, 'this thread');
      const reads = await fileHandleReads();
      try {
        expect(await probeWithMediaInfo(file, 10_000, size, 'its own thread'), name).toEqual(here);
        expect(reads, name).not.toHaveBeenCalled();
      } finally {
        reads.mockRestore();
      }
      expect(here, name).toEqual(await probeMedia(file));
    }
  });

  it('parses on this thread when its own thread cannot be had', async () => {
    const file = files.get('h264-aac.mkv')!;
    const analyze = vi.spyOn(mediaInfoThread, 'analyze').mockRejectedValue(new MediaInfoThreadUnavailableError('could not start'));
    const reads = await fileHandleReads();
    try {
      expect(await probeWithMediaInfo(file, 10_000, (await stat(file)).size, 'its own thread')).toEqual(await probeMedia(file));
      expect(analyze).toHaveBeenCalledTimes(1);
      expect(reads).toHaveBeenCalled();
    } finally {
      analyze.mockRestore();
      reads.mockRestore();
    }
  });

  it('gives up on a thread whose answer is late and leaves the file to ffprobe', async () => {
    const file = files.get('h264-aac.mkv')!;
    const analyze = vi.spyOn(mediaInfoThread, 'analyze').mockReturnValue(new Promise(() => {}));
    const abandon = vi.spyOn(mediaInfoThread, 'abandon');
    try {
      const started = performance.now();
      expect(await probeWithMediaInfo(file, 200, (await stat(file)).size, 'its own thread')).toBeNull();
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(abandon).toHaveBeenCalledTimes(1);
    } finally {
      analyze.mockRestore();
      abandon.mockRestore();
    }
    // The next probe gets a thread again.
    expect(await probeWithMediaInfo(file, 10_000, (await stat(file)).size, 'its own thread')).toEqual(await probeMedia(file));
  });

  it('gives the same results for several files probed at once as one at a time', async () => {
    const names = FIXTURES.map((f) => f.name);
    const oneByOne: MediaInfo[] = [];
    for (const name of names) oneByOne.push(await probeForScan(files.get(name)!));
    const atOnce = await Promise.all(names.map((name) => probeForScan(files.get(name)!)));
    expect(atOnce).toEqual(oneByOne);
  }, 60_000);
});

describe('probeForScan failures are ffprobe’s', () => {
  async function bothFailures(filePath: string): Promise<[ProbeError, ProbeError]> {
    const fromScan = await probeForScan(filePath).then(
      () => null,
      (e: unknown) => e,
    );
    const fromFfprobe = await probeMedia(filePath).then(
      () => null,
      (e: unknown) => e,
    );
    expect(fromScan).toBeInstanceOf(ProbeError);
    return [fromScan as ProbeError, fromFfprobe as ProbeError];
  }

  it('passes on ffprobe’s reason for garbage dressed as a video', async () => {
    const garbage = path.join(dir, 'garbage.mkv');
    await writeFile(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    const [fromScan, fromFfprobe] = await bothFailures(garbage);
    expect(fromScan.message).toBe(fromFfprobe.message);
    expect(await probeWithMediaInfo(garbage, 10_000)).toBeNull();
  });

  it('passes on ffprobe’s reason for a text file named .mkv', async () => {
    const text = path.join(dir, 'notes.mkv');
    await writeFile(text, 'these are notes, not a video\n'.repeat(20));
    const [fromScan] = await bothFailures(text);
    expect(fromScan.reason).toBe('Invalid data found when processing input (EBML header parsing failed)');
  });

  it('names a missing file and an empty one as probeMedia does', async () => {
    const missing = path.join(dir, 'missing.mkv');
    const empty = path.join(dir, 'empty.mkv');
    await writeFile(empty, '');
    for (const file of [missing, empty]) {
      const [fromScan, fromFfprobe] = await bothFailures(file);
      expect(fromScan.message).toBe(fromFfprobe.message);
    }
  });

  it('leaves a FIFO that never delivers data to ffprobe and its timeout', async () => {
    const fifo = path.join(dir, 'stalled.mkv');
    execFileSync('mkfifo', [fifo]);
    const error = await probeForScan(fifo, { timeoutMs: 300 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProbeError);
    expect((error as ProbeError).reason).toBe('ffprobe did not finish within 300 ms');
  });

  it('opens a listed file that has become a FIFO without waiting, and leaves it to ffprobe', async () => {
    const fifo = path.join(dir, 'replaced.mkv');
    execFileSync('mkfifo', [fifo]);
    const error = await probeForScan(fifo, { timeoutMs: 300, listedSize: 4096 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProbeError);
    expect((error as ProbeError).reason).toBe('ffprobe did not finish within 300 ms');
  });

  it('hands a truncated Matroska file to ffprobe rather than trusting a partial reading', async () => {
    const whole = await readFile(files.get('h264-aac.mkv')!);
    const truncated = path.join(dir, 'truncated.mkv');
    await writeFile(truncated, whole.subarray(0, 200));
    const viaScan = await probeForScan(truncated).then(
      (info) => ({ info }),
      (error: unknown) => ({ error: (error as Error).message }),
    );
    const viaFfprobe = await probeMedia(truncated).then(
      (info) => ({ info }),
      (error: unknown) => ({ error: (error as Error).message }),
    );
    expect(viaScan).toEqual(viaFfprobe);
  });
});
