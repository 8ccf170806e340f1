import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintFiles } from '../../../../src/media/discovery/fingerprint.js';

const poster = { relativePath: 'poster.jpg', sizeBytes: 10, mtimeMs: 1_700_000_000_000.5 };
const movie = { relativePath: 'Movie (2010).mkv', sizeBytes: 1000, mtimeMs: 1_700_000_000_001 };

describe('fingerprintFiles', () => {
  it('is a sha256 hex digest that does not depend on the order files were found in', () => {
    const fingerprint = fingerprintFiles([poster, movie]);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintFiles([movie, poster])).toBe(fingerprint);
  });

  it('changes with any path, size or mtime', () => {
    const fingerprint = fingerprintFiles([poster, movie]);
    expect(fingerprintFiles([poster, { ...movie, relativePath: 'Movie (2011).mkv' }])).not.toBe(fingerprint);
    expect(fingerprintFiles([poster, { ...movie, sizeBytes: 1001 }])).not.toBe(fingerprint);
    expect(fingerprintFiles([poster, { ...movie, mtimeMs: movie.mtimeMs + 0.001 }])).not.toBe(fingerprint);
    expect(fingerprintFiles([movie])).not.toBe(fingerprint);
  });

  it('keeps fields apart, so digits cannot move between a name and a size', () => {
    expect(fingerprintFiles([{ relativePath: 'a1', sizeBytes: 23, mtimeMs: 4 }])).not.toBe(
      fingerprintFiles([{ relativePath: 'a', sizeBytes: 123, mtimeMs: 4 }]),
    );
  });

  it('of no files is the digest of nothing', () => {
    expect(fingerprintFiles([])).toBe(createHash('sha256').digest('hex'));
  });
});
