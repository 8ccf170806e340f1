import { execFile } from 'node:child_process';
import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ProbeError, normaliseProbeOutput, probeMedia, type MediaInfo } from '../../../src/media/probe.js';
import { findExternalSubtitles } from '../../../src/media/subtitles.js';
import { makeTempDir, makeVideo } from '../../support/media-fixtures.js';

const execFileAsync = promisify(execFile);

let dir: string;
let moviePath: string;
let movie: MediaInfo;

beforeAll(async () => {
  dir = await makeTempDir('reelflow-probe-test');
  moviePath = await makeVideo(path.join(dir, 'Movie (2010).mkv'), {
    // `deu` is ISO 639-2/T; the probe must report the /B form `ger`.
    audio: [
      { language: 'eng', channels: 2, title: 'Main' },
      { language: 'deu', channels: 6 },
    ],
    subtitles: [{ language: 'fre', forced: true }],
  });
  movie = await probeMedia(moviePath);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probeMedia on a real Matroska file', () => {
  it('reports the container, duration, size and bitrate', async () => {
    const { size } = await stat(moviePath);
    expect(movie.container).toBe('mkv');
    expect(movie.durationSeconds).toBeGreaterThan(0.9);
    expect(movie.durationSeconds).toBeLessThan(1.2);
    expect(movie.sizeBytes).toBe(size);
    expect(movie.bitrate).toBeGreaterThan(0);
  });

  it('reports the video stream', () => {
    expect(movie.video).toEqual([
      { index: 0, codec: 'h264', width: 160, height: 90, frameRate: 5, bitDepth: 8, hdr: 'none', isDefault: true },
    ]);
  });

  it('reports both audio streams with ISO 639-2/B languages, layouts, titles and the default flag', () => {
    expect(movie.audio).toEqual([
      { index: 1, codec: 'aac', channels: 2, channelLayout: 'stereo', language: 'eng', title: 'Main', isDefault: true },
      { index: 2, codec: 'aac', channels: 6, channelLayout: '5.1', language: 'ger', title: null, isDefault: false },
    ]);
  });

  it('reports the embedded subtitle as forced, not default, not external', () => {
    expect(movie.subtitles).toEqual([
      { index: 3, codec: 'subrip', language: 'fre', title: null, isDefault: false, isForced: true, external: false },
    ]);
  });

  it("reports 'und' for a stream without a language", async () => {
    const info = await probeMedia(await makeVideo(path.join(dir, 'untagged.mkv'), { audio: [{}] }));
    expect(info.audio.map((a) => a.language)).toEqual(['und']);
  });
});

describe('probeMedia on other real files', () => {
  it('names an MP4 container and its mov_text subtitle', async () => {
    const info = await probeMedia(
      await makeVideo(path.join(dir, 'clip.mp4'), { container: 'mp4', audio: [{ language: 'spa' }], subtitles: [{ language: 'ita' }] }),
    );
    expect(info.container).toBe('mp4');
    expect(info.audio.map((a) => a.language)).toEqual(['spa']);
    expect(info.subtitles.map((s) => [s.codec, s.language])).toEqual([['mov_text', 'ita']]);
  });

  it('detects HDR10 and HLG from the transfer characteristics of 10-bit video', async () => {
    const hdr10 = await probeMedia(await makeVideo(path.join(dir, 'hdr10.mkv'), { hdr: 'hdr10' }));
    const hlg = await probeMedia(await makeVideo(path.join(dir, 'hlg.mkv'), { hdr: 'hlg' }));
    expect(hdr10.video.map((v) => [v.hdr, v.bitDepth])).toEqual([['hdr10', 10]]);
    expect(hlg.video.map((v) => [v.hdr, v.bitDepth])).toEqual([['hlg', 10]]);
  });

  it('reads a relative name with a colon and a leading dash as a file, not a protocol or an option', async () => {
    await makeVideo(path.join(dir, '-Star Wars: Episode IV.mkv'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await probeMedia('-Star Wars: Episode IV.mkv')).video).toHaveLength(1);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('probeMedia failures', () => {
  async function probeFailure(filePath: string, opts?: Parameters<typeof probeMedia>[1]): Promise<ProbeError> {
    const error = await probeMedia(filePath, opts).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProbeError);
    return error as ProbeError;
  }

  it('names a missing file', async () => {
    const missing = path.join(dir, 'missing.mkv');
    const error = await probeFailure(missing);
    expect(error.message).toBe(`Cannot probe "${missing}": No such file or directory`);
    expect(error.filePath).toBe(missing);
  });

  it('names a zero-byte file as empty', async () => {
    const empty = path.join(dir, 'empty.mkv');
    await writeFile(empty, '');
    expect((await probeFailure(empty)).message).toBe(`Cannot probe "${empty}": the file is empty (0 bytes)`);
  });

  it("passes on ffprobe's reason for a text file dressed as a video", async () => {
    const fake = path.join(dir, 'notes.mkv');
    await writeFile(fake, 'these are notes, not a video\n'.repeat(20));
    const error = await probeFailure(fake);
    expect(error.message).toContain(fake);
    expect(error.reason).toBe('Invalid data found when processing input (EBML header parsing failed)');
  });

  it('refuses a .txt file, which ffprobe itself reads as ANSI art', async () => {
    const text = path.join(dir, 'readme.txt');
    await writeFile(text, Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n'));
    expect((await probeFailure(text)).reason).toBe('not a media file (ffprobe read it as text)');
  });

  it('kills ffprobe after the timeout when the file never delivers data', async () => {
    const fifo = path.join(dir, 'stalled.mkv');
    await execFileAsync('mkfifo', [fifo]);
    const started = Date.now();
    const error = await probeFailure(fifo, { timeoutMs: 300 });
    expect(error.reason).toBe('ffprobe did not finish within 300 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('says when ffprobe itself is missing', async () => {
    const error = await probeFailure(moviePath, { ffprobePath: path.join(dir, 'no-ffprobe-here') });
    expect(error.reason).toContain('ffprobe not found');
  });
});

describe('normaliseProbeOutput', () => {
  const base = { format: { format_name: 'matroska,webm', duration: '10.5', size: '1000', bit_rate: '800' } };

  it('reports Dolby Vision over the HDR10 base layer it carries', () => {
    const info = normaliseProbeOutput('dv.mkv', {
      ...base,
      streams: [
        {
          index: 0,
          codec_type: 'video',
          codec_name: 'hevc',
          color_transfer: 'smpte2084',
          pix_fmt: 'yuv420p10le',
          side_data_list: [{ side_data_type: 'DOVI configuration record' }],
        },
      ],
    });
    expect(info.video[0]).toMatchObject({ hdr: 'dolbyvision', bitDepth: 10 });
  });

  it('leaves out embedded cover art and reads NTSC frame rates and upper-case tags', () => {
    const info = normaliseProbeOutput('cover.mkv', {
      ...base,
      streams: [
        { index: 0, codec_type: 'video', codec_name: 'h264', avg_frame_rate: '24000/1001', bits_per_raw_sample: '8' },
        { index: 1, codec_type: 'audio', codec_name: 'ac3', channels: 6, tags: { LANGUAGE: 'fra', TITLE: 'VF' } },
        { index: 2, codec_type: 'video', codec_name: 'mjpeg', disposition: { attached_pic: 1 } },
      ],
    });
    expect(info.video.map((v) => [v.index, v.frameRate])).toEqual([[0, 23.976]]);
    expect(info.audio[0]).toMatchObject({ language: 'fre', title: 'VF' });
    expect(info).toMatchObject({ container: 'mkv', durationSeconds: 10.5, sizeBytes: 1000, bitrate: 800 });
  });

  it('tells webm, mov and m2ts apart from their shared demuxers', () => {
    const stream = { index: 0, codec_type: 'video' };
    expect(normaliseProbeOutput('a.webm', { format: { format_name: 'matroska,webm' }, streams: [stream] }).container).toBe('webm');
    const qt = { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', tags: { major_brand: 'qt  ' } };
    expect(normaliseProbeOutput('a.mp4', { format: qt, streams: [stream] }).container).toBe('mov');
    expect(normaliseProbeOutput('a.m2ts', { format: { format_name: 'mpegts' }, streams: [stream] }).container).toBe('m2ts');
    expect(normaliseProbeOutput('a.avi', { format: { format_name: 'avi' }, streams: [stream] }).container).toBe('avi');
  });

  it('refuses output without streams', () => {
    expect(() => normaliseProbeOutput('x.bin', { format: { format_name: 'data' }, streams: [] })).toThrow(/x\.bin.*no streams/);
  });
});

describe('findExternalSubtitles', () => {
  const siblings = [
    'Movie.mkv',
    'Movie.en.srt',
    'Movie.eng.forced.ass',
    'Movie.srt',
    'Movie.pt-BR.sdh.srt',
    'Movie.de.idx',
    'Movie.de.sub',
    'Movie.fr.vtt',
    'Movie.es.ssa',
    'Movie.en.hi.srt',
    'Movie.hi.srt',
    'Movie.English.foreign.srt',
    'Movie.nl.cc.sup',
    'Movie.commentary.srt',
    'movie.ITA.SRT',
    'Movie 2.en.srt',
    'Other.en.srt',
    'Movie.en.nfo',
    'Movie.jpn.sub',
    'Movie.orphan.idx',
  ];
  const found = findExternalSubtitles('/library/Movie (2010)/Movie.mkv', siblings);
  const byName = new Map(found.map((s) => [s.fileName, s]));

  it.each([
    ['Movie.en.srt', 'srt', 'eng', false, false],
    ['Movie.eng.forced.ass', 'ass', 'eng', true, false],
    ['Movie.srt', 'srt', 'und', false, false],
    ['Movie.pt-BR.sdh.srt', 'srt', 'por', false, true],
    ['Movie.de.idx', 'vobsub', 'ger', false, false],
    ['Movie.fr.vtt', 'vtt', 'fre', false, false],
    ['Movie.es.ssa', 'ssa', 'spa', false, false],
    ['Movie.en.hi.srt', 'srt', 'eng', false, true],
    ['Movie.hi.srt', 'srt', 'hin', false, false],
    ['Movie.English.foreign.srt', 'srt', 'eng', true, false],
    ['Movie.nl.cc.sup', 'sup', 'dut', false, true],
    ['Movie.commentary.srt', 'srt', 'und', false, false],
    ['movie.ITA.SRT', 'srt', 'ita', false, false],
    ['Movie.jpn.sub', 'sub', 'jpn', false, false],
  ])('%s is %s in %s, forced %s, sdh %s', (fileName, format, language, forced, sdh) => {
    expect(byName.get(fileName)).toEqual({ fileName, format, language, forced, sdh });
  });

  it('counts only subtitle files named after this video, and a VobSub pair once', () => {
    expect(found).toHaveLength(14);
    for (const name of ['Movie 2.en.srt', 'Other.en.srt', 'Movie.en.nfo', 'Movie.de.sub', 'Movie.orphan.idx', 'Movie.mkv']) {
      expect(byName.has(name), name).toBe(false);
    }
  });
});

describe('media fixtures', () => {
  it('hard-links identical specs to one cached encode and makes different specs differ', async () => {
    const spec = { audio: [{ language: 'eng' }] };
    const first = await makeVideo(path.join(dir, 'same', 'a.mkv'), spec);
    const second = await makeVideo(path.join(dir, 'same', 'b.mkv'), spec);
    const other = await makeVideo(path.join(dir, 'same', 'c.mkv'), { ...spec, seconds: 2 });
    const [a, b, c] = await Promise.all([stat(first), stat(second), stat(other)]);
    expect(b.ino).toBe(a.ino);
    expect(c.ino).not.toBe(a.ino);
    expect((await probeMedia(other)).durationSeconds).toBeGreaterThan(1.9);
  });

  it('encodes a spec again when a test has written into its shared file', async () => {
    // A spec no other test uses, since this one damages its cache entry on purpose.
    const spec = { width: 98, height: 56 };
    const damaged = await makeVideo(path.join(dir, 'damage', 'a.mkv'), spec);
    const garbage = 'garbage written through a hard link';
    await appendFile(damaged, garbage);

    vi.resetModules();
    const fresh = await import('../../support/media-fixtures.js');
    const remade = await fresh.makeVideo(path.join(dir, 'damage', 'b.mkv'), spec);
    expect((await readFile(remade)).includes(garbage)).toBe(false);
    expect((await stat(remade)).ino).not.toBe((await stat(damaged)).ino);
    expect((await probeMedia(remade)).video[0]).toMatchObject({ width: 98, height: 56 });
  });
});
