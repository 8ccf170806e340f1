import { describe, expect, it } from 'vitest';
import { phaseSettingFromStored, phaseSettingKey } from '../../../src/config/phase-config-service.js';

describe('phaseSettingFromStored', () => {
  it('takes a valid stored value as it is', () => {
    expect(phaseSettingFromStored('enrichment', 'language', 'de')).toBe('de');
  });

  it('falls back to the default when there is no row or its value is not valid', () => {
    expect(phaseSettingFromStored('enrichment', 'language', undefined)).toBe('en');
    expect(phaseSettingFromStored('enrichment', 'language', 'German')).toBe('en');
    expect(phaseSettingFromStored('enrichment', 'language', null)).toBe('en');
  });

  it('names the row a setting is kept in', () => {
    expect(phaseSettingKey('enrichment', 'language')).toBe('phase.enrichment.language');
  });
});
