import { execFile } from 'node:child_process';

const HASH_WIDTH = 9;
const HASH_HEIGHT = 8;
const TIMEOUT_MS = 30_000;

/**
 * A 64-bit difference hash (dHash) as 16 hex digits: ffmpeg scales the image to 9×8 gray pixels and each
 * bit says whether a pixel is brighter than its right neighbour. Re-encodes, resizes and small edits of
 * one picture keep nearly the same bits; different pictures do not.
 */
export async function differenceHash(imagePath: string, ffmpegPath = 'ffmpeg'): Promise<string> {
  const pixels = await grayPixels(imagePath, ffmpegPath);
  if (pixels.length !== HASH_WIDTH * HASH_HEIGHT) {
    throw new Error(`Cannot hash image "${imagePath}": ffmpeg returned ${pixels.length} pixels, expected ${HASH_WIDTH * HASH_HEIGHT}`);
  }
  let bits = 0n;
  for (let row = 0; row < HASH_HEIGHT; row++) {
    for (let column = 0; column < HASH_WIDTH - 1; column++) {
      const left = pixels[row * HASH_WIDTH + column]!;
      const right = pixels[row * HASH_WIDTH + column + 1]!;
      bits = (bits << 1n) | (left > right ? 1n : 0n);
    }
  }
  return bits.toString(16).padStart(16, '0');
}

/** Number of differing bits between two hashes from `differenceHash`. */
export function hammingDistance(a: string, b: string): number {
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff > 0n) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}

/** At most this many of 64 bits apart counts as the same picture (a re-encode or a resize). */
export const NEAR_DUPLICATE_DISTANCE = 6;

export function isNearDuplicate(a: string, b: string): boolean {
  return hammingDistance(a, b) <= NEAR_DUPLICATE_DISTANCE;
}

function grayPixels(imagePath: string, ffmpegPath: string): Promise<Buffer> {
  const args = [
    '-v',
    'error',
    '-i',
    imagePath,
    '-vf',
    `scale=${HASH_WIDTH}:${HASH_HEIGHT}:flags=area,format=gray`,
    '-frames:v',
    '1',
    '-f',
    'rawvideo',
    'pipe:1',
  ];
  return new Promise((resolve, reject) => {
    execFile(ffmpegPath, args, { encoding: 'buffer', timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const reason = stderr.toString('utf8').trim().split('\n').at(-1) || error.message;
        reject(new Error(`Cannot hash image "${imagePath}": ${reason}`, { cause: error }));
        return;
      }
      resolve(stdout);
    });
  });
}
