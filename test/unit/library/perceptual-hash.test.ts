import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { differenceHash, hammingDistance, isNearDuplicate } from '../../../src/media/perceptual-hash.js';
import { tempDir } from '../../support/temp-dir.js';

const dir = tempDir('reelflow-dhash-');
const file = (name: string) => path.join(dir, name);
beforeAll(() => {
  // A deterministic picture: ffmpeg's gradients source differs from run to run even with a seed, and now and
  // then came out so busy that its low-quality copy was no longer within the near-duplicate distance.
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'mandelbrot=s=400x600,format=yuvj444p',
    '-frames:v',
    '1',
    file('a.jpg'),
  ]);
  // Another picture altogether: a test pattern, deterministic, not a gradient.
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=s=400x600', '-frames:v', '1', file('b.jpg')]);
  // The same picture, smaller and re-encoded at low quality: what a second provider often offers.
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', file('a.jpg'), '-vf', 'scale=200:300', '-q:v', '20', file('a-small.jpg')]);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', file('a.jpg'), file('a.png')]);
});

describe('differenceHash', () => {
  it('is 16 hex digits and the same for the same file', async () => {
    const hash = await differenceHash(file('a.jpg'));
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(await differenceHash(file('a.jpg'))).toBe(hash);
  });

  it('finds a resized, re-encoded or re-formatted copy near-identical, and another picture not', async () => {
    const [a, small, png, b] = (await Promise.all(['a.jpg', 'a-small.jpg', 'a.png', 'b.jpg'].map((n) => differenceHash(file(n))))) as [
      string,
      string,
      string,
      string,
    ];
    expect(isNearDuplicate(a, small)).toBe(true);
    expect(isNearDuplicate(a, png)).toBe(true);
    expect(hammingDistance(a, b)).toBeGreaterThan(10);
    expect(isNearDuplicate(a, b)).toBe(false);
  });

  it('names the file it cannot read', async () => {
    await expect(differenceHash(file('missing.jpg'))).rejects.toThrow(/missing\.jpg/);
  });
});

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('0000000000000001', '0000000000000003')).toBe(1);
  });
});
