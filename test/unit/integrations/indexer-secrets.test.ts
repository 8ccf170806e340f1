import { describe, expect, it } from 'vitest';
import {
  IndexerSecretMissingError,
  redactIndexerSecrets,
  resolveIndexerSecrets,
} from '../../../src/integrations/torznab/indexer-secrets.js';
import { checkedInfoHash } from '../../../src/integrations/torznab/torznab-client.js';

const prowlarr = { name: 'prowlarr', apiUrl: 'http://prowlarr:9696/1/api?apikey=0123456789abcdef' };
const jackett = { name: 'jackett', apiUrl: 'http://jackett:9117/api/v2.0/indexers/x/results/torznab/api?apikey=s3cr%2Bt' };

describe('indexer secrets in release links', () => {
  it('replaces the configured key wherever a link carries it, under any parameter name, and puts it back', () => {
    const link = 'http://prowlarr:9696/1/download?apikey=0123456789abcdef&link=abc&file=Heat';
    const stored = redactIndexerSecrets(link, prowlarr);
    expect(stored).toBe('http://prowlarr:9696/1/download?apikey={indexer-secret:query.apikey}&link=abc&file=Heat');
    expect(resolveIndexerSecrets(stored, prowlarr)).toBe(link);
    // Jackett names it jackett_apikey in its links, URL-encoded.
    const jackettLink = 'http://jackett:9117/dl/x/?jackett_apikey=s3cr%2Bt&path=p';
    const jackettStored = redactIndexerSecrets(jackettLink, jackett);
    expect(jackettStored).toBe('http://jackett:9117/dl/x/?jackett_apikey={indexer-secret:query.apikey}&path=p');
    expect(resolveIndexerSecrets(jackettStored, jackett)).toBe(jackettLink);
  });

  it('takes the key as configured now, and fails clearly when the indexer or its key is gone', () => {
    const stored = redactIndexerSecrets('http://prowlarr:9696/1/download?apikey=0123456789abcdef', prowlarr);
    expect(resolveIndexerSecrets(stored, { ...prowlarr, apiUrl: 'http://prowlarr:9696/1/api?apikey=rotated' })).toBe(
      'http://prowlarr:9696/1/download?apikey=rotated',
    );
    expect(() => resolveIndexerSecrets(stored, undefined)).toThrow(IndexerSecretMissingError);
    expect(() => resolveIndexerSecrets(stored, { ...prowlarr, apiUrl: 'http://prowlarr:9696/1/api' })).toThrow(
      /needs the query\.apikey of indexer prowlarr/,
    );
    // A magnet or a link without the key is left as it is.
    expect(redactIndexerSecrets('magnet:?xt=urn:btih:abc', prowlarr)).toBe('magnet:?xt=urn:btih:abc');
  });
});

describe('checkedInfoHash', () => {
  const hex = 'c12fe1c06bba254a9dc9f519b335aa7c1367a88a';
  it.each([
    [hex.toUpperCase(), undefined, { infoHash: hex }],
    ['YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK', `magnet:?xt=urn:btih:${hex}`, { infoHash: hex }],
    [undefined, `magnet:?xt=urn:btih:${hex}`, { infoHash: hex }],
    [undefined, undefined, {}],
    ['all', undefined, { infoHashProblem: 'info hash "all" is not 40 hex or 32 base32 characters' }],
    [`${hex}|${hex}`, undefined, { infoHashProblem: expect.stringMatching(/is not 40 hex/) }],
    [
      '0'.repeat(40),
      `magnet:?xt=urn:btih:${hex}`,
      { infoHashProblem: `info hash ${'0'.repeat(40)} differs from its magnet link's ${hex}` },
    ],
    [hex, 'magnet:?dn=no-hash', { infoHashProblem: 'its magnet link names no usable info hash' }],
  ])('%s with %s', (attribute, magnet, expected) => {
    expect(checkedInfoHash(attribute, magnet)).toEqual(expected);
  });
});
