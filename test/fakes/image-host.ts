import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback image CDN in the manner of image.tmdb.org: GET <any path ending in .jpg or .png> answers a
// real image, a different picture per path, so perceptual hashes tell them apart. Paths listed in `sameAs`
// (copy path → original path) answer the picture of the original path, re-encoded smaller (what a
// provider's near-duplicate looks like). Every request is recorded.

export interface FakeImageHost {
  /** e.g. http://127.0.0.1:1234 — TMDB's secure_base_url is `${url}/t/p/`. */
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeImageHost(options: { sameAs?: Record<string, string> } = {}): Promise<FakeImageHost> {
  const requests: string[] = [];
  const rendered = new Map<string, Promise<Buffer>>();
  const render = (path: string, small = false): Promise<Buffer> => {
    const key = `${path}|${small}`;
    let image = rendered.get(key);
    if (!image) {
      const codec = path.endsWith('.png') ? 'png' : 'mjpeg';
      image = small ? render(path).then((full) => shrink(full, codec)) : picture(path, codec);
      rendered.set(key, image);
    }
    return image;
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(path);
    if (request.method !== 'GET' || !/\.(jpg|png)$/.test(path)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    const original = options.sameAs?.[path];
    render(original ?? path, original !== undefined)
      .then((bytes) =>
        response
          .writeHead(200, { 'content-type': path.endsWith('.png') ? 'image/png' : 'image/jpeg', 'content-length': bytes.length })
          .end(bytes),
      )
      .catch((error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ffmpeg's gradients source is not used: it draws a different picture on every run even with a seed, and a
// smooth gradient's copy could land past the near-duplicate distance. Instead a 16×12 grid of colours
// drawn from the path's SHA-256 is scaled up smoothly: the same path always gives the same bytes, and two
// paths give pictures as unlike as two random 64-bit hashes.
const GRID_WIDTH = 16;
const GRID_HEIGHT = 12;

function picture(path: string, codec: 'png' | 'mjpeg'): Promise<Buffer> {
  const size = GRID_WIDTH * GRID_HEIGHT * 3;
  const digests: Buffer[] = [];
  for (let block = 0; digests.length * 32 < size; block++) digests.push(createHash('sha256').update(`${path}#${block}`).digest());
  const grid = ['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${GRID_WIDTH}x${GRID_HEIGHT}`];
  const filter = `scale=600:400:flags=bicubic,format=${codec === 'png' ? 'rgb24' : 'yuvj444p'}`;
  return oneFrame(grid, filter, [], codec, Buffer.concat(digests).subarray(0, size));
}

/** Half the size at a lower quality: the same picture, other bytes. */
function shrink(image: Buffer, codec: 'png' | 'mjpeg'): Promise<Buffer> {
  return oneFrame(['-f', 'image2pipe'], 'scale=300:200', ['-q:v', '12'], codec, image);
}

/** One frame of `input` (read as `inputFormat`) through `filter`, encoded with `codec`. */
function oneFrame(inputFormat: string[], filter: string, encoding: string[], codec: 'png' | 'mjpeg', input: Buffer): Promise<Buffer> {
  return ffmpeg(
    [...inputFormat, '-i', 'pipe:0', '-vf', filter, ...encoding, '-frames:v', '1', '-c:v', codec, '-f', 'image2pipe', 'pipe:1'],
    input,
  );
}

function ffmpeg(args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('ffmpeg', ['-v', 'error', ...args], { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end(input);
  });
}
