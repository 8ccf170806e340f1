import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { bencode, type BencodeValue } from '../../src/integrations/bittorrent/bencode.js';

/**
 * Makes a v1 .torrent (BEP 3) for files on disk: Debian's qBittorrent 4.5 has no torrent-creator API.
 * One file gives a single-file torrent named after it; several give a folder torrent named `name`, each
 * file at its path relative to `root`. Pieces are the SHA-1 of consecutive `pieceLength` bytes across files.
 */
export async function createTorrent(opts: {
  root: string;
  files: string[];
  name?: string;
  pieceLength?: number;
}): Promise<{ torrent: Buffer; infoHash: string }> {
  const pieceLength = opts.pieceLength ?? 16 * 1024;
  const sizes = await Promise.all(opts.files.map(async (f) => (await stat(path.join(opts.root, f))).size));
  const pieces: Buffer[] = [];
  let pending = Buffer.alloc(0);
  for (const file of opts.files) {
    const handle = await open(path.join(opts.root, file));
    try {
      for await (const chunk of handle.createReadStream({ highWaterMark: pieceLength })) {
        pending = Buffer.concat([pending, chunk as Buffer]);
        while (pending.length >= pieceLength) {
          pieces.push(createHash('sha1').update(pending.subarray(0, pieceLength)).digest());
          pending = pending.subarray(pieceLength);
        }
      }
    } finally {
      await handle.close();
    }
  }
  if (pending.length > 0) pieces.push(createHash('sha1').update(pending).digest());

  const info: Record<string, BencodeValue> = { 'piece length': pieceLength, pieces: Buffer.concat(pieces) };
  if (opts.files.length === 1 && !opts.name) {
    info.name = Buffer.from(path.basename(opts.files[0]!));
    info.length = sizes[0]!;
  } else {
    info.name = Buffer.from(opts.name ?? 'files');
    info.files = opts.files.map((f, i) => ({ length: sizes[i]!, path: f.split('/').map((part) => Buffer.from(part)) }));
  }
  const infoBytes = bencode(info);
  const torrent = bencode({ info, 'created by': Buffer.from('reelflow tests'), 'creation date': 0 });
  return { torrent, infoHash: createHash('sha1').update(infoBytes).digest('hex') };
}
