import { createHash } from 'node:crypto';
import { bdecode } from './bencode.js';

/** The v1 info hash (SHA-1 of the bencoded `info` dictionary, as it is in the file), lower-case hex. */
export function infoHashOfTorrent(torrent: Buffer): string {
  const { spans } = bdecode(torrent);
  const span = spans.get('info');
  if (!span) throw new Error('Not a torrent file: it has no info dictionary');
  return createHash('sha1').update(torrent.subarray(span[0], span[1])).digest('hex');
}

/** The info hash a magnet link names (hex or base32 `xt=urn:btih:`), lower-case hex. */
export function infoHashOfMagnet(magnet: string): string | undefined {
  const match = /xt=urn:btih:([A-Za-z0-9]+)/.exec(magnet);
  return match ? parseInfoHash(match[1]!) : undefined;
}

/**
 * A v1 info hash as 40 lower-case hex digits, from 40 hex or 32 base32 characters; anything else (an empty
 * string, "all", a v2 hash, a list) is no info hash. qBittorrent reads `hashes=all` as every torrent, so only
 * what this returns may ever reach it.
 */
export function parseInfoHash(text: string): string | undefined {
  const id = text.trim();
  if (/^[0-9a-fA-F]{40}$/.test(id)) return id.toLowerCase();
  if (/^[A-Za-z2-7]{32}$/.test(id)) return base32ToHex(id.toUpperCase());
  return undefined;
}

export const isInfoHash = (text: string) => /^[0-9a-f]{40}$/.test(text);

function base32ToHex(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  let hex = '';
  for (let i = 0; i + 4 <= bits.length; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16);
  return hex;
}
