import { describe, expect, it } from 'vitest';
import { storableReason } from '../../../src/db/repositories/scan-issue-repository.js';

describe('storableReason', () => {
  it('keeps an ordinary reason as it is', () => {
    expect(storableReason('movie.nfo: unclosed <actor>')).toBe('movie.nfo: unclosed <actor>');
  });

  it('cuts a reason that quotes a huge failed query to what a unique index can hold', () => {
    const reason = storableReason(`Failed query: insert … params: ${'p'.repeat(1_000_000)}`);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(1_000);
    expect(reason.endsWith('…')).toBe(true);
    expect(Buffer.byteLength(storableReason('é'.repeat(5_000)))).toBeLessThanOrEqual(1_000);
  });

  it('replaces characters Postgres cannot store', () => {
    expect(storableReason('a\u0000b\ud800c')).toBe('a\ufffdb\ufffdc');
  });
});
