import { describe, expect, it } from 'vitest';
import { maskSecrets, restoreMaskedSecrets } from '../../../src/integrations/secret-masking.js';

const kodi = (password: string | undefined, second = 'second-host-password-long') => ({
  groups: [
    { name: 'a', hosts: [{ name: 'h1', url: 'http://h1', username: 'kodi', ...(password === undefined ? {} : { password }) }] },
    { name: 'b', hosts: [{ name: 'h2', url: 'http://h2', password: second }] },
  ],
});

describe('maskSecrets', () => {
  it('masks secrets at every place of the service’s paths, showing the tail of long ones only', () => {
    expect(maskSecrets('kodi', kodi('short'))).toEqual({
      groups: [
        { name: 'a', hosts: [{ name: 'h1', url: 'http://h1', username: 'kodi', password: '••••' }] },
        { name: 'b', hosts: [{ name: 'h2', url: 'http://h2', password: '••••long' }] },
      ],
    });
    expect(maskSecrets('pushover', { token: 'azGDORePK8gMaC0QOYAMyEEuzJnyUi', user: 'u', priority: 0 })).toEqual({ token: '••••nyUi', user: '••••', priority: 0 });
  });

  it('leaves the input untouched and absent secrets absent', () => {
    const config = kodi(undefined);
    const masked = maskSecrets('kodi', config) as ReturnType<typeof kodi>;
    expect(config.groups[1]!.hosts[0]!.password).toBe('second-host-password-long');
    expect(masked.groups[0]!.hosts[0]).not.toHaveProperty('password');
  });
});

describe('restoreMaskedSecrets', () => {
  it('puts the stored secret back where the masked value came back, and keeps new values', () => {
    const stored = kodi('old-password');
    const incoming = maskSecrets('kodi', stored) as ReturnType<typeof kodi>;
    incoming.groups[1]!.hosts[0]!.password = 'new-password';
    const restored = restoreMaskedSecrets('kodi', incoming, stored) as ReturnType<typeof kodi>;
    expect(restored.groups[0]!.hosts[0]!.password).toBe('old-password');
    expect(restored.groups[1]!.hosts[0]!.password).toBe('new-password');
  });

  it('keeps a masked value when nothing was stored at its place', () => {
    expect(restoreMaskedSecrets('jellyfin', { apiKey: '••••' }, undefined)).toEqual({ apiKey: '••••' });
    expect(restoreMaskedSecrets('jellyfin', { apiKey: '••••' }, { url: 'http://x' })).toEqual({ apiKey: '••••' });
  });
});
