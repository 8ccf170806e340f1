import { describe, expect, it } from 'vitest';
import { toIso6391, toIso6392 } from '../../../src/language/language-codes.js';

describe('toIso6391', () => {
  it('maps TVDB three-letter codes to ISO 639-1', () => {
    expect(toIso6391('eng')).toBe('en');
    expect(toIso6391('deu')).toBe('de');
    expect(toIso6391('jpn')).toBe('ja');
  });

  it('reads every provider spelling of "no language" as null', () => {
    for (const none of [null, undefined, '', '00', 'zxx', 'und']) expect(toIso6391(none)).toBeNull();
  });

  it('keeps two-letter codes and lower-cases them', () => {
    expect(toIso6391('EN')).toBe('en');
    expect(toIso6391('fr')).toBe('fr');
  });
});

describe('toIso6392', () => {
  it.each([
    ['en', 'eng'],
    ['ENG', 'eng'],
    ['deu', 'ger'],
    ['fra', 'fre'],
    ['zho', 'chi'],
    ['pt-BR', 'por'],
    ['en_US', 'eng'],
    ['English', 'eng'],
    ['français', 'fre'],
    ['und', 'und'],
    ['yue', 'yue'],
  ])('%s → %s', (text, code) => {
    expect(toIso6392(text)).toBe(code);
  });

  it('returns null for text that is no language, and for unlisted codes when asked to', () => {
    expect(toIso6392('')).toBeNull();
    expect(toIso6392(undefined)).toBeNull();
    expect(toIso6392('forced')).toBeNull();
    expect(toIso6392('xx')).toBeNull();
    expect(toIso6392('yue', { listedOnly: true })).toBeNull();
  });
});

describe('the two conversions agree', () => {
  it.each(['en', 'eng', 'deu', 'fr', 'pt-BR'])('%s names the same language in both standards', (code) => {
    const alpha2 = toIso6391(code)!.slice(0, 2);
    expect(toIso6392(alpha2)).toBe(toIso6392(code));
  });
});
