import { createHash } from 'node:crypto';

/**
 * A UUID derived from a key ("tmdb/movie/603"), for provider-cache entries that belong to no library title
 * (an IPTV catalogue's match lookups): the same key always lands on the same cache row, so a second sync, or
 * a second IPTV provider listing the same film, is answered from the cache. Shaped as an RFC 9562 version 8
 * (custom) UUID so it fits the uuid columns.
 */
export function stableEntityId(key: string): string {
  const hex = createHash('sha256').update(`reelflow entity\0${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
