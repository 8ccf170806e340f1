import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyTooLargeError, readCappedBytes } from '../../../src/http/capped-body.js';
import { downloadToTempFile } from '../../../src/media/download-file.js';
import { ProviderResponseError } from '../../../src/providers/http/errors.js';
import { requestText } from '../../../src/providers/iptv/request-text.js';
import { tempDir } from '../../support/temp-dir.js';

/** A server that streams without Content-Length: /endless never stops, /small sends 10 bytes. */
let server: http.Server;
let base: string;
let endlessChunksSent = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/small') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('#EXTM3U\n\n');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const pump = () => {
      while (!response.destroyed && response.write(chunk)) endlessChunksSent += 1;
      if (!response.destroyed) response.once('drain', pump);
    };
    response.on('close', () => response.removeAllListeners('drain'));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('reading an answer without Content-Length', () => {
  it('stops at the ceiling instead of reading forever', async () => {
    const response = await fetch(`${base}/endless`);
    await expect(readCappedBytes(response, 3 * 1024 * 1024, 'the test answer')).rejects.toThrow(
      new BodyTooLargeError('the test answer', 3 * 1024 * 1024),
    );
    expect(endlessChunksSent).toBeLessThan(200);
  });

  it('reads a small answer whole', async () => {
    expect((await readCappedBytes(await fetch(`${base}/small`), 100, 'x')).toString()).toBe('#EXTM3U\n\n');
  });

  it('a download of an endless stream fails naming the URL and the ceiling', async () => {
    await expect(downloadToTempFile(`${base}/endless.jpg`, tempDir('reelflow-capped-'))).rejects.toThrow(
      `Cannot download ${base}/endless.jpg: the download is larger than 50 MB, the most Reelflow reads`,
    );
  });

  it('an M3U playlist over its ceiling is a provider response error, not a crash', async () => {
    const read = requestText({
      provider: 'M3U',
      url: new URL(`${base}/endless`),
      endpoint: 'the playlist',
      timeoutMs: 10_000,
      maxBytes: 2 * 1024 * 1024,
    });
    await expect(read).rejects.toBeInstanceOf(ProviderResponseError);
    await expect(
      requestText({
        provider: 'M3U',
        url: new URL(`${base}/endless`),
        endpoint: 'the playlist',
        timeoutMs: 10_000,
        maxBytes: 2 * 1024 * 1024,
      }),
    ).rejects.toThrow('M3U the playlist is larger than 2 MB, the most Reelflow reads');
  });
});
