import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bdecode, bencode } from '../../../src/integrations/bittorrent/bencode.js';
import { infoHashOfMagnet, infoHashOfTorrent } from '../../../src/integrations/bittorrent/torrent-file.js';
import { parseIndexerList } from '../../../src/config/request-pipeline-settings.js';

describe('bencode', () => {
  it('encodes with sorted keys and decodes back', () => {
    const encoded = bencode({ z: 1, a: [Buffer.from('spam'), -3], m: { k: Buffer.from('') } });
    expect(encoded.toString()).toBe('d1:al4:spami-3ee1:md1:k0:e1:zi1ee');
    const { value } = bdecode(encoded);
    expect(value).toEqual({ z: 1, a: [Buffer.from('spam'), -3], m: { k: Buffer.from('') } });
  });

  it('refuses what is not bencoded, saying where', () => {
    expect(() => bdecode(Buffer.from('d3:foo'))).toThrow(/Not a valid bencoded file: .* at byte/);
    expect(() => bencode(1.5)).toThrow(/not an integer/);
  });

  it('hashes the info dictionary exactly as it is in the file', () => {
    const info = bencode({ name: Buffer.from('a.mkv'), length: 3, 'piece length': 16384, pieces: Buffer.alloc(20, 7) });
    const torrent = Buffer.concat([Buffer.from('d8:announce3:abc4:info'), info, Buffer.from('e')]);
    expect(infoHashOfTorrent(torrent)).toBe(createHash('sha1').update(info).digest('hex'));
    expect(() => infoHashOfTorrent(bencode({ announce: Buffer.from('x') }))).toThrow(/no info dictionary/);
  });

  it('reads a magnet link hash in hex or base32', () => {
    const hex = 'c12fe1c06bba254a9dc9f519b335aa7c1367a88a';
    expect(infoHashOfMagnet(`magnet:?xt=urn:btih:${hex.toUpperCase()}&dn=x`)).toBe(hex);
    expect(infoHashOfMagnet('magnet:?xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK')).toBe(hex);
    expect(infoHashOfMagnet('magnet:?dn=nothing')).toBeUndefined();
  });
});

describe('TORZNAB_INDEXERS', () => {
  it('takes name=url entries and bare URLs', () => {
    expect(
      parseIndexerList('prowlarr=http://p:9696/1/api?apikey=k, http://jackett:9117/api/v2.0/indexers/all/results/torznab/api?apikey=j'),
    ).toEqual([
      { name: 'prowlarr', apiUrl: 'http://p:9696/1/api?apikey=k' },
      { name: 'jackett:9117', apiUrl: 'http://jackett:9117/api/v2.0/indexers/all/results/torznab/api?apikey=j' },
    ]);
    expect(parseIndexerList(undefined)).toEqual([]);
  });

  it('names the variable for an entry that is no URL', () => {
    expect(() => parseIndexerList('broken=not a url')).toThrow(/TORZNAB_INDEXERS: expected name=url or a URL, got "broken=not a url"/);
  });
});
