import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differenceHash, isNearDuplicate } from '../../../src/media/perceptual-hash.js';
import { startFakeImageHost, type FakeImageHost } from '../../fakes/image-host.js';
import { tempDir } from '../../support/temp-dir.js';

// The artwork tests lean on the image CDN fake: the near-duplicate test needs its copy to stay within the
// dHash distance, every other one needs its pictures to differ. A picture that changes from run to run
// (as ffmpeg's gradients source did) fails them now and then; these catch it every time.
const dir = tempDir('reelflow-fake-images-');
const ORIGINAL = '/t/p/original/original.jpg';
const COPY = '/t/p/original/copy.jpg';
const OTHERS = Array.from({ length: 12 }, (_, i) => `/t/p/original/other-${i}.${i % 3 === 0 ? 'png' : 'jpg'}`);

let first: FakeImageHost;
let second: FakeImageHost;

async function fetchTo(host: FakeImageHost, urlPath: string, name: string): Promise<{ bytes: Buffer; file: string }> {
  const response = await fetch(`${host.url}${urlPath}`);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return { bytes, file };
}

beforeAll(async () => {
  [first, second] = await Promise.all([startFakeImageHost({ sameAs: { [COPY]: ORIGINAL } }), startFakeImageHost()]);
});

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

describe('the image CDN fake', () => {
  it('draws the same bytes for a path on every start', async () => {
    for (const urlPath of [ORIGINAL, OTHERS[0]!]) {
      const [a, b] = await Promise.all([fetchTo(first, urlPath, 'a'), fetchTo(second, urlPath, 'b')]);
      expect(a.bytes.equals(b.bytes), urlPath).toBe(true);
    }
  }, 30_000);

  it('serves a copy that is a near-duplicate in other bytes, and pictures of other paths that are not', async () => {
    const original = await fetchTo(first, ORIGINAL, 'original.jpg');
    const copy = await fetchTo(first, COPY, 'copy.jpg');
    expect(copy.bytes.length).toBeLessThan(original.bytes.length);
    const originalHash = await differenceHash(original.file);
    expect(isNearDuplicate(originalHash, await differenceHash(copy.file))).toBe(true);

    const others = await Promise.all(
      OTHERS.map(async (urlPath, i) => differenceHash((await fetchTo(first, urlPath, `other-${i}${path.extname(urlPath)}`)).file)),
    );
    const hashes = [originalHash, ...others];
    for (const [i, a] of hashes.entries()) {
      for (const b of hashes.slice(i + 1)) expect(isNearDuplicate(a, b), `${a} and ${b}`).toBe(false);
    }
  }, 60_000);
});
