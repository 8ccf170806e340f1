import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EncodeSettings } from '../../../src/db/schema/index.js';
import { EncodeError, acceptEncode, encodeToPartial, partialPathOf } from '../../../src/media/encode.js';
import { probeMedia } from '../../../src/media/probe.js';
import { makeTempDir, makeVideo } from '../../support/media-fixtures.js';

const SETTINGS: EncodeSettings = {
  videoCodec: 'libx264',
  crf: 28,
  preset: 'ultrafast',
  maxHeight: 180,
  audioCodec: 'aac',
  audioBitrateKbps: 96,
};

let dir: string;
let source: string;

beforeAll(async () => {
  dir = await makeTempDir('reelflow-encode-test');
  source = await makeVideo(path.join(dir, 'source.mkv'), {
    seconds: 3,
    width: 640,
    height: 360,
    audio: [{ language: 'eng', channels: 2 }],
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('encodeToPartial and acceptEncode', () => {
  it('encodes beside the output, and only the verified encode lands at the output path', async () => {
    const output = path.join(dir, 'work', 'a.mkv');
    const percents: number[] = [];
    const encoded = await encodeToPartial({ source, output, settings: SETTINGS, onProgress: (p) => percents.push(p.percent) });
    expect(encoded.partial).toBe(partialPathOf(output));
    expect(existsSync(encoded.partial)).toBe(true);
    expect(existsSync(output)).toBe(false);
    expect(encoded.source.durationSeconds).toBeCloseTo(3, 0);
    expect(Math.max(...percents)).toBeGreaterThan(50);

    const result = await acceptEncode(encoded, SETTINGS);
    expect(result).toMatchObject({ output, videoCodec: 'h264', height: 180 });
    expect(existsSync(encoded.partial)).toBe(false);
    expect((await probeMedia(output)).audio).toHaveLength(1);
  });

  it('uses the probe it is given instead of probing the source again', async () => {
    const info = await probeMedia(source);
    const output = path.join(dir, 'work', 'b.mkv');
    const encoded = await encodeToPartial({ source, sourceInfo: info, output, settings: SETTINGS });
    expect(encoded.source).toBe(info);
    await rm(encoded.partial, { force: true });
  });

  it('refuses an encode whose duration does not match the source, and removes it', async () => {
    const output = path.join(dir, 'work', 'c.mkv');
    const encoded = await encodeToPartial({ source, output, settings: SETTINGS });
    // As if the source had been twice as long: the encode is then missing half of it.
    const longer = { ...encoded, source: { ...encoded.source, durationSeconds: 6 } };
    const refused = await acceptEncode(longer, SETTINGS).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EncodeError);
    expect((refused as Error).message).toMatch(/The encode lasts 3\.\d+ s, the source 6\.00 s/);
    expect(existsSync(encoded.partial)).toBe(false);
    expect(existsSync(output)).toBe(false);
  });

  it('refuses an encode taller than the profile allows', async () => {
    const output = path.join(dir, 'work', 'd.mkv');
    const encoded = await encodeToPartial({ source, output, settings: { ...SETTINGS, maxHeight: 1080 } });
    await expect(acceptEncode(encoded, SETTINGS)).rejects.toThrow(/360 pixels tall, more than 180/);
    expect(existsSync(output)).toBe(false);
  });
});
