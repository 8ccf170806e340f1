import { createHash } from 'node:crypto';
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readImageFile, readImageInfo } from '../../../src/media/image-info.js';
import { makeImage, makeTempDir, makeVideo } from '../../support/media-fixtures.js';

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir('reelflow-image-info-test');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A JPEG with an EXIF segment whose only entry is the orientation, spliced in after the start-of-image
 * marker: the way a phone stores a portrait photo taken with the sensor in landscape.
 */
function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // big-endian TIFF header, first IFD at offset 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation, SHORT, 1
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

describe('readImageInfo', () => {
  it('reads a real JPEG poster with odd dimensions', async () => {
    const poster = await makeImage(path.join(dir, 'poster.jpg'), 667, 1001, 'red');
    expect(await readImageInfo(poster)).toEqual({ width: 667, height: 1001, format: 'jpg' });
  });

  it('reads a real PNG logo', async () => {
    const logo = await makeImage(path.join(dir, 'clearlogo.png'), 800, 310, 'white');
    expect(await readImageInfo(logo)).toEqual({ width: 800, height: 310, format: 'png' });
  });

  it('reports the shown size of a JPEG that EXIF turns by a quarter', async () => {
    const stored = await readFile(await makeImage(path.join(dir, 'stored.jpg'), 400, 300));
    const rotated = path.join(dir, 'rotated.jpg');
    const mirrored = path.join(dir, 'mirrored.jpg');
    await writeFile(rotated, withExifOrientation(stored, 6));
    await writeFile(mirrored, withExifOrientation(stored, 2));
    expect(await readImageInfo(rotated)).toEqual({ width: 300, height: 400, format: 'jpg' });
    expect(await readImageInfo(mirrored)).toEqual({ width: 400, height: 300, format: 'jpg' });
  });

  it('finds the dimensions of a JPEG whose metadata segments put them past the first 64 KB', async () => {
    const stored = await readFile(await makeImage(path.join(dir, 'plain.jpg'), 640, 360));
    // Two 60 KB APP2 segments (the way a large ICC profile is stored) between the start marker and the frame.
    const filler = Buffer.alloc(60 * 1024, 0x20);
    const app2 = Buffer.concat([Buffer.from([0xff, 0xe2, (filler.length + 2) >> 8, (filler.length + 2) & 0xff]), filler]);
    const profiled = path.join(dir, 'profiled.jpg');
    await writeFile(profiled, Buffer.concat([stored.subarray(0, 2), app2, app2, stored.subarray(2)]));
    expect(await readImageInfo(profiled)).toEqual({ width: 640, height: 360, format: 'jpg' });
  });

  it('throws naming a text file that is not an image', async () => {
    const text = path.join(dir, 'poster.txt');
    await writeFile(text, 'not an image at all\n');
    await expect(readImageInfo(text)).rejects.toThrow(`Not a readable image: "${text}"`);
  });

  it('throws naming a video and an empty file', async () => {
    const video = await makeVideo(path.join(dir, 'Movie.mkv'));
    const empty = path.join(dir, 'empty.jpg');
    await writeFile(empty, '');
    await expect(readImageInfo(video)).rejects.toThrow(video);
    await expect(readImageInfo(empty)).rejects.toThrow(`Not a readable image: "${empty}"`);
  });

  it('throws naming a missing file', async () => {
    const missing = path.join(dir, 'missing.jpg');
    await expect(readImageInfo(missing)).rejects.toThrow(`Cannot read image "${missing}"`);
  });
});

describe('readImageFile', () => {
  const sha256Of = async (file: string) =>
    createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  const files: Record<string, string> = {};

  beforeAll(async () => {
    files.poster = await makeImage(path.join(dir, 'file-poster.jpg'), 667, 1001, 'red');
    files.logo = await makeImage(path.join(dir, 'file-logo.png'), 800, 310, 'white');
    const stored = await readFile(await makeImage(path.join(dir, 'file-stored.jpg'), 400, 300));
    files.rotated = path.join(dir, 'file-rotated.jpg');
    await writeFile(files.rotated, withExifOrientation(stored, 6));
    const filler = Buffer.alloc(60 * 1024, 0x20);
    const app2 = Buffer.concat([Buffer.from([0xff, 0xe2, (filler.length + 2) >> 8, (filler.length + 2) & 0xff]), filler]);
    files.profiled = path.join(dir, 'file-profiled.jpg');
    await writeFile(files.profiled, Buffer.concat([stored.subarray(0, 2), app2, app2, stored.subarray(2)]));
    // Past one read: 2.5 MB of bytes after the picture, which a hash must still take in.
    files.large = path.join(dir, 'file-large.jpg');
    await writeFile(files.large, Buffer.concat([stored, Buffer.alloc(2.5 * 1024 * 1024, 0x5a)]));
  });

  it("gives readImageInfo's dimensions and the whole file's SHA-256, with or without the listed size", async () => {
    for (const file of Object.values(files)) {
      const { size } = await stat(file);
      const expected = { ...(await readImageInfo(file)), sha256: await sha256Of(file), sizeBytes: size };
      expect(await readImageFile(file), file).toEqual(expected);
      expect(await readImageFile(file, size), file).toEqual(expected);
    }
  });

  it('reads the whole file when it grew or shrank since it was listed', async () => {
    for (const file of [files.poster!, files.large!]) {
      const { size } = await stat(file);
      const expected = { sha256: await sha256Of(file), sizeBytes: size };
      expect(await readImageFile(file, Math.floor(size / 3)), file).toMatchObject(expected);
      expect(await readImageFile(file, size + 4096), file).toMatchObject(expected);
    }
  });

  it('opens a listed poster once and reads it in one call', async () => {
    const { size } = await stat(files.poster!);
    const probe = await open(files.poster!, 'r');
    const prototype = Object.getPrototypeOf(probe) as { read: (...args: unknown[]) => unknown };
    await probe.close();
    const reads = vi.spyOn(prototype, 'read');
    try {
      await readImageFile(files.poster!, size);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('refuses what readImageInfo refuses, with the same messages', async () => {
    const text = path.join(dir, 'file-poster.txt');
    await writeFile(text, 'not an image at all\n');
    const video = await makeVideo(path.join(dir, 'File Movie.mkv'));
    const empty = path.join(dir, 'file-empty.jpg');
    await writeFile(empty, '');
    await expect(readImageFile(text)).rejects.toThrow(`Not a readable image: "${text}"`);
    await expect(readImageFile(video, (await stat(video)).size)).rejects.toThrow(`Not a readable image: "${video}"`);
    await expect(readImageFile(empty, 0)).rejects.toThrow(`Not a readable image: "${empty}"`);
    const missing = path.join(dir, 'file-missing.jpg');
    await expect(readImageFile(missing)).rejects.toThrow(`Cannot read image "${missing}"`);
  });
});
